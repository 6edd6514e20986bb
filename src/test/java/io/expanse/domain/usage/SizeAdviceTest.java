package io.expanse.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.domain.resize.DiskRole;
import io.expanse.domain.usage.SizeAdvice.Outcome;
import io.expanse.domain.usage.SizeAdvice.Suggestion;
import io.expanse.domain.usage.TrendRules.Trend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeAdviceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // name                             | size | role   | peak % | slope/day | outcome    | target | free  | capped | days
        "100 GB at 90 %: 90/0.7=128.6 → 130 | 100  | DATA   | 90     | -         | EXPAND     | 130    | 40    | false  | -",
        "exactly 70 % needs nothing          | 100  | DATA   | 70     | -         | NOT_NEEDED | 100    | 30    | false  | -",
        "under 70 % needs nothing            | 200  | DATA   | 50     | 1         | NOT_NEEDED | 200    | 100   | false  | 50",
        "a rise of 1 %/day of 100 GB buys days | 100 | DATA  | 90     | 1         | EXPAND     | 130    | 40    | false  | 40",
        "77 GB → 110 exactly, no rounding    | 100  | DATA   | 77     | -         | EXPAND     | 110    | 33    | false  | -",
        "system disk capped at 1024          | 1000 | SYSTEM | 95     | -         | EXPAND     | 1024   | 74    | true   | -",
        "unknown role takes the 1024 limit   | 1000 | UNKNOWN | 95    | -         | EXPAND     | 1024   | 74    | true   | -",
        "data disk capped at 32768           | 30000 | DATA  | 90     | -         | EXPAND     | 32768  | 5768  | true   | -",
        "system disk at the limit            | 1024 | SYSTEM | 99     | -         | AT_LIMIT   | 1024   | 10.24 | true   | -",
        "a full 40 GB system disk            | 40   | SYSTEM | 100    | 2         | EXPAND     | 60     | 20    | false  | 25"})
    void suggestion(String name, long size, DiskRole role, double peak, Double slope, Outcome outcome, long target,
                    double free, boolean capped, Integer days) {
        Trend trend = slope == null ? null : new Trend(TrendRules.Outcome.RISING, slope, 10, 7, null);
        Suggestion s = SizeAdvice.suggest(size, role, peak, trend);
        assertEquals(outcome, s.outcome(), name);
        assertEquals(target, s.targetGb(), name);
        assertEquals(free, s.freeGb(), 1e-6, name);
        assertEquals(capped, s.capped(), name);
        assertEquals(days, s.daysBought(), name);
        assertEquals(size * peak / 100, s.peakUsedGb(), 1e-6, name);
    }

    @org.junit.jupiter.api.Test
    void aFlatTrendBuysNoFigure() {
        Suggestion s = SizeAdvice.suggest(100, DiskRole.DATA, 90,
                new Trend(TrendRules.Outcome.FLAT, 0.01, null, 7, null));
        assertEquals(null, s.daysBought());
        assertEquals(130, s.targetGb());
    }
}
