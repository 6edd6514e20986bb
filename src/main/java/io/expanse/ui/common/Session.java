package io.expanse.ui.common;

import io.expanse.work.Connection;
import io.expanse.work.ResizeTracker;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The account the window is working on, and the tracker that follows its resizes. Views observe
 * {@link #connectionProperty()}; it changes only on the FX thread.
 */
public final class Session {

    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private ResizeTracker tracker;

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public Connection connection() {
        return connection.get();
    }

    public ResizeTracker tracker() {
        return tracker;
    }

    /** Why no connection could be made (shown in the error state), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void connected(Connection c, ResizeTracker t) {
        if (tracker != null && tracker != t) {
            tracker.shutdown();
        }
        tracker = t;
        problem.set(null);
        connection.set(c);
    }

    public void failed(String message) {
        problem.set(message);
    }
}
