package io.expanse.ui.common;

import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The submit half of a dialog that starts one tracked change (a disk resize, a pack upgrade): sends it through the
 * tracker in the background, at most one at a time, and turns the outcome into what the dialog shows. An activity
 * the tracker returns as {@link ActivityState#FAILED} and a thrown error both become {@link #errorProperty()}
 * (the dialog stays open); anything else is accepted and runs the dialog's {@code onSubmitted} (it closes).
 */
public final class Submission {

    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails", "");
    private Runnable onSubmitted = () -> { };
    /** When set, receives an accepted activity instead of {@link #onSubmitted} running. */
    private java.util.function.Consumer<Activity> onAccepted;

    public Submission(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * Sends in the background unless a send is already running.
     *
     * @param send       the tracker's blocking submit
     * @param failedText what to show for an activity the tracker returned as FAILED
     * @return false when a send was already running (nothing started)
     */
    public boolean start(Callable<Activity> send, Function<Activity, String> failedText) {
        if (running.get()) {
            return false;
        }
        running.set(true);
        error.set(null);
        errorDetails.set("");
        BackgroundTask.wrap(send)
                .onSuccess(activity -> {
                    if (activity.state() == ActivityState.FAILED) {
                        error.set(failedText.apply(activity));
                    } else if (onAccepted != null) {
                        onAccepted.accept(activity);
                    } else {
                        onSubmitted.run();
                    }
                })
                .onFailure(e -> {
                    error.set(ErrorText.sentence(e));
                    errorDetails.set(ErrorText.details(e));
                })
                .onFinished(() -> running.set(false))
                .executeWith(tasks);
        return true;
    }

    /** Runs on the UI thread once a send was accepted (the dialog closes). */
    public void setOnSubmitted(Runnable action) {
        onSubmitted = Objects.requireNonNull(action, "action");
    }

    /**
     * Runs on the UI thread with the accepted activity, instead of {@code onSubmitted}: for a dialog that decides
     * what follows from the activity (an order awaiting payment is shown before it closes).
     */
    public void setOnAccepted(java.util.function.Consumer<Activity> action) {
        onAccepted = Objects.requireNonNull(action, "action");
    }

    /** The failed send's code, HTTP status and request id, shown apart from {@link #errorProperty()}; "" if none. */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    /** Whether a send is under way. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the last send failed, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
