package io.expanse.ui.main;

import io.expanse.files.AppDirs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What Help → About shows: the version, where the data, settings and logs live, and the bundled libraries with
 * their licences (generated at build time from the libraries' own POMs into {@code THIRD-PARTY.txt}).
 */
public record AboutInfo(String version, Path data, Path settings, Path logs, List<String> libraries) {

    public AboutInfo {
        libraries = List.copyOf(libraries);
    }

    /** Reads the version and the library list from the application's resources. */
    public static AboutInfo read(AppDirs dirs) {
        return new AboutInfo(readVersion(), dirs.data(), dirs.config(), dirs.logs(), readLibraries());
    }

    static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = AboutInfo.class.getResourceAsStream("/io/expanse/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // answered below
        }
        String v = p.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "development build" : v;
    }

    /** One line per library, "Jackson-core 2.20.1 · The Apache Software License, Version 2.0", sorted by name. */
    static List<String> readLibraries() {
        List<String> out = new ArrayList<>();
        try (InputStream in = AboutInfo.class.getResourceAsStream("/io/expanse/THIRD-PARTY.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (l.startsWith("(")) {
                    out.add(readable(l));
                }
            }
        } catch (IOException e) {
            // an empty list is shown
        }
        out.sort(String.CASE_INSENSITIVE_ORDER);
        return out;
    }

    /**
     * "(lic A) (lic B) Name (group:artifact:version - url)" as "Name version · lic A / lic B"; a line of another
     * shape is kept as it is.
     */
    static String readable(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^((?:\\([^)]*\\)\\s*)+)(.+?)\\s+\\(([^:()\\s]+):([^:()\\s]+):([^\\s()]+)(?:\\s+-\\s+[^)]*)?\\)$")
                .matcher(line);
        if (!m.matches()) {
            return line;
        }
        List<String> licences = new ArrayList<>();
        java.util.regex.Matcher lic = java.util.regex.Pattern.compile("\\(([^)]*)\\)").matcher(m.group(1));
        while (lic.find()) {
            licences.add(lic.group(1).strip());
        }
        return m.group(2).strip() + " " + m.group(5) + " · " + String.join(" / ", licences);
    }
}
