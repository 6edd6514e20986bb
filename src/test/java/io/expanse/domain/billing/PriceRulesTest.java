package io.expanse.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.domain.billing.PriceRules.HourlyDifference;
import io.expanse.domain.billing.PriceRules.PeriodEstimate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceRulesTest {

    /** Remaining days over the days of each calendar month, summed. */
    @ParameterizedTest(name = "{0} .. {1} = {2} months")
    @CsvSource({
            // whole calendar months
            "2025-03-01, 2025-04-01, 1.0000",
            "2025-02-01, 2025-03-01, 1.0000",
            "2025-01-01, 2026-01-01, 12.0000",
            // part of one month: 15 of 30 April days
            "2025-04-16, 2025-05-01, 0.5000",
            // 14 of 28 February days in a common year, 14 of 29 in a leap year
            "2025-02-15, 2025-03-01, 0.5000",
            "2024-02-16, 2024-03-01, 0.4828",
            // across months: 16/31 of January + all of February + 10/31 of March
            "2025-01-16, 2025-03-11, 1.8387",
            // nothing left
            "2025-03-01, 2025-03-01, 0.0000",
            "2025-03-05, 2025-03-01, 0.0000"})
    void remainingMonthsCountEachCalendarMonthByItsOwnDays(LocalDate today, LocalDate endDay, String months) {
        assertEquals(new BigDecimal(months), PriceRules.remainingMonths(today, endDay).setScale(4,
                java.math.RoundingMode.HALF_UP));
    }

    @ParameterizedTest(name = "{0} -> {1} from {2} to {3}: {4}")
    @CsvSource({
            // 200 -> 300 GB ESSD at 1.50/GB/month: 150 a month more, 1.5 months left
            "300.00, 450.00, 2025-04-16, 2025-06-01, 225.00, 46",
            // the difference is rounded once, half up: 10/31 of 1.00 = 0.3225… -> 0.32; 0.005 boundary -> up
            "100.00, 101.00, 2025-01-22, 2025-02-01, 0.32, 10",
            "100.00, 100.01, 2025-04-01, 2025-05-01, 0.01, 30",
            "0.00, 0.03, 2025-04-16, 2025-05-01, 0.02, 15",
            // a whole year left
            "35.00, 52.50, 2025-01-01, 2026-01-01, 210.00, 365",
            // same price: nothing to pay
            "70.00, 70.00, 2025-01-01, 2025-07-01, 0.00, 181",
            // expired: nothing left to pay for
            "70.00, 140.00, 2025-07-01, 2025-07-01, 0.00, 0"})
    void periodExpansionIsThePriceDifferenceTimesTheRemainingMonthsRoundedToTheCent(String oldMonthly,
            String newMonthly, LocalDate today, LocalDate endDay, String amount, long days) {
        PeriodEstimate e = PriceRules.periodExpansion(new BigDecimal(oldMonthly), new BigDecimal(newMonthly), "CNY",
                today, endDay);
        assertEquals(new BigDecimal(amount), e.amount());
        assertEquals(days, e.remainingDays());
        assertEquals(days == 0, e.expired());
        assertEquals(new BigDecimal(newMonthly).subtract(new BigDecimal(oldMonthly)), e.perMonth());
    }

    @Test
    void theEstimateFromInstantsCoversTheExpiryDayInTheBillingZone() {
        // Huawei's expiry 2025-05-31T15:59:59Z is 23:59:59 on 31 May in Beijing: all of May is still covered.
        PeriodEstimate e = PriceRules.periodExpansion(new BigDecimal("100"), new BigDecimal("162"), "CNY",
                Instant.parse("2025-04-30T17:00:00Z"), Instant.parse("2025-05-31T15:59:59Z"), PriceRules.CHINA);
        // 2025-04-30T17:00Z is 1 May 01:00 in Beijing: one whole month (May) remains.
        assertEquals(31, e.remainingDays());
        assertEquals(new BigDecimal("62.00"), e.amount());
        assertEquals("About 62.00 CNY (an estimate: the order's amount is what you pay).", e.label());
    }

    @Test
    void aCheaperNewSizeIsNoExpansion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriceRules.periodExpansion(
                new BigDecimal("10"), new BigDecimal("9.99"), "CNY", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 2, 1)));
        assertTrue(e.getMessage().contains("9.99"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2} an hour, {3} a month")
    @CsvSource({
            "0.1389, 0.2083, 0.0694, 49.97",
            "0.0486, 0.0486, 0.0000, 0.00",
            "0.00139, 0.00417, 0.00278, 2.00"})
    void onDemandDifferenceIsPerHourWithAMonthOf720Hours(String oldPerHour, String newPerHour, String perHour,
                                                          String perMonth) {
        HourlyDifference d = PriceRules.onDemandDifference(new BigDecimal(oldPerHour), new BigDecimal(newPerHour),
                "CNY");
        assertEquals(new BigDecimal(perHour), d.perHour());
        assertEquals(new BigDecimal(perMonth), d.perMonth());
    }

    @Test
    void hourlyLabelSaysPerHourAndPerMonth() {
        HourlyDifference d = PriceRules.onDemandDifference(new BigDecimal("0.1389"), new BigDecimal("0.2083"), "CNY");
        assertEquals("+0.0694 CNY per hour (about 49.97 CNY per month)", d.label());
        assertFalse(d.label().contains("null"));
    }
}
