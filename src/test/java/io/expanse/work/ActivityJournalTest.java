package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.expanse.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityJournalTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-02T09:10:11Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("activities.json");
    }

    private static Activity activity(String id, String volume, ActivityState state) {
        return new Activity(id, Activity.KIND_EVS_RESIZE, "prod", "cn-north-4", "proj-1", volume, "data-01", 100,
                200, true, Boolean.FALSE, "/dev/vdb", state, "job-1", "CS1", T0, T0.plusSeconds(5),
                state.finished() ? T0.plusSeconds(9) : null, "Order CS1 — awaiting payment", "fail", "EVS.1", "req");
    }

    private List<String> dirListing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roundTripsEveryFieldThroughTheFile() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        Activity a = activity("a", "vol-1", ActivityState.AWAITING_PAYMENT);
        Activity b = new Activity("b", "nas.upgrade", null, null, null, "pack-1", null, 1, 2, false, null, null,
                ActivityState.SUCCEEDED, null, null, T0, T0, T0, null, null, null, null);
        journal.record(a);
        journal.record(b);

        ActivityJournal reopened = new ActivityJournal(file(), CLOCK);
        assertEquals(List.of(a, b), reopened.all());
        assertTrue(reopened.loadProblem().isEmpty());
        assertFalse(reopened.readOnly());
    }

    @Test
    void activityIsSerialisableWithAPlainObjectMapper() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        Activity a = activity("a", "vol-1", ActivityState.FAILED);
        String json = plain.writeValueAsString(a);
        assertTrue(json.contains("\"startedAt\":\"2025-03-01T08:00:00.123Z\""), json);
        assertEquals(a, plain.readValue(json, Activity.class));
    }

    @Test
    void recordReplacesByIdAndTellsListeners() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        List<Activity> heard = new ArrayList<>();
        journal.addListener(heard::add);
        Activity a = activity("a", "vol-1", ActivityState.RUNNING);
        journal.record(a);
        Activity done = a.withState(ActivityState.SUCCEEDED, "done", T0.plusSeconds(60));
        journal.record(done);

        assertEquals(List.of(done), journal.all());
        assertEquals(List.of(a, done), heard);
        assertEquals(T0.plusSeconds(60), journal.find("a").orElseThrow().finishedAt());
    }

    @Test
    void inFlightAndUnfinishedLookAtUnfinishedEntriesOnly() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        journal.record(activity("a", "vol-1", ActivityState.FAILED));
        journal.record(activity("b", "vol-2", ActivityState.AWAITING_PAYMENT));
        assertFalse(journal.inFlight("vol-1"));
        assertTrue(journal.inFlight("vol-2"));
        assertEquals(List.of("b"), journal.unfinished().stream().map(Activity::id).toList());

        assertFalse(journal.recordIfIdle(activity("c", "vol-2", ActivityState.SUBMITTING)));
        assertTrue(journal.recordIfIdle(activity("d", "vol-1", ActivityState.SUBMITTING)));
        assertEquals(List.of("a", "b", "d"), journal.all().stream().map(Activity::id).toList());
    }

    @Test
    void failedWriteLeavesThePreviousFileIntact() throws IOException {
        ActivityJournal healthy = new ActivityJournal(file(), CLOCK);
        healthy.record(activity("a", "vol-1", ActivityState.RUNNING));
        byte[] before = Files.readAllBytes(file());

        AtomicFiles.TempWriter crashesHalfway = (temp, content) -> {
            Files.write(temp, Arrays.copyOf(content, content.length / 2));
            throw new IOException("disk full");
        };
        ActivityJournal journal = new ActivityJournal(file(), CLOCK, 100, crashesHalfway);
        List<Activity> heard = new ArrayList<>();
        journal.addListener(heard::add);

        assertThrows(UncheckedIOException.class,
                () -> journal.record(activity("b", "vol-2", ActivityState.SUBMITTING)));
        assertArrayEquals(before, Files.readAllBytes(file()));
        assertEquals(List.of("activities.json"), dirListing(), "no temporary file is left behind");
        assertEquals(List.of("a"), journal.all().stream().map(Activity::id).toList(), "memory is unchanged");
        assertTrue(heard.isEmpty());
        assertEquals(1, new ActivityJournal(file(), CLOCK).all().size());
    }

    @Test
    void corruptFileIsMovedAsideAndReported() throws IOException {
        Files.writeString(file(), "{\"version\":1,\"activities\":[{\"id\":\"a\",", StandardCharsets.UTF_8);
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);

        assertTrue(journal.all().isEmpty());
        assertTrue(journal.loadProblem().orElseThrow().contains("activities.json.corrupt-20250302T091011Z"),
                journal.loadProblem().orElseThrow());
        assertFalse(journal.readOnly());
        assertEquals(List.of("activities.json.corrupt-20250302T091011Z"), dirListing());
        assertEquals("{\"version\":1,\"activities\":[{\"id\":\"a\",",
                Files.readString(dir.resolve("activities.json.corrupt-20250302T091011Z")));

        journal.record(activity("b", "vol-1", ActivityState.RUNNING));
        assertEquals(1, new ActivityJournal(file(), CLOCK).all().size());
    }

    @Test
    void entryWithoutRequiredFieldsCountsAsCorrupt() throws IOException {
        Files.writeString(file(), "{\"version\":1,\"activities\":[{\"id\":\"a\"}]}", StandardCharsets.UTF_8);
        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        assertTrue(journal.loadProblem().isPresent());
        assertFalse(Files.exists(file()));
    }

    @Test
    void newerFormatIsOpenedReadOnlyAndNeverOverwritten() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        String newer = "{\"version\":2,\"extra\":true,\"activities\":["
                + plain.writeValueAsString(activity("a", "vol-1", ActivityState.RUNNING)) + "]}";
        Files.writeString(file(), newer, StandardCharsets.UTF_8);

        ActivityJournal journal = new ActivityJournal(file(), CLOCK);
        assertTrue(journal.readOnly());
        assertTrue(journal.loadProblem().orElseThrow().contains("newer version"));
        assertEquals(List.of("a"), journal.all().stream().map(Activity::id).toList());

        journal.record(activity("b", "vol-2", ActivityState.RUNNING));
        assertEquals(2, journal.all().size(), "kept in memory for this session");
        assertEquals(newer, Files.readString(file()));
    }

    @Test
    void oldestFinishedEntriesAreDroppedBeyondTheLimit() {
        ActivityJournal journal = new ActivityJournal(file(), CLOCK, 3, (temp, content) -> Files.write(temp,
                content));
        journal.record(activity("running", "vol-0", ActivityState.RUNNING));
        journal.record(activity("f1", "vol-1", ActivityState.FAILED));
        journal.record(activity("f2", "vol-2", ActivityState.SUCCEEDED));
        journal.record(activity("f3", "vol-3", ActivityState.CANCELLED));
        journal.record(activity("f4", "vol-4", ActivityState.SUCCEEDED));

        assertEquals(List.of("running", "f3", "f4"), journal.all().stream().map(Activity::id).toList());
        assertEquals(3, new ActivityJournal(file(), CLOCK).all().size());
    }
}
