package io.expanse.ui.volumes;

import io.expanse.domain.usage.SizeAdvice;
import io.expanse.domain.usage.TrendRules;
import io.expanse.domain.usage.TrendRules.DailyMax;
import io.expanse.text.Texts;
import io.expanse.work.usage.MountUsage;
import java.util.Objects;

/**
 * How full the disk of one table row is, as the Used and Full in columns, the details pane and the resize dialog
 * show it. Immutable; made in the background from a {@link io.expanse.work.usage.UsageReport}.
 *
 * @param kind   what is known
 * @param usage  the file system's usage (MAPPED: on this disk; PER_SERVER: a file system of its server that may
 *               span it); null otherwise
 * @param reason why the figure is per server, or why there is none (a sentence); null for MAPPED
 */
public record RowUsage(Kind kind, MountUsage usage, String reason) {

    public enum Kind {
        /** The file system on this disk is known. */
        MAPPED,
        /** The figure is of a file system of the server that could not be put on one disk (LVM, …). */
        PER_SERVER,
        /** The server has no Cloud Eye agent (or Cloud Eye refused to say). */
        NO_AGENT,
        /** The agent reports no file system on this disk (not mounted, or not reported). */
        NO_FILE_SYSTEM,
        /** Could not be read this time (network, throttling); the next refresh tries again. */
        UNREAD
    }

    public RowUsage {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.MAPPED || kind == Kind.PER_SERVER) != (usage != null)) {
            throw new IllegalArgumentException("a figure goes with MAPPED and PER_SERVER only");
        }
    }

    public static RowUsage mapped(MountUsage usage) {
        return new RowUsage(Kind.MAPPED, usage, null);
    }

    public static RowUsage perServer(MountUsage usage) {
        return new RowUsage(Kind.PER_SERVER, usage, usage.ambiguity() == null ? null : usage.ambiguity().sentence());
    }

    public static RowUsage without(Kind kind, String reason) {
        return new RowUsage(kind, null, reason);
    }

    /** Use now in percent (else the last day's maximum), or null when there is no figure. */
    public Double percent() {
        if (usage == null) {
            return null;
        }
        if (usage.percent() != null) {
            return usage.percent();
        }
        return usage.lastWeek().isEmpty() ? null : usage.lastWeek().get(usage.lastWeek().size() - 1).percent();
    }

    /** Whether the figure is at or above {@code thresholdPercent}. */
    public boolean attention(double thresholdPercent) {
        Double p = percent();
        return p != null && p >= thresholdPercent;
    }

    /** The Used column's order: the figure, then rows without one (all below any figure). */
    public double sortKey() {
        Double p = percent();
        return p != null ? p : -1 - kind.ordinal();
    }

    /** Whole days until full at the trend's pace, or null when not rising (or no figure). */
    public Integer fullInDays() {
        return usage == null || usage.trend() == null ? null : usage.trend().daysUntilFull();
    }

    /** The Full in column's order: soonest first, then the rows without a figure. */
    public long fullInSortKey() {
        Integer d = fullInDays();
        return d != null ? d : Integer.MAX_VALUE + (long) kind.ordinal();
    }

    /** The highest use of the last seven days (with the latest value), or null. */
    public Double peakPercent() {
        if (usage == null) {
            return null;
        }
        double peak = usage.lastWeek().stream().mapToDouble(DailyMax::percent).max().orElse(Double.NaN);
        Double now = usage.percent();
        if (now != null) {
            peak = Double.isNaN(peak) ? now : Math.max(peak, now);
        }
        return Double.isNaN(peak) ? null : peak;
    }

    /** The suggested size in GB when a larger one is suggested for this disk (its own file system), else null. */
    public Long suggestedSizeGb() {
        SizeAdvice.Suggestion s = usage == null || kind != Kind.MAPPED ? null : usage.suggestion();
        return s != null && s.outcome() == SizeAdvice.Outcome.EXPAND ? s.targetGb() : null;
    }

    /** The Used column's text: "87 %", "≈ 91 %" per server, "no agent", "—", "not read". */
    public String usedText() {
        Double p = percent();
        return switch (kind) {
            case MAPPED -> p == null ? Texts.get("usage.cell.noData") : percentText(p);
            case PER_SERVER -> p == null ? Texts.get("usage.cell.noData") : Texts.get("usage.cell.perServer",
                    percentText(p));
            case NO_AGENT -> Texts.get("usage.cell.noAgent");
            case NO_FILE_SYSTEM -> Texts.get("usage.cell.noData");
            case UNREAD -> Texts.get("usage.cell.unread");
        };
    }

    /** The Full in column's text: "about 12 days", "full now", "flat", "too little data", or empty. */
    public String fullInText() {
        if (usage == null || usage.trend() == null) {
            return "";
        }
        TrendRules.Trend t = usage.trend();
        return switch (t.outcome()) {
            case RISING -> t.daysUntilFull() == null || t.daysUntilFull() <= 0 ? Texts.get("usage.fullIn.now")
                    : Texts.get("usage.fullIn.days", t.daysUntilFull());
            case FLAT -> Texts.get("usage.fullIn.flat");
            case TOO_SHORT -> Texts.get("usage.fullIn.tooShort");
        };
    }

    /** The tooltip of the row's usage cells: why it is per server or missing, with the one-line hint; or null. */
    public String tooltip() {
        return switch (kind) {
            case MAPPED -> usage.mountPoint() == null ? null : Texts.get("usage.tooltip.mapped", usage.mountPoint());
            case PER_SERVER -> Texts.get("usage.tooltip.perServer", nz(usage.mountPoint()), nz(reason));
            case NO_AGENT -> Texts.sentences(Texts.get("usage.tooltip.noAgent"), Texts.get("usage.hint.noAgent"));
            case NO_FILE_SYSTEM -> Texts.get("usage.tooltip.noFileSystem");
            case UNREAD -> Texts.get("usage.tooltip.unread", nz(reason));
        };
    }

    /** A percentage as the columns and dialogs show it: "87 %" / "87%". */
    public static String percentText(double percent) {
        return Texts.get("usage.percent", Math.round(percent));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
