package io.expanse.work;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.Job;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.Volume;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    public ResizeTracker(EvsApi api, ActivityJournal journal, ScheduledExecutorService scheduler, Clock clock,
                         PollSchedule schedule) {
        super(log, journal, scheduler, clock, schedule, Phase.SETTLE, new Wording(Texts.get("tracker.resize.noun"),
                Texts.get("tracker.resize.unexpectedSendError"), Texts.get("tracker.resize.stoppedReadingAdvice")));
        this.api = Objects.requireNonNull(api, "api");
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
            startFollowing(follow, Phase.ORDER, schedule.paymentInterval());
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
        Job job = read(follow, Texts.get("cloud.huawei.what.job", a.jobId()), () -> api.getJob(a.jobId()));
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
        Order order = read(follow, Texts.get("cloud.huawei.what.order", a.orderId()), () -> api.getOrder(a.orderId()));
        if (order == null) {
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

    // ------------------------------------------------------------------------------------------ helpers

    private static String paymentMessage(String orderId) {
        return Texts.get("tracker.resize.awaitingPayment", orderId, Texts.get("tracker.resize.billingPath"));
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
