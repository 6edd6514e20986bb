package io.expanse.work;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A scripted EvsBillingApi for the tracker tests: order details and batch jobs answer from queues (the last answer
 * repeats); pay, cancel and the batch run a hook (to look at the journal at the moment of sending) and then throw
 * what they are told to, if anything.
 */
final class FakeBilling implements EvsBillingApi {

    final Deque<Object> details = new ArrayDeque<>();
    final Deque<Object> batchJobs = new ArrayDeque<>();
    int payCalls;
    int cancelCalls;
    int detailCalls;
    final List<List<BatchVolume>> batches = new ArrayList<>();
    ApiException payFailure;
    ApiException cancelFailure;
    ApiException batchFailure;
    BatchAccepted batchAnswer;
    Runnable onSend = () -> { };

    static OrderDetail detail(int status, Instant deadline) {
        return new OrderDetail("CS123", status, 3, new BigDecimal("71.17"), new BigDecimal("80.00"), "CNY",
                "2025-03-01T08:00:00Z", status == Order.AWAITING_PAYMENT || status == Order.CANCELLED ? null
                : "2025-03-01T08:05:00Z", deadline);
    }

    static BatchJob batchJob(String status, VolumeOutcome... outcomes) {
        return new BatchJob("job-b", status, null, null, List.of(outcomes));
    }

    FakeBilling details(Object... answers) {
        details.addAll(List.of(answers));
        return this;
    }

    FakeBilling batchJobs(Object... answers) {
        batchJobs.addAll(List.of(answers));
        return this;
    }

    @Override
    public OrderDetail getOrderDetail(String orderId) throws ApiException {
        detailCalls++;
        return ScriptedAnswers.next(details, OrderDetail.class, "order detail");
    }

    @Override
    public void payOrder(String orderId) throws ApiException {
        payCalls++;
        onSend.run();
        if (payFailure != null) {
            throw payFailure;
        }
    }

    @Override
    public void cancelOrder(String orderId) throws ApiException {
        cancelCalls++;
        onSend.run();
        if (cancelFailure != null) {
            throw cancelFailure;
        }
    }

    @Override
    public BatchAccepted batchExtend(List<BatchVolume> volumes, Boolean autoPay) throws ApiException {
        batches.add(List.copyOf(volumes));
        onSend.run();
        if (batchFailure != null) {
            throw batchFailure;
        }
        return batchAnswer;
    }

    @Override
    public BatchJob getBatchJob(String jobId) throws ApiException {
        return ScriptedAnswers.next(batchJobs, BatchJob.class, "batch job");
    }

    @Override
    public OnDemandPrice rateOnDemand(RatedDisk disk, int newSizeGb) {
        throw new AssertionError("not priced here");
    }

    @Override
    public PeriodPrice rateMonthly(RatedDisk disk, int sizeGb) {
        throw new AssertionError("not priced here");
    }

    @Override
    public List<Subscription> subscriptions(List<String> resourceIds) {
        throw new AssertionError("not priced here");
    }
}
