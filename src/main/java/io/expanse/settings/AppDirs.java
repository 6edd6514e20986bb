package io.expanse.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Expanse keeps its files: the platform's per-user data directory (XDG on Linux, AppData on Windows,
 * Application Support on macOS). Nothing is ever written under the install directory. The system property
 * {@code expanse.home} overrides everything (tests and portable use).
 */
public record AppDirs(Path data, Path config, Path logs) {

    public static final String APP = "Expanse";

    public static AppDirs detect() {
        String override = System.getProperty("expanse.home");
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirs(home.resolve("data"), home.resolve("config"), home.resolve("logs"));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            Path local = envPath("LOCALAPPDATA", userHome.resolve("AppData").resolve("Local"));
            Path roaming = envPath("APPDATA", userHome.resolve("AppData").resolve("Roaming"));
            return new AppDirs(local.resolve(APP), roaming.resolve(APP), local.resolve(APP).resolve("logs"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve(APP);
            return new AppDirs(support, support, userHome.resolve("Library").resolve("Logs").resolve(APP));
        }
        Path dataHome = envPath("XDG_DATA_HOME", userHome.resolve(".local").resolve("share"));
        Path configHome = envPath("XDG_CONFIG_HOME", userHome.resolve(".config"));
        Path stateHome = envPath("XDG_STATE_HOME", userHome.resolve(".local").resolve("state"));
        String dir = APP.toLowerCase(Locale.ROOT);
        return new AppDirs(dataHome.resolve(dir), configHome.resolve(dir), stateHome.resolve(dir).resolve("logs"));
    }

    private static Path envPath(String name, Path fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }
}
