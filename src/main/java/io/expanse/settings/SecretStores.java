package io.expanse.settings;

import io.expanse.text.Texts;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Chooses where secrets go: the OS keyring when it works, else memory for this run only, with a notice saying so.
 * A keyring that does not answer within the timeout (a locked Secret Service waiting for a prompt that never comes
 * on a headless machine) counts as unavailable.
 */
public final class SecretStores {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecretStores.class);

    /** Default wait for the keyring probe. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The chosen store.
     *
     * @param store  where secrets go
     * @param notice null with a keyring; else the sentence to show next to secret fields
     */
    public record Choice(SecretStore store, String notice) {
        public boolean keyringAvailable() {
            return store.persistent();
        }
    }

    private SecretStores() {
    }

    /** Probes the OS keyring. Blocks up to {@link #PROBE_TIMEOUT}: call off the FX thread. */
    public static Choice chooseForThisSystem() {
        return choose(KeyringSecretStore::os, PROBE_TIMEOUT);
    }

    /** Probes the keyring opened by {@code opener}. */
    public static Choice choose(KeyringSecretStore.Opener opener, Duration timeout) {
        FutureTask<KeyringSecretStore.Probe> task = new FutureTask<>(() -> KeyringSecretStore.probe(opener));
        Thread t = new Thread(task, "expanse-keyring-probe");
        t.setDaemon(true);
        t.start();
        String problem;
        try {
            KeyringSecretStore.Probe probe = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (probe.store().isPresent()) {
                return new Choice(probe.store().get(), null);
            }
            problem = probe.problem();
        } catch (TimeoutException e) {
            task.cancel(true);
            problem = Texts.get("keyring.problem.noAnswer");
        } catch (ExecutionException e) {
            LOG.debug("Keyring probe failed", e.getCause());
            problem = Texts.get("keyring.problem.failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = Texts.get("keyring.problem.interrupted");
        }
        return new Choice(new SessionSecretStore(), unavailableNotice(problem));
    }

    /** The notice shown when there is no keyring. */
    public static String unavailableNotice(String problem) {
        return Texts.get("keyring.notice", problem);
    }
}
