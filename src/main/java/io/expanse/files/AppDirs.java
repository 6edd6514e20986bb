package io.expanse.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where Expanse keeps its files: the platform's per-user data directory (XDG on Linux, AppData on Windows,
 * Application Support on macOS), and the user's home they are derived from. Nothing is ever written under the
 * install directory. The system property {@code expanse.home} overrides the three folders (portable use).
 *
 * <p>The home is {@code $HOME} on Linux and macOS, and the {@code user.home} property only when {@code HOME} is unset:
 * the JDK takes {@code user.home} from the password database and ignores {@code $HOME}, so {@code HOME=/some/dir}
 * would otherwise not move anything. On Linux the XDG base directory variables ({@code XDG_DATA_HOME},
 * {@code XDG_CONFIG_HOME}, {@code XDG_STATE_HOME}) come first; as the XDG specification asks, a relative path in one
 * of them is ignored. Windows uses {@code LOCALAPPDATA} and {@code APPDATA}, else folders under {@code user.home}.
 *
 * @param data   the journal and other data files
 * @param config the settings file
 * @param logs   the log folder
 * @param home   the user's home as resolved here (where {@code ~/.huaweicloud/credentials} is looked up)
 */
public record AppDirs(Path data, Path config, Path logs, Path home) {

    public static final String APP = "Expanse";
    /** The system property that puts data, config and logs in one folder of its own. */
    public static final String OVERRIDE_PROPERTY = "expanse.home";

    public AppDirs {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(home, "home");
    }

    /** The three folders as given; the home is this process's, as {@link #detect()} resolves it. */
    public AppDirs(Path data, Path config, Path logs) {
        this(data, config, logs, userHome(System.getenv(), System.getProperties()));
    }

    /** The folders for this process: its environment and system properties. */
    public static AppDirs detect() {
        return detect(System.getenv(), System.getProperties());
    }

    /** The folders for the given environment and system properties ({@code os.name}, {@code user.home}, …). */
    public static AppDirs detect(Map<String, String> env, Properties props) {
        Path home = userHome(env, props);
        String override = props.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new AppDirs(root.resolve("data"), root.resolve("config"), root.resolve("logs"), home);
        }
        String os = osName(props);
        if (os.contains("win")) {
            Path local = env(env, "LOCALAPPDATA").orElse(home.resolve("AppData").resolve("Local"));
            Path roaming = env(env, "APPDATA").orElse(home.resolve("AppData").resolve("Roaming"));
            return new AppDirs(local.resolve(APP), roaming.resolve(APP), local.resolve(APP).resolve("logs"), home);
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve(APP);
            return new AppDirs(support, support, home.resolve("Library").resolve("Logs").resolve(APP), home);
        }
        Path dataHome = absoluteEnv(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        Path configHome = absoluteEnv(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path stateHome = absoluteEnv(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"));
        String dir = APP.toLowerCase(Locale.ROOT);
        return new AppDirs(dataHome.resolve(dir), configHome.resolve(dir), stateHome.resolve(dir).resolve("logs"),
                home);
    }

    /**
     * The user's home: {@code $HOME} when it is set to an absolute path (not on Windows, where {@code HOME} is
     * usually a Unix-style path left by a shell), else the {@code user.home} property.
     */
    public static Path userHome(Map<String, String> env, Properties props) {
        Path fallback = Path.of(props.getProperty("user.home", ""));
        if (osName(props).contains("win")) {
            return fallback;
        }
        return absoluteEnv(env, "HOME", fallback);
    }

    private static String osName(Properties props) {
        return props.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }

    /** The variable's value as a path when it is an absolute one, else {@code fallback}. */
    private static Path absoluteEnv(Map<String, String> env, String name, Path fallback) {
        return env(env, name).filter(Path::isAbsolute).orElse(fallback);
    }

    private static Optional<Path> env(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
