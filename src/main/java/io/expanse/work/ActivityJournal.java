package io.expanse.work;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.expanse.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent list of activities, kept in one JSON file ({@code {"version":1,"activities":[…]}}) and loaded
 * when constructed. Thread-safe: changes are serialised under a lock, while readers ({@link #all()},
 * {@link #find(String)}, {@link #unfinished()}, {@link #inFlight(String)}) read an immutable snapshot published
 * after each write and never wait for one (the resize and upgrade dialogs ask {@code inFlight} on every keystroke,
 * on the FX thread, while a tracker may be forcing the file to disk).
 *
 * <p>Every change is written before it becomes visible: the whole list goes to a temporary file in the same
 * directory, is forced to disk, and is moved over the journal atomically, so a crash mid-write leaves the previous
 * file intact. Writes are synchronous on the caller's thread; callers are background threads (the file is small,
 * at most {@link #DEFAULT_MAX_ENTRIES} entries), never the FX thread.
 *
 * <p>A file that cannot be read or parsed is moved aside to {@code <name>.corrupt-<timestamp>} and the journal
 * starts empty; a file written by a newer format is left untouched and the journal is read-only for the session
 * (changes are kept in memory only). Both cases are reported by {@link #loadProblem()}.
 */
public final class ActivityJournal {

    /** Format version written by this build. */
    public static final int FORMAT_VERSION = 1;
    /** Default bound on the number of entries; the oldest finished ones are dropped beyond it. */
    public static final int DEFAULT_MAX_ENTRIES = 5000;

    private static final Logger log = LoggerFactory.getLogger(ActivityJournal.class);
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JournalFile(int version, List<Activity> activities) {
    }

    private final Path file;
    private final Clock clock;
    private final int maxEntries;
    private final AtomicFiles.TempWriter writer;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Serialises changes (and their writes); readers never take it. */
    private final Object lock = new Object();
    /** What readers see: replaced whole, under {@link #lock}, after each successful write. */
    private volatile Snapshot snapshot;
    private final List<Consumer<Activity>> listeners = new CopyOnWriteArrayList<>();
    private final boolean readOnly;
    private final String loadProblem;

    /** Opens (or prepares to create) the journal at {@code file}. */
    public ActivityJournal(Path file) {
        this(file, Clock.systemUTC());
    }

    /** As {@link #ActivityJournal(Path)}, with the clock used to name a corrupt file moved aside. */
    public ActivityJournal(Path file, Clock clock) {
        this(file, clock, DEFAULT_MAX_ENTRIES, AtomicFiles::writeAndForce);
    }

    ActivityJournal(Path file, Clock clock, int maxEntries, AtomicFiles.TempWriter writer) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries < 1");
        }
        this.maxEntries = maxEntries;
        Load load = load();
        this.readOnly = load.readOnly;
        this.loadProblem = load.problem;
        Map<String, Activity> loaded = new LinkedHashMap<>();
        load.activities.forEach(a -> loaded.put(a.id(), a));
        this.snapshot = Snapshot.of(loaded);
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /** What went wrong when loading, worded for the operator; empty when the file loaded fine or did not exist. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /** Whether changes stay in memory only (the file was written by a newer Expanse or could not be moved aside). */
    public boolean readOnly() {
        return readOnly;
    }

    /** Every activity, oldest first. */
    public List<Activity> all() {
        return snapshot.all();
    }

    /** The activity with this id. */
    public Optional<Activity> find(String id) {
        return Optional.ofNullable(snapshot.byId().get(id));
    }

    /** Activities that are not finished, oldest first. */
    public List<Activity> unfinished() {
        return snapshot.unfinished();
    }

    /** Whether an unfinished activity exists for this resource. */
    public boolean inFlight(String resourceId) {
        return snapshot.inFlight(resourceId);
    }

    /**
     * Adds the activity, or replaces the one with the same id, writes the journal, then tells the listeners.
     *
     * @throws UncheckedIOException when the file could not be written; the journal is then unchanged
     */
    public void record(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        synchronized (lock) {
            commit(activity);
        }
        notifyListeners(activity);
    }

    /**
     * Records a new activity only if no unfinished activity exists for its resource, atomically with that check.
     *
     * @return false (and nothing recorded) when the resource already has an activity in flight
     * @throws UncheckedIOException when the file could not be written; the journal is then unchanged
     */
    public boolean recordIfIdle(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        synchronized (lock) {
            if (snapshot.inFlight(activity.resourceId())) {
                return false;
            }
            commit(activity);
        }
        notifyListeners(activity);
        return true;
    }

    /** Calls {@code listener} after each change, on the thread that made it, with the recorded activity. */
    public void addListener(Consumer<Activity> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops calling {@code listener}. */
    public void removeListener(Consumer<Activity> listener) {
        listeners.remove(listener);
    }

    /** An immutable view of the journal: every entry by id (oldest first), and the unfinished ones. */
    private record Snapshot(Map<String, Activity> byId, List<Activity> all, List<Activity> unfinished) {
        static Snapshot of(Map<String, Activity> entries) {
            List<Activity> all = List.copyOf(entries.values());
            return new Snapshot(Collections.unmodifiableMap(new LinkedHashMap<>(entries)), all,
                    all.stream().filter(a -> !a.finished()).toList());
        }

        boolean inFlight(String resourceId) {
            for (Activity a : unfinished) {
                if (a.resourceId().equals(resourceId)) {
                    return true;
                }
            }
            return false;
        }
    }

    private void commit(Activity activity) {
        Map<String, Activity> next = new LinkedHashMap<>(snapshot.byId());
        next.put(activity.id(), activity);
        trim(next);
        if (!readOnly) {
            try {
                write(new ArrayList<>(next.values()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the activity journal " + file, e);
            }
        }
        snapshot = Snapshot.of(next);
    }

    private void trim(Map<String, Activity> map) {
        Iterator<Activity> it = map.values().iterator();
        while (map.size() > maxEntries && it.hasNext()) {
            if (it.next().finished()) {
                it.remove();
            }
        }
    }

    private void notifyListeners(Activity activity) {
        for (Consumer<Activity> listener : listeners) {
            try {
                listener.accept(activity);
            } catch (RuntimeException e) {
                log.warn("Activity listener failed for {}", activity.id(), e);
            }
        }
    }

    private void write(List<Activity> activities) throws IOException {
        AtomicFiles.write(file, mapper.writeValueAsBytes(new JournalFile(FORMAT_VERSION, activities)), writer);
    }

    private record Load(List<Activity> activities, boolean readOnly, String problem) {
    }

    private Load load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Load(List.of(), false, null);
        } catch (IOException e) {
            log.warn("Activity journal {} could not be read", file, e);
            return moveAside("could not be read (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            log.warn("Activity journal {} is not valid JSON", file, e);
            return moveAside("is damaged (not valid JSON)");
        }
        if (root == null || !root.isObject() || !root.path("version").canConvertToInt()) {
            return moveAside("is damaged (no format version)");
        }
        int version = root.path("version").asInt();
        if (version > FORMAT_VERSION) {
            String problem = "The activity journal " + file + " was written by a newer version of Expanse (format "
                    + version + "). It is shown read-only and changes made now will not be saved.";
            log.warn("Activity journal {} has format {} > {}: read-only", file, version, FORMAT_VERSION);
            return new Load(readLeniently(root), true, problem);
        }
        try {
            JournalFile parsed = mapper.treeToValue(root, JournalFile.class);
            if (parsed.activities() == null) {
                return moveAside("is damaged (no activity list)");
            }
            return new Load(parsed.activities(), false, null);
        } catch (IOException | RuntimeException e) {
            log.warn("Activity journal {} has unreadable entries", file, e);
            return moveAside("is damaged (unreadable entries)");
        }
    }

    private List<Activity> readLeniently(JsonNode root) {
        List<Activity> result = new ArrayList<>();
        for (JsonNode node : root.path("activities")) {
            try {
                result.add(mapper.treeToValue(node, Activity.class));
            } catch (IOException | RuntimeException e) {
                log.debug("Skipping an activity of a newer journal format", e);
            }
        }
        return result;
    }

    private Load moveAside(String what) {
        String stamp = ASIDE_STAMP.format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int i = 1; Files.exists(aside); i++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + i);
        }
        try {
            Files.move(file, aside);
            log.warn("Moved the damaged activity journal aside to {}", aside);
            return new Load(List.of(), false, "The activity journal " + what + ". It was moved aside to " + aside
                    + " and a new, empty journal was started.");
        } catch (IOException e) {
            log.warn("Could not move the damaged activity journal {} aside", file, e);
            return new Load(List.of(), true, "The activity journal " + file + " " + what
                    + " and could not be moved aside (" + e.getMessage() + "). Activities of this session will not"
                    + " be saved.");
        }
    }
}
