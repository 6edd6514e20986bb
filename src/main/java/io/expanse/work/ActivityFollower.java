package io.expanse.work;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;

/**
 * The mechanics shared by the trackers that submit a change and follow its {@link Activity} to its end in the
 * background: submitting with a write-ahead journal entry (see {@link #submitOnce}), the map of
 * followed activities, scheduling each step (with a growing delay, or the slow payment interval) on the scheduler,
 * the overall timeout, recording progress, notes, stops and endings in the {@link ActivityJournal}, shutting down and
 * resuming unfinished activities.
 *
 * <p>A subclass builds and sends its own request, decides what one step does in each of its phases, and supplies the
 * texts that name its resource. Steps of one activity run one at a time (each schedules the next) under the
 * {@link Follow}'s monitor; {@link #shutdown()} only flips volatile flags, so it never waits for a call in progress.
 *
 * @param <P> the phases of following one activity
 * @param <F> the subclass's {@link Follow}, holding its own counters
 */
public abstract class ActivityFollower<P extends Enum<P>, F extends ActivityFollower.Follow<P>> {

    /** The state of following one activity; subclasses add their own counters. */
    protected static class Follow<P extends Enum<P>> {
        public Activity activity;
        public P phase;
        public Duration nextDelay;
        public Instant deadline;
        public boolean awaitingPayment;
        /** The status line without a note about a failed check. */
        public String baseMessage;
        volatile ScheduledFuture<?> pending;
        volatile boolean stopped;
        /** Counts scheduled steps: only the latest one runs (see {@link ActivityFollower#stepSoon}). */
        volatile int scheduled;

        protected Follow(Activity activity, Duration firstDelay) {
            this.activity = activity;
            this.nextDelay = firstDelay;
            this.baseMessage = activity.message();
        }
    }

    /**
     * What a tracker calls its resource, and the fixed parts of what it tells the operator in situations every
     * tracker meets.
     *
     * @param resourceNoun         the resource an activity changes, as named in log lines: "volume", "pack"
     * @param unexpectedSendError  the status line while settling a request whose sending ended with an unexpected
     *                             error
     * @param stoppedReadingAdvice what the operator can do when following stopped on a read error; ends that
     *                             status line
     */
    protected record Wording(String resourceNoun, String unexpectedSendError, String stoppedReadingAdvice) {
        public Wording {
            Objects.requireNonNull(resourceNoun, "resourceNoun");
            Objects.requireNonNull(unexpectedSendError, "unexpectedSendError");
            Objects.requireNonNull(stoppedReadingAdvice, "stoppedReadingAdvice");
        }
    }

    protected final ActivityJournal journal;
    protected final Clock clock;
    protected final PollSchedule schedule;
    private final ScheduledExecutorService scheduler;
    /** The phase that finds out whether a request that got no answer was applied. */
    private final P settlePhase;
    private final Wording wording;
    /** The subclass's logger, so that log lines keep their category. */
    private final Logger log;
    private final Map<String, F> follows = new ConcurrentHashMap<>();
    private volatile boolean shutDown;

