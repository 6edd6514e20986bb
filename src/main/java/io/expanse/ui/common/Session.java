package io.expanse.ui.common;

import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.EvsAccount;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Huawei account the EVS tab is working on, as its {@link AccountSelector} reports it: connecting, connected
 * or failed. Views observe {@link #connectionProperty()}; it changes only on the FX thread. The selector opens and
 * closes the accounts; the session only shows them.
 */
public final class Session implements AccountSelector.Listener<EvsAccount> {

    private final ReadOnlyObjectWrapper<EvsAccount> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper connectingTo = new ReadOnlyStringWrapper(this, "connectingTo");
    private final StatusFlash flash = new StatusFlash();

    /** Short confirmations for the status line (copied, exported…). */
    public StatusFlash flash() {
        return flash;
    }

    public ReadOnlyObjectProperty<EvsAccount> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public EvsAccount connection() {
        return connection.get();
    }

    /** The tracker of the account shown, or null. */
    public ResizeTracker tracker() {
        EvsAccount c = connection.get();
        return c == null ? null : c.tracker();
    }

    /** Why no connection could be made (shown in the error state), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What is being connected to, while {@link #connectionProperty()} is null; else null. */
    public ReadOnlyStringProperty connectingToProperty() {
        return connectingTo.getReadOnlyProperty();
    }

    /** A switch to another account started: nothing is shown until it is connected. */
    @Override
    public void connecting(String what) {
        problem.set(null);
        connection.set(null);
        connectingTo.set(what);
    }

    @Override
    public void connected(EvsAccount account) {
        problem.set(null);
        connectingTo.set(null);
        connection.set(account);
    }

    /** Connecting (or deleting a profile) failed: the views show the message. */
    @Override
    public void failed(String message) {
        connectingTo.set(null);
        problem.set(message);
    }
}
