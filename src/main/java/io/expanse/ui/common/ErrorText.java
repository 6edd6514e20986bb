package io.expanse.ui.common;

import io.expanse.cloud.ApiException;

/** The sentence a view shows for a failure. */
public final class ErrorText {

    private ErrorText() {
    }

    /** The operator message of an API failure (anywhere in the cause chain), or the exception text. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof ApiException api) {
                return api.getMessage();
            }
            t = t.getCause();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
