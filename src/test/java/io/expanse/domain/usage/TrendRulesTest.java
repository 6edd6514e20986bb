package io.expanse.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.domain.usage.TrendRules.DailyMax;
import io.expanse.domain.usage.TrendRules.Outcome;
import io.expanse.domain.usage.TrendRules.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrendRulesTest {

    private static final Instant DAY0 = Instant.parse("2025-03-01T00:00:00Z");

    private static List<DailyMax> days(double... percent) {
        List<DailyMax> out = new ArrayList<>();
        for (int i = 0; i < percent.length; i++) {
            out.add(new DailyMax(DAY0.plus(Duration.ofDays(i)), percent[i]));
        }
        return out;
    }

    private static double[] parse(String s) {
        String[] parts = s.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // name                      | daily maxima                 | outcome   | days until full | points used
        "rising 2 a day              | 70 72 74 76 78 80 82         | RISING    | 9               | 7",
        "rising 0.5 a day            | 60 60.5 61 61.5 62 62.5 63   | RISING    | 74              | 7",
        "already full                | 96 98 100 102 104 106 108    | RISING    | 0               | 7",
        "flat                        | 50 50 50 50 50 50 50         | FLAT      | -               | 7",
        "falling                     | 80 79 78 77 76 75 74         | FLAT      | -               | 7",
        "flat with noise             | 50 50.4 49.7 50.3 49.8 50.2 49.9 | FLAT  | -               | 7",
        "rising with noise           | 70 72.4 73.6 76.3 77.7 80.4 81.8 | RISING | 10             | 7",
        "cleanup 3 days ago          | 88 90 92 94 40 43 46         | RISING    | 18              | 3",
        "cleanup 2 days ago          | 88 90 92 94 95 40 42         | TOO_SHORT | -               | 2",
        "small dip is not a cleanup  | 70 72 74 68 76 78 80         | RISING    | 14              | 7",
        "two cleanups, the last counts | 80 30 35 40 20 21 22 23    | RISING    | 77              | 4",
        "two days only               | 70 90                        | TOO_SHORT | -               | 2",
        "one day only                | 70                           | TOO_SHORT | -               | 1"})
    void trend(String name, String series, Outcome outcome, Integer daysUntilFull, int pointsUsed) {
        Trend t = TrendRules.DEFAULT.estimate(days(parse(series)));
        assertEquals(outcome, t.outcome(), name);
        assertEquals(daysUntilFull, t.daysUntilFull(), name);
        assertEquals(pointsUsed, t.pointsUsed(), name);
        assertEquals(outcome == Outcome.RISING, t.reason() == null, name);
    }

    @Test
    void noDataIsTooShort() {
        Trend t = TrendRules.DEFAULT.estimate(List.of());
        assertEquals(Outcome.TOO_SHORT, t.outcome());
        assertEquals("too few days of data", t.reason());
    }

    @Test
    void aCleanupIsNamedWithTheDayAfterIt() {
        Trend t = TrendRules.DEFAULT.estimate(days(88, 90, 92, 94, 95, 40, 42));
        assertEquals(DAY0.plus(Duration.ofDays(5)), t.cleanupAt());
        assertEquals("too few days since the last cleanup", t.reason());
        assertNull(TrendRules.DEFAULT.estimate(days(1, 2, 3)).cleanupAt());
    }

    @Test
    void theSlopeIsTheLeastSquaresOne() {
        // y = 10, 13, 14, 17 at x = 0..3: slope (4*sxy - sx*sy) / (4*sxx - sx^2) = (4*95 - 6*54) / (4*14 - 36) = 2.2
        Trend t = TrendRules.DEFAULT.estimate(days(10, 13, 14, 17));
        assertEquals(2.2, t.slopePerDay(), 1e-9);
        // fitted at x = 3: intercept 10.2 + 6.6 = 16.8; (100 - 16.8) / 2.2 = 37.8 → 38
        assertEquals(38, t.daysUntilFull());
    }

    @Test
    void theFlatEpsilonIsAParameter() {
        List<DailyMax> slow = days(50, 50.05, 50.1, 50.15, 50.2);
        assertEquals(Outcome.FLAT, TrendRules.DEFAULT.estimate(slow).outcome());
        Trend strict = new TrendRules(10, 0.01, 3).estimate(slow);
        assertEquals(Outcome.RISING, strict.outcome());
        assertTrue(strict.daysUntilFull() > 900, "about 1000 days: " + strict.daysUntilFull());
    }
}
