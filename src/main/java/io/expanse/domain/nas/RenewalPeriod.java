package io.expanse.domain.nas;

import io.expanse.text.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a resource pack is renewed for: 1 to 11 months or 1 to 3 years, the periods UniCloud's console offers for
 * yearly/monthly resources (its SDK names {@code rentUnit} {@code day|month|year} and {@code rentCount}).
 *
 * @param count how many units
 * @param unit  months or years
 */
public record RenewalPeriod(int count, Unit unit) {

    /** The unit of a renewal, with the value UniCloud's {@code rentUnit} takes. */
    public enum Unit {
        MONTH("month", 11), YEAR("year", 3);

        private final String rentUnit;
        private final int max;

        Unit(String rentUnit, int max) {
            this.rentUnit = rentUnit;
            this.max = max;
        }

        /** {@code month} or {@code year}. */
        public String rentUnit() {
            return rentUnit;
        }

        /** The most of this unit one renewal may buy. */
        public int max() {
            return max;
        }
    }

    public RenewalPeriod {
        Objects.requireNonNull(unit, "unit");
        if (count < 1 || count > unit.max()) {
            throw new IllegalArgumentException("a renewal is 1 to 11 months or 1 to 3 years, not " + count + " "
                    + unit.rentUnit());
        }
    }

    /** Every period offered, shortest first: 1–11 months, then 1–3 years. */
    public static List<RenewalPeriod> offered() {
        List<RenewalPeriod> out = new ArrayList<>();
        for (Unit u : Unit.values()) {
            for (int n = 1; n <= u.max(); n++) {
                out.add(new RenewalPeriod(n, u));
            }
        }
        return out;
    }

    /** The period as stored in the activity history: {@code 3month}, {@code 1year}. */
    public String code() {
        return count + unit.rentUnit();
    }

    /** The period a {@link #code()} names, or null when it names none. */
    public static RenewalPeriod parse(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (Unit u : Unit.values()) {
            if (c.endsWith(u.rentUnit()) && c.length() > u.rentUnit().length()) {
                try {
                    int n = Integer.parseInt(c.substring(0, c.length() - u.rentUnit().length()));
                    return n >= 1 && n <= u.max() ? new RenewalPeriod(n, u) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The expiry after this renewal. UNCONFIRMED how UniCloud counts a renewal: like most consoles, Expanse counts it
     * from the current expiry while the pack is still valid, and from today once it has expired (or when its expiry
     * is not recorded).
     */
    public LocalDate extend(LocalDate expiry, LocalDate today) {
        LocalDate from = expiry == null || expiry.isBefore(today) ? today : expiry;
        return unit == Unit.MONTH ? from.plusMonths(count) : from.plusYears(count);
    }

    /** In words: "3 months", "1 year" / "3 个月", "1 年". */
    public String text() {
        return unit == Unit.MONTH ? Texts.get("renew.period.months", count) : Texts.get("renew.period.years", count);
    }

    @Override
    public String toString() {
        return text();
    }
}
