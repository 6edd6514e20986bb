package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.expanse.logging.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    void everyTextSurvivesARoundTripThroughACsvReader() throws Exception {
        List<String> awkward = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "  padded  ",
                "中文 云硬盘", "");
        List<Activity> rows = awkward.stream().map(n -> activity("1", n, ActivityState.SUCCEEDED, n)).toList();
        List<List<String>> read = parse(ActivityCsv.toCsv(rows, ZoneOffset.UTC));
        assertEquals(ActivityCsv.header(), read.get(0));
        for (int i = 0; i < awkward.size(); i++) {
            assertEquals(awkward.get(i), read.get(i + 1).get(9), "resource name of row " + i);
            assertEquals(awkward.get(i), read.get(i + 1).get(15), "message of row " + i);
        }
    }

    @Test
    void aTextThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertEquals("'=HYPERLINK(\"http://x\")", ActivityCsv.text("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", ActivityCsv.text("+1"));
        assertEquals("'-2", ActivityCsv.text("-2"));
        assertEquals("'@SUM(A1)", ActivityCsv.text("@SUM(A1)"));
        assertEquals("a=b", ActivityCsv.text("a=b"));
        assertEquals("", ActivityCsv.text(null));
    }

    @Test
    void timesCarryTheirOffsetAndNoFractionOfASecond() throws Exception {
        Activity a = activity("1", "data-01", ActivityState.SUCCEEDED, "ok").withState(ActivityState.SUCCEEDED,
                "ok", T0.plusMillis(5_123));
        List<String> row = parse(ActivityCsv.toCsv(List.of(a), ZoneId.of("Asia/Shanghai"))).get(1);
        assertEquals(List.of("2026-03-01T18:00:00+08:00", "2026-03-01T18:00:05+08:00", "2026-03-01T18:00:05+08:00"),
                row.subList(0, 3));
    }

    /** Reads CSV as a spreadsheet program would: rows of cells. */
    static List<List<String>> parse(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> read = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
            it.forEachRemaining(read::add);
        }
        return read;
    }

    @Test
    void rowsHaveTheHeaderColumnsAndCrlfEnds() throws Exception {
        String csv = ActivityCsv.toCsv(List.of(activity("1", "data, \"01\"", ActivityState.SUCCEEDED, "ok"),
                activity("2", "data-02", ActivityState.RUNNING, "Job RUNNING")), ZoneOffset.UTC);
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(csv.endsWith("\r\n"));
        assertTrue(lines[0].startsWith("started,updated,finished,state,kind,account"));
        assertTrue(lines[1].contains(",\"data, \"\"01\"\"\","), lines[1]);
        assertEquals(List.of("2026-03-01T10:00:00Z", "2026-03-01T10:00:05Z", "2026-03-01T10:00:05Z", "Succeeded",
                "evs.resize", "Prod", "cn-north-4", "pid", "vol-1", "data, \"01\"", "100", "200", "on-demand", "job-1",
                "", "ok", "", "", ""), parse(csv).get(1));
        assertEquals(ActivityCsv.header().size(), parse(csv).get(2).size());
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
