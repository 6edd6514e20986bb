package io.expanse.ui.common.task;

/**
 * Runs each task's work and its continuations at once, on the calling thread: view models become plain
 * synchronous code in tests, with no JavaFX toolkit, window or waiting. A failure without a continuation is
 * rethrown wrapped, so a test cannot miss it.
 */
public final class CurrentThreadTaskExecutor extends AbstractTaskExecutor {

    @Override
    protected Runnable start(Runnable body) {
        body.run();
        return null;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void uncaught(Throwable error) {
        throw new IllegalStateException("A background task failed and had no failure continuation", error);
    }
}
