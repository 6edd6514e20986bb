package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.logging.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityCsvTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static Activity activity(String id, String name, ActivityState state, String message) {
        return new Activity(id, Activity.KIND_EVS_RESIZE, "Prod", "cn-north-4", "pid", "vol-" + id, name, 100, 200,
                false, null, "/dev/vdb", state, "job-" + id, null, T0, T0.plusSeconds(5),
                state.finished() ? T0.plusSeconds(5) : null, message, null, null, null);
    }

    @Test
    void fieldsAreQuotedPerRfc4180() {
        assertEquals("plain", ActivityCsv.field("plain"));
        assertEquals("\"a,b\"", ActivityCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ActivityCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", ActivityCsv.field("two\nlines"));
        assertEquals("", ActivityCsv.field(null));
    }

    @Test
    void rowsHaveTheHeaderColumnsAndCrlfEnds() {
        String csv = ActivityCsv.toCsv(List.of(activity("1", "data, \"01\"", ActivityState.SUCCEEDED, "ok"),
                activity("2", "data-02", ActivityState.RUNNING, "Job RUNNING")));
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(csv.endsWith("\r\n"));
        assertTrue(lines[0].startsWith("started,updated,finished,state,kind,account"));
        assertTrue(lines[1].startsWith("2026-03-01T10:00:00Z,2026-03-01T10:00:05Z,2026-03-01T10:00:05Z,Succeeded,"
                + "evs.resize,Prod,cn-north-4,pid,vol-1,\"data, \"\"01\"\"\",100,200,on-demand,job-1,,ok"), lines[1]);
        assertEquals(ActivityCsv.HEADER.size() - 1, lines[2].chars().filter(c -> c == ',').count());
    }

    @Test
    void exportedFilesAreUtf8WithoutSecrets(@TempDir Path dir) throws Exception {
        String secret = "CsvSecretValue0123456789abcdefGHIJKLMNOP";
        Redactor.registerSecret(secret);
        try {
            Path file = dir.resolve("activity.csv");
            ActivityCsv.export(List.of(activity("1", "Größe", ActivityState.FAILED, "failed: " + secret)), file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("\uFEFFstarted,"));
            assertTrue(text.contains("Größe"));
            assertFalse(text.contains(secret));
        } finally {
            Redactor.forgetSecret(secret);
        }
    }

    @Test
    void theFilterMatchesAllWordsAndTheChosenStates() {
        Activity a = activity("1", "data-01", ActivityState.SUCCEEDED, "now 200 GB");
        Activity b = activity("2", "logs-02", ActivityState.RUNNING, "Job RUNNING");
        Activity c = activity("3", "data-03", ActivityState.AWAITING_PAYMENT, "pay it");
        List<Activity> all = List.of(a, b, c);
        assertEquals(all, all.stream().filter(ActivityFilter.all()).toList());
        assertEquals(List.of(a, c), all.stream().filter(new ActivityFilter("DATA", Set.of())).toList());
        assertEquals(List.of(a), all.stream().filter(new ActivityFilter("data 200", null)).toList());
        assertEquals(List.of(b, c), all.stream().filter(ActivityFilter.unfinished()).toList());
        assertEquals(List.of(c), all.stream().filter(ActivityFilter.unfinished().withText("data")).toList());
        assertEquals(List.of(b), all.stream().filter(new ActivityFilter("job-2",
                EnumSet.of(ActivityState.RUNNING))).toList());
        assertEquals(List.of(), all.stream().filter(new ActivityFilter("nothing", null)).toList());
    }
}
