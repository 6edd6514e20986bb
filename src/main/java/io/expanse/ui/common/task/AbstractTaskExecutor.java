package io.expanse.ui.common.task;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bookkeeping both executors share: latest-wins keys, cancellation, and delivering an outcome exactly once on
 * the UI thread. Subclasses say how work is started and how the UI thread is reached.
 */
abstract class AbstractTaskExecutor implements TaskExecutor {

    /** The newest run per latest-wins key. Touched only under its own lock. */
    private final Map<Object, Run<?>> latest = new HashMap<>();

    /**
     * Starts {@code body} on a worker; returns a way to keep it from starting if it has not yet (never an
     * interruption of work under way), or null when it already ran.
     */
    protected abstract Runnable start(Runnable body);

    @Override
    public final <T> TaskHandle execute(BackgroundTask<T> task) {
        Run<T> run = new Run<>(task);
        if (task.key() != null) {
            Run<?> previous;
            synchronized (latest) {
                previous = latest.put(task.key(), run);
            }
            if (previous != null) {
                previous.supersede();
            }
        }
        run.unstarter = start(run::work);
        return run;
    }

    private final class Run<T> implements TaskHandle {
        private final BackgroundTask<T> task;
        /** Set once the outcome was handed over, or the run was cancelled or superseded. */
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile boolean superseded;
        private volatile Runnable unstarter;

        Run(BackgroundTask<T> task) {
            this.task = task;
        }

        void work() {
            if (closed.get()) {
                return;
            }
            T value = null;
            Throwable error = null;
            try {
                value = task.call();
            } catch (Throwable t) {
                error = t;
            }
            T result = value;
            Throwable failure = error;
            runOnUiThread(() -> deliver(result, failure));
        }

        private void deliver(T value, Throwable error) {
            forget();
            if (!closed.compareAndSet(false, true)) {
                task.discarded(value);
                return;
            }
            if (error == null) {
                task.succeeded(value);
            } else if (!task.failed(error)) {
                uncaught(error);
            }
            task.finished();
        }

        void supersede() {
            superseded = true;
            if (closed.compareAndSet(false, true)) {
                unstart();
            }
        }

        @Override
        public void cancel() {
            if (closed.compareAndSet(false, true)) {
                cancelled = true;
                forget();
                unstart();
                runOnUiThread(() -> {
                    task.cancelled();
                    task.finished();
                });
            }
        }

        private void unstart() {
            Runnable u = unstarter;
            if (u != null) {
                u.run();
            }
        }

        private void forget() {
            if (task.key() != null) {
                synchronized (latest) {
                    latest.remove(task.key(), this);
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return closed.get() || superseded;
        }
    }
}
