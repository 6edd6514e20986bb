package io.expanse.cloud.huawei;

import io.expanse.cloud.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The price, order and batch calls for EVS disks, for one account in one region: the billing center (BSS) prices a
 * disk, tells when a yearly/monthly disk's subscription ends, shows an order's amount and payment deadline, pays or
 * cancels it; EVS v5 expands up to {@link #MAX_BATCH} disks in one call. Implemented over HTTP by
 * {@link HuaweiBillingClient}. Every method blocks: call it off the FX thread.
 *
 * <p>Amounts are in the currency's main unit (yuan for CNY) whatever unit ({@code measure_id}) the answer used.
 */
public interface EvsBillingApi {

    /** The most disks one v5 batch-extend call takes (EVS API reference; the console stops at 50). */
    int MAX_BATCH = 60;
    /** The most resource ids one subscription query takes (BSS API reference). */
    int MAX_SUBSCRIPTION_IDS = 50;

    /**
     * The on-demand price per hour of a disk at its current size and at {@code newSizeGb}
     * ({@code POST /v2/bills/ratings/on-demand-resources}, the two sizes as two products of one request).
     */
    OnDemandPrice rateOnDemand(RatedDisk disk, int newSizeGb) throws ApiException;

    /**
     * The one-month yearly/monthly price of a disk of this type at {@code sizeGb}
     * ({@code POST /v2/bills/ratings/period-resources/subscribe-rate}). This is a new-purchase price: an expansion
     * costs the difference of two such prices over the remaining period (see the billing domain rules).
     */
    PeriodPrice rateMonthly(RatedDisk disk, int sizeGb) throws ApiException;

    /**
     * The most products one rating request lists. UNCONFIRMED for the real BSS (its reference lists
     * {@code product_infos} without a stated maximum in our notes; the sandbox takes 1 to 100): requests are cut
     * at this size, so a smaller real limit only means more calls.
     */
    int MAX_RATED_PRODUCTS = 100;

    /**
     * The on-demand price per hour of several disks at their current and new sizes, in as few calls as possible:
     * the client sends every disk's two sizes as products of one request (at most {@value #MAX_RATED_PRODUCTS}
     * products per call). The answer is in the order asked. This default asks one disk at a time.
     */
    default List<OnDemandPrice> rateOnDemandAll(List<RatedChange> changes) throws ApiException {
        List<OnDemandPrice> out = new java.util.ArrayList<>();
        for (RatedChange c : changes) {
            out.add(rateOnDemand(c.disk(), c.newSizeGb()));
        }
        return out;
    }

    /**
     * The one-month price of each disk at its {@link RatedDisk#sizeGb()}, as {@link #rateMonthly} gives it, in as
     * few calls as possible (several products in one period rating request). In the order asked; a disk named twice
     * is asked once. This default asks one at a time.
     */
    default List<PeriodPrice> rateMonthlyAll(List<RatedDisk> disks) throws ApiException {
        List<PeriodPrice> out = new java.util.ArrayList<>();
        for (RatedDisk d : disks) {
            out.add(rateMonthly(d, d.sizeGb()));
        }
        return out;
    }

    /**
     * The subscriptions of yearly/monthly resources ({@code POST /v2/orders/suscriptions/resources/query}, the
     * path's spelling is Huawei's), asked {@value #MAX_SUBSCRIPTION_IDS} ids per call. Ids Huawei does not know are
     * simply absent from the answer.
     */
    List<Subscription> subscriptions(List<String> resourceIds) throws ApiException;

    /**
     * An order with its amounts and payment deadline ({@code GET /v2/orders/customer-orders/details/{order_id}}).
     * NOT_FOUND when BSS does not know it.
     */
    OrderDetail getOrderDetail(String orderId) throws ApiException;

    /**
     * Pays an order awaiting payment from the account balance, without coupons or discounts
     * ({@code POST /v3/orders/customer-orders/pay}). Sent exactly once: a failure after sending raises
     * {@link ApiException.Kind#OUTCOME_UNKNOWN}, settled by reading the order back with {@link #getOrderDetail}.
     */
    void payOrder(String orderId) throws ApiException;

    /**
     * Cancels an order awaiting payment ({@code PUT /v2/orders/customer-orders/cancel}); it then has status 4.
     * Sent exactly once, like {@link #payOrder}.
     */
    void cancelOrder(String orderId) throws ApiException;

    /**
     * Expands up to {@value #MAX_BATCH} disks in one call ({@code POST /v5/{project_id}/volumes/batch-extend}).
     * Sent exactly once. Batch by billing mode: what a mixed batch returns is not documented.
     *
     * @param autoPay null for on-demand disks (no {@code bss_param} is sent); for yearly/monthly disks whether the
     *                order is paid from the balance at once
     * @throws IllegalArgumentException for no disks, more than {@value #MAX_BATCH}, or a disk named twice; nothing
     *                                  is sent then
     * @throws BatchExtendUnavailableException when the region does not serve v5 (404 {@code APIGW.0101}): nothing
     *                                         was expanded; expand the disks one by one instead
     */
    BatchAccepted batchExtend(List<BatchVolume> volumes, Boolean autoPay) throws ApiException;

    /** A batch-extend job with one outcome per disk ({@code GET /v1/{project_id}/jobs/{job_id}}, sub_jobs). */
    BatchJob getBatchJob(String jobId) throws ApiException;

    /**
     * What is priced: a disk of this EVS type in this availability zone, at its current size.
     *
     * @param volumeType       EVS type as listed ({@code SSD}, {@code GPSSD}, {@code SAS}, {@code ESSD}, …)
     * @param availabilityZone e.g. {@code cn-north-4a}
     */
    record RatedDisk(String volumeType, String availabilityZone, int sizeGb) {
        public RatedDisk {
            Objects.requireNonNull(volumeType, "volumeType");
            Objects.requireNonNull(availabilityZone, "availabilityZone");
            if (sizeGb < 1) {
                throw new IllegalArgumentException("sizeGb must be positive");
            }
        }

        public static RatedDisk of(Volume v) {
            return new RatedDisk(v.volumeType(), v.availabilityZone(), Math.toIntExact(v.sizeGb()));
        }
    }

    /** A disk to price on demand at its current size and at {@code newSizeGb}. */
    record RatedChange(RatedDisk disk, int newSizeGb) {
        public RatedChange {
            Objects.requireNonNull(disk, "disk");
            if (newSizeGb < 1) {
                throw new IllegalArgumentException("newSizeGb must be positive");
            }
        }
    }

    /** The price per hour at the old and the new size, after the account's discounts. */
    record OnDemandPrice(BigDecimal oldPerHour, BigDecimal newPerHour, String currency) {
        public OnDemandPrice {
            Objects.requireNonNull(oldPerHour, "oldPerHour");
            Objects.requireNonNull(newPerHour, "newPerHour");
        }
    }

    /**
     * One month's price of a disk.
     *
     * @param officialAmount the list price
     * @param amount         after the best discount BSS offers the account; the list price when it offers none
     */
    record PeriodPrice(BigDecimal officialAmount, BigDecimal amount, String currency) {
        public PeriodPrice {
            Objects.requireNonNull(officialAmount, "officialAmount");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * A yearly/monthly subscription of one resource.
     *
     * @param parentResourceId the server when the disk was bought with it (a sub-resource), else null
     * @param status           BSS resource status (2 in use, 3 expired, 5 grace period, …), or null
     */
    record Subscription(String resourceId, Instant effectiveTime, Instant expireTime, String parentResourceId,
                        boolean mainResource, Integer status) {
        public Subscription {
            Objects.requireNonNull(resourceId, "resourceId");
        }
    }

    /**
     * A BSS order with its amounts ({@code order_info} of the order detail).
     *
     * @param amountAfterDiscount what will be or was paid; null when BSS did not say
     * @param officialAmount      the list price; null when BSS did not say
     * @param pendingPaymentEndTime until when an order awaiting payment can be paid; null when not given
     */
    record OrderDetail(String orderId, int status, int orderType, BigDecimal amountAfterDiscount,
                       BigDecimal officialAmount, String currency, String createTime, String paymentTime,
                       Instant pendingPaymentEndTime) {
        public OrderDetail {
            Objects.requireNonNull(orderId, "orderId");
        }

        /** The same order as the {@link EvsApi} type the trackers follow. */
        public Order toOrder() {
            BigDecimal shown = amountAfterDiscount != null ? amountAfterDiscount : officialAmount;
            return new Order(orderId, status, orderType, shown == null ? null : shown.toPlainString(), currency,
                    createTime, paymentTime);
        }

        public boolean awaitingPayment() {
            return status == Order.AWAITING_PAYMENT;
        }
    }

    /** One disk of a batch and the size it should have. */
    record BatchVolume(String volumeId, int newSizeGb) {
        public BatchVolume {
            if (volumeId == null || volumeId.isBlank()) {
                throw new IllegalArgumentException("volumeId must be a non-blank id");
            }
            if (newSizeGb < 1) {
                throw new IllegalArgumentException("newSizeGb must be positive");
            }
        }
    }

    /** The 202 answer to a batch: a job (on-demand disks), an order (yearly/monthly), or both. */
    record BatchAccepted(String jobId, String orderId) {
        public BatchAccepted {
            if (jobId == null && orderId == null) {
                throw new IllegalArgumentException("a job id or an order id is expected");
            }
        }
    }

    /**
     * A batch-extend job. Its {@code status} is SUCCESS, FAIL, RUNNING or INIT like any EVS job; a batch can
     * FAIL as a whole while some disks grew, so read {@link #volumes()}.
     */
    record BatchJob(String jobId, String status, String failReason, String errorCode, List<VolumeOutcome> volumes) {
        public BatchJob {
            volumes = List.copyOf(volumes);
        }

        public boolean finished() {
            return "SUCCESS".equals(status) || "FAIL".equals(status);
        }

        /** The outcome of one disk, or null when the job does not name it. */
        public VolumeOutcome outcomeOf(String volumeId) {
            return volumes.stream().filter(v -> volumeId.equals(v.volumeId())).findFirst().orElse(null);
        }
    }

    /**
     * One disk's sub-job of a batch.
     *
     * @param sizeGb the size the sub-job reports, or null
     */
    record VolumeOutcome(String volumeId, String subJobId, String status, String failReason, String errorCode,
                         Integer sizeGb) {
        public boolean succeeded() {
            return "SUCCESS".equals(status);
        }

        public boolean failed() {
            return "FAIL".equals(status);
        }
    }
}
