package io.expanse.ui.common.task;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javafx.application.Platform;

/**
 * The application's executor: work runs on a background pool, continuations on the JavaFX application thread.
 * The FX thread never waits for the work.
 */
public final class FxTaskExecutor extends AbstractTaskExecutor {

    private final ExecutorService pool;

    public FxTaskExecutor(ExecutorService pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    protected Runnable start(Runnable body) {
        Future<?> future = pool.submit(body);
        // Work that has started is never interrupted: it may be half-way through writing the activity history or
        // settings. A cancelled or superseded task's work runs to its end and its result is discarded.
        return () -> future.cancel(false);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void runLaterOnUiThread(Runnable action) {
        Platform.runLater(action);
    }
}
