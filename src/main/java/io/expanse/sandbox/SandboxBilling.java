package io.expanse.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The sandbox's price list and billing rules. <b>Every number is invented for the sandbox</b>: believable orders
 * of magnitude in CNY, not Huawei's prices.
 *
 * <ul>
 *   <li>Monthly price per GB: SAS 0.35, GPSSD 0.70, SSD 1.00, ESSD 1.50 CNY; other types are unknown products
 *   ({@code CBC.99006006}).</li>
 *   <li>On-demand: the monthly price / {@value #HOURS_PER_MONTH} per hour, rounded to 4 decimals.</li>
 *   <li>A year costs 10 months.</li>
 *   <li>An expansion order of a yearly/monthly disk costs (new − old monthly price) × remaining days / 30, rounded
 *   to the cent: deliberately not Huawei's calendar-month rule, so that an estimate and the order differ a little,
 *   as they may on the real cloud (the order's amount is what is paid).</li>
 *   <li>An order awaiting payment can be paid for {@link #PAYMENT_WINDOW}.</li>
 *   <li>The account balance starts at {@link #START_BALANCE}.</li>
 * </ul>
 */
public final class SandboxBilling {

    public static final int HOURS_PER_MONTH = 720;
    public static final String CURRENCY = "CNY";
    public static final Duration PAYMENT_WINDOW = Duration.ofDays(7);
    public static final BigDecimal START_BALANCE = new BigDecimal("100000.00");
    /** Huawei bills the China site in Beijing time: a subscription ends at 23:59:59 there. */
    public static final ZoneId BILLING_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<String, BigDecimal> PER_GB_MONTH = Map.of(
            "SAS", new BigDecimal("0.35"),
            "GPSSD", new BigDecimal("0.70"),
            "SSD", new BigDecimal("1.00"),
            "ESSD", new BigDecimal("1.50"));

    private SandboxBilling() {
    }

    /** Whether the sandbox prices this EVS type. */
    public static boolean known(String volumeType) {
        return PER_GB_MONTH.containsKey(volumeType);
    }

    /** One month of {@code sizeGb} of this type. */
    public static BigDecimal monthly(String volumeType, long sizeGb) {
        return perGb(volumeType).multiply(BigDecimal.valueOf(sizeGb)).setScale(2, RoundingMode.HALF_UP);
    }

    /** One hour of {@code sizeGb} of this type, on demand. */
    public static BigDecimal hourly(String volumeType, long sizeGb) {
        return perGb(volumeType).multiply(BigDecimal.valueOf(sizeGb))
                .divide(BigDecimal.valueOf(HOURS_PER_MONTH), 4, RoundingMode.HALF_UP);
    }

    /** {@code periodNum} months ({@code periodType} 2) or years (3, at 10 months each). */
    public static BigDecimal period(String volumeType, long sizeGb, int periodType, int periodNum) {
        int months = periodType == 3 ? 10 * periodNum : periodNum;
        return monthly(volumeType, sizeGb).multiply(BigDecimal.valueOf(months));
    }

    /** What an expansion order of a yearly/monthly disk costs, by the sandbox's own rule (class comment). */
    public static BigDecimal expansion(String volumeType, long oldGb, long newGb, Instant now, Instant expiry) {
        LocalDate today = now.atZone(BILLING_ZONE).toLocalDate();
        LocalDate end = expiry.atZone(BILLING_ZONE).toLocalDate().plusDays(1);
        long days = Math.max(0, ChronoUnit.DAYS.between(today, end));
        BigDecimal perMonth = monthly(volumeType, newGb).subtract(monthly(volumeType, oldGb));
        return perMonth.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP);
    }

    /**
     * The expiry of a seeded yearly/monthly subscription: 23:59:59 Beijing time on the last day of the month
     * {@code months} after the month of {@code now}.
     */
    public static Instant expiryAfter(Instant now, int months) {
        LocalDate last = now.atZone(BILLING_ZONE).toLocalDate().withDayOfMonth(1).plusMonths(months + 1L)
                .minusDays(1);
        return last.atTime(23, 59, 59).atZone(BILLING_ZONE).toInstant();
    }

    private static BigDecimal perGb(String volumeType) {
        BigDecimal p = PER_GB_MONTH.get(volumeType);
        if (p == null) {
            throw SandboxError.bss("CBC.99006006", "The product was not found: no price for volume type "
                    + volumeType + ".");
        }
        return p;
    }
}
