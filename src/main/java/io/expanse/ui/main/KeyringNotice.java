package io.expanse.ui.main;

import io.expanse.settings.SettingsStore;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notice that no keyring is available: shown only while a cloud account (which has a secret to keep) is
 * shown, never on the sandbox (which needs none), and never again once dismissed (remembered in the settings, across
 * restarts).
 */
public final class KeyringNotice {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringNotice.class);

    /** No keyring notice: a keyring works. */
    public static final KeyringNotice NONE = new KeyringNotice(null, null, null);

    private final String text;
    private final SettingsStore settings;
    private final TaskExecutor tasks;
    private boolean dismissed;

    /**
     * @param text     the notice ({@code SecretStores.Choice.notice()}), or null when a keyring works
     * @param settings where the dismissal is remembered (read here once: call off the FX thread or at start-up)
     * @param tasks    runs the settings write
     */
    public KeyringNotice(String text, SettingsStore settings, TaskExecutor tasks) {
        this.text = text;
        this.settings = settings;
        this.tasks = tasks;
        this.dismissed = text == null || settings == null || settings.current().keyringNoticeDismissed();
    }

    /** The notice's text, or null. */
    public String text() {
        return text;
    }

    /** Whether the notice is shown while the sandbox ({@code sandbox}) or a cloud account is shown. */
    public boolean shownFor(boolean sandbox) {
        return text != null && !dismissed && !sandbox;
    }

    /** The operator dismissed it: never shown again, also after a restart (written in the background). */
    public void dismiss() {
        if (dismissed || settings == null) {
            dismissed = true;
            return;
        }
        dismissed = true;
        BackgroundTask.wrap(() -> settings.update(s -> s.withKeyringNoticeDismissed(true)))
                .onFailure(e -> LOG.warn("Could not remember that the keyring notice was dismissed", e))
                .executeWith(tasks);
    }
}
