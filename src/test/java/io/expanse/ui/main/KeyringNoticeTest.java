package io.expanse.ui.main;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.settings.SettingsStore;
import io.expanse.ui.common.task.QueuedTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyring notice: never on the sandbox, and once dismissed never again, also after a restart. */
class KeyringNoticeTest {

    private static final String TEXT = "No keyring is available on this system (test).";

    @TempDir
    Path dir;

    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();

    private SettingsStore settings() {
        return new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC());
    }

    @Test
    void theNoticeIsNotShownOnTheSandboxWhichKeepsNoSecret() {
        KeyringNotice notice = new KeyringNotice(TEXT, settings(), tasks);
        assertFalse(notice.shownFor(true), "shown on the sandbox");
        assertTrue(notice.shownFor(false), "not shown for a cloud account");
        assertFalse(KeyringNotice.NONE.shownFor(false), "shown while a keyring works");
        assertFalse(new KeyringNotice(null, settings(), tasks).shownFor(false));
    }

    @Test
    void aDismissedNoticeStaysDismissedAcrossRestarts() throws Exception {
        KeyringNotice notice = new KeyringNotice(TEXT, settings(), tasks);
        notice.dismiss();
        assertFalse(notice.shownFor(false), "shown after being dismissed");
        assertTrue(tasks.pending() > 0, "the settings file is written on the FX thread");
        tasks.runAll();
        String written = Files.readString(dir.resolve("settings.json"));
        assertTrue(written.replace(" ", "").contains("\"keyringNoticeDismissed\":true"), written);

        // The next start reads the settings file again.
        KeyringNotice afterRestart = new KeyringNotice(TEXT, settings(), tasks);
        assertFalse(afterRestart.shownFor(false), "shown again after a restart");
        assertTrue(settings().load().keyringNoticeDismissed());
    }

    @Test
    void aNoticeNotDismissedIsShownAgainAfterARestart() {
        new KeyringNotice(TEXT, settings(), tasks);
        assertTrue(new KeyringNotice(TEXT, settings(), tasks).shownFor(false));
    }
}
