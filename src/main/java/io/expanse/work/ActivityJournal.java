package io.expanse.work;

import io.expanse.text.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The activity history: every activity ever recorded, in an SQLite database ({@value #DATABASE_FILE} in the data
 * folder; schema in {@link ActivityDatabase}), and in memory a snapshot of the latest {@link #DEFAULT_RECENT} and
 * every older unfinished one. Thread-safe: changes are serialised under a lock and each is one committed transaction
 * (WAL, {@code synchronous=FULL}) before it becomes visible; readers of the snapshot ({@link #recent()},
 * {@link #find(String)}, {@link #unfinished()}, {@link #inFlight(String)}) never wait for a writer (the resize and
 * upgrade dialogs ask {@code inFlight} on every keystroke, on the FX thread). {@link #query} reads the whole history
 * from the database on a connection of its own (a WAL reader does not wait for the writer); call it off the FX thread.
 *
 * <p>Writes are synchronous on the caller's thread (background threads, never the FX thread): when
 * {@link #record} returns, the change is on disk, which is what lets the trackers record an activity before the
 * request that starts it is sent. {@link #recordIfIdle} checks and inserts in one {@code BEGIN IMMEDIATE}
 * transaction, so even two processes cannot both start a change of one resource.
 *
 * <p>An entry this build does not understand (a state or kind of a newer Expanse, unreadable JSON) is kept in the
 * database as it is, reads as {@link ActivityState#UNKNOWN} with its stored state text, is never followed, and
 * {@link #record} refuses to change it. A database file that is not a database is moved aside to
 * {@code <name>.corrupt-<timestamp>} and a new one started; a database of a newer schema is used read-only (changes
 * are kept in memory only). Both are reported by {@link #loadProblem()}.
 */
public final class ActivityJournal implements AutoCloseable {

    /** The database file's name in the data folder. */
    public static final String DATABASE_FILE = "activity.db";
    /** The JSON journal of earlier builds, imported once into a new database ({@link #openIn}). */
    public static final String LEGACY_JSON_FILE = "activity.json";
    /** How many of the latest activities the snapshot holds (besides every unfinished one). */
    public static final int DEFAULT_RECENT = 2000;

    private static final Logger log = LoggerFactory.getLogger(ActivityJournal.class);
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Test seam: runs inside each write transaction, just before its commit. */
    interface BeforeCommit {
        void run(Activity activity) throws SQLException;

        BeforeCommit NONE = a -> { };
    }

    private final Path file;
    private final Clock clock;
    private final int recentLimit;
    private final BeforeCommit beforeCommit;
    /** The write connection; used only under {@link #lock}. Null when read-only. */
    private final Connection connection;
    /** Serialises changes (and their transactions); readers never take it. */
    private final Object lock = new Object();
    /** What readers see: replaced whole, under {@link #lock}, after each committed change. */
    private volatile Snapshot snapshot;
    private final List<Consumer<Activity>> listeners = new CopyOnWriteArrayList<>();
    private final boolean readOnly;
    private final String loadProblem;
    private boolean closed;

    /** Opens (creating it if needed) the history database in {@code dataDir}, importing {@code activity.json} once. */
    public static ActivityJournal openIn(Path dataDir) {
        return new ActivityJournal(dataDir.resolve(DATABASE_FILE), Clock.systemUTC(),
                dataDir.resolve(LEGACY_JSON_FILE), DEFAULT_RECENT, BeforeCommit.NONE);
    }

    /** Opens (creating it if needed) the history database {@code file}; imports nothing. */
    public ActivityJournal(Path file) {
        this(file, Clock.systemUTC());
    }

    /** As {@link #ActivityJournal(Path)}, with the clock used to name a damaged file moved aside. */
    public ActivityJournal(Path file, Clock clock) {
        this(file, clock, null, DEFAULT_RECENT, BeforeCommit.NONE);
    }

    ActivityJournal(Path file, Clock clock, Path legacyJson, int recentLimit, BeforeCommit beforeCommit) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
        if (recentLimit < 1) {
            throw new IllegalArgumentException("recentLimit < 1");
        }
        this.recentLimit = recentLimit;
        Opened opened = open(legacyJson);
        this.connection = opened.connection;
        this.readOnly = opened.connection == null;
        this.loadProblem = opened.problem;
        Map<String, Activity> loaded = new LinkedHashMap<>();
        opened.recent.forEach(a -> loaded.put(a.id(), a));
        this.snapshot = Snapshot.of(loaded);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** What went wrong when opening, worded for the operator; empty when all went well. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /** Whether changes stay in memory only (a newer Expanse's database, or one that could not be opened). */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * The activities held in memory, oldest first: the latest {@link #DEFAULT_RECENT} and every unfinished one.
     * The whole history is in the database: see {@link #query}.
     */
    public List<Activity> recent() {
        return snapshot.all();
    }

    /**
     * Same as {@link #recent()}: before the history moved to a database the journal held (at most 5,000) entries in
     * memory and this was its name.
     *
     * @deprecated use {@link #recent()} or {@link #query}
     */
    @Deprecated
    public List<Activity> all() {
        return recent();
    }

    /** The activity with this id: from the snapshot, else read from the database. */
    public Optional<Activity> find(String id) {
        Activity a = snapshot.byId().get(id);
        if (a != null || readOnly) {
            return Optional.ofNullable(a);
        }
        try (Connection c = ActivityDatabase.connect(file)) {
            return ActivityDatabase.row(c, id).map(ActivityDatabase.Row::toActivity);
        } catch (SQLException e) {
            log.warn("Could not read activity {} from {}", id, file, e);
            return Optional.empty();
        }
    }

    /** Activities that are not finished, oldest first (never one this build does not understand). */
    public List<Activity> unfinished() {
        return snapshot.unfinished();
    }

    /** Whether an unfinished activity exists for this resource. */
    public boolean inFlight(String resourceId) {
        return snapshot.inFlight(resourceId);
    }

    /**
     * Every activity in the database that {@code filter} lets through, newest first, at most {@code limit} of them
     * (0: all). Reads the database on a connection of its own: call it off the FX thread.
     *
     * @throws UncheckedIOException when the database cannot be read
     */
    public List<Activity> query(ActivityFilter filter, int limit) {
        Objects.requireNonNull(filter, "filter");
        if (readOnly) {
            List<Activity> all = new java.util.ArrayList<>(snapshot.all().stream().filter(filter).toList());
            Collections.reverse(all);
            return limit > 0 && all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
        }
        try (Connection c = ActivityDatabase.connect(file)) {
            return List.copyOf(ActivityDatabase.query(c, filter, limit));
        } catch (SQLException e) {
            String sentence = Texts.get("journal.readFailed", file.toString());
            throw new UncheckedIOException(sentence, new IOException(sentence, e));
        }
    }

    /**
     * Adds the activity, or replaces the one with the same id, commits it to the database, then tells the listeners.
     *
     * @throws UncheckedIOException     when the database could not be written; the journal is then unchanged
     * @throws IllegalArgumentException when {@code activity} is in state {@link ActivityState#UNKNOWN}
     * @throws IllegalStateException    when the stored entry with this id is one this build does not understand
     */
    public void record(Activity activity) {
        checkWritable(activity);
        synchronized (lock) {
            commit(activity, false);
        }
        notifyListeners(activity);
    }

    /**
     * Records a new activity only if no unfinished activity exists for its resource, atomically with that check
     * (one {@code BEGIN IMMEDIATE} transaction: the check also sees what another process committed).
     *
     * @return false (and nothing recorded) when the resource already has an activity in flight
     * @throws UncheckedIOException when the database could not be written; the journal is then unchanged
     */
    public boolean recordIfIdle(Activity activity) {
        checkWritable(activity);
        synchronized (lock) {
            if (snapshot.inFlight(activity.resourceId()) || !commit(activity, true)) {
                return false;
            }
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

    /** The state changes of one activity, oldest first, as kept in the database. */
    List<ActivityDatabase.Transition> transitions(String activityId) {
        try (Connection c = ActivityDatabase.connect(file)) {
            return ActivityDatabase.transitions(c, activityId);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** Closes the database; later changes fail. Readers of the snapshot keep answering. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed || connection == null) {
                closed = true;
                return;
            }
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Could not close the activity history {}", file, e);
            }
        }
    }

    private static void checkWritable(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (!activity.understood()) {
            throw new IllegalArgumentException("An activity this build does not understand is never written: "
                    + activity.id());
        }
    }

    /** An immutable view: the recent and unfinished entries by id (oldest first), and the unfinished ones. */
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

    /** Writes one change in one transaction; false when {@code onlyIfIdle} and the database found one in flight. */
    private boolean commit(Activity activity, boolean onlyIfIdle) {
        Activity known = snapshot.byId().get(activity.id());
        if (known != null && !known.understood()) {
            throw new IllegalStateException("Activity " + activity.id() + " was written by a newer Expanse and is"
                    + " left as it is");
        }
        if (!readOnly) {
            if (closed) {
                throw new IllegalStateException("The activity history " + file + " is closed");
            }
            try {
                ActivityDatabase.execute(connection, "BEGIN IMMEDIATE");
                try {
                    if (onlyIfIdle && ActivityDatabase.inFlight(connection, activity.resourceId())) {
                        ActivityDatabase.execute(connection, "ROLLBACK");
                        return false;
                    }
                    ActivityDatabase.upsert(connection, activity);
                    beforeCommit.run(activity);
                    ActivityDatabase.execute(connection, "COMMIT");
                } catch (SQLException | RuntimeException e) {
                    rollback();
                    throw e;
                }
            } catch (SQLException e) {
                String sentence = Texts.get("journal.writeFailed", file.toString());
                throw new UncheckedIOException(sentence, new IOException(sentence, e));
            }
        }
        Map<String, Activity> next = new LinkedHashMap<>(snapshot.byId());
        next.put(activity.id(), activity);
        trim(next);
        snapshot = Snapshot.of(next);
        return true;
    }

    /** Ends the open transaction, if any (a ROLLBACK without one only fails, which is ignored). */
    private void rollback() {
        try {
            ActivityDatabase.execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            log.debug("Rollback after a failed write: {}", e.getMessage());
        }
    }

    /** Keeps in memory the latest {@code recentLimit} entries and the older unfinished ones (all stay in the database). */
    private void trim(Map<String, Activity> map) {
        int older = map.size() - recentLimit;
        Iterator<Activity> it = map.values().iterator();
        for (int i = 0; i < older && it.hasNext(); i++) {
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

    // ------------------------------------------------------------------------------------------ opening

    private record Opened(Connection connection, List<Activity> recent, String problem) {
    }

    private Opened open(Path legacyJson) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            log.warn("Could not create {}", file.getParent(), e);
        }
        try {
            return openDatabase(legacyJson, null);
        } catch (SQLException e) {
            if (!damaged(e)) {
                log.warn("Could not open the activity history {}", file, e);
                return new Opened(null, List.of(), Texts.get("journal.openFailed", file.toString(),
                        String.valueOf(e.getMessage())));
            }
            log.warn("Activity history {} is damaged", file, e);
            String aside;
            try {
                aside = moveAside();
            } catch (IOException io) {
                log.warn("Could not move the damaged activity history {} aside", file, io);
                return new Opened(null, List.of(), Texts.get("journal.damagedNotMoved", file.toString(),
                        String.valueOf(io.getMessage())));
            }
            String problem = Texts.get("journal.damagedMoved", file.toString(), aside);
            try {
                return openDatabase(legacyJson, problem);
            } catch (SQLException again) {
                log.warn("Could not start a new activity history {}", file, again);
                return new Opened(null, List.of(), Texts.sentences(problem, Texts.get("journal.newFailed",
                        String.valueOf(again.getMessage()))));
            }
        }
    }

    private Opened openDatabase(Path legacyJson, String earlierProblem) throws SQLException {
        Connection c = ActivityDatabase.connect(file);
        try {
            ActivityDatabase.execute(c, "BEGIN IMMEDIATE");
            LegacyJournalImport.Result imported = null;
            int version;
            try {
                version = ActivityDatabase.schemaVersion(c);
                if (version <= ActivityDatabase.SCHEMA_VERSION) {
                    ActivityDatabase.migrate(c);
                    if (ActivityDatabase.meta(c, ActivityDatabase.META_LEGACY_IMPORT).isEmpty()) {
                        String note = "none";
                        if (legacyJson != null && Files.isRegularFile(legacyJson)) {
                            imported = LegacyJournalImport.run(c, legacyJson);
                            note = imported.unreadable() ? "unreadable " + legacyJson
                                    : imported.imported() + " from " + legacyJson;
                        }
                        ActivityDatabase.setMeta(c, ActivityDatabase.META_LEGACY_IMPORT,
                                note + " at " + clock.instant());
                    }
                }
                ActivityDatabase.execute(c, version > ActivityDatabase.SCHEMA_VERSION ? "ROLLBACK" : "COMMIT");
            } catch (SQLException | RuntimeException e) {
                ActivityDatabase.execute(c, "ROLLBACK");
                throw e;
            }
            String problem = earlierProblem;
            if (imported != null) {
                problem = join(problem, afterImport(legacyJson, imported));
            }
            List<Activity> recent = ActivityDatabase.loadRecent(c, recentLimit);
            if (version > ActivityDatabase.SCHEMA_VERSION) {
                c.close();
                log.warn("Activity history {} has schema {} > {}: read-only", file, version,
                        ActivityDatabase.SCHEMA_VERSION);
                return new Opened(null, recent, join(problem, Texts.get("journal.newer", file.toString(),
                        String.valueOf(version))));
            }
            return new Opened(c, recent, problem);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Renames the imported JSON journal (kept as a backup) and words what happened, if anything needs saying. */
    private String afterImport(Path legacyJson, LegacyJournalImport.Result imported) {
        Path backup = legacyJson.resolveSibling(legacyJson.getFileName()
                + (imported.unreadable() ? LegacyJournalImport.UNREADABLE_SUFFIX : LegacyJournalImport.IMPORTED_SUFFIX));
        try {
            Files.move(legacyJson, backup, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("Could not rename {} to {}", legacyJson, backup, e);
        }
        log.info("Imported {} activities ({} not understood, {} skipped) from {} into {}", imported.imported(),
                imported.unknown(), imported.skipped(), legacyJson, file);
        if (imported.unreadable()) {
            return Texts.get("journal.legacy.unreadable", legacyJson.toString(), imported.problem(),
                    backup.toString());
        }
        if (imported.skipped() > 0) {
            return Texts.get("journal.legacy.skipped", legacyJson.toString(), imported.skipped(), backup.toString());
        }
        return null;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : Texts.sentences(a, b);
    }

    /** Whether SQLite says the file is not a database or is corrupt (any extended code of those two). */
    private static boolean damaged(SQLException e) {
        if (e instanceof SQLiteException s) {
            int primary = s.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
        }
        return false;
    }

    private String moveAside() throws IOException {
        String stamp = ASIDE_STAMP.format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int i = 1; Files.exists(aside); i++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + i);
        }
        Files.move(file, aside);
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        log.warn("Moved the damaged activity history aside to {}", aside);
        return aside.toString();
    }
}
