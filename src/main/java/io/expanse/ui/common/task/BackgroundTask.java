package io.expanse.ui.common.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of blocking work (network, disk, keyring) and what to do with its outcome, built fluently and then
 * handed to a {@link TaskExecutor}:
 *
 * <pre>{@code
 * BackgroundTask.wrap(() -> api.listVolumes())
 *         .onSuccess(this::show)
 *         .onFailure(this::explain)
 *         .onFinished(() -> loading.set(false))
 *         .latestWins("volume-list")
 *         .executeWith(tasks);
 * }</pre>
 *
 * The work runs on a background thread; every continuation runs on the UI thread (with a
 * {@link CurrentThreadTaskExecutor}: on the caller's thread, at once). A task that was cancelled, or superseded by
 * a later task with the same {@link #latestWins(Object) key}, runs neither its success nor its failure
 * continuation: a result it still produced goes to {@link #onDiscarded(Consumer)} so that resources it holds can
 * be closed. {@link #onFinished(Runnable)} runs last in every case but supersession, exactly once.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    /** Work that returns nothing. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final Callable<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinished = () -> { };
    private Runnable onCancelled = () -> { };
    private Consumer<? super T> onDiscarded = v -> { };
    private Object key;

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Work work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** On the UI thread, with the work's result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * On the UI thread, with what the work threw. Without one, a failure is handed to the executor's
     * {@link TaskExecutor#uncaught(Throwable) uncaught handler}: a failure is never silently dropped.
     */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action, "action");
        return this;
    }

    /** On the UI thread after success, failure or cancellation (not after being superseded). */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action, "action");
        return this;
    }

    /** On the UI thread when {@link TaskHandle#cancel()} stopped the task before it delivered its outcome. */
    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * With a result nobody wants any more (the task was cancelled or superseded after the work had produced it):
     * close what it holds. Runs on the UI thread.
     */
    public BackgroundTask<T> onDiscarded(Consumer<? super T> action) {
        this.onDiscarded = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * Only the latest task started with this key delivers its outcome: starting another with an equal key
     * supersedes this one (an account switch that a newer switch overtook, a list that a refresh replaced).
     */
    public BackgroundTask<T> latestWins(Object key) {
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    /** Starts the work; see {@link TaskExecutor#execute(BackgroundTask)}. */
    public TaskHandle executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    Object key() {
        return key;
    }

    T call() throws Exception {
        return work.call();
    }

    void succeeded(T value) {
        onSuccess.accept(value);
    }

    /** @return false when the task has no failure continuation */
    boolean failed(Throwable error) {
        if (onFailure == null) {
            return false;
        }
        onFailure.accept(error);
        return true;
    }

    void finished() {
        onFinished.run();
    }

    void cancelled() {
        onCancelled.run();
    }

    void discarded(T value) {
        if (value != null) {
            onDiscarded.accept(value);
        }
    }
}
