package io.expanse.settings;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.files.AppDirs;
import io.expanse.files.AtomicFiles;
import io.expanse.files.JsonEntries;
import io.expanse.files.LenientJson;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings file ({@code settings.json} in {@link AppDirs#config()}): loaded once, saved atomically (temporary
 * file in the same directory, forced to disk, moved over the old file). Thread-safe.
 *
 * <p>Loading never fails and never throws away what it can read. The file is read entry by entry
 * ({@link SettingsReader}): a profile, table layout, window geometry or remembered choice this build cannot read is
 * skipped, named in {@link #loadProblems()}, and written back verbatim by every later save; so are fields of a newer
 * version. A file damaged in the middle or cut short is read up to the damage, and a copy of it is kept as
 * {@code settings.json.corrupt-<timestamp>}. The format {@code version} is read strictly: a file of format 0 (no
 * {@code version}, the old {@code accounts} layout) is migrated ({@link SettingsMigration}) after a copy is kept as
 * {@code settings.json.v0-backup}; a missing or non-integer version on any other file is unknown, and a newer one is
 * newer: both are read as far as understood, a copy is kept, and nothing is written at start. When the migrated file
 * cannot be written (a full or read-only disk) the migrated settings are used from memory and the old file is left as
 * it was. Temporary files left by an interrupted save are removed on {@link #load()}. Before writing, the content is
 * checked against every secret known to {@link Redactor}: a secret never reaches the file.
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
    private final ObjectMapper mapper = JsonEntries.strictMapper();
    private Settings current;
    private SettingsReader.Kept kept;
    private final List<String> loadProblems = new ArrayList<>();
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

    /** The language and theme remembered, read before the window toolkit starts; null where none is chosen. */
    public record UiChoices(String language, String theme) {
    }

    /** Reads the file (once; later calls return what is current). Never throws. */
    public synchronized Settings load() {
        if (current == null) {
            kept = SettingsReader.Kept.none(mapper);
            AtomicFiles.removeStaleTemps(file.getParent(), FILE_NAME);
            current = read();
        }
        return current;
    }

    /** The settings as last loaded or saved. */
    public synchronized Settings current() {
        return load();
    }

    /** What went wrong while loading, in words for the operator (one sentence a line); empty when all was read. */
    public synchronized Optional<String> loadProblem() {
        load();
        return loadProblems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", loadProblems));
    }

    /** Each thing that went wrong while loading, one notice each; empty when the file was fine or absent. */
    public synchronized List<String> loadProblems() {
        load();
        return List.copyOf(loadProblems);
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
     * Writes the settings and makes them current. What the file held that this build could not read or does not
     * know is written back with them.
     *
     * @throws UncheckedIOException  when the file could not be written (the old one is then intact)
     * @throws IllegalStateException when the content would contain a known secret (a programming error)
     */
    public synchronized void save(Settings settings) {
        if (kept == null) {
            load();
        }
        Settings versioned = settings.withVersion(VERSION);
        byte[] content;
        try {
            content = mapper.writeValueAsBytes(kept.merge(mapper.valueToTree(versioned)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(Texts.get("settings.notice.serialiseFailed"),
                    e instanceof IOException io ? io : new IOException(e));
        }
        if (Redactor.containsKnownSecret(new String(content, StandardCharsets.UTF_8))) {
            throw new IllegalStateException("Refusing to write a secret into the settings file");
        }
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            String sentence = Texts.get("settings.notice.writeFailed", file.toString(), JsonEntries.reason(e));
            throw new UncheckedIOException(sentence, new IOException(sentence, e));
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
            LOG.warn("Settings file {} could not be read: {}", file, JsonEntries.reason(e));
            loadProblems.add(Texts.get("settings.notice.unreadable", file.toString(), JsonEntries.reason(e)));
            return Settings.empty();
        }
        LenientJson.Result parsed = LenientJson.read(mapper, bytes, Set.of("profiles", "tables"));
        if (!parsed.complete()) {
            String copy = copyAside(bytes);
            boolean some = parsed.root() instanceof ObjectNode o && !o.isEmpty();
            loadProblems.add(Texts.sentences(Texts.get("settings.notice.damaged", parsed.damage()),
                    copy == null ? Texts.get(some ? "settings.notice.damaged.some" : "settings.notice.damaged.none")
                    : Texts.get(some ? "settings.notice.damaged.someCopy" : "settings.notice.damaged.noneCopy", copy)));
            LOG.warn("Settings file {} is damaged: {}", file, parsed.damage());
        }
        if (!(parsed.root() instanceof ObjectNode root)) {
            if (parsed.complete()) {
                copyAside(bytes);
                loadProblems.add(Texts.get("settings.notice.noSettings"));
            }
            return Settings.empty();
        }
        JsonNode v = root.get("version");
        if (v == null && root.has("accounts") && !root.has("profiles")) {
            return migrate(root, 0);
        }
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            Path backup = backup("unknown-version", bytes);
            String which = v == null ? Texts.get("settings.notice.noVersion")
                    : Texts.get("settings.notice.badVersion", JsonEntries.shorten(v.toString()));
            loadProblems.add(backup == null ? Texts.get("settings.notice.version", which)
                    : Texts.get("settings.notice.version.copy", which, backup.getFileName().toString()));
            return understood(root);
        }
        int version = v.asInt();
        if (version < VERSION) {
            return migrate(root, version);
        }
        if (version > VERSION) {
            Path backup = backup("v" + version, bytes);
            loadProblems.add(backup == null ? Texts.get("settings.notice.newer")
                    : Texts.get("settings.notice.newer.copy", backup.getFileName().toString()));
            Settings s = understood(root);
            kept.keepVersion(version);
            return s;
        }
        return understood(root);
    }

    private Settings understood(ObjectNode root) {
        SettingsReader.Outcome outcome = new SettingsReader(mapper).read(root);
        kept = outcome.kept();
        loadProblems.addAll(outcome.problems());
        outcome.problems().forEach(p -> LOG.warn("Settings: {}", p));
        return outcome.settings();
    }

    private Settings migrate(ObjectNode root, int version) {
        SettingsMigration.Result migrated = SettingsMigration.migrate(root, version);
        recoveredSecrets = migrated.secrets();
        Settings settings = understood(migrated.root());
        Path backup;
        try {
            backup = file.resolveSibling(FILE_NAME + ".v" + version + "-backup");
            AtomicFiles.write(backup, SettingsMigration.scrubbed(root));
        } catch (IOException e) {
            loadProblems.add(Texts.get("settings.notice.olderNoCopy", JsonEntries.reason(e)));
            return settings;
        }
        try {
            save(settings);
        } catch (UncheckedIOException e) {
            loadProblems.add(Texts.get("settings.notice.olderNotWritten", JsonEntries.reason(e.getCause())));
            return settings;
        }
        loadProblems.add(Texts.sentences(Texts.get("settings.notice.updated", backup.getFileName().toString()),
                migrated.secrets().isEmpty() ? "" : Texts.get("settings.notice.secretsMoved")));
        return settings;
    }

    /** Keeps a copy of the file as it was read; null when that failed (which is logged, not fatal). */
    private Path backup(String tag, byte[] content) {
        Path backup = file.resolveSibling(FILE_NAME + "." + tag + "-backup");
        try {
            AtomicFiles.write(backup, content);
            return backup;
        } catch (IOException e) {
            LOG.warn("Could not keep a copy of the settings as {}: {}", backup, JsonEntries.reason(e));
            return null;
        }
    }

    /** Copies a damaged file to {@code settings.json.corrupt-<timestamp>}; returns its name, or null. */
    private String copyAside(byte[] bytes) {
        String stamp = STAMP.format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int i = 1; Files.exists(aside); i++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + i);
        }
        try {
            AtomicFiles.write(aside, bytes);
            return aside.getFileName().toString();
        } catch (IOException e) {
            LOG.warn("Could not keep a copy of the damaged settings file: {}", JsonEntries.reason(e));
            return null;
        }
    }

    /** For the migration result map: insertion-ordered. */
    static Map<String, String> orderedMap() {
        return new LinkedHashMap<>();
    }
}
