package io.expanse.work.nas;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.unicloud.NasApi;
import io.expanse.cloud.unicloud.OrderDetail;
import io.expanse.cloud.unicloud.OrderSummary;
import io.expanse.cloud.unicloud.RenewBody;
import io.expanse.cloud.unicloud.UpgradeBody;
import io.expanse.domain.nas.RenewalPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import io.expanse.work.Activity;
import io.expanse.work.ActivityFollower;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits NAS resource pack upgrades and follows each order, recording every step in the {@link ActivityJournal}
 * as an activity of kind {@link Activity#KIND_NAS_UPGRADE}.
 *
 * <p>The activity is journaled (SUBMITTING) before the POST, which is sent exactly once. Then {@code OrderDetail}
 * is polled: SUBMITTED/RUNNING while the order is new, SUCCEEDED once paid (and the pack's capacity is updated in
 * the {@link ResourcePackSource}), AWAITING_PAYMENT (slow polling) when it stays unpaid past a grace period
 * (UNCONFIRMED: no UniCloud document says whether an order made through the API is paid automatically from the
 * account balance), CANCELLED when cancelled or past its
 * payment deadline, FAILED with the server's message when refused. Unknown order status codes are shown raw.
 *
 * <p>Renewals ({@link Activity#KIND_NAS_RENEW}, {@link #renew}) are sent and followed the same way; once paid, the
 * pack's expiry moves on by the period renewed. A pack has at most one unfinished upgrade or renewal.
 *
 * <p>An unanswered POST is settled with {@code QueryOrders}: an order for the pack created since the request is
 * adopted and followed; none found means the upgrade was most likely not applied, which the activity says, pointing
 * to the UniCloud order list. The following itself is {@link ActivityFollower}'s.
 */
public final class NasUpgradeTracker
        extends ActivityFollower<NasUpgradeTracker.Phase, NasUpgradeTracker.UpgradeFollow> {

    /*
     * Every message below is written into the activity history in the language in use when it is made, and stays
     * in that language there (the history is a record, not a view).
     */
    /** How long a new unpaid order is treated as "being paid" before it is shown as awaiting payment. */
    public static final Duration DEFAULT_PAYMENT_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(NasUpgradeTracker.class);

    private final NasApi api;
    private final ResourcePackSource packs;
    private final Duration paymentGrace;

    public NasUpgradeTracker(NasApi api, ActivityJournal journal, ResourcePackSource packs,
                             ScheduledExecutorService scheduler, Clock clock, PollSchedule schedule,
                             Duration paymentGrace) {
        super(LOG, journal, scheduler, clock, schedule, Phase.SETTLE, new Wording(Texts.get("tracker.nas.noun"),
                Texts.get("tracker.nas.unexpectedSendError"), Texts.get("tracker.nas.checkOrder", orderList())));
        this.api = Objects.requireNonNull(api, "api");
        this.packs = Objects.requireNonNull(packs, "packs");
        this.paymentGrace = Objects.requireNonNull(paymentGrace, "paymentGrace");
    }

    /** Whether an unfinished upgrade or renewal of this pack exists in the journal. */
    public boolean inFlight(String packId) {
        return journal.unfinished().stream().anyMatch(a -> a.nasPack() && a.resourceId().equals(packId));
    }

    /**
     * Journals a renewal, sends it once (blocking: call off the FX thread) and starts following its order, as
     * {@link #submit} does for an upgrade. The body is {@link RenewBody}'s (UNCONFIRMED whether UniCloud accepts it;
     * a refusal ends the activity FAILED with UniCloud's own code and message).
     */
    public Activity renew(NasRenewRequest req) {
        Objects.requireNonNull(req, "req");
        requireRunning("renewal");
        Instant now = clock.instant();
        String name = name(req.label(), req.packId());
        RenewalPeriod period = req.period();
        RenewBody body = new RenewBody(req.packId(), req.payType(), period.count(), period.unit().rentUnit());
        Activity activity = new Activity(UUID.randomUUID().toString(), Activity.KIND_NAS_RENEW, req.account(),
                req.region(), null, req.packId(), name, req.capacityGb(), req.capacityGb(),
                "YEAR_MONTH".equals(body.payType()), null, period.code(), ActivityState.SUBMITTING, null, null, now,
                now, null, Texts.get("tracker.nas.renew.sending", name, period.text()), null, null, null);
        return submitOnce(new UpgradeFollow(activity), () -> api.renew(body), (follow, accepted) -> {
            follow.activity = follow.activity.withOrderId(accepted.orderId());
            progress(follow, ActivityState.SUBMITTED, Texts.get("tracker.nas.renew.created", accepted.orderId(),
                    name, period.text()));
            startFollowing(follow, Phase.ORDER, schedule.firstDelay());
        });
    }

    private static boolean renewal(Activity a) {
        return Activity.KIND_NAS_RENEW.equals(a.kind());
    }

    /**
     * Journals the upgrade, sends it once (blocking: call off the FX thread) and starts following the order.
     *
     * @return the activity after the answer: SUBMITTED, FAILED, or SUBMITTING while an unanswered request is settled
     * @throws IllegalStateException when the pack already has an unfinished activity, or after {@link #shutdown()}
     * @throws UncheckedIOException  when the journal cannot be written; nothing is then sent
     */
    public Activity submit(NasUpgradeRequest req) {
        Objects.requireNonNull(req, "req");
        requireRunning("upgrade");
        Instant now = clock.instant();
        String name = name(req.label(), req.packId());
        UpgradeBody body = UpgradeBody.of(req.packId(), req.newCapacityGb(), req.payType(), req.region());
        Activity activity = new Activity(UUID.randomUUID().toString(), Activity.KIND_NAS_UPGRADE, req.account(),
                req.region(), null, req.packId(), name, req.oldCapacityGb(), req.newCapacityGb(),
                "YEAR_MONTH".equals(body.payType()), null, null, ActivityState.SUBMITTING, null, null, now, now, null,
                Texts.get("tracker.nas.sending", name, Long.toString(req.newCapacityGb()),
                        body.specificationCode()), null, null, null);
        return submitOnce(new UpgradeFollow(activity), () -> api.upgrade(body), (follow, accepted) -> {
            follow.activity = follow.activity.withOrderId(accepted.orderId());
            progress(follow, ActivityState.SUBMITTED, Texts.get("tracker.nas.created", accepted.orderId(), name,
                    body.specificationCode()));
            startFollowing(follow, Phase.ORDER, schedule.firstDelay());
        });
    }

    /** {@link #resumeUnfinished()} picks up the {@code nas.upgrade} activities of this account and region. */
    @Override
    protected boolean ownedHere(Activity a) {
        return a.nasPack() && Objects.equals(a.region(), packs.region())
                && Objects.equals(a.account(), packs.account());
    }

    /** {@link #resume(String)} follows upgrades and renewals only. */
    @Override
    protected boolean resumable(Activity a) {
        return a.nasPack();
    }

    @Override
    protected void resumeFollowing(Activity a) {
        UpgradeFollow follow = new UpgradeFollow(a);
        follow.awaitingPayment = a.state() == ActivityState.AWAITING_PAYMENT;
        startFollowing(follow, a.orderId() == null ? Phase.SETTLE : Phase.ORDER, Duration.ZERO);
    }

    // ------------------------------------------------------------------------------------------ following

    enum Phase { SETTLE, ORDER }

    /** Following one upgrade: the shared state plus the failed reads of the order list. */
    final class UpgradeFollow extends ActivityFollower.Follow<Phase> {
        int failedReads;

        UpgradeFollow(Activity activity) {
            super(activity, schedule.firstDelay());
        }
    }

    @Override
    protected void step(UpgradeFollow follow) {
        if (follow.phase == Phase.SETTLE) {
            settle(follow);
        } else {
            pollOrder(follow);
        }
    }

    @Override
    protected String timeoutMessage(UpgradeFollow follow) {
        return Texts.get("tracker.nas.timeout", Long.toString(schedule.overallTimeout().toMinutes()),
                follow.baseMessage, orderList());
    }

    @Override
    protected String unexpectedErrorMessage(RuntimeException e) {
        return Texts.get("tracker.nas.unexpectedError", orderList());
    }

    @Override
    protected String unansweredMessage(ApiException e) {
        return Texts.sentences(e.operatorMessage(), Texts.get("tracker.nas.lookingForOrder"));
    }

    /** Where the operator pays or checks orders, in the language in use. */
    public static String orderList() {
        return Texts.get("tracker.nas.orderList");
    }

    private void pollOrder(UpgradeFollow follow) {
        Activity a = follow.activity;
        OrderDetail order;
        try {
            order = api.orderDetail(a.orderId());
        } catch (ApiException e) {
            if (orderGone(e)) {
                finish(follow, a.withState(ActivityState.CANCELLED, Texts.get(renewal(a)
                        ? "tracker.nas.renew.orderGone" : "tracker.nas.orderGone", a.orderId(),
                        a.displayName(), orderList()), clock.instant())
                        .withFailure(Texts.get("tracker.failure.orderGone"), e.code(), e.requestId()));
            } else {
                readFailed(follow, e, Texts.get("cloud.unicloud.what.order", a.orderId()));
            }
            return;
        }
        follow.failedReads = 0;
        Instant now = clock.instant();
        if (order.paid() && renewal(a)) {
            renewalPaid(follow, order, now);
        } else if (order.paid()) {
            // The list is updated first, so that whoever sees SUCCEEDED also sees the new capacity.
            String listNote = "";
            try {
                packs.upgradeCompleted(a.resourceId(), a.newSizeGb());
            } catch (RuntimeException e) {
                LOG.warn("Could not record the new capacity of pack {}", a.resourceId(), e);
                listNote = Texts.get("tracker.nas.listNotUpdated");
            }
            String paid = order.payTime() == null
                    ? Texts.get("tracker.nas.paid", a.orderId(), a.displayName(), Long.toString(a.newSizeGb()))
                    : Texts.get("tracker.nas.paidAt", a.orderId(), String.valueOf(order.payTime()), a.displayName(),
                            Long.toString(a.newSizeGb()));
            finish(follow, a.withState(ActivityState.SUCCEEDED, Texts.sentences(paid, listNote), now));
        } else if (order.cancelled()) {
            finish(follow, a.withState(ActivityState.CANCELLED, Texts.get(renewal(a) ? "tracker.nas.renew.cancelled"
                    : "tracker.nas.cancelled", a.orderId(),
                    String.valueOf(order.cancelType()), order.statusText(), a.displayName()), now)
                    .withFailure(Texts.get("tracker.failure.cancelled", String.valueOf(order.cancelType())),
                            order.orderStatus(), null));
        } else if (order.expiredUnpaid(now)) {
            finish(follow, a.withState(ActivityState.CANCELLED, Texts.get(renewal(a) ? "tracker.nas.renew.expired"
                    : "tracker.nas.expired", a.orderId(),
                    String.valueOf(order.dueTime()), order.statusText(), a.displayName()), now)
                    .withFailure(Texts.get("tracker.failure.deadline"), order.orderStatus(), null));
        } else if (follow.awaitingPayment || !now.isBefore(a.startedAt().plus(paymentGrace))) {
            follow.awaitingPayment = true;
            progress(follow, ActivityState.AWAITING_PAYMENT, Texts.get(renewal(a)
                    ? "tracker.nas.renew.awaitingPayment" : "tracker.nas.awaitingPayment", a.orderId(),
                    order.statusText(), orderList(), a.displayName()));
            scheduleBackoff(follow);
        } else {
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.nas.waitingForPayment", a.orderId(),
                    order.statusText()));
            scheduleBackoff(follow);
        }
    }

    /** A paid renewal: the new expiry is stored first, so that whoever sees SUCCEEDED also sees it. */
    private void renewalPaid(UpgradeFollow follow, OrderDetail order, Instant now) {
        Activity a = follow.activity;
        RenewalPeriod period = RenewalPeriod.parse(a.device());
        String periodText = period == null ? String.valueOf(a.device()) : period.text();
        String outcome;
        try {
            LocalDate next = period == null ? null : packs.renewalCompleted(a.resourceId(), period,
                    LocalDate.ofInstant(now, ZoneId.systemDefault()));
            outcome = next == null ? Texts.get("tracker.nas.renew.paidNotListed", a.orderId(), a.displayName(),
                    periodText) : Texts.get("tracker.nas.renew.paid", a.orderId(), a.displayName(), periodText,
                    next.toString());
        } catch (RuntimeException e) {
            LOG.warn("Could not record the new expiry of pack {}", a.resourceId(), e);
            outcome = Texts.sentences(Texts.get("tracker.nas.renew.paidNotListed", a.orderId(), a.displayName(),
                    periodText), Texts.get("tracker.nas.renew.listNotUpdated"));
        }
        if (order.payTime() != null) {
            outcome = Texts.sentences(outcome, Texts.get("tracker.nas.renew.paidAt", String.valueOf(order.payTime())));
        }
        finish(follow, a.withState(ActivityState.SUCCEEDED, outcome, now));
    }

    /**
     * Whether UniCloud says the order does not exist: a plain 404, or the {@code UnknownError} "Index: 0, Size: 0"
     * its API answers for an id it does not know (as the seed document shows for unknown ids).
     */
    static boolean orderGone(ApiException e) {
        if (e.kind() == ApiException.Kind.NOT_FOUND) {
            return true;
        }
        String said = e.serverMessage() == null ? "" : e.serverMessage();
        return "UnknownError".equalsIgnoreCase(e.code()) && said.replace(" ", "").contains("Index:0,Size:0");
    }

    /** Looks for the order an unanswered upgrade may have created. */
    private void settle(UpgradeFollow follow) {
        Activity a = follow.activity;
        List<OrderSummary> orders;
        try {
            orders = api.recentOrders(a.startedAt().minus(Duration.ofMinutes(2)));
        } catch (ApiException e) {
            if (e.retryableForReads() && ++follow.failedReads < schedule.settleReadAttempts()) {
                note(follow, Texts.get("tracker.nas.listRetrying", e.operatorMessage()));
                scheduleBackoff(follow);
            } else {
                stop(follow, Texts.get("tracker.nas.listFailed", e.operatorMessage(), orderList()));
            }
            return;
        }
        OrderSummary match = orders.stream().filter(o -> a.resourceId().equals(o.instanceId()) && o.id() != null
                && o.id().matches("\\d+")).findFirst().orElse(null);
        if (match != null) {
            follow.activity = a.withOrderId(match.id());
            progress(follow, ActivityState.SUBMITTED, Texts.get("tracker.nas.orderFound", match.id(),
                    a.displayName()));
            follow.phase = Phase.ORDER;
            follow.nextDelay = schedule.firstDelay();
            scheduleStep(follow, Duration.ZERO);
        } else {
            // UNCONFIRMED: InstanceId is documented for renewal orders only, so an upgrade order might not show it.
            finish(follow, a.withState(ActivityState.FAILED, Texts.get(renewal(a) ? "tracker.nas.renew.noOrder"
                    : "tracker.nas.noOrder", a.displayName(),
                    orderList()), clock.instant())
                    .withFailure(Texts.get("tracker.failure.noOrder"), null, null));
        }
    }

    private static String name(String label, String id) {
        return label == null || label.isBlank() ? id : label.strip();
    }
}
