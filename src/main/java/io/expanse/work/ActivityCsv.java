package io.expanse.work;

import io.expanse.logging.Redactor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The activity journal as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled), with a header row. Every text field passes through {@link Redactor}.
 */
public final class ActivityCsv {

    public static final List<String> HEADER = List.of("started", "updated", "finished", "state", "kind", "account",
            "region", "project", "resource id", "resource name", "old size (GB)", "new size (GB)", "billing",
            "job id", "order id", "message", "error code", "request id", "failure reason");

    private ActivityCsv() {
    }

    /** Writes the header and one row per activity. */
    public static void write(List<Activity> activities, Writer out) throws IOException {
        row(out, HEADER);
        for (Activity a : activities) {
            row(out, List.of(time(a.startedAt()), time(a.updatedAt()), time(a.finishedAt()), a.state().label(),
                    a.kind(), s(a.account()), s(a.region()), s(a.projectId()), a.resourceId(), s(a.resourceName()),
                    Long.toString(a.oldSizeGb()), Long.toString(a.newSizeGb()), billing(a), s(a.jobId()),
                    s(a.orderId()), s(a.message()), s(a.errorCode()), s(a.requestId()), s(a.failureReason())));
        }
    }

    /** Writes the CSV to a file in UTF-8 (with a byte-order mark, so spreadsheet programs detect the encoding). */
    public static void export(List<Activity> activities, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            write(activities, w);
        }
    }

    /** The CSV as a string. */
    public static String toCsv(List<Activity> activities) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            write(activities, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** One field, quoted when needed. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(Redactor.redact(fields.get(i))));
        }
        out.write("\r\n");
    }

    private static String billing(Activity a) {
        if (!a.yearlyMonthly()) {
            return "on-demand";
        }
        return Boolean.TRUE.equals(a.autoPay()) ? "yearly/monthly, auto-pay" : "yearly/monthly";
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
