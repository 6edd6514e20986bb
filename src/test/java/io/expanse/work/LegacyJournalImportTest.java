package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON journal of earlier builds is imported into a new database once, every entry of it, then kept aside. */
class LegacyJournalImportTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123Z");

    @TempDir
    Path dir;

    /** The file as the JSON journal wrote it: {@code {"version":1,"activities":[…]}}, indented, by Jackson. */
    record JournalFile(int version, List<Object> activities) {
    }

    private static Activity activity(String id, String volume, ActivityState state) {
        return new Activity(id, Activity.KIND_EVS_RESIZE, "prod", "cn-north-4", "proj-1", volume, "data-" + id, 100,
                200, false, null, "/dev/vdb", state, "job-" + id, null, T0, T0.plusSeconds(5),
                state.finished() ? T0.plusSeconds(9) : null, "message " + id, null, null, null);
    }

    private static List<String> ids(List<Activity> activities) {
        return activities.stream().map(Activity::id).toList();
    }

    @Test
    void everyEntryOfTheJsonJournalIsImportedOnceAndTheFileKeptAsABackup() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Activity done = activity("done", "vol-1", ActivityState.SUCCEEDED);
        Activity running = activity("running", "vol-2", ActivityState.RUNNING);
        Activity pack = new Activity("pack", Activity.KIND_NAS_UPGRADE, "nas", "cn-east-1", null, "pack-7", "Pack",
                500, 600, true, Boolean.TRUE, null, ActivityState.AWAITING_PAYMENT, null, "ORD-1", T0, T0, null,
                "awaiting payment", null, null, null);
        ObjectNode newerState = mapper.valueToTree(activity("newer", "vol-3", ActivityState.RUNNING));
        newerState.put("state", "VERIFYING");
        newerState.put("verifiedBy", "fsck");
        byte[] json = mapper.writeValueAsBytes(new JournalFile(1, List.of(done, running, newerState, pack)));
        Path legacy = dir.resolve("activity.json");
        Files.write(legacy, json);

        ActivityJournal journal = ActivityJournal.openIn(dir);
        assertTrue(journal.loadProblem().isEmpty(), journal.loadProblem().orElse(""));
        assertEquals(List.of("done", "running", "newer", "pack"), ids(journal.recent()));
        assertEquals(done, journal.find("done").orElseThrow());
        assertEquals(pack, journal.find("pack").orElseThrow());
        Activity newer = journal.find("newer").orElseThrow();
        assertEquals(ActivityState.UNKNOWN, newer.state());
        assertEquals("VERIFYING", newer.rawState());
        assertEquals("data-newer", newer.resourceName());
        assertEquals(List.of("running", "pack"), ids(journal.unfinished()), "unfinished ones are followed again");
        assertEquals(List.of(new ActivityDatabase.Transition("2025-03-01T08:00:05.123000000Z", "RUNNING",
                "message running")), journal.transitions("running"));

        assertFalse(Files.exists(legacy));
        Path backup = dir.resolve("activity.json.imported-backup");
        assertTrue(java.util.Arrays.equals(json, Files.readAllBytes(backup)), "the backup is the file as it was");
        journal.close();

        // A JSON journal that turns up again (an older build was run) is not imported a second time.
        Files.writeString(legacy, "{\"version\":1,\"activities\":[" + mapper.writeValueAsString(
                activity("later", "vol-9", ActivityState.RUNNING)) + "]}", StandardCharsets.UTF_8);
        ActivityJournal again = ActivityJournal.openIn(dir);
        assertEquals(List.of("done", "running", "newer", "pack"), ids(again.recent()));
        assertTrue(Files.exists(legacy), "left alone");
    }

    @Test
    void withoutAJsonJournalNothingIsImportedAndALaterOneIsLeftAlone() throws Exception {
        ActivityJournal.openIn(dir).close();
        Files.writeString(dir.resolve("activity.json"), "{\"version\":1,\"activities\":[]}");
        ActivityJournal journal = ActivityJournal.openIn(dir);
        assertTrue(journal.recent().isEmpty());
        assertTrue(Files.exists(dir.resolve("activity.json")));
        assertFalse(Files.exists(dir.resolve("activity.json.imported-backup")));
    }

    @Test
    void anUnreadableJsonJournalIsReportedAndKeptAside() throws Exception {
        Files.writeString(dir.resolve("activity.json"), "{\"version\":1,\"activities\":[{\"id\":\"a\",");
        ActivityJournal journal = ActivityJournal.openIn(dir);
        assertTrue(journal.recent().isEmpty());
        String problem = journal.loadProblem().orElseThrow();
        assertTrue(problem.contains("nothing was imported") && problem.contains("activity.json.unreadable-backup"),
                problem);
        assertTrue(Files.exists(dir.resolve("activity.json.unreadable-backup")));
        journal.record(activity("a", "vol-1", ActivityState.RUNNING));
        assertEquals(List.of("a"), ids(ActivityJournal.openIn(dir).recent()));
    }

    @Test
    void entriesWithoutAnIdAreCountedAndTheRestImported() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Files.writeString(dir.resolve("activity.json"), "{\"version\":1,\"activities\":[{\"kind\":\"evs.resize\"},"
                + mapper.writeValueAsString(activity("a", "vol-1", ActivityState.FAILED)) + "]}");
        ActivityJournal journal = ActivityJournal.openIn(dir);
        assertEquals(List.of("a"), ids(journal.recent()));
        assertTrue(journal.loadProblem().orElseThrow().contains("1 entries without an id"));
    }
}
