package io.expanse.ui.common.task;

/** A started {@link BackgroundTask}. */
public interface TaskHandle {

    /**
     * Asks the task to stop: its success and failure continuations will not run, {@code onCancelled} and
     * {@code onFinished} will (on the UI thread). Work that has not started never starts; work that has started is
     * not interrupted (it may be writing a file) but its result goes to {@code onDiscarded}. Has no effect once the
     * outcome was delivered.
     */
    void cancel();

    /** Whether {@link #cancel()} was called before the outcome was delivered. */
    boolean isCancelled();

    /** Whether the outcome was delivered, or the task was cancelled or superseded. */
    boolean isDone();
}
