package io.expanse.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded scheduler on virtual time, with its own clock: tasks run on the test thread when the test
 * calls {@link #advance(Duration)}, in order of due time, and the clock shows each task's due time while it runs.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    private boolean shutdown;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    ManualScheduler(Instant start) {
        this.now = start;
    }

    Clock clock() {
        return clock;
    }

    Instant now() {
        return now;
    }

    /** Moves time forward by {@code d}, running every task that falls due, including ones scheduled meanwhile. */
    void advance(Duration d) {
        Instant end = now.plus(d);
        while (!queue.isEmpty() && !queue.peek().due.isAfter(end)) {
            Task<?> task = queue.poll();
            if (task.due.isAfter(now)) {
                now = task.due;
            }
            task.run();
        }
        now = end;
    }

    /** Runs what is due now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Due times of pending tasks, relative to now. */
    List<Duration> pendingDelays() {
        List<Duration> result = new ArrayList<>();
        queue.stream().filter(t -> !t.isCancelled()).sorted()
                .forEach(t -> result.add(Duration.between(now, t.due)));
        return result;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(new Task<Void>(command, null, now.plusNanos(unit.toNanos(Math.max(0, delay)))));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, now.plusNanos(unit.toNanos(Math.max(0, delay)))));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    private <V> Task<V> enqueue(Task<V> task) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        queue.add(task);
        return task;
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant due;
        final long seq = sequence++;

        Task(Runnable runnable, V result, Instant due) {
            super(runnable, result);
            this.due = due;
        }

        Task(Callable<V> callable, Instant due) {
            super(callable);
            this.due = due;
        }

        @Override
        public void run() {
            super.run();
            try {
                if (!isCancelled()) {
                    get();
                }
            } catch (Exception e) {
                throw new AssertionError("scheduled task failed", e);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now, due));
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> other = (Task<?>) o;
            int c = due.compareTo(other.due);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }
}
