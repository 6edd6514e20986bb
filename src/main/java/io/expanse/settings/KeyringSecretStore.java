package io.expanse.settings;

import io.expanse.text.Texts;
import com.github.javakeyring.Keyring;
import io.expanse.logging.Redactor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows) through
 * java-keyring, under service {@value #SERVICE}. Obtain one with {@link #probe(Opener)}, which proves the keyring
 * works by writing, reading and deleting a test entry; java-keyring throws on a headless Linux without a Secret
 * Service, and that makes the probe fail.
 */
public final class KeyringSecretStore implements SecretStore {

    public static final String SERVICE = "Expanse";
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);

    /** The three keyring operations; java-keyring in production, a map in tests. */
    public interface Backend {
        String get(String service, String account) throws Exception;

        void set(String service, String account, String secret) throws Exception;

        void delete(String service, String account) throws Exception;
    }

    /** Opens the backend; may fail. */
    @FunctionalInterface
    public interface Opener {
        Backend open() throws Exception;
    }

    /** The outcome of {@link #probe}: a working store, or why there is none. */
    public record Probe(Optional<KeyringSecretStore> store, String problem) {
    }

    private final Backend backend;
    private final String name;

    private KeyringSecretStore(Backend backend, String name) {
        this.backend = backend;
        this.name = name;
    }

    /** java-keyring's backend for this OS. */
    public static Backend os() throws Exception {
        Keyring keyring = Keyring.create();
        return new Backend() {
            @Override
            public String get(String service, String account) throws Exception {
                return keyring.getPassword(service, account);
            }

            @Override
            public void set(String service, String account, String secret) throws Exception {
                keyring.setPassword(service, account, secret);
            }

            @Override
            public void delete(String service, String account) throws Exception {
                keyring.deletePassword(service, account);
            }
        };
    }

    /** Opens the backend and writes, reads back and deletes a random test entry. */
    public static Probe probe(Opener opener) {
        Backend backend;
        try {
            backend = opener.open();
        } catch (Exception | LinkageError e) {
            LOG.debug("No keyring service", e);
            return new Probe(Optional.empty(), Texts.get("keyring.problem.noService"));
        }
        String account = "probe-" + UUID.randomUUID();
        String value = UUID.randomUUID().toString();
        try {
            backend.set(SERVICE, account, value);
            String read = backend.get(SERVICE, account);
            backend.delete(SERVICE, account);
            if (!value.equals(read)) {
                return new Probe(Optional.empty(), Texts.get("keyring.problem.mismatch"));
            }
        } catch (Exception | LinkageError e) {
            LOG.debug("The keyring refused the probe entry", e);
            return new Probe(Optional.empty(), Texts.get("keyring.problem.refused"));
        }
        return new Probe(Optional.of(new KeyringSecretStore(backend, Texts.get("secrets.keyring"))), null);
    }

    @Override
    public Optional<String> get(String key) {
        try {
            String s = backend.get(SERVICE, key);
            Redactor.registerSecret(s);
            return Optional.ofNullable(s);
        } catch (Exception e) {
            // java-keyring reports a missing entry as an exception too.
            LOG.debug("No keyring entry {} ({})", key, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        Redactor.registerSecret(secret);
        try {
            backend.set(SERVICE, key, secret);
        } catch (Exception e) {
            LOG.warn("The keyring refused to store {}", key, e);
            throw new SecretStoreException(Texts.get("keyring.problem.refusedStore"), null);
        }
    }

    @Override
    public void delete(String key) {
        try {
            backend.delete(SERVICE, key);
        } catch (Exception e) {
            LOG.debug("Keyring entry {} not deleted ({})", key, e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public String description() {
        return name;
    }
}
