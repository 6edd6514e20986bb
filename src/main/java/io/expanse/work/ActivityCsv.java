package io.expanse.work;

import io.expanse.text.Texts;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.expanse.logging.Redactor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity history as CSV the way spreadsheet programs write it (RFC 4180 through Jackson's CSV module:
 * comma-separated, CRLF line ends, a field with a comma, quote or line break quoted, quotes doubled), with a header
 * row. Times are ISO-8601 with their offset, to the second ({@code 2026-03-01T18:00:00+08:00}). Every text field
 * passes through {@link Redactor}, and a text that a spreadsheet would run as a formula ({@code =}, {@code +},
 * {@code -}, {@code @} first) is written with a leading apostrophe, so a server's message can never become one.
 */
public final class ActivityCsv {

    /** The bundle keys of the header row, one per column. */
    private static final List<String> HEADER_KEYS = List.of("csv.activity.started", "csv.activity.updated",
            "csv.activity.finished", "csv.activity.state", "csv.activity.kind", "csv.activity.account",
            "csv.activity.region", "csv.activity.project", "csv.activity.resourceId", "csv.activity.resourceName",
            "csv.activity.oldSize", "csv.activity.newSize", "csv.activity.billing", "csv.activity.jobId",
            "csv.activity.orderId", "csv.activity.message", "csv.activity.errorCode", "csv.activity.requestId",
            "csv.activity.failureReason");

    /** The header row in the language in use ("started", "updated"… / "开始时间"…). */
    public static List<String> header() {
        return HEADER_KEYS.stream().map(Texts::get).toList();
    }

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // Jackson's default quoting: more fields quoted than RFC 4180 needs (any with a character below '-'),
            // all valid. Its strict check (STRICT_CHECK_FOR_QUOTING) leaves a lone LF unquoted in 2.20: not used.
            .build();

    private ActivityCsv() {
    }

    /** Writes the header and one row per activity, times in {@code zone}. */
    public static void write(List<Activity> activities, Writer out, ZoneId zone) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        List<String> header = header();
        header.forEach(schema::addColumn);
        DateTimeFormatter times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        try (SequenceWriter rows = MAPPER.writerFor(List.class).with(schema.build()).writeValues(out)) {
            for (Activity a : activities) {
                List<String> row = new ArrayList<>(header.size());
                row.add(time(a.startedAt(), times));
                row.add(time(a.updatedAt(), times));
                row.add(time(a.finishedAt(), times));
                row.add(text(a.stateText()));
                row.add(text(a.kind()));
                row.add(text(a.account()));
                row.add(text(a.region()));
                row.add(text(a.projectId()));
                row.add(text(a.resourceId()));
                row.add(text(a.resourceName()));
                row.add(Long.toString(a.oldSizeGb()));
                row.add(Long.toString(a.newSizeGb()));
                row.add(billing(a));
                row.add(text(a.jobId()));
                row.add(text(a.orderId()));
                row.add(text(a.message()));
                row.add(text(a.errorCode()));
                row.add(text(a.requestId()));
                row.add(text(a.failureReason()));
                rows.write(row);
            }
        }
    }

    /**
     * Writes the CSV to a file in UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding), times
     * in this computer's time zone.
     */
    public static void export(List<Activity> activities, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            write(activities, w, ZoneId.systemDefault());
        }
    }

    /** The CSV as a string, times in {@code zone}. */
    public static String toCsv(List<Activity> activities, ZoneId zone) {
        StringWriter w = new StringWriter();
        try {
            write(activities, w, zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A text cell: secrets masked, a would-be formula defused. */
    static String text(String value) {
        String v = Redactor.redact(value == null ? "" : value);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            return "'" + v;
        }
        return v;
    }

    private static String billing(Activity a) {
        if (!a.yearlyMonthly()) {
            return Texts.get("csv.activity.onDemand");
        }
        return Texts.get(Boolean.TRUE.equals(a.autoPay()) ? "csv.activity.yearlyAutoPay" : "csv.activity.yearly");
    }

    private static String time(Instant t, DateTimeFormatter format) {
        return t == null ? "" : format.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
