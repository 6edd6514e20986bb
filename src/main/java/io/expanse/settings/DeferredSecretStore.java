package io.expanse.settings;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A secret store whose choice (keyring or memory) is still being made: probing the OS keyring loads native
 * libraries and can take half a second, so it runs beside the rest of start-up. Every call waits for the choice;
 * the first ones come from background work (connecting, testing a profile), never before start-up has finished.
 */
public final class DeferredSecretStore implements SecretStore {

    private final CompletableFuture<SecretStores.Choice> choice;

    public DeferredSecretStore(CompletableFuture<SecretStores.Choice> choice) {
        this.choice = choice;
    }

    private SecretStore store() {
        return choice.join().store();
    }

    @Override
    public Optional<String> get(String key) {
        return store().get(key);
    }

    @Override
    public void put(String key, String secret) {
        store().put(key, secret);
    }

    @Override
    public void delete(String key) {
        store().delete(key);
    }

    @Override
    public boolean persistent() {
        return store().persistent();
    }

    @Override
    public String description() {
        return store().description();
    }
}
