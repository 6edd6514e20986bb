package io.expanse.cloud.huawei;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code calls} calls within any {@code window}: a caller that would go over waits until the oldest call of
 * the window has left it. Cloud Eye answers 429 {@code ces.0429} beyond 500 calls a minute; waiting here instead
 * keeps a first read of many servers from running into that answer again and again (each 429 costs a round trip
 * and a {@code Retry-After} for every worker at once). Thread-safe; the time source is injectable, so tests move a
 * fake clock instead of sleeping.
 */
final class CallRateLimit {

    /** Cloud Eye's documented limit (reference §14). */
    static final int CLOUD_EYE_CALLS_PER_MINUTE = 500;

    /** Monotonic time and waiting; {@link #SYSTEM} uses {@link System#nanoTime()} and parks the thread. */
    interface Ticker {
        long nanos();

        void sleep(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    private final int calls;
    private final long windowNanos;
    private final Ticker ticker;
    /** When each call of the current window was let through, oldest first. */
    private final Deque<Long> started = new ArrayDeque<>();

    CallRateLimit(int calls, long windowNanos, Ticker ticker) {
        if (calls < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one call in a positive window");
        }
        this.calls = calls;
        this.windowNanos = windowNanos;
        this.ticker = ticker;
    }

    static CallRateLimit perMinute(int calls) {
        return new CallRateLimit(calls, TimeUnit.MINUTES.toNanos(1), SYSTEM);
    }

    /**
     * Waits, if needed, until one more call fits in the window, and counts it. Callers are let through in the order
     * they reserve a place: a place is taken before waiting, so waiting callers do not overtake each other.
     *
     * @return how long this caller waited, in nanoseconds
     */
    long acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = ticker.nanos();
            while (!started.isEmpty() && now - started.peekFirst() >= windowNanos) {
                started.removeFirst();
            }
            long at = now;
            if (started.size() >= calls) {
                // the place of the call that is `calls` places back: it leaves the window at its start + window
                long[] times = started.stream().mapToLong(Long::longValue).toArray();
                at = Math.max(now, times[times.length - calls] + windowNanos);
            }
            started.addLast(at);
            wait = at - now;
        }
        if (wait > 0) {
            ticker.sleep(wait);
        }
        return wait;
    }
}
