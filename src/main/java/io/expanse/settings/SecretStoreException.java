package io.expanse.settings;

/** A secret store failed. The message names the key, never the secret. */
public final class SecretStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
