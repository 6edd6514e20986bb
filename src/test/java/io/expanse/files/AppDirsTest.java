package io.expanse.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    private static Properties props(String os, String userHome) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        p.setProperty("user.home", userHome);
        return p;
    }

    private static final Properties LINUX = props("Linux", "/home/passwd-user");

    @Test
    void linuxFollowsTheXdgVariablesWhenSet() {
        AppDirs dirs = AppDirs.detect(Map.of("HOME", "/tmp/h", "XDG_DATA_HOME", "/x/data",
                "XDG_CONFIG_HOME", "/x/config", "XDG_STATE_HOME", "/x/state"), LINUX);

        assertEquals(Path.of("/x/data/expanse"), dirs.data());
        assertEquals(Path.of("/x/config/expanse"), dirs.config());
        assertEquals(Path.of("/x/state/expanse/logs"), dirs.logs());
        assertEquals(Path.of("/tmp/h"), dirs.home());
    }

    @Test
    void linuxWithOnlyHomeUsesItNotThePasswdHome() {
        AppDirs dirs = AppDirs.detect(Map.of("HOME", "/tmp/h"), LINUX);

        assertEquals(Path.of("/tmp/h/.local/share/expanse"), dirs.data());
        assertEquals(Path.of("/tmp/h/.config/expanse"), dirs.config());
        assertEquals(Path.of("/tmp/h/.local/state/expanse/logs"), dirs.logs());
        assertEquals(Path.of("/tmp/h"), dirs.home());
    }

    @Test
    void linuxWithNeitherFallsBackToUserHome() {
        AppDirs dirs = AppDirs.detect(Map.of(), LINUX);

        assertEquals(Path.of("/home/passwd-user/.local/share/expanse"), dirs.data());
        assertEquals(Path.of("/home/passwd-user/.config/expanse"), dirs.config());
        assertEquals(Path.of("/home/passwd-user/.local/state/expanse/logs"), dirs.logs());
        assertEquals(Path.of("/home/passwd-user"), dirs.home());
    }

    @Test
    void blankOrRelativeValuesAreIgnored() {
        AppDirs dirs = AppDirs.detect(Map.of("HOME", " ", "XDG_DATA_HOME", "relative/data",
                "XDG_CONFIG_HOME", ""), LINUX);

        assertEquals(Path.of("/home/passwd-user/.local/share/expanse"), dirs.data());
        assertEquals(Path.of("/home/passwd-user/.config/expanse"), dirs.config());
        assertEquals(Path.of("/home/passwd-user"), dirs.home());
    }

    @Test
    void macOsPrefersHomeToo() {
        AppDirs dirs = AppDirs.detect(Map.of("HOME", "/tmp/m", "XDG_DATA_HOME", "/x/data"),
                props("Mac OS X", "/Users/passwd-user"));

        assertEquals(Path.of("/tmp/m/Library/Application Support/Expanse"), dirs.data());
        assertEquals(Path.of("/tmp/m/Library/Application Support/Expanse"), dirs.config());
        assertEquals(Path.of("/tmp/m/Library/Logs/Expanse"), dirs.logs());
        assertEquals(Path.of("/tmp/m"), dirs.home());
    }

    @Test
    void windowsUsesAppDataAndIgnoresHome() {
        AppDirs dirs = AppDirs.detect(Map.of("HOME", "/c/Users/shell", "LOCALAPPDATA", "/w/local",
                "APPDATA", "/w/roaming"), props("Windows 11", "/w/user"));

        assertEquals(Path.of("/w/local/Expanse"), dirs.data());
        assertEquals(Path.of("/w/roaming/Expanse"), dirs.config());
        assertEquals(Path.of("/w/local/Expanse/logs"), dirs.logs());
        assertEquals(Path.of("/w/user"), dirs.home());
    }

    @Test
    void windowsWithoutAppDataUsesFoldersUnderUserHome() {
        AppDirs dirs = AppDirs.detect(Map.of(), props("Windows 11", "/w/user"));

        assertEquals(Path.of("/w/user/AppData/Local/Expanse"), dirs.data());
        assertEquals(Path.of("/w/user/AppData/Roaming/Expanse"), dirs.config());
    }

    @Test
    void theOverridePropertyMovesTheFoldersButNotTheHome() {
        Properties p = props("Linux", "/home/passwd-user");
        p.setProperty(AppDirs.OVERRIDE_PROPERTY, "/portable");
        AppDirs dirs = AppDirs.detect(Map.of("HOME", "/tmp/h", "XDG_DATA_HOME", "/x/data"), p);

        assertEquals(new AppDirs(Path.of("/portable/data"), Path.of("/portable/config"),
                Path.of("/portable/logs"), Path.of("/tmp/h")), dirs);
    }
}
