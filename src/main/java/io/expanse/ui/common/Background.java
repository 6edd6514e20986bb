package io.expanse.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs blocking work (network, disk) off the FX thread and hands the result back on it. The FX thread never
 * waits: callers pass continuations.
 */
public final class Background {

    private final Executor executor;

    public Background(Executor executor) {
        this.executor = executor;
    }

    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        executor.execute(task);
        return task;
    }

    public Executor executor() {
        return executor;
    }

    /** Runs on the FX thread now if already there, else later. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
