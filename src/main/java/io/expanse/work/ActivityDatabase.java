package io.expanse.work;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/**
 * The SQL side of the {@link ActivityJournal}: connections, the schema and its migrations, and the mapping between
 * rows and {@link Activity}. No locking and no caching here: the journal serialises writes and keeps the snapshot.
 *
 * <h2>Schema (version {@value #SCHEMA_VERSION}, in {@code PRAGMA user_version})</h2>
 * <pre>
 * activity            one row per activity: its current state and fields as columns (for queries and for
 *                     {@code sqlite3}), and {@code json}, the activity as written by the newest build that changed it
 *                     (a newer build's extra fields survive an older build's update: they are merged, not dropped)
 * activity_transition one row per state change: activity_id, at, state, message
 * meta                key/value: {@code legacy_json_import} once the old JSON journal was imported (or found absent)
 * </pre>
 * Times are UTC ISO-8601 text with nine fraction digits, so that they sort as text. {@code state} holds the
 * {@link ActivityState} name; a row whose state or kind this build does not know, or whose JSON it cannot read, is
 * never changed: it reads as {@link ActivityState#UNKNOWN} with its stored state text.
 */
final class ActivityDatabase {

    /** The schema this build writes; {@link #MIGRATIONS} brings an older database up to it. */
    static final int SCHEMA_VERSION = 1;
    static final String META_LEGACY_IMPORT = "legacy_json_import";

    /** Step {@code i} upgrades a database at version {@code i} to {@code i + 1}; all run in one transaction. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                """
                CREATE TABLE activity (
                  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
                  id             TEXT NOT NULL UNIQUE,
                  kind           TEXT NOT NULL,
                  state          TEXT NOT NULL,
                  account        TEXT,
                  region         TEXT,
                  project_id     TEXT,
                  resource_id    TEXT NOT NULL,
                  resource_name  TEXT,
                  old_size_gb    INTEGER,
                  new_size_gb    INTEGER,
                  yearly_monthly INTEGER,
                  auto_pay       INTEGER,
                  device         TEXT,
                  job_id         TEXT,
                  order_id       TEXT,
                  started_at     TEXT,
                  updated_at     TEXT,
                  finished_at    TEXT,
                  message        TEXT,
                  failure_reason TEXT,
                  error_code     TEXT,
                  request_id     TEXT,
                  json           TEXT NOT NULL
                )""",
                "CREATE INDEX activity_by_state ON activity(state)",
                "CREATE INDEX activity_by_resource ON activity(resource_id, state)",
                """
                CREATE TABLE activity_transition (
                  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
                  activity_id TEXT NOT NULL REFERENCES activity(id),
                  at          TEXT NOT NULL,
                  state       TEXT NOT NULL,
                  message     TEXT
                )""",
                "CREATE INDEX activity_transition_by_activity ON activity_transition(activity_id, seq)",
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)"
            ));

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "id, kind, state, account, region, project_id, resource_id, resource_name,"
            + " old_size_gb, new_size_gb, yearly_monthly, auto_pay, device, job_id, order_id, started_at, updated_at,"
            + " finished_at, message, failure_reason, error_code, request_id, json";
    private static final Set<String> FOLLOWABLE_STATES = EnumSet.allOf(ActivityState.class).stream()
            .filter(s -> s != ActivityState.UNKNOWN).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** The unfinished states as an SQL list: {@code 'SUBMITTING', 'SUBMITTED', …}. */
    private static final String OPEN_STATES = EnumSet.allOf(ActivityState.class).stream().filter(s -> !s.finished())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ActivityDatabase() {
    }

