package io.expanse.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The user's own folders, where a file the operator exports should start: the documents folder. On Linux the XDG
 * user directory ({@code XDG_DOCUMENTS_DIR} in {@code $XDG_CONFIG_HOME/user-dirs.dirs}, localised: e.g. 文档);
 * elsewhere, or without it, {@code Documents} in the home; else the home itself. Never the working directory.
 */
public final class UserFolders {

    private UserFolders() {
    }

    /** The documents folder for this environment and home (as {@link AppDirs#home()} resolves it). */
    public static Path documents(Map<String, String> env, Path home) {
        String xdgConfig = env.get("XDG_CONFIG_HOME");
        Path configHome = xdgConfig != null && !xdgConfig.isBlank() && Path.of(xdgConfig).isAbsolute()
                ? Path.of(xdgConfig) : home.resolve(".config");
        Path fromXdg = xdgDocuments(configHome.resolve("user-dirs.dirs"), home);
        if (fromXdg != null && Files.isDirectory(fromXdg)) {
            return fromXdg;
        }
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    /**
     * {@code XDG_DOCUMENTS_DIR="$HOME/…"} (or an absolute path) from a user-dirs.dirs file; null when the file or
     * the line is missing, or the line names the home itself (which means "not set" in that file's convention).
     */
    static Path xdgDocuments(Path userDirs, Path home) {
        List<String> lines;
        try {
            lines = Files.readAllLines(userDirs, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (String line : lines) {
            String l = line.strip();
            if (!l.startsWith("XDG_DOCUMENTS_DIR=")) {
                continue;
            }
            String value = l.substring("XDG_DOCUMENTS_DIR=".length()).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            Path p;
            if (value.equals("$HOME") || value.equals("$HOME/")) {
                return null;
            } else if (value.startsWith("$HOME/")) {
                p = home.resolve(value.substring("$HOME/".length()));
            } else if (value.startsWith("/")) {
                p = Path.of(value);
            } else {
                return null;
            }
            return p.normalize();
        }
        return null;
    }
}
