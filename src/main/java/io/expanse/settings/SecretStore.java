package io.expanse.settings;

import java.util.Optional;

/**
 * Where profile secrets (secret keys, security tokens) are kept. Implementations register every secret they store
 * or hand out with {@link io.expanse.logging.Redactor}, so that it is masked wherever it might be printed.
 */
public interface SecretStore {

    /** The secret under {@code key}, if any. */
    Optional<String> get(String key);

    /**
     * Stores (or replaces) a secret.
     *
     * @throws SecretStoreException when the store refused it
     */
    void put(String key, String secret);

    /** Removes a secret; nothing happens when there is none. */
    void delete(String key);

    /** Whether secrets survive a restart of Expanse. */
    boolean persistent();

    /** "the system keyring", "memory (this run only)": for sentences shown to the operator. */
    String description();
}
