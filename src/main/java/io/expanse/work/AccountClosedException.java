package io.expanse.work;

/**
 * A change asked of a tracker whose account was closed (the operator chose another account while a dialog was
 * open): nothing was recorded or sent. Its message is a sentence for the operator.
 */
public final class AccountClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AccountClosedException() {
        super("This account was closed (another account was chosen) before the change was sent, so nothing was"
                + " sent. Open the dialog again from the list.");
    }
}
