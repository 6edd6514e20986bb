package io.expanse.ui.common.task;

/**
 * Where {@link BackgroundTask}s run: {@link FxTaskExecutor} in the application (work on a pool, continuations on
 * the FX thread), {@link CurrentThreadTaskExecutor} in view-model tests (everything at once on the test thread, no
 * window or toolkit needed).
 */
public interface TaskExecutor {

    /** Starts the task's work in the background; its continuations will run on the UI thread. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Runs {@code action} on the UI thread: now when already there, else as soon as it is free. */
    void runOnUiThread(Runnable action);

    /**
     * Runs {@code action} on the UI thread as a later event of its own, even when called there, so that events
     * waiting meanwhile (input, a layout pulse) are handled first: for big work done a slice at a time. By default
     * the same as {@link #runOnUiThread(Runnable)} (tests that run everything at once).
     */
    default void runLaterOnUiThread(Runnable action) {
        runOnUiThread(action);
    }

    /** Where a failure goes that its task had no continuation for (logged by default). */
    default void uncaught(Throwable error) {
        org.slf4j.LoggerFactory.getLogger(TaskExecutor.class).warn("A background task failed", error);
    }
}
