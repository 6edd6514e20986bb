package io.expanse.work;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.BatchExtendUnavailableException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.Job;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.Volume;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits EVS resizes and follows each one to its end, recording every step in the {@link ActivityJournal}
 * (whose listeners the UI observes).
 *
 * <p>The resize POST is sent exactly once and never repeated. When its answer is lost
 * ({@link ApiException.Kind#OUTCOME_UNKNOWN}) the outcome is settled by reading the volume. A job is polled until
 * it ends, an order until it completes or is cancelled; success is declared only when the volume reads back as
 * {@code available}/{@code in-use} at the new size.
 *
 * <p>Only {@link #submit} blocks (for its single POST); everything else runs on the given scheduler. One tracker
 * serves one {@link EvsApi}, i.e. one account in one region: {@link #resumeUnfinished()} picks up only the
 * journal entries of that region and project. The following itself is {@link ActivityFollower}'s.
 */
public final class ResizeTracker extends ActivityFollower<ResizeTracker.Phase, ResizeTracker.ResizeFollow> {

    private static final Logger log = LoggerFactory.getLogger(ResizeTracker.class);

    /*
     * Every message below is written into the activity history in the language in use when it is made, and stays
     * in that language there (the history is a record, not a view).
     */

    private final EvsApi api;
    /** Orders with their amounts, pay, cancel, batch expansion; null where the account has none (tests). */
    private final EvsBillingApi billing;

    public ResizeTracker(EvsApi api, ActivityJournal journal, ScheduledExecutorService scheduler, Clock clock,
                         PollSchedule schedule) {
        this(api, null, journal, scheduler, clock, schedule);
    }

    /**
     * @param billing the account's billing calls: orders are then read with their amount and payment deadline,
     *                can be paid and cancelled ({@link #payOrder}, {@link #cancelOrder}), and batch jobs are read
     *                per disk; null leaves all that out
     */
    public ResizeTracker(EvsApi api, EvsBillingApi billing, ActivityJournal journal,
                         ScheduledExecutorService scheduler, Clock clock, PollSchedule schedule) {
        super(log, journal, scheduler, clock, schedule, Phase.SETTLE, new Wording(Texts.get("tracker.resize.noun"),
                Texts.get("tracker.resize.unexpectedSendError"), Texts.get("tracker.resize.stoppedReadingAdvice")));
        this.api = Objects.requireNonNull(api, "api");
        this.billing = billing;
    }

    /**
     * Journals the resize, sends it once (blocking: call off the FX thread) and starts following it.
     *
     * @return the activity as it stands after the answer: SUBMITTED, AWAITING_PAYMENT, FAILED, or SUBMITTING while
     *         an unanswered request is being settled
     * @throws IllegalStateException when the volume already has an unfinished activity, or after {@link #shutdown()}
     * @throws UncheckedIOException  when the journal cannot be written; the request is then not sent
     */
    public Activity submit(ResizeRequest req) {
        Objects.requireNonNull(req, "req");
        requireRunning("resize");
        Instant now = clock.instant();
        Activity activity = new Activity(UUID.randomUUID().toString(), Activity.KIND_EVS_RESIZE, req.account(),
                req.region(), req.projectId(), req.volumeId(), req.volumeName(), req.oldSizeGb(), req.newSizeGb(),
                req.yearlyMonthly(), req.autoPay(), req.device(), ActivityState.SUBMITTING, null, null, now, now, null,
                Texts.get("tracker.resize.sending", name(req.volumeName(), req.volumeId()),
                        Long.toString(req.newSizeGb())), null, null, null);
        return submitOnce(new ResizeFollow(activity),
                () -> api.resize(req.volumeId(), (int) req.newSizeGb(), req.autoPay()),
                (follow, accepted) -> followAccepted(follow, accepted, req.autoPay()));
    }

    private void followAccepted(ResizeFollow follow, ResizeAccepted accepted, Boolean autoPay) {
        if (accepted.jobId() != null) {
            follow.activity = follow.activity.withJobId(accepted.jobId());
            progress(follow, ActivityState.SUBMITTED, Texts.get("tracker.resize.acceptedJob", accepted.jobId()));
            startFollowing(follow, Phase.JOB, schedule.firstDelay());
        } else if (Boolean.TRUE.equals(autoPay)) {
            follow.activity = follow.activity.withOrderId(accepted.orderId());
            progress(follow, ActivityState.SUBMITTED,
                    Texts.get("tracker.resize.acceptedOrderPaid", accepted.orderId()));
            startFollowing(follow, Phase.ORDER, schedule.firstDelay());
        } else {
            // Without isAutoPay the order stays unpaid; it is checked slowly so a payment in the console is seen.
            follow.activity = follow.activity.withOrderId(accepted.orderId());
            progress(follow, ActivityState.AWAITING_PAYMENT, paymentMessage(accepted.orderId()));
            follow.awaitingPayment = true;
            // With the billing calls the order is read soon once, so that its row shows the amount and deadline.
            startFollowing(follow, Phase.ORDER, billing != null ? schedule.firstDelay() : schedule.paymentInterval());
        }
    }

    /** {@link #resumeUnfinished()} picks up the resizes of this tracker's region and project. */
    @Override
    protected boolean ownedHere(Activity activity) {
        return Activity.KIND_EVS_RESIZE.equals(activity.kind())
                && Objects.equals(activity.region(), api.region())
                && Objects.equals(activity.projectId(), api.projectId());
    }

    /**
     * A job or order is polled, an unanswered request (SUBMITTING) is settled by reading the volume, an expansion
     * without job or order (RUNNING after an unanswered request) is followed by reading the volume.
     */
    @Override
    protected void resumeFollowing(Activity activity) {
        log.info("Resuming activity {} ({}) for volume {}", activity.id(), activity.state(), activity.resourceId());
        ResizeFollow follow = new ResizeFollow(activity);
        if (activity.state() == ActivityState.SUBMITTING) {
            startFollowing(follow, Phase.SETTLE, Duration.ZERO);
        } else if (activity.jobId() != null) {
            startFollowing(follow, Phase.JOB, Duration.ZERO);
        } else if (activity.orderId() != null) {
            follow.awaitingPayment = activity.state() == ActivityState.AWAITING_PAYMENT;
            startFollowing(follow, Phase.ORDER, Duration.ZERO);
        } else {
            startFollowing(follow, Phase.READ_BACK, Duration.ZERO);
        }
    }

    // ---------------------------------------------------------------------------------------------- following

    enum Phase {
        /** Reading the volume to learn whether an unanswered request was applied. */
        SETTLE,
        /** Polling the EVS job. */
        JOB,
        /** Polling the BSS order. */
        ORDER,
        /** Reading the volume until it shows the new size. */
        READ_BACK
    }

    /** Following one resize: the shared state plus the resize's counters. */
    final class ResizeFollow extends ActivityFollower.Follow<Phase> {
        /** Failed reads while settling; volume reads without the new size while reading back. */
        int attempts;
        /** Reads showing the volume unchanged while settling. */
        int unchangedReads;
        /**
         * Order reads still to be made at the normal pace after a payment was sent (or may have been): while they
         * last, an order that still shows "awaiting payment" is read again soon rather than at the payment pace.
         */
        int paymentChecks;
        /** Whether the last payment sent got no answer (an order still unpaid then was not paid). */
        boolean paymentUnanswered;

        ResizeFollow(Activity activity) {
            super(activity, schedule.firstDelay());
        }
    }

    @Override
    protected void step(ResizeFollow follow) {
        switch (follow.phase) {
            case SETTLE -> settle(follow);
            case JOB -> pollJob(follow);
            case ORDER -> pollOrder(follow);
            case READ_BACK -> readBack(follow);
            default -> throw new IllegalStateException("phase " + follow.phase);
        }
    }

    @Override
    protected String timeoutMessage(ResizeFollow follow) {
        return Texts.get("tracker.resize.timeout", describe(schedule.overallTimeout()), follow.baseMessage);
    }

    @Override
    protected String unexpectedErrorMessage(RuntimeException e) {
        return Texts.get("tracker.resize.unexpectedError");
    }

    @Override
    protected void schedulerClosed(ResizeFollow follow) {
        log.info("Scheduler closed; stopped following activity {}", follow.activity.id());
    }

    @Override
    protected String unansweredMessage(ApiException e) {
        return Texts.get("tracker.resize.unanswered");
    }

    private void pollJob(ResizeFollow follow) {
        Activity a = follow.activity;
        Job job;
        if (billing != null) {
            // Read through the batch view: a batch job names each disk's own outcome (its sub-job); a single
            // disk's job has no sub-jobs and reads as itself.
            EvsBillingApi.BatchJob batch = read(follow, Texts.get("cloud.huawei.what.job", a.jobId()), () -> billing.getBatchJob(a.jobId()));
            if (batch == null) {
                return;
            }
            EvsBillingApi.VolumeOutcome own = batch.outcomeOf(a.resourceId());
            job = own != null
                    ? new Job(batch.jobId(), own.status(), null, own.volumeId(), own.failReason(), own.errorCode(),
                    null, null)
                    : new Job(batch.jobId(), batch.status(), null, a.resourceId(), batch.failReason(),
                    batch.errorCode(), null, null);
        } else {
            job = read(follow, Texts.get("cloud.huawei.what.job", a.jobId()), () -> api.getJob(a.jobId()));
        }
        if (job == null) {
            return;
        }
        if (job.failed()) {
            String reason = blank(job.failReason()) ? Texts.get("tracker.resize.noReason") : job.failReason();
            finish(follow, a.withState(ActivityState.FAILED, Texts.get("tracker.resize.jobFailed", reason),
                    clock.instant())
                    .withFailure(job.failReason(), job.errorCode(), null));
        } else if (job.succeeded()) {
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.resize.jobFinished", a.displayName(),
                    Long.toString(a.newSizeGb())));
            startReadBack(follow);
        } else {
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.resize.jobStatus", blank(job.status())
                    ? Texts.get("tracker.resize.pending") : job.status()));
            scheduleBackoff(follow);
        }
    }

    private void pollOrder(ResizeFollow follow) {
        Activity a = follow.activity;
        EvsBillingApi.OrderDetail detail = null;
        Order order;
        if (billing != null) {
            detail = read(follow, Texts.get("cloud.huawei.what.order", a.orderId()), () -> billing.getOrderDetail(a.orderId()));
            order = detail == null ? null : detail.toOrder();
        } else {
            order = read(follow, Texts.get("cloud.huawei.what.order", a.orderId()), () -> api.getOrder(a.orderId()));
        }
        if (order == null) {
            return;
        }
        if (order.awaitingPayment() && follow.paymentChecks > 0) {
            // A payment was just sent (or may have been): the order may take a moment to show it.
            if (--follow.paymentChecks > 0) {
                progress(follow, ActivityState.AWAITING_PAYMENT, Texts.get("billing.tracker.paymentPending",
                        a.orderId()));
                scheduleBackoff(follow);
                return;
            }
            follow.awaitingPayment = true;
            progress(follow, ActivityState.AWAITING_PAYMENT, Texts.sentences(Texts.get(follow.paymentUnanswered
                    ? "billing.tracker.notPaidAfterUnanswered" : "billing.tracker.notPaidYet", a.orderId()),
                    paymentMessage(a.orderId(), detail)));
            follow.paymentUnanswered = false;
            scheduleBackoff(follow);
            return;
        }
        if (order.cancelled() && detail != null && detail.paymentTime() == null
                && detail.pendingPaymentEndTime() != null
                && !clock.instant().isBefore(detail.pendingPaymentEndTime())) {
            finish(follow, a.withState(ActivityState.CANCELLED, Texts.get("billing.tracker.deadlinePassed",
                    a.orderId(), deadlineText(detail.pendingPaymentEndTime()), a.displayName()), clock.instant()));
            return;
        }
        if (order.awaitingPayment()) {
            follow.awaitingPayment = true;
            progress(follow, ActivityState.AWAITING_PAYMENT, paymentMessage(a.orderId(), detail));
            scheduleBackoff(follow);
            return;
        }
        if (order.completed()) {
            leavePayment(follow);
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.resize.orderCompleted", a.orderId(),
                    a.displayName(), Long.toString(a.newSizeGb())));
            startReadBack(follow);
        } else if (order.cancelled()) {
            finish(follow, a.withState(ActivityState.CANCELLED, Texts.get("tracker.resize.orderCancelled",
                    a.orderId(), a.displayName()), clock.instant()));
        } else if (order.awaitingPayment()) {
            follow.awaitingPayment = true;
            progress(follow, ActivityState.AWAITING_PAYMENT, paymentMessage(a.orderId()));
            scheduleBackoff(follow);
        } else {
            leavePayment(follow);
            String text = switch (order.status()) {
                case 1, 2, 3, 9 -> order.statusText();
                default -> Texts.get("tracker.resize.orderUnknownStatus", Integer.toString(order.status()));
            };
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.resize.orderStatus", a.orderId(), text));
            scheduleBackoff(follow);
        }
    }

    /** Once paid, the order is followed at the normal pace, and the timeout counts from the payment. */
    private void leavePayment(ResizeFollow follow) {
        follow.paymentChecks = 0;
        follow.paymentUnanswered = false;
        if (follow.awaitingPayment) {
            follow.awaitingPayment = false;
            follow.deadline = clock.instant().plus(schedule.overallTimeout());
            follow.nextDelay = schedule.firstDelay();
        }
    }

    private void startReadBack(ResizeFollow follow) {
        follow.phase = Phase.READ_BACK;
        follow.attempts = 0;
        follow.nextDelay = schedule.firstDelay();
        readBack(follow);
    }

    private void readBack(ResizeFollow follow) {
        Activity a = follow.activity;
        Volume volume = read(follow, Texts.get("tracker.resize.theVolume"), () -> api.getVolume(a.resourceId()));
        if (volume == null) {
            return;
        }
        String status = volume.status();
        if (isError(status)) {
            finish(follow, a.withState(ActivityState.FAILED, Texts.get("tracker.resize.errorStatus", a.displayName(),
                    status), clock.instant())
                    .withFailure(Texts.get("tracker.failure.volumeStatus", status), null, null));
        } else if (isStable(status) && volume.sizeGb() == a.newSizeGb()) {
            finish(follow, a.withState(ActivityState.SUCCEEDED, Texts.get("tracker.resize.succeeded", a.displayName(),
                    Long.toString(a.newSizeGb())), clock.instant()));
        } else if ("extending".equals(status)) {
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.resize.expanding", a.displayName()));
            scheduleBackoff(follow);
        } else if (++follow.attempts >= schedule.readBackAttempts()) {
            stop(follow, Texts.get("tracker.resize.stillShows", a.displayName(), Long.toString(volume.sizeGb()),
                    status, Integer.toString(follow.attempts)));
        } else {
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.resize.waiting", a.displayName(),
                    Long.toString(a.newSizeGb()), Long.toString(volume.sizeGb()), status));
            scheduleBackoff(follow);
        }
    }

    /** Decides from the volume whether an unanswered resize was applied. */
    private void settle(ResizeFollow follow) {
        Activity a = follow.activity;
        Volume volume;
        try {
            volume = api.getVolume(a.resourceId());
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                finishVolumeGone(follow, e);
            } else if (e.retryableForReads() && ++follow.attempts < schedule.settleReadAttempts()) {
                note(follow, Texts.get("tracker.resize.settleRetrying", e.operatorMessage()));
                scheduleBackoff(follow);
            } else {
                stop(follow, Texts.get("tracker.resize.settleFailed", a.displayName(), e.operatorMessage()));
            }
            return;
        }
        String status = volume.status();
        String name = a.displayName();
        if (isError(status)) {
            finish(follow, a.withState(ActivityState.FAILED, Texts.get("tracker.resize.settleError", name, status),
                    clock.instant()).withFailure(Texts.get("tracker.failure.volumeStatus", status), null, null));
        } else if (isStable(status) && volume.sizeGb() == a.newSizeGb()) {
            finish(follow, a.withState(ActivityState.SUCCEEDED, Texts.get("tracker.resize.settleApplied", name,
                    Long.toString(a.newSizeGb())), clock.instant()));
        } else if ("extending".equals(status)) {
            progress(follow, ActivityState.RUNNING, Texts.get("tracker.resize.settleExpanding"));
            follow.phase = Phase.READ_BACK;
            follow.attempts = 0;
            follow.nextDelay = schedule.firstDelay();
            scheduleBackoff(follow);
        } else if (isStable(status) && ++follow.unchangedReads < 2) {
            scheduleStep(follow, schedule.settleConfirmDelay());
        } else if (isStable(status)) {
            finish(follow, a.withState(ActivityState.FAILED, notAppliedMessage(a, volume), clock.instant())
                    .withFailure(Texts.get("tracker.failure.unchanged"), null, null));
        } else if (++follow.attempts < schedule.settleReadAttempts()) {
            note(follow, Texts.get("tracker.resize.settleChecking", name, status));
            scheduleBackoff(follow);
        } else {
            stop(follow, Texts.get("tracker.resize.settleUnknown", name, status));
        }
    }

    private static String notAppliedMessage(Activity a, Volume volume) {
        String text = volume.sizeGb() == a.oldSizeGb()
                ? Texts.get("tracker.resize.notAppliedSame", a.displayName(), Long.toString(volume.sizeGb()))
                : Texts.get("tracker.resize.notAppliedOther", a.displayName(), Long.toString(volume.sizeGb()),
                        Long.toString(a.newSizeGb()));
        return a.yearlyMonthly() ? Texts.sentences(text, Texts.get("tracker.resize.notAppliedYearly",
                Texts.get("tracker.resize.billingPath"))) : text;
    }

    /** A volume that is gone while reading back ends the resize; other errors as {@link ActivityFollower} says. */
    @Override
    protected void readFailed(ResizeFollow follow, ApiException e, String what) {
        if (e.kind() == ApiException.Kind.NOT_FOUND && follow.phase == Phase.READ_BACK) {
            finishVolumeGone(follow, e);
        } else {
            super.readFailed(follow, e, what);
        }
    }

    private void finishVolumeGone(ResizeFollow follow, ApiException e) {
        Activity a = follow.activity;
        finish(follow, a.withState(ActivityState.FAILED, Texts.get("tracker.resize.gone", a.displayName()),
                clock.instant())
                .withFailure(e.operatorMessage(), e.code(), e.requestId()));
    }

    // ------------------------------------------------------------------------------------------ orders

    /** How a pay or cancel that was sent ended, when it was not refused. */
    public enum OrderAction {
        /** The billing center accepted it; the order is being followed to its end. */
        ACCEPTED,
        /** It got no answer: the order is read back to learn whether it happened; it is not sent again. */
        UNANSWERED
    }

    /** How many quick reads of the order follow an accepted payment before it is said not to show it yet. */
    static final int PAYMENT_CHECKS = 6;

    /**
     * Pays the order of an activity awaiting payment from the account balance, without coupons or discounts. The
     * intent is recorded in the activity history before the request is sent; it is sent once, never again on its
     * own; then the order is followed to completed (and the disk read back at its new size). Blocking: call it off
     * the FX thread.
     *
     * @throws ApiException          the billing center refused it (e.g. {@code CBC.99005003}, too low a balance): the
     *                               row stays awaiting payment with the reason
     * @throws IllegalStateException when the activity does not await payment here, or no billing calls are wired
     */
    public OrderAction payOrder(String activityId) throws ApiException {
        return orderAction(activityId, true);
    }

    /**
     * Cancels the order of an activity awaiting payment; as {@link #payOrder}, recorded first, sent once, then
     * followed to cancelled. A refusal because the order was paid meanwhile is followed to completed instead.
     */
    public OrderAction cancelOrder(String activityId) throws ApiException {
        return orderAction(activityId, false);
    }

    /** The order of an activity with its amount and payment deadline, read now. Blocking. */
    public EvsBillingApi.OrderDetail orderDetail(String orderId) throws ApiException {
        requireBilling();
        return billing.getOrderDetail(orderId);
    }

    private void requireBilling() {
        if (billing == null) {
            throw new IllegalStateException("no billing calls are wired for this account");
        }
    }

    private OrderAction orderAction(String activityId, boolean pay) throws ApiException {
        requireRunning(pay ? "payment" : "cancellation");
        requireBilling();
        Activity found = journal.find(activityId).orElse(null);
        if (found == null || found.state() != ActivityState.AWAITING_PAYMENT || found.orderId() == null
                || !ownedHere(found)) {
            throw new IllegalStateException(Texts.get("billing.tracker.notAwaiting"));
        }
        String orderId = found.orderId();
        ResizeFollow follow = following(activityId);
        if (follow == null) {
            follow = new ResizeFollow(found);
            follow.phase = Phase.ORDER;
        }
        // Recorded before it is sent: a crash now leaves the row awaiting payment, and reading the order settles it.
        synchronized (follow) {
            save(follow, follow.activity.withMessage(Texts.get(pay ? "billing.tracker.paying"
                    : "billing.tracker.cancelling", orderId), clock.instant()));
        }
        log.info("{} order {} of activity {}", pay ? "Paying" : "Cancelling", orderId, activityId);
        ApiException refused = null;
        OrderAction outcome = OrderAction.ACCEPTED;
        try {
            if (pay) {
                billing.payOrder(orderId);
            } else {
                billing.cancelOrder(orderId);
            }
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.OUTCOME_UNKNOWN) {
                outcome = OrderAction.UNANSWERED;
            } else {
                refused = e;
            }
        }
        synchronized (follow) {
            String message;
            if (refused != null) {
                message = Texts.get(pay ? "billing.tracker.payRefused" : "billing.tracker.cancelRefused", orderId,
                        refused.operatorMessage(), refused.code() == null ? "" : " (" + refused.code() + ")");
            } else if (outcome == OrderAction.UNANSWERED) {
                message = Texts.get(pay ? "billing.tracker.payUnanswered" : "billing.tracker.cancelUnanswered",
                        orderId);
            } else {
                message = Texts.get(pay ? "billing.tracker.paid" : "billing.tracker.cancelSent", orderId);
            }
            follow.baseMessage = message;
            save(follow, follow.activity.withMessage(message, clock.instant()));
            boolean maybePaid = pay && refused == null;
            if (maybePaid) {
                follow.paymentChecks = outcome == OrderAction.ACCEPTED ? PAYMENT_CHECKS : 1;
                follow.paymentUnanswered = outcome == OrderAction.UNANSWERED;
            }
            // Read the order back soon, at the normal pace, unless a payment was refused (the row keeps the reason
            // and the order is read at the payment pace as before).
            boolean readSoon = refused == null || !pay;
            if (readSoon) {
                follow.awaitingPayment = false;
                follow.deadline = clock.instant().plus(schedule.overallTimeout());
                follow.nextDelay = schedule.firstDelay();
            }
            if (following(activityId) == follow) {
                if (readSoon) {
                    stepSoon(follow);
                }
            } else {
                follow.awaitingPayment = !readSoon;
                startFollowing(follow, Phase.ORDER, readSoon ? Duration.ZERO : schedule.paymentInterval());
            }
        }
        if (refused == null || !pay) {
            // The other disks of the same order (a batch order) are read back soon too.
            for (Activity other : journal.unfinished()) {
                if (!other.id().equals(activityId) && orderId.equals(other.orderId()) && ownedHere(other)) {
                    readOrderSoon(other, pay && refused == null, outcome);
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
        return outcome;
    }

    /** Reads the order of another disk of the same order at the normal pace (it was just paid or cancelled). */
    private void readOrderSoon(Activity activity, boolean maybePaid, OrderAction outcome) {
        ResizeFollow follow = following(activity.id());
        if (follow == null) {
            resume(activity.id());
            return;
        }
        synchronized (follow) {
            if (maybePaid) {
                follow.paymentChecks = outcome == OrderAction.ACCEPTED ? PAYMENT_CHECKS : 1;
                follow.paymentUnanswered = outcome == OrderAction.UNANSWERED;
            }
            follow.awaitingPayment = false;
            follow.deadline = clock.instant().plus(schedule.overallTimeout());
            follow.nextDelay = schedule.firstDelay();
            if (following(activity.id()) == follow) {
                stepSoon(follow);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ batches

    /**
     * What a batch submission did.
     *
     * @param activities one activity per disk that was sent, as it stands after the answer
     * @param busy       disks left out because a change of them is already in progress
     * @param oneByOne   whether the region does not serve the v5 batch and each disk was sent on its own (v2.1)
     * @param jobId      the batch's job (on-demand disks), or null
     * @param orderId    the batch's order (yearly/monthly disks, left unpaid), or null
     */
    public record BatchSubmission(List<Activity> activities, List<ResizeRequest> busy, boolean oneByOne,
                                  String jobId, String orderId) {
        public BatchSubmission {
            activities = List.copyOf(activities);
            busy = List.copyOf(busy);
        }
    }

    /**
     * Expands up to {@link EvsBillingApi#MAX_BATCH} disks of one billing mode in one v5 call. Each disk gets its own
     * activity, journaled before the call is sent and linked to the batch by the batch's job or order id. The call
     * is sent once: refused, every disk ends failed with the reason; unanswered, every disk is settled by reading
     * it back; where v5 is not served (404 {@code APIGW.0101}) each disk is sent on its own with the v2.1 resize,
     * one after the other, and the activities say so. An on-demand batch is followed per disk through its
     * sub-jobs; a yearly/monthly batch makes one order, left unpaid (pay or cancel it with {@link #payOrder} /
     * {@link #cancelOrder} on any of its rows). Success per disk: it reads back at its new size. Blocking.
     *
     * @throws IllegalArgumentException for no disks, more than the batch takes, or mixed billing modes
     */
    public BatchSubmission submitBatch(List<ResizeRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty() || requests.size() > EvsBillingApi.MAX_BATCH) {
            throw new IllegalArgumentException("a batch takes 1 to " + EvsBillingApi.MAX_BATCH + " disks, not "
                    + requests.size());
        }
        boolean yearly = requests.get(0).yearlyMonthly();
        if (requests.stream().anyMatch(r -> r.yearlyMonthly() != yearly)) {
            throw new IllegalArgumentException("a batch must be of one billing mode");
        }
        requireRunning("batch");
        int n = requests.size();
        Instant now = clock.instant();
        List<ResizeFollow> sent = new ArrayList<>();
        List<ResizeRequest> sentRequests = new ArrayList<>();
        List<ResizeRequest> busy = new ArrayList<>();
        for (ResizeRequest req : requests) {
            Activity activity = new Activity(UUID.randomUUID().toString(), Activity.KIND_EVS_RESIZE, req.account(),
                    req.region(), req.projectId(), req.volumeId(), req.volumeName(), req.oldSizeGb(),
                    req.newSizeGb(), req.yearlyMonthly(), yearly ? Boolean.FALSE : null, req.device(),
                    ActivityState.SUBMITTING, null, null, now, now, null,
                    Texts.get("billing.tracker.batchSending", name(req.volumeName(), req.volumeId()),
                            Long.toString(req.newSizeGb()), Integer.toString(n)), null, null, null);
            ResizeFollow follow = new ResizeFollow(activity);
            try {
                register(follow);
                sent.add(follow);
                sentRequests.add(req);
            } catch (IllegalStateException e) {
                busy.add(req);
            }
        }
        if (sent.isEmpty()) {
            return new BatchSubmission(List.of(), busy, false, null, null);
        }
        if (billing == null) {
            return oneByOne(sent, sentRequests, busy, null);
        }
        List<EvsBillingApi.BatchVolume> volumes = sentRequests.stream()
                .map(r -> new EvsBillingApi.BatchVolume(r.volumeId(), (int) r.newSizeGb())).toList();
        EvsBillingApi.BatchAccepted accepted;
        try {
            accepted = billing.batchExtend(volumes, yearly ? Boolean.FALSE : null);
        } catch (BatchExtendUnavailableException e) {
            log.info("v5 batch expansion not served in {}; sending {} disks one by one", api.region(), sent.size());
            return oneByOne(sent, sentRequests, busy, e);
        } catch (ApiException e) {
            for (ResizeFollow follow : sent) {
                if (e.kind() == ApiException.Kind.OUTCOME_UNKNOWN) {
                    settleUnanswered(follow, Texts.get("billing.tracker.batchUnanswered"));
                } else {
                    finish(follow, follow.activity.withState(ActivityState.FAILED,
                            Texts.get("billing.tracker.batchRefused", e.operatorMessage()), clock.instant())
                            .withFailure(e.serverMessage() != null ? e.serverMessage() : e.operatorMessage(),
                                    e.code(), e.requestId()));
                }
            }
            return new BatchSubmission(sent.stream().map(f -> f.activity).toList(), busy, false, null, null);
        } catch (RuntimeException e) {
            log.error("Batch expansion ended with an unexpected error; settling each disk", e);
            sent.forEach(f -> settleUnanswered(f, Texts.get("tracker.resize.unexpectedSendError")));
            return new BatchSubmission(sent.stream().map(f -> f.activity).toList(), busy, false, null, null);
        }
        for (ResizeFollow follow : sent) {
            if (accepted.jobId() != null) {
                follow.activity = follow.activity.withJobId(accepted.jobId());
                progress(follow, ActivityState.SUBMITTED, Texts.get("billing.tracker.batchJob", accepted.jobId(),
                        Integer.toString(sent.size())));
                startFollowing(follow, Phase.JOB, schedule.firstDelay());
            } else {
                follow.activity = follow.activity.withOrderId(accepted.orderId());
                follow.awaitingPayment = true;
                progress(follow, ActivityState.AWAITING_PAYMENT, Texts.sentences(Texts.get(
                        "billing.tracker.batchOrder", accepted.orderId(), Integer.toString(sent.size())),
                        paymentMessage(accepted.orderId())));
                startFollowing(follow, Phase.ORDER, schedule.firstDelay());
            }
        }
        return new BatchSubmission(sent.stream().map(f -> f.activity).toList(), busy, false, accepted.jobId(),
                accepted.orderId());
    }

    /** The disks of a batch sent one after the other with the v2.1 resize (each once), saying why. */
    private BatchSubmission oneByOne(List<ResizeFollow> sent, List<ResizeRequest> requests, List<ResizeRequest> busy,
                                     ApiException why) {
        List<Activity> out = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            ResizeFollow follow = sent.get(i);
            ResizeRequest req = requests.get(i);
            Boolean autoPay = req.yearlyMonthly() ? Boolean.FALSE : null;
            save(follow, follow.activity.withMessage(Texts.get("billing.tracker.oneByOne",
                    name(req.volumeName(), req.volumeId()), Long.toString(req.newSizeGb())), clock.instant()));
            out.add(sendOnce(follow, () -> api.resize(req.volumeId(), (int) req.newSizeGb(), autoPay),
                    (f, accepted) -> followAccepted(f, accepted, autoPay)));
        }
        return new BatchSubmission(out, busy, why != null, null, null);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String paymentMessage(String orderId) {
        return Texts.get("tracker.resize.awaitingPayment", orderId, Texts.get("tracker.resize.billingPath"));
    }

    /** "Order X awaits payment: 12.34 CNY, by <deadline>…" when the amount is known, else the plain sentence. */
    private static String paymentMessage(String orderId, EvsBillingApi.OrderDetail detail) {
        if (detail == null || detail.amountAfterDiscount() == null && detail.officialAmount() == null) {
            return paymentMessage(orderId);
        }
        String amount = amountText(detail.toOrder().amount(), detail.currency());
        return detail.pendingPaymentEndTime() == null
                ? Texts.get("billing.tracker.awaitingAmount", orderId, amount)
                : Texts.get("billing.tracker.awaitingAmountBy", orderId, amount,
                deadlineText(detail.pendingPaymentEndTime()));
    }

    /** "12.34 CNY". */
    public static String amountText(String amount, String currency) {
        return currency == null || currency.isBlank() ? amount : amount + " " + currency;
    }

    /** A payment deadline in this computer's zone, the zone named. */
    private static String deadlineText(Instant deadline) {
        return Texts.dateTime(deadline, ZoneId.systemDefault());
    }

    private static boolean isStable(String status) {
        return "available".equals(status) || "in-use".equals(status);
    }

    private static boolean isError(String status) {
        return status != null && status.startsWith("error");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String name(String name, String id) {
        return blank(name) ? id : name;
    }

    private static String describe(Duration d) {
        if (d.toMinutes() >= 60 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        return d.toSeconds() >= 60 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
