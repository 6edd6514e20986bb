package io.expanse.ui.common;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * A short confirmation in the status line ("Copied the ID of data-01."), shown for a few seconds and then
 * replaced by the usual status again. Set on the FX thread.
 */
public final class StatusFlash {

    /** How long a confirmation stays. */
    public static final Duration SHOWN_FOR = Duration.seconds(5);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private PauseTransition timer;

    /** Shows {@code text} in place of the status line for a few seconds. */
    public void show(String text) {
        message.set(text);
        if (!Platform.isFxApplicationThread()) {
            return;
        }
        if (timer == null) {
            timer = new PauseTransition(SHOWN_FOR);
            timer.setOnFinished(e -> message.set(null));
        }
        timer.playFromStart();
    }

    /** The confirmation shown now, or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
