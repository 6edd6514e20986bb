package io.expanse.domain.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RenewalPeriodTest {

    @Test
    void theOfferedPeriodsAreOneToElevenMonthsThenOneToThreeYears() {
        var offered = RenewalPeriod.offered();
        assertEquals(14, offered.size());
        assertEquals(new RenewalPeriod(1, RenewalPeriod.Unit.MONTH), offered.get(0));
        assertEquals(new RenewalPeriod(11, RenewalPeriod.Unit.MONTH), offered.get(10));
        assertEquals(new RenewalPeriod(1, RenewalPeriod.Unit.YEAR), offered.get(11));
        assertEquals(new RenewalPeriod(3, RenewalPeriod.Unit.YEAR), offered.get(13));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPeriod(12, RenewalPeriod.Unit.MONTH));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPeriod(0, RenewalPeriod.Unit.MONTH));
        assertThrows(IllegalArgumentException.class, () -> new RenewalPeriod(4, RenewalPeriod.Unit.YEAR));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            // period, expiry (empty: not recorded), new expiry; today is 2026-12-02
            "1month, 2027-01-15, 2027-02-15",
            "3month, 2026-12-02, 2027-03-02",   // the last day still counts as valid
            "11month, 2027-01-31, 2027-12-31",
            "1month, 2027-01-31, 2027-02-28",   // month ends clamp
            "1year, 2028-02-29, 2029-02-28",
            "3year, 2027-06-30, 2030-06-30",
            "1month, 2026-12-01, 2027-01-02",   // expired yesterday: from today
            "2year, 2020-01-01, 2028-12-02",
            "6month, , 2027-06-02",             // not recorded: from today
    })
    void aRenewalCountsFromTheExpiryWhileValidElseFromToday(String code, String expiry, String expected) {
        RenewalPeriod p = RenewalPeriod.parse(code);
        assertEquals(code, p.code());
        assertEquals(LocalDate.parse(expected), p.extend(expiry == null ? null : LocalDate.parse(expiry),
                LocalDate.parse("2026-12-02")));
    }

    @ParameterizedTest
    @CsvSource({"12month", "0month", "4year", "1day", "month", "x1month", "''"})
    void codesThatNameNoOfferedPeriodParseToNull(String code) {
        assertNull(RenewalPeriod.parse(code));
    }
}