    protected ActivityFollower(Logger log, ActivityJournal journal, ScheduledExecutorService scheduler, Clock clock,
                               PollSchedule schedule, P settlePhase, Wording wording) {
        this.log = Objects.requireNonNull(log, "log");
        this.settlePhase = Objects.requireNonNull(settlePhase, "settlePhase");
        this.wording = Objects.requireNonNull(wording, "wording");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    // ------------------------------------------------------------------------------------------ hooks

    /** Whether an unfinished journal entry belongs to this tracker (kind, account, region…). */
    protected abstract boolean ownedHere(Activity activity);

    /** Whether {@link #resume(String)} may follow this unfinished activity; every one unless overridden. */
    protected boolean resumable(Activity activity) {
        return true;
    }

    /**
     * Starts following an unfinished activity again (with a new Follow, in the phase its journal entry calls for).
     */
    protected abstract void resumeFollowing(Activity activity);

    /** One step of following in the Follow's current phase; it schedules the next one or ends following. */
    protected abstract void step(F follow);

    /** The status line when the overall timeout has passed. */
    protected abstract String timeoutMessage(F follow);

    /** The status line after a step threw an unexpected exception. */
    protected abstract String unexpectedErrorMessage(RuntimeException e);

    /** Called when the scheduler refused the next step (it was closed); following has then stopped. */
    protected void schedulerClosed(F follow) {
    }

    /** The status line while settling a request that got no answer ({@code e} is of kind OUTCOME_UNKNOWN). */
    protected abstract String unansweredMessage(ApiException e);


    /**
     * A read of {@code what} ("order 123", "the volume") failed in a step: a transient error is noted and the step
     * tried again later; any other stops following with the reason. A subclass may handle some errors first.
     */
    protected void readFailed(F follow, ApiException e, String what) {
        Activity a = follow.activity;
        if (e.retryableForReads()) {
            log.info("Checking {} of activity {} failed, retrying: {}", what, a.id(), e.getMessage());
            note(follow, Texts.get("tracker.readRetrying", what, e.operatorMessage()));
            scheduleBackoff(follow);
        } else {
            log.warn("Stopped following activity {}: {}", a.id(), e.getMessage());
            // The status line the state was shown with stays first, so that the state and its details never
            // disagree ("Awaiting payment" beside a line that no longer says so).
            String reason = e.details().isEmpty() ? e.operatorMessage()
                    : Texts.get("connection.withDetails", e.operatorMessage(), e.details());
            stop(follow, Texts.sentences(follow.baseMessage, Texts.get("tracker.stoppedReading", what, reason),
                    wording.stoppedReadingAdvice()));
        }
    }

    // ------------------------------------------------------------------------------------------ public

    /**
     * Follows again every unfinished journal entry that belongs to this tracker and is not already being followed.
     * Returns at once.
     */
    public void resumeUnfinished() {
        for (Activity activity : journal.unfinished()) {
            if (ownedHere(activity)) {
                resume(activity.id());
            }
        }
    }

    /**
     * Follows one unfinished activity again (e.g. after it stopped on an authentication error that is now fixed).
     * Does nothing when it is finished, unknown, already followed, or not one of this tracker's.
     */
    public void resume(String activityId) {
        if (shutDown) {
            return;
        }
        Activity activity = journal.find(activityId).orElse(null);
        if (activity == null || activity.finished() || !resumable(activity) || follows.containsKey(activityId)) {
            return;
        }
        resumeFollowing(activity);
    }

    /** The follow of an activity being followed right now, or null. */
    protected final F following(String activityId) {
        return follows.get(activityId);
    }

    /**
     * Runs the next step of a follow at once instead of at its scheduled time (an order was just paid or
     * cancelled): the pending step is cancelled first, and a step already waiting to run is skipped. Call it
     * holding the follow's monitor.
     */
    protected final void stepSoon(F follow) {
        ScheduledFuture<?> pending = follow.pending;
        if (pending != null) {
            pending.cancel(false);
        }
        scheduleStep(follow, Duration.ZERO);
    }

    /** Whether this activity is being followed right now (an unfinished one may have stopped, see {@link #resume}). */
    public boolean isFollowing(String activityId) {
        return follows.containsKey(activityId);
    }

    /**
     * Stops following. Unfinished activities stay unfinished in the journal and are picked up by
     * {@link #resumeUnfinished()} on the next start. Neither the scheduler nor the journal is closed.
     */
    public void shutdown() {
        shutDown = true;
        for (F follow : follows.values()) {
            follow.stopped = true;
            ScheduledFuture<?> pending = follow.pending;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        follows.clear();
    }

    // ------------------------------------------------------------------------------------------ submitting

    /** One call to the cloud's API: the request of a submit (made once, never repeated) or a read of a step. */
    @FunctionalInterface
    protected interface Call<A> {
        A send() throws ApiException;
    }

    /**
     * @param trackerName which tracker ("resize", "upgrade"), named in the sentence
     * @throws TrackerShutDownException after {@link #shutdown()}
     */
    protected final void requireRunning(String trackerName) {
        if (shutDown) {
            throw new TrackerShutDownException(trackerName);
        }
    }

    /**
     * Submits the change {@code follow} holds (an activity in state SUBMITTING): journals it before anything is
     * sent ({@link #register}), sends {@code request} once (blocking) and handles the answer. An accepted request
     * goes to {@code onAccepted}, which records it and starts following; a refused one ends FAILED with the cloud's
     * message and code; one that got no answer, or whose sending failed unexpectedly, is settled in
     * the settle phase, since it may have been applied.
     *
     * @return the activity as it stands after the answer
     * @throws IllegalStateException when the resource already has an unfinished activity
     * @throws UncheckedIOException  when the journal cannot be written; the request is then not sent
     */
    protected final <A> Activity submitOnce(F follow, Call<A> request, BiConsumer<F, A> onAccepted) {
        register(follow);
        return sendOnce(follow, request, onAccepted);
    }

    /**
     * As {@link #submitOnce} for a change that is already registered and journaled (a disk of a batch that is sent
     * on its own after all): sends {@code request} once and handles the answer.
     */
    protected final <A> Activity sendOnce(F follow, Call<A> request, BiConsumer<F, A> onAccepted) {
        Activity activity = follow.activity;
        String resource = wording.resourceNoun() + " " + activity.resourceId();
        log.info("Changing {} from {} to {} GB (activity {})", resource, activity.oldSizeGb(), activity.newSizeGb(),
                activity.id());
        A accepted;
        try {
            accepted = request.send();
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.OUTCOME_UNKNOWN) {
                log.warn("Change of {} unanswered: {}", resource, e.getMessage());
                settleUnanswered(follow, unansweredMessage(e));
            } else {
                log.warn("Change of {} refused: {}", resource, e.getMessage());
                finish(follow, follow.activity
                        .withState(ActivityState.FAILED, e.operatorMessage(), clock.instant())
                        .withFailure(e.serverMessage() != null ? e.serverMessage() : e.operatorMessage(), e.code(),
                                e.requestId()));
            }
            return follow.activity;
        } catch (RuntimeException e) {
            log.error("Change of {} ended with an unexpected error; settling", resource, e);
            settleUnanswered(follow, wording.unexpectedSendError());
            return follow.activity;
        }
        onAccepted.accept(follow, accepted);
        return follow.activity;
    }

    protected final void settleUnanswered(F follow, String message) {
        save(follow, follow.activity.withMessage(message, clock.instant()));
        startFollowing(follow, settlePhase, Duration.ZERO);
    }

    // ------------------------------------------------------------------------------------------ following

    /**
     * Registers a new activity and journals it, unless its resource already has an unfinished one. It is registered
     * before it is journaled, so that {@link #resumeUnfinished()} never settles a request still in flight.
     *
     * @throws IllegalStateException when the resource already has an unfinished activity
     * @throws UncheckedIOException  when the journal cannot be written
     */
    protected final void register(F follow) {
        Activity activity = follow.activity;
        follows.put(activity.id(), follow);
        boolean recorded = false;
        try {
            recorded = journal.recordIfIdle(activity);
        } finally {
            if (!recorded) {
                follows.remove(activity.id(), follow);
            }
        }
        if (!recorded) {
            throw new IllegalStateException("A change of " + activity.displayName() + " is already in progress");
        }
    }

    /** Starts following in {@code phase}; the overall timeout counts from now. */
    protected final void startFollowing(F follow, P phase, Duration firstDelay) {
        follow.phase = phase;
        follow.deadline = clock.instant().plus(schedule.overallTimeout());
        follow.nextDelay = firstDelay.isZero() ? schedule.firstDelay() : schedule.next(firstDelay);
        F existing = follows.putIfAbsent(follow.activity.id(), follow);
        if (shutDown || (existing != null && existing != follow)) {
            return;
        }
        scheduleStep(follow, firstDelay);
    }

    protected final void scheduleStep(F follow, Duration delay) {
        if (follow.stopped || shutDown) {
            return;
        }
        try {
            int token = ++follow.scheduled;
            follow.pending = scheduler.schedule(() -> runStep(follow, token), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            schedulerClosed(follow);
            follows.remove(follow.activity.id(), follow);
        }
    }

    /** Schedules the next poll with a growing delay, or stops when the overall timeout has passed. */
    protected final void scheduleBackoff(F follow) {
        if (!follow.awaitingPayment && !clock.instant().isBefore(follow.deadline)) {
            stop(follow, timeoutMessage(follow));
            return;
        }
        Duration delay = follow.awaitingPayment ? schedule.paymentInterval() : follow.nextDelay;
        follow.nextDelay = schedule.next(follow.nextDelay);
        scheduleStep(follow, delay);
    }

    private void runStep(F follow, int token) {
        synchronized (follow) {
            if (follow.stopped || token != follow.scheduled) {
                return;
            }
            try {
                step(follow);
            } catch (RuntimeException e) {
                log.error("Unexpected error while following activity {}", follow.activity.id(), e);
                stop(follow, unexpectedErrorMessage(e));
            }
        }
    }

    /**
     * Makes the read of a step.
     *
     * @return what was read, or null when the read failed; {@link #readFailed} has then decided what follows and
     *         the step should end
     */
    protected final <T> T read(F follow, String what, Call<T> call) {
        try {
            return call.send();
        } catch (ApiException e) {
            readFailed(follow, e, what);
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ recording

    /** Records a state or status line if it changed; keeps following. */
    protected final void progress(F follow, ActivityState state, String message) {
        follow.baseMessage = message;
        Activity a = follow.activity;
        if (a.state() != state || !Objects.equals(a.message(), message)) {
            save(follow, a.withState(state, message, clock.instant()));
        }
    }

    /** Adds a note (a failed check) to the current status line without changing the state. */
    protected final void note(F follow, String note) {
        String base = follow.baseMessage == null ? "" : follow.baseMessage + " — ";
        save(follow, follow.activity.withMessage(base + note, clock.instant()));
    }

    /** Stops following, leaving the activity unfinished with the reason; {@link #resume} can pick it up. */
    protected final void stop(F follow, String message) {
        follow.stopped = true;
        follows.remove(follow.activity.id(), follow);
        save(follow, follow.activity.withMessage(message, clock.instant()));
    }

    /** Ends following with the activity in a final state. */
    protected final void finish(F follow, Activity finished) {
        follow.stopped = true;
        follows.remove(follow.activity.id(), follow);
        log.info("Activity {} for {} {} ended: {}", finished.id(), wording.resourceNoun(), finished.resourceId(),
                finished.state());
        save(follow, finished);
    }

    /**
     * Records the activity. A journal that cannot be written does not stop the following: the next change
     * writes the whole list again.
     */
    protected final void save(F follow, Activity activity) {
        follow.activity = activity;
        try {
            journal.record(activity);
        } catch (UncheckedIOException e) {
            log.error("Could not journal activity {} ({})", activity.id(), activity.state(), e);
        }
    }
}
