package io.expanse.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.expanse.domain.usage.GrowthCheck.Growth;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrowthCheckTest {

    private static final Instant DONE = Instant.parse("2025-03-01T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // name                              | old | new | before | now   | minutes after | growth
        "grown                               | 100 | 200 | 98     | 196   | 90            | GROWN",
        "grown within the hour               | 100 | 200 | 98     | 196   | 10            | GROWN",
        "unchanged an hour on                | 100 | 200 | 98     | 98    | 60            | NOT_GROWN",
        "unchanged after 59 minutes          | 100 | 200 | 98     | 98    | 59            | TOO_EARLY",
        "barely moved (a rounding)           | 100 | 200 | 98     | 98.4  | 120           | NOT_GROWN",
        "no before figure: old size stands in | 100 | 200 | -     | 98    | 120           | NOT_GROWN",
        "no before figure, grown             | 100 | 200 | -      | 196   | 120           | GROWN",
        "nothing read now                    | 100 | 200 | 98     | -     | 120           | UNKNOWN",
        "partly grown (a quarter)            | 1000 | 2000 | 980  | 1230  | 120           | GROWN",
        "grown by less than a quarter        | 1000 | 2000 | 980  | 1200  | 120           | NOT_GROWN"})
    void growth(String name, long oldSize, long newSize, Double before, Double now, long minutes, Growth expected) {
        assertEquals(expected, GrowthCheck.check(oldSize, newSize, DONE, before, now,
                DONE.plus(Duration.ofMinutes(minutes))), name);
    }

    @Test
    void aShrinkIsNotAnExpansion() {
        assertThrows(IllegalArgumentException.class, () -> GrowthCheck.check(100, 100, DONE, 98.0, 98.0, DONE));
    }
}
