package io.expanse.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.files.AppDirs;
import io.expanse.files.AtomicFiles;
import io.expanse.logging.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings file ({@code settings.json} in {@link AppDirs#config()}): loaded once, saved atomically (temporary
 * file in the same directory, forced to disk, moved over the old file). Thread-safe.
 *
 * <p>Loading never fails. A damaged file is moved aside to {@code settings.json.corrupt-<timestamp>} and Expanse
 * starts clean; a file of an older format is migrated ({@link SettingsMigration}) after a copy is kept as
 * {@code settings.json.v<N>-backup}; a file of a newer format is read as far as understood, also after a backup.
 * Each case is reported by {@link #loadProblem()} for the UI. Before writing, the content is checked against every
 * secret known to {@link Redactor}: a secret never reaches the file.
 */
public final class SettingsStore {

    /** Format version written by this build. */
    public static final int VERSION = 1;
    public static final String FILE_NAME = "settings.json";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private Settings current;
    private String loadProblem;
    private Map<String, String> recoveredSecrets = Map.of();

    public SettingsStore(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The store in the platform's config directory. */
    public static SettingsStore in(AppDirs dirs) {
        return new SettingsStore(dirs.config().resolve(FILE_NAME), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /** Reads the file (once; later calls return what is current). Never throws. */
    public synchronized Settings load() {
        if (current == null) {
            current = read();
        }
        return current;
    }

    /** The settings as last loaded or saved. */
    public synchronized Settings current() {
        return load();
    }

    /** What went wrong while loading, in words for the operator; empty when the file was fine or absent. */
    public synchronized Optional<String> loadProblem() {
        load();
        return Optional.ofNullable(loadProblem);
    }

    /**
     * Secrets found in plain text in an old settings file, by secret-store key ({@link Profile#secretKeyRef()}).
     * They are not written back; the caller moves them into the {@link SecretStore}. Returned once, then cleared.
     */
    public synchronized Map<String, String> takeRecoveredSecrets() {
        load();
        Map<String, String> out = recoveredSecrets;
        recoveredSecrets = Map.of();
        return out;
    }

    /**
     * Writes the settings and makes them current.
     *
     * @throws UncheckedIOException  when the file could not be written (the old one is then intact)
     * @throws IllegalStateException when the content would contain a known secret (a programming error)
     */
    public synchronized void save(Settings settings) {
        Settings versioned = settings.withVersion(VERSION);
        byte[] content;
        try {
            content = mapper.writeValueAsBytes(versioned);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise the settings", e);
        }
        if (Redactor.containsKnownSecret(new String(content, StandardCharsets.UTF_8))) {
            throw new IllegalStateException("Refusing to write a secret into the settings file");
        }
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the settings file " + file, e);
        }
        current = versioned;
    }

    /** Applies a change to the current settings and saves them; returns the new settings. */
    public synchronized Settings update(UnaryOperator<Settings> change) {
        Settings next = change.apply(current());
        save(next);
        return next;
    }

    private Settings read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Settings.empty();
        } catch (IOException e) {
            LOG.warn("Settings file {} could not be read: {}", file, e.getClass().getSimpleName());
            return startClean("could not be read");
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            LOG.warn("Settings file {} is not valid JSON", file);
            return startClean("is damaged (not valid JSON)");
        }
        if (root == null || !root.isObject()) {
            return startClean("is damaged (not a settings object)");
        }
        int version = root.has("version") && root.get("version").canConvertToInt() ? root.get("version").asInt() : 0;
        try {
            if (version < VERSION) {
                SettingsMigration.Result migrated = SettingsMigration.migrate((ObjectNode) root, version);
                Path backup = keepBackup(version, SettingsMigration.scrubbed((ObjectNode) root));
                recoveredSecrets = migrated.secrets();
                Settings settings = mapper.treeToValue(migrated.root(), Settings.class);
                loadProblem = "Your settings were from an older version of Expanse and have been updated; the old "
                        + "file was kept as " + backup.getFileName() + "."
                        + (migrated.secrets().isEmpty() ? "" : " Secret keys stored in it in plain text were moved "
                        + "to the secret store and removed from the settings file.");
                save(settings);
                return settings;
            }
            Settings settings = mapper.treeToValue(root, Settings.class);
            if (version > VERSION) {
                Path backup = keepBackup(version, bytes);
                loadProblem = "Your settings were written by a newer version of Expanse; what this version "
                        + "understands was kept, and the original file was saved as " + backup.getFileName() + ".";
            }
            return settings;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Settings file {} has unreadable content: {}", file, e.getClass().getSimpleName());
            return startClean("is damaged (unreadable content)");
        }
    }

    private Path keepBackup(int version, byte[] content) throws IOException {
        Path backup = file.resolveSibling(FILE_NAME + ".v" + version + "-backup");
        AtomicFiles.write(backup, content);
        return backup;
    }

    private Settings startClean(String what) {
        String stamp = STAMP.format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int i = 1; Files.exists(aside); i++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + i);
        }
        try {
            Files.move(file, aside);
            loadProblem = "The settings file " + what + ". It was moved aside to " + aside.getFileName()
                    + " and Expanse started with default settings; your profiles need to be set up again.";
        } catch (IOException e) {
            loadProblem = "The settings file " + what + " and could not be moved aside; Expanse started with "
                    + "default settings.";
        }
        LOG.warn("Settings: {}", loadProblem);
        return Settings.empty();
    }

    /** For the migration result map: insertion-ordered. */
    static Map<String, String> orderedMap() {
        return new LinkedHashMap<>();
    }
}
