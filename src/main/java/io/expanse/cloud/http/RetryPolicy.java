package io.expanse.cloud.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How read-only calls are repeated after a throttled, server-side or network failure: bounded exponential backoff
 * with equal jitter, honouring a server's {@code Retry-After} up to {@code maxDelay}. Mutating calls are never
 * repeated. Sleeping and randomness are injectable so tests run instantly.
 *
 * @param maxAttempts total attempts including the first (1 disables retries)
 * @param baseDelay   delay before the first retry, doubled for each further one
 * @param maxDelay    upper bound of any single delay, also for {@code Retry-After}
 * @param sleeper     how to wait
 * @param random      uniform values in [0, 1) for the jitter
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper,
                          DoubleSupplier random) {

    /** Waits for a duration; {@link Thread#sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /** 4 attempts, 500 ms base, 8 s cap, real sleeping and randomness. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8),
                d -> Thread.sleep(d.toMillis()), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A single attempt: nothing is repeated. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> { }, () -> 0);
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}.
     *
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param retryAfter     the server's {@code Retry-After}, or null
     */
    public Duration delay(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return min(retryAfter, maxDelay);
        }
        Duration exponential = baseDelay.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        long capped = min(exponential, maxDelay).toMillis();
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
