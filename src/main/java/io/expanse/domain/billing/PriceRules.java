package io.expanse.domain.billing;

import io.expanse.text.Texts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What an expansion will cost, before it is submitted. Pure arithmetic on prices the billing center gave; no HTTP.
 *
 * <p><b>Yearly/monthly disk</b> (Huawei's billing guide, "changing the specification"): the difference of the
 * monthly prices of the new and the old size, times the period that remains of the subscription, counted per
 * calendar month as remaining days over the days of that month, rounded once to the cent (half up). It is an
 * <em>estimate</em>: discounts and Huawei's own rounding apply to the order, and the order's amount is what is paid.
 * The remaining period runs from the start of today to the end of the expiry day in the billing zone (a
 * subscription that expires at 23:59:59 on 31 December still covers that day).
 *
 * <p><b>On-demand disk</b>: the difference of the two hourly prices; a month is counted as {@value #HOURS_PER_MONTH}
 * hours only to give an idea of the monthly effect.
 */
public final class PriceRules {

    /** The hours of a "month" when an hourly price is shown per month (30 days). */
    public static final int HOURS_PER_MONTH = 720;
    /** China site billing times are Beijing time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private PriceRules() {
    }

    /**
     * The estimate for expanding a yearly/monthly disk.
     *
     * @param oldMonthly the one-month price at the current size
     * @param newMonthly the one-month price at the new size; not below {@code oldMonthly}
     * @param today      the first day still to be paid
     * @param endDay     the first day no longer covered (the day after the expiry day)
     */
    public static PeriodEstimate periodExpansion(BigDecimal oldMonthly, BigDecimal newMonthly, String currency,
                                                 LocalDate today, LocalDate endDay) {
        Objects.requireNonNull(oldMonthly, "oldMonthly");
        Objects.requireNonNull(newMonthly, "newMonthly");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(endDay, "endDay");
        BigDecimal perMonth = newMonthly.subtract(oldMonthly);
        if (perMonth.signum() < 0) {
            throw new IllegalArgumentException("the new size's monthly price " + newMonthly.toPlainString()
                    + " is below the current one " + oldMonthly.toPlainString());
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(today, endDay));
        BigDecimal months = remainingMonths(today, endDay);
        BigDecimal amount = perMonth.multiply(months, EXACT).setScale(2, RoundingMode.HALF_UP);
        return new PeriodEstimate(amount, perMonth, months.setScale(4, RoundingMode.HALF_UP), days, currency);
    }

    /**
     * The same from the subscription's expiry time: today and the expiry day are taken in {@code zone}.
     *
     * @param now    the current time
     * @param expiry the subscription's {@code expire_time}
     */
    public static PeriodEstimate periodExpansion(BigDecimal oldMonthly, BigDecimal newMonthly, String currency,
                                                 Instant now, Instant expiry, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate endDay = expiry.atZone(zone).toLocalDate().plusDays(1);
        return periodExpansion(oldMonthly, newMonthly, currency, today, endDay);
    }

    /**
     * The remaining period in months: for each calendar month it touches, the days of {@code [today, endDay)} in
     * that month over the days of that month. Zero when {@code endDay} is not after {@code today}.
     */
    public static BigDecimal remainingMonths(LocalDate today, LocalDate endDay) {
        BigDecimal months = BigDecimal.ZERO;
        LocalDate from = today;
        while (from.isBefore(endDay)) {
            LocalDate nextMonth = from.withDayOfMonth(1).plusMonths(1);
            LocalDate to = nextMonth.isBefore(endDay) ? nextMonth : endDay;
            long days = ChronoUnit.DAYS.between(from, to);
            months = months.add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(from.lengthOfMonth()), EXACT));
            from = to;
        }
        return months;
    }

    /** "12.34 CNY" (the amount as given, the currency after it when known). */
    public static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + (currency == null || currency.isBlank() ? "" : " " + currency);
    }

    /** The on-demand difference per hour, and about what it makes in a month of {@value #HOURS_PER_MONTH} hours. */
    public static HourlyDifference onDemandDifference(BigDecimal oldPerHour, BigDecimal newPerHour, String currency) {
        Objects.requireNonNull(oldPerHour, "oldPerHour");
        Objects.requireNonNull(newPerHour, "newPerHour");
        BigDecimal perHour = newPerHour.subtract(oldPerHour);
        return new HourlyDifference(perHour, perHour.multiply(BigDecimal.valueOf(HOURS_PER_MONTH))
                .setScale(2, RoundingMode.HALF_UP), currency);
    }

    /**
     * The estimate of a yearly/monthly expansion.
     *
     * @param amount        (new − old monthly price) × {@code months}, rounded to the cent
     * @param perMonth      new − old monthly price
     * @param months        the remaining period in months (4 decimals, for display)
     * @param remainingDays the days from today to the end of the expiry day; 0 once expired
     */
    public record PeriodEstimate(BigDecimal amount, BigDecimal perMonth, BigDecimal months, long remainingDays,
                                 String currency) {

        /** Nothing remains to be paid for: the subscription has ended (it must be renewed, not expanded). */
        public boolean expired() {
            return remainingDays == 0;
        }

        /** "About 12.34 CNY (an estimate: the order's amount is what you pay)." */
        public String label() {
            return Texts.get("billing.price.estimateLabel", money(amount, currency));
        }
    }

    /**
     * The on-demand price difference.
     *
     * @param perHour  new − old price per hour, exact
     * @param perMonth {@code perHour} × {@value #HOURS_PER_MONTH}, rounded to the cent
     */
    public record HourlyDifference(BigDecimal perHour, BigDecimal perMonth, String currency) {

        /** "+0.0042 CNY per hour (about 3.02 CNY per month)". */
        public String label() {
            return Texts.get("billing.price.hourlyDifference", (perHour.signum() >= 0 ? "+" : "")
                    + money(perHour.stripTrailingZeros(), currency), money(perMonth, currency));
        }
    }
}
