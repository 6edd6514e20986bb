package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityJournalTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-02T09:10:11Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("activity.db");
    }

    static Activity activity(String id, String volume, ActivityState state) {
        return new Activity(id, Activity.KIND_EVS_RESIZE, "prod", "cn-north-4", "proj-1", volume, "data-01", 100,
                200, true, Boolean.FALSE, "/dev/vdb", state, "job-1", "CS1", T0, T0.plusSeconds(5),
                state.finished() ? T0.plusSeconds(9) : null, "Order CS1 — awaiting payment", "fail", "EVS.1", "req");
    }

    private List<String> dirListing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> ids(List<Activity> activities) {
        return activities.stream().map(Activity::id).toList();
    }

    /** Runs SQL on the database directly, as sqlite3 or another build would. */
    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private String queryOne(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void roundTripsEveryFieldThroughTheDatabase() throws SQLException {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        Activity a = activity("a", "vol-1", ActivityState.AWAITING_PAYMENT);
        Activity b = new Activity("b", "nas.upgrade", null, null, null, "pack-1", null, 1, 2, false, null, null,
                ActivityState.SUCCEEDED, null, null, T0, T0, T0, null, null, null, null);
        journal.record(a);
        journal.record(b);
        journal.close();

        ActivityJournal reopened = new ActivityJournal(file(), CLOCK);
        assertEquals(List.of(a, b), reopened.recent());
        assertTrue(reopened.loadProblem().isEmpty());
        assertFalse(reopened.readOnly());
        // The columns are there for sqlite3 and for queries.
        assertEquals("AWAITING_PAYMENT", queryOne("SELECT state FROM activity WHERE id = 'a'"));
        assertEquals("2025-03-01T08:00:00.123000000Z", queryOne("SELECT started_at FROM activity WHERE id = 'a'"));
        assertEquals("200", queryOne("SELECT new_size_gb FROM activity WHERE id = 'a'"));
        assertEquals("1", queryOne("PRAGMA user_version"));
        assertEquals("wal", queryOne("PRAGMA journal_mode"));
    }

    @Test
    void activityIsSerialisableWithAPlainObjectMapper() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        Activity a = activity("a", "vol-1", ActivityState.FAILED);
        String json = plain.writeValueAsString(a);
        assertTrue(json.contains("\"startedAt\":\"2025-03-01T08:00:00.123Z\""), json);
        assertFalse(json.contains("rawState"), json);
        assertEquals(a, plain.readValue(json, Activity.class));
    }

    @Test
    void recordReplacesByIdTellsListenersAndKeepsEachStateChange() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        List<Activity> heard = new ArrayList<>();
        journal.addListener(heard::add);
        Activity a = activity("a", "vol-1", ActivityState.RUNNING);
        journal.record(a);
        journal.record(a.withMessage("40 %", T0.plusSeconds(30)));
        Activity done = a.withState(ActivityState.SUCCEEDED, "done", T0.plusSeconds(60));
        journal.record(done);

        assertEquals(List.of(done), journal.recent());
        assertEquals(3, heard.size());
        assertEquals(done, heard.get(2));
        assertEquals(T0.plusSeconds(60), journal.find("a").orElseThrow().finishedAt());
        assertEquals(List.of(
                        new ActivityDatabase.Transition("2025-03-01T08:00:05.123000000Z", "RUNNING",
                                "Order CS1 — awaiting payment"),
                        new ActivityDatabase.Transition("2025-03-01T08:01:00.123000000Z", "SUCCEEDED", "done")),
                journal.transitions("a"), "a message-only change adds no transition");
    }

    @Test
    void inFlightAndUnfinishedLookAtUnfinishedEntriesOnly() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        journal.record(activity("a", "vol-1", ActivityState.FAILED));
        journal.record(activity("b", "vol-2", ActivityState.AWAITING_PAYMENT));
        assertFalse(journal.inFlight("vol-1"));
        assertTrue(journal.inFlight("vol-2"));
        assertEquals(List.of("b"), ids(journal.unfinished()));

        assertFalse(journal.recordIfIdle(activity("c", "vol-2", ActivityState.SUBMITTING)));
        assertTrue(journal.recordIfIdle(activity("d", "vol-1", ActivityState.SUBMITTING)));
        assertEquals(List.of("a", "b", "d"), ids(journal.recent()));
    }

    @Test
    void recordIfIdleChecksTheDatabaseSoASecondProcessCannotSubmitTheSameResource() {
        ActivityJournal first = new ActivityJournal(file(), CLOCK);
        ActivityJournal second = new ActivityJournal(file(), CLOCK);
        assertTrue(first.recordIfIdle(activity("a", "vol-1", ActivityState.SUBMITTING)));

        assertFalse(second.inFlight("vol-1"), "the second one's snapshot predates the first one's write");
        assertFalse(second.recordIfIdle(activity("b", "vol-1", ActivityState.SUBMITTING)));
        assertTrue(second.recordIfIdle(activity("c", "vol-2", ActivityState.SUBMITTING)));
        assertEquals(List.of("a", "c"), ids(new ActivityJournal(file(), CLOCK).recent()));
    }

    @Test
    void aFailedWriteLeavesTheDatabaseAndTheSnapshotUnchanged() throws Exception {
        ActivityJournal healthy = new ActivityJournal(file(), CLOCK);
        healthy.record(activity("a", "vol-1", ActivityState.RUNNING));
        healthy.close();

        ActivityJournal journal = new ActivityJournal(file(), CLOCK, null, 100, a -> {
            if (a.id().equals("b")) {
                throw new SQLException("disk I/O error");
            }
        });
        List<Activity> heard = new ArrayList<>();
        journal.addListener(heard::add);

        assertThrows(UncheckedIOException.class,
                () -> journal.record(activity("b", "vol-2", ActivityState.SUBMITTING)));
        assertEquals(List.of("a"), ids(journal.recent()), "memory is unchanged");
        assertTrue(heard.isEmpty());
        assertEquals("1", queryOne("SELECT count(*) FROM activity"));
        assertEquals("1", queryOne("SELECT count(*) FROM activity_transition"));
        // The transaction was rolled back: the next write goes through.
        journal.record(activity("c", "vol-3", ActivityState.RUNNING));
        assertEquals(List.of("a", "c"), ids(new ActivityJournal(file(), CLOCK).recent()));
    }

    @Test
    void aFileThatIsNotADatabaseIsMovedAsideAndReported() throws IOException {
        String junk = "{\"version\":1,\"activities\":[{\"id\":\"a\"," + "x".repeat(200);
        Files.writeString(file(), junk, StandardCharsets.UTF_8);
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);

        assertTrue(journal.recent().isEmpty());
        assertTrue(journal.loadProblem().orElseThrow().contains("activity.db.corrupt-20250302T091011Z"),
                journal.loadProblem().orElseThrow());
        assertFalse(journal.readOnly());
        assertTrue(dirListing().contains("activity.db.corrupt-20250302T091011Z"), dirListing().toString());
        assertEquals(junk, Files.readString(dir.resolve("activity.db.corrupt-20250302T091011Z")));

        journal.record(activity("b", "vol-1", ActivityState.RUNNING));
        assertEquals(1, new ActivityJournal(file(), CLOCK).recent().size());
    }

    @Test
    void aNewerSchemaIsOpenedReadOnlyAndNeverWritten() throws Exception {
        ActivityJournal older = new ActivityJournal(file(), CLOCK);
        older.record(activity("a", "vol-1", ActivityState.RUNNING));
        older.close();
        sql("PRAGMA user_version = 2");

        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        assertTrue(journal.readOnly());
        assertTrue(journal.loadProblem().orElseThrow().contains("newer version"), journal.loadProblem().get());
        assertEquals(List.of("a"), ids(journal.recent()));

        journal.record(activity("b", "vol-2", ActivityState.RUNNING));
        assertEquals(2, journal.recent().size(), "kept in memory for this session");
        assertEquals("1", queryOne("SELECT count(*) FROM activity"));
        assertEquals("2", queryOne("PRAGMA user_version"));
    }

    @Test
    void theHistoryIsUnboundedWhileMemoryHoldsTheLatestAndTheUnfinished() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK, null, 3, ActivityJournal.BeforeCommit.NONE);
        journal.record(activity("running", "vol-0", ActivityState.RUNNING));
        for (int i = 1; i <= 6; i++) {
            journal.record(activity("f" + i, "vol-" + i, ActivityState.SUCCEEDED));
        }

        assertEquals(List.of("running", "f4", "f5", "f6"), ids(journal.recent()), "the latest 3 and the older unfinished one");
        assertEquals(List.of("f6", "f5", "f4", "f3", "f2", "f1", "running"),
                ids(journal.query(ActivityFilter.all(), 0)), "the database keeps everything, newest first");
        assertEquals(List.of("f6", "f5"), ids(journal.query(ActivityFilter.all(), 2)));
        assertEquals("f1", journal.find("f1").orElseThrow().id(), "an older one is read from the database");

        ActivityJournal reopened = new ActivityJournal(file(), CLOCK, null, 3, ActivityJournal.BeforeCommit.NONE);
        assertEquals(List.of("running", "f4", "f5", "f6"), ids(reopened.recent()));
        assertEquals(7, reopened.query(ActivityFilter.all(), 0).size());
    }

    @Test
    void queriesFilterByStateAndWordsInTheDatabase() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        journal.record(activity("a", "vol-1", ActivityState.SUCCEEDED).withJobId("JOB-Ä1"));
        journal.record(activity("b", "vol-2", ActivityState.RUNNING));
        journal.record(activity("c", "vol-3", ActivityState.FAILED).withMessage("Quota exceeded", T0));

        assertEquals(List.of("b"), ids(journal.query(ActivityFilter.unfinished(), 0)));
        assertEquals(List.of("c"), ids(journal.query(ActivityFilter.all().withText("QUOTA vol-3"), 0)));
        assertEquals(List.of(), ids(journal.query(ActivityFilter.all().withText("quota vol-1"), 0)));
        assertEquals(List.of("a"), ids(journal.query(ActivityFilter.all().withText("job-ä1"), 0)),
                "case folds beyond ASCII, as the in-memory filter does");
        assertEquals(List.of("c", "a"), ids(journal.query(ActivityFilter.all().withStates(
                Set.of(ActivityState.SUCCEEDED, ActivityState.FAILED)), 0)));
        assertEquals(List.of("b"), ids(journal.query(ActivityFilter.all().withText("running"), 0)),
                "the state's label is searched");
    }

    private static final String COLUMNS = "id, kind, state, account, region, project_id, resource_id, resource_name,"
            + " old_size_gb, new_size_gb, started_at, updated_at, message, json";

    @Test
    void rowsThisBuildDoesNotUnderstandAreShownAsUnknownKeptUntouchedAndNeverFollowed() throws Exception {
        ActivityJournal first = new ActivityJournal(file(), CLOCK);
        first.record(activity("good", "vol-1", ActivityState.RUNNING));
        first.close();
        sql("INSERT INTO activity(" + COLUMNS + ") VALUES ('newer-state', 'evs.resize', 'VERIFYING', 'prod',"
                        + " 'cn-north-4', 'p', 'vol-2', 'data-02', 10, 20, '2025-03-01T09:00:00.000000000Z', NULL,"
                        + " 'checking the file system', '{\"id\":\"newer-state\",\"state\":\"VERIFYING\"}')",
                "INSERT INTO activity(" + COLUMNS + ") VALUES ('newer-kind', 'obs.bucket', 'RUNNING', 'prod',"
                        + " 'cn-north-4', 'p', 'bucket-1', NULL, 0, 0, NULL, NULL, NULL, '{}')",
                "INSERT INTO activity(" + COLUMNS + ") VALUES ('bad-json', 'evs.resize', 'RUNNING', 'prod',"
                        + " 'cn-north-4', 'p', 'vol-3', NULL, 10, 20, NULL, NULL, 'half', '{\"id\":\"bad-json\",')");
        String before = queryOne("SELECT group_concat(id || state || json, '|') FROM activity WHERE id != 'good'");

        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        assertTrue(journal.loadProblem().isEmpty(), "one unreadable row is no reason to complain about the rest");
        assertEquals(List.of("good", "newer-state", "newer-kind", "bad-json"), ids(journal.recent()));
        Activity newer = journal.find("newer-state").orElseThrow();
        assertEquals(ActivityState.UNKNOWN, newer.state());
        assertEquals("VERIFYING", newer.rawState());
        assertEquals("Unknown (VERIFYING)", newer.stateText());
        assertEquals("data-02", newer.resourceName());
        assertEquals("checking the file system", newer.message());
        assertEquals("Unknown (RUNNING, kind obs.bucket)", journal.find("newer-kind").orElseThrow().stateText());
        assertEquals("Unknown (RUNNING)", journal.find("bad-json").orElseThrow().stateText());

        assertEquals(List.of("good"), ids(journal.unfinished()), "only the understood one is followed");
        assertFalse(journal.inFlight("vol-3"));
        assertTrue(journal.recordIfIdle(activity("new", "vol-3", ActivityState.SUBMITTING)),
                "an unknown row does not block the resource");
        assertThrows(IllegalStateException.class,
                () -> journal.record(activity("bad-json", "vol-3", ActivityState.SUCCEEDED)));
        assertThrows(IllegalArgumentException.class, () -> journal.record(newer));
        assertEquals(before, queryOne(
                "SELECT group_concat(id || state || json, '|') FROM activity WHERE id NOT IN ('good', 'new')"));
        assertEquals(List.of("newer-state"), ids(journal.query(ActivityFilter.all().withText("verifying"), 0)));
        assertEquals(List.of("new", "good"), ids(journal.query(ActivityFilter.unfinished(), 0)));
    }

    @Test
    void fieldsOfANewerBuildSurviveAnUpdateByThisOne() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        Activity a = activity("a", "vol-1", ActivityState.RUNNING);
        com.fasterxml.jackson.databind.node.ObjectNode json = plain.valueToTree(a);
        json.put("verifiedBy", "fsck");
        ActivityJournal first = new ActivityJournal(file(), CLOCK);
        first.record(activity("other", "vol-9", ActivityState.RUNNING));
        first.close();
        sql("INSERT INTO activity(" + COLUMNS + ") VALUES ('a', 'evs.resize', 'RUNNING', 'prod', 'cn-north-4',"
                + " 'proj-1', 'vol-1', 'data-01', 100, 200, NULL, NULL, NULL, '" + json + "')");

        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        assertEquals(a, journal.find("a").orElseThrow());
        journal.record(a.withState(ActivityState.SUCCEEDED, "done", T0.plusSeconds(90)));

        JsonNode stored = plain.readTree(queryOne("SELECT json FROM activity WHERE id = 'a'"));
        assertEquals("fsck", stored.path("verifiedBy").asText());
        assertEquals("SUCCEEDED", stored.path("state").asText());
        assertEquals("SUCCEEDED", queryOne("SELECT state FROM activity WHERE id = 'a'"));
        assertNull(stored.get("rawState"));
    }
}
