package io.expanse.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens the log directory in the platform's file manager (the "Open log folder" menu item). */
public final class LogFolder {

    private LogFolder() {
    }

    /** The command that shows {@code dir} on the OS named {@code osName} (the {@code os.name} property). */
    public static List<String> command(String osName, Path dir) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String path = dir.toAbsolutePath().toString();
        if (os.contains("win")) {
            return List.of("explorer.exe", path);
        }
        if (os.contains("mac")) {
            return List.of("open", path);
        }
        return List.of("xdg-open", path);
    }

    /**
     * Creates the directory if needed and opens it. Call off the FX thread.
     *
     * @throws IOException when the file manager could not be started; the caller shows the path instead
     */
    public static void open(Path dir) throws IOException {
        Files.createDirectories(dir);
        new ProcessBuilder(command(System.getProperty("os.name"), dir)).inheritIO().start();
    }
}
