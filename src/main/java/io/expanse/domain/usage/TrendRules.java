package io.expanse.domain.usage;

import io.expanse.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How fast a disk fills, from its daily maximum use over the last days: least squares over the points after the
 * last significant drop (a cleanup), giving "full in about N days" only where the line rises. Pure.
 *
 * @param significantDrop a fall of at least this many percentage points from one day to the next is a cleanup
 * @param flatSlope       a slope (percentage points a day) at or below this is flat
 * @param minDays         fewer points than this are too short for a trend
 */
public record TrendRules(double significantDrop, double flatSlope, int minDays) {

    /** 10 points is a cleanup, 0.1 point a day is flat, at least 3 days. */
    public static final TrendRules DEFAULT = new TrendRules(10, 0.1, 3);

    public TrendRules {
        if (significantDrop <= 0 || flatSlope < 0 || minDays < 2) {
            throw new IllegalArgumentException("significantDrop > 0, flatSlope >= 0 and minDays >= 2");
        }
    }

    /** One day's highest use. */
    public record DailyMax(Instant day, double percent) {
        public DailyMax {
            Objects.requireNonNull(day, "day");
        }
    }

    public enum Outcome {
        /** Rising: {@link Trend#daysUntilFull()} is set. */
        RISING,
        /** Flat or falling: no figure. */
        FLAT,
        /** Too few days (since the series began, or since the last cleanup): no figure. */
        TOO_SHORT
    }

    /**
     * @param slopePerDay   percentage points a day of the fitted line (NaN when too short)
     * @param daysUntilFull whole days until the line reaches 100 % (0 when already there); null unless rising
     * @param pointsUsed    how many days the line was fitted on
     * @param cleanupAt     the first day after the last cleanup, or null when there was none
     */
    public record Trend(Outcome outcome, double slopePerDay, Integer daysUntilFull, int pointsUsed,
                       Instant cleanupAt) {

        /** Why there is no figure, in words; null when there is one. */
        public String reason() {
            return switch (outcome) {
                case RISING -> null;
                case FLAT -> Texts.get("usage.trend.flat");
                case TOO_SHORT -> cleanupAt != null ? Texts.get("usage.trend.tooShortSinceCleanup")
                        : Texts.get("usage.trend.tooShort");
            };
        }
    }

    /** The trend of a series of daily maxima, oldest first. */
    public Trend estimate(List<DailyMax> days) {
        int from = 0;
        for (int i = 1; i < days.size(); i++) {
            if (days.get(i - 1).percent() - days.get(i).percent() >= significantDrop) {
                from = i;
            }
        }
        Instant cleanup = from > 0 ? days.get(from).day() : null;
        List<DailyMax> used = days.subList(from, days.size());
        if (used.size() < minDays) {
            return new Trend(Outcome.TOO_SHORT, Double.NaN, null, used.size(), cleanup);
        }
        Instant origin = used.get(0).day();
        int n = used.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (DailyMax d : used) {
            double x = Duration.between(origin, d.day()).toMillis() / 86_400_000.0;
            sx += x;
            sy += d.percent();
            sxx += x * x;
            sxy += x * d.percent();
        }
        double denominator = n * sxx - sx * sx;
        if (denominator == 0) {
            return new Trend(Outcome.TOO_SHORT, Double.NaN, null, n, cleanup);
        }
        double slope = (n * sxy - sx * sy) / denominator;
        if (slope <= flatSlope) {
            return new Trend(Outcome.FLAT, slope, null, n, cleanup);
        }
        double intercept = (sy - slope * sx) / n;
        double lastX = Duration.between(origin, used.get(n - 1).day()).toMillis() / 86_400_000.0;
        double fittedNow = intercept + slope * lastX;
        int days2full = (int) Math.max(0, Math.ceil((100 - fittedNow) / slope));
        return new Trend(Outcome.RISING, slope, days2full, n, cleanup);
    }
}
