package io.expanse.work;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long the {@link ResizeTracker} polls.
 *
 * @param firstDelay         delay before the first poll of a job, an order or a volume
 * @param multiplier         growth of the delay after each poll (≥ 1)
 * @param maxDelay           cap of the growing delay
 * @param overallTimeout     how long a job, order or expansion is followed before Expanse stops checking and leaves
 *                           the activity unfinished (Terraform's update timeout is 180 min); time spent waiting for
 *                           a payment does not count
 * @param paymentInterval    poll interval of an order awaiting payment
 * @param readBackAttempts   volume reads after a job or order finished before Expanse stops checking for the new
 *                           size (reads while the volume is {@code extending} do not count)
 * @param settleReadAttempts failed volume reads tolerated while finding out whether an unanswered resize was applied
 * @param settleConfirmDelay gap between the two reads that show an unchanged volume after an unanswered resize
 */
public record PollSchedule(Duration firstDelay, double multiplier, Duration maxDelay, Duration overallTimeout,
                           Duration paymentInterval, int readBackAttempts, int settleReadAttempts,
                           Duration settleConfirmDelay) {

    public PollSchedule {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(overallTimeout, "overallTimeout");
        Objects.requireNonNull(paymentInterval, "paymentInterval");
        Objects.requireNonNull(settleConfirmDelay, "settleConfirmDelay");
        if (multiplier < 1.0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                || readBackAttempts < 1 || settleReadAttempts < 1) {
            throw new IllegalArgumentException("inconsistent poll schedule");
        }
    }

    /** 2 s growing ×1.5 to 15 s, 3 h timeout, payment checked every minute, 20 read-backs, 4 settle reads. */
    public static PollSchedule defaults() {
        return new PollSchedule(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(15), Duration.ofHours(3),
                Duration.ofSeconds(60), 20, 4, Duration.ofSeconds(5));
    }

    /** The same schedule with another overall timeout. */
    public PollSchedule withOverallTimeout(Duration timeout) {
        return new PollSchedule(firstDelay, multiplier, maxDelay, timeout, paymentInterval, readBackAttempts,
                settleReadAttempts, settleConfirmDelay);
    }

    /** The delay after {@code current}: multiplied, capped at {@link #maxDelay()}. */
    public Duration next(Duration current) {
        long millis = (long) Math.ceil(current.toMillis() * multiplier);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }
}
