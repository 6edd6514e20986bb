package io.expanse.settings;

import io.expanse.text.Texts;
import io.expanse.logging.Redactor;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets kept in memory for this run only: the fallback when no OS keyring exists. */
public final class SessionSecretStore implements SecretStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        String s = secrets.get(key);
        Redactor.registerSecret(s);
        return Optional.ofNullable(s);
    }

    @Override
    public void put(String key, String secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        Redactor.registerSecret(secret);
        secrets.put(key, secret);
    }

    @Override
    public void delete(String key) {
        secrets.remove(key);
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public String description() {
        return Texts.get("secrets.session");
    }
}
