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
    private final ReadOnlyStringWrapper connectingTo = new ReadOnlyStringWrapper(this, "connectingTo");
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

    /** A switch to another account started: nothing is shown until it is connected. */
    public void connecting(String what) {
        if (tracker != null) {
            tracker.shutdown();
            tracker = null;
        }
        problem.set(null);
        connection.set(null);
        connectingTo.set(what);
    }

    /** What is being connected to, while {@link #connectionProperty()} is null; else null. */
    public ReadOnlyStringProperty connectingToProperty() {
        return connectingTo.getReadOnlyProperty();
    }

    public void connected(Connection c, ResizeTracker t) {
        if (tracker != null && tracker != t) {
            tracker.shutdown();
        }
        tracker = t;
        problem.set(null);
        connectingTo.set(null);
        connection.set(c);
    }

    /** Connecting failed: the views show the message instead of an account. */
    public void failed(String message) {
        connectingTo.set(null);
        problem.set(message);
    }
}