    /** Opens a connection: WAL, {@code synchronous=FULL}, a busy timeout, and the SQL function {@code jlower}. */
    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Function.create(c, "jlower", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String v = value_text(0);
                result(v == null ? "" : v.toLowerCase(Locale.ROOT));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        return c;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** Runs the migrations from the database's version up to {@link #SCHEMA_VERSION}; call inside a transaction. */
    static void migrate(Connection c) throws SQLException {
        int version = schemaVersion(c);
        for (int v = version; v < SCHEMA_VERSION; v++) {
            for (String sql : MIGRATIONS.get(v)) {
                execute(c, sql);
            }
        }
        if (version < SCHEMA_VERSION) {
            execute(c, "PRAGMA user_version = " + SCHEMA_VERSION);
        }
    }

    static Optional<String> meta(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    static void setMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------ rows

    /**
     * One row's columns as stored. {@code state} and {@code kind} are text because a row may hold ones this build
     * does not know.
     */
    record Row(String id, String kind, String state, String account, String region, String projectId,
               String resourceId, String resourceName, Long oldSizeGb, Long newSizeGb, Boolean yearlyMonthly,
               Boolean autoPay, String device, String jobId, String orderId, String startedAt, String updatedAt,
               String finishedAt, String message, String failureReason, String errorCode, String requestId,
               String json) {

        static Row of(Activity a, String json) {
            return new Row(a.id(), a.kind(), a.state().name(), a.account(), a.region(), a.projectId(),
                    a.resourceId(), a.resourceName(), a.oldSizeGb(), a.newSizeGb(), a.yearlyMonthly(), a.autoPay(),
                    a.device(), a.jobId(), a.orderId(), time(a.startedAt()), time(a.updatedAt()),
                    time(a.finishedAt()), a.message(), a.failureReason(), a.errorCode(), a.requestId(), json);
        }

        /** What can be read from a JSON entry that is not a valid activity for this build (import of old files). */
        static Row lenient(JsonNode n) {
            return new Row(text(n, "id"), textOr(n, "kind", ""), textOr(n, "state", ""), text(n, "account"),
                    text(n, "region"), text(n, "projectId"), textOr(n, "resourceId", ""), text(n, "resourceName"),
                    number(n, "oldSizeGb"), number(n, "newSizeGb"),
                    n.path("yearlyMonthly").isBoolean() ? n.get("yearlyMonthly").asBoolean() : null,
                    n.path("autoPay").isBoolean() ? n.get("autoPay").asBoolean() : null, text(n, "device"),
                    text(n, "jobId"), text(n, "orderId"), timeText(n, "startedAt"), timeText(n, "updatedAt"),
                    timeText(n, "finishedAt"), text(n, "message"), text(n, "failureReason"), text(n, "errorCode"),
                    text(n, "requestId"), n.toString());
        }

        private static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
        }

        /** A time as this build stores it when it reads as one, else the text as it is. */
        private static String timeText(JsonNode n, String field) {
            String v = text(n, field);
            Instant t = instant(v);
            return t == null ? v : time(t);
        }

        private static String textOr(JsonNode n, String field, String otherwise) {
            String v = text(n, field);
            return v == null ? otherwise : v;
        }

        private static Long number(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v != null && v.canConvertToLong() ? v.asLong() : null;
        }

        /**
         * The activity this row holds, or an {@link ActivityState#UNKNOWN} one built from the columns when this
         * build does not understand it (state or kind unknown, JSON unreadable or disagreeing with the columns).
         */
        Activity toActivity() {
            if (FOLLOWABLE_STATES.contains(state) && Activity.KNOWN_KINDS.contains(kind) && json != null) {
                try {
                    Activity a = MAPPER.readValue(json, Activity.class);
                    if (a.id().equals(id) && a.state().name().equals(state) && a.kind().equals(kind)) {
                        return a.rawState() == null ? a : new Activity(a.id(), a.kind(), a.account(), a.region(),
                                a.projectId(), a.resourceId(), a.resourceName(), a.oldSizeGb(), a.newSizeGb(),
                                a.yearlyMonthly(), a.autoPay(), a.device(), a.state(), a.jobId(), a.orderId(),
                                a.startedAt(), a.updatedAt(), a.finishedAt(), a.message(), a.failureReason(),
                                a.errorCode(), a.requestId());
                    }
                } catch (IOException | RuntimeException e) {
                    // Not readable by this build: shown as unknown below.
                }
            }
            String raw = state == null ? "" : state;
            if (!Activity.KNOWN_KINDS.contains(kind)) {
                raw = raw + ", kind " + kind;
            }
            return new Activity(id, kind == null ? "" : kind, account, region, projectId,
                    resourceId == null ? "" : resourceId, resourceName, oldSizeGb == null ? 0 : oldSizeGb,
                    newSizeGb == null ? 0 : newSizeGb, Boolean.TRUE.equals(yearlyMonthly), autoPay, device,
                    ActivityState.UNKNOWN, jobId, orderId, instant(startedAt), instant(updatedAt),
                    instant(finishedAt), message, failureReason, errorCode, requestId, raw);
        }
    }

    static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The stored row with this id. */
    static Optional<Row> row(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM activity WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static Row read(ResultSet r) throws SQLException {
        return new Row(r.getString("id"), r.getString("kind"), r.getString("state"), r.getString("account"),
                r.getString("region"), r.getString("project_id"), r.getString("resource_id"),
                r.getString("resource_name"), longOrNull(r, "old_size_gb"), longOrNull(r, "new_size_gb"),
                boolOrNull(r, "yearly_monthly"), boolOrNull(r, "auto_pay"), r.getString("device"),
                r.getString("job_id"), r.getString("order_id"), r.getString("started_at"),
                r.getString("updated_at"), r.getString("finished_at"), r.getString("message"),
                r.getString("failure_reason"), r.getString("error_code"), r.getString("request_id"),
                r.getString("json"));
    }

    private static Long longOrNull(ResultSet r, String column) throws SQLException {
        Object v = r.getObject(column);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null ? null : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean boolOrNull(ResultSet r, String column) throws SQLException {
        Long v = longOrNull(r, column);
        return v == null ? null : v != 0;
    }

    /**
     * Writes {@code a} over its row (or adds it), merging its JSON into the stored JSON so that fields this build
     * does not know survive, and adds a transition row when the state changed. Call inside a write transaction.
     *
     * @throws IllegalStateException when the stored row is one this build does not understand: it stays untouched
     */
    static void upsert(Connection c, Activity a) throws SQLException {
        Optional<Row> before = row(c, a.id());
        ObjectNode json = MAPPER.valueToTree(a);
        if (before.isPresent()) {
            Row old = before.get();
            if (!old.toActivity().understood()) {
                throw new IllegalStateException("Activity " + a.id() + " was written by a newer Expanse (state "
                        + old.state() + ", kind " + old.kind() + ") and is left as it is");
            }
            try {
                JsonNode stored = MAPPER.readTree(old.json());
                if (stored instanceof ObjectNode merged) {
                    merged.setAll(json);
                    json = merged;
                }
            } catch (IOException e) {
                // toActivity() read it, so it parses; keep this build's JSON if not.
            }
        }
        Row row = Row.of(a, json.toString());
        write(c, row);
        if (before.isEmpty() || !before.get().state().equals(row.state())) {
            transition(c, a.id(), a.updatedAt() != null ? a.updatedAt() : a.startedAt(), row.state(), a.message());
        }
    }

    /** Inserts or replaces the row with this id as it is (also rows this build does not understand: the import). */
    static void write(Connection c, Row row) throws SQLException {
        String sql = "INSERT INTO activity(" + COLUMNS + ") VALUES (" + "?, ".repeat(22) + "?)"
                + " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, state = excluded.state,"
                + " account = excluded.account, region = excluded.region, project_id = excluded.project_id,"
                + " resource_id = excluded.resource_id, resource_name = excluded.resource_name,"
                + " old_size_gb = excluded.old_size_gb, new_size_gb = excluded.new_size_gb,"
                + " yearly_monthly = excluded.yearly_monthly, auto_pay = excluded.auto_pay,"
                + " device = excluded.device, job_id = excluded.job_id, order_id = excluded.order_id,"
                + " started_at = excluded.started_at, updated_at = excluded.updated_at,"
                + " finished_at = excluded.finished_at, message = excluded.message,"
                + " failure_reason = excluded.failure_reason, error_code = excluded.error_code,"
                + " request_id = excluded.request_id, json = excluded.json";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, row.id());
            s.setString(i++, row.kind());
            s.setString(i++, row.state());
            s.setString(i++, row.account());
            s.setString(i++, row.region());
            s.setString(i++, row.projectId());
            s.setString(i++, row.resourceId());
            s.setString(i++, row.resourceName());
            setLong(s, i++, row.oldSizeGb());
            setLong(s, i++, row.newSizeGb());
            setLong(s, i++, row.yearlyMonthly() == null ? null : row.yearlyMonthly() ? 1L : 0L);
            setLong(s, i++, row.autoPay() == null ? null : row.autoPay() ? 1L : 0L);
            s.setString(i++, row.device());
            s.setString(i++, row.jobId());
            s.setString(i++, row.orderId());
            s.setString(i++, row.startedAt());
            s.setString(i++, row.updatedAt());
            s.setString(i++, row.finishedAt());
            s.setString(i++, row.message());
            s.setString(i++, row.failureReason());
            s.setString(i++, row.errorCode());
            s.setString(i++, row.requestId());
            s.setString(i, row.json());
            s.executeUpdate();
        }
    }

    static void transition(Connection c, String activityId, Instant at, String state, String message)
            throws SQLException {
        transition(c, activityId, time(at == null ? Instant.EPOCH : at), state, message);
    }

    static void transition(Connection c, String activityId, String at, String state, String message)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO activity_transition(activity_id, at, state, message) VALUES (?, ?, ?, ?)")) {
            s.setString(1, activityId);
            s.setString(2, at == null ? time(Instant.EPOCH) : at);
            s.setString(3, state);
            s.setString(4, message);
            s.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setLong(i, v);
        }
    }

    /**
     * Whether an unfinished activity this build follows exists for the resource (read in the caller's transaction).
     * A row this build does not understand never counts, even when its state column says running.
     */
    static boolean inFlight(Connection c, String resourceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM activity WHERE resource_id = ?"
                + " AND state IN (" + OPEN_STATES + ")")) {
            s.setString(1, resourceId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (read(r).toActivity().understood()) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /** The latest {@code recent} rows and every unfinished one, oldest first: the journal's snapshot at start. */
    static List<Activity> loadRecent(Connection c, int recent) throws SQLException {
        List<Activity> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM activity WHERE seq >= coalesce("
                + "(SELECT seq FROM activity ORDER BY seq DESC LIMIT 1 OFFSET ?), 0) OR state IN (" + OPEN_STATES + ")"
                + " ORDER BY seq")) {
            s.setInt(1, recent - 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(read(r).toActivity());
                }
            }
        }
        return result;
    }

    /**
     * Activities matching {@code filter}, newest first, at most {@code limit} (0: no limit). The states and words
     * are matched in SQL ({@code jlower} folds case as Java does), then checked again with the filter itself so
     * that a row the SQL lets through but this build reads as unknown is judged as shown.
     */
    static List<Activity> query(Connection c, ActivityFilter filter, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM activity WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        if (!filter.states().isEmpty()) {
            List<String> names = filter.states().stream().filter(s -> s != ActivityState.UNKNOWN)
                    .map(Enum::name).toList();
            sql.append(" AND (state IN (").append(String.join(", ", names.stream().map(n -> "?").toList()))
                    .append(")");
            params.addAll(names);
            if (filter.states().contains(ActivityState.UNKNOWN)) {
                sql.append(" OR 1 = 1");
            }
            sql.append(")");
        }
        if (!filter.text().isEmpty()) {
            StringBuilder labels = new StringBuilder("CASE state");
            for (ActivityState s : ActivityState.values()) {
                if (s != ActivityState.UNKNOWN) {
                    labels.append(" WHEN '").append(s.name()).append("' THEN '").append(s.label().replace("'", "''"))
                            .append("'");
                }
            }
            // The state as the list shows it, in the language in use: "unknown (X)" matches "unknown".
            String[] unknown = Texts.get("activity.state.unknownWith", "\u0000").replace("'", "''").split("\u0000");
            labels.append(" ELSE '").append(unknown[0]).append("' || state || '")
                    .append(unknown.length > 1 ? unknown[1] : "").append("' END");
            String haystack = "jlower(" + String.join(" || char(10) || ", List.of("coalesce(resource_name, '')",
                    "coalesce(resource_id, '')", "coalesce(account, '')", "coalesce(region, '')", labels.toString(),
                    "coalesce(job_id, '')", "coalesce(order_id, '')", "coalesce(message, '')",
                    "coalesce(error_code, '')", "coalesce(kind, '')")) + ")";
            for (String word : filter.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                sql.append(" AND instr(").append(haystack).append(", ?) > 0");
                params.add(word);
            }
        }
        sql.append(" ORDER BY seq DESC");
        List<Activity> result = new ArrayList<>();
        Predicate<Activity> exact = filter;
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setString(i + 1, params.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next() && (limit <= 0 || result.size() < limit)) {
                    Activity a = read(r).toActivity();
                    if (exact.test(a)) {
                        result.add(a);
                    }
                }
            }
        }
        return result;
    }

    /** One state change of an activity, as kept in {@code activity_transition}. */
    record Transition(String at, String state, String message) {
    }

    static List<Transition> transitions(Connection c, String activityId) throws SQLException {
        List<Transition> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT at, state, message FROM activity_transition WHERE activity_id = ? ORDER BY seq")) {
            s.setString(1, activityId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new Transition(r.getString(1), r.getString(2), r.getString(3)));
                }
            }
        }
        return result;
    }
}
