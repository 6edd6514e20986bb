package io.expanse.domain.billing;

import io.expanse.text.Texts;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a batch says which size each disk should get: to one size, by a number of GB, or by a percentage rounded up
 * to a whole GB. Per-disk overrides are given beside it ({@link BatchPlanner}).
 */
public sealed interface BatchTarget {

    /** The size this rule gives a disk of {@code currentGb}. */
    long targetFor(long currentGb);

    /** "to 500 GB", "+100 GB", "+20 %". */
    String describe();

    /** Every disk to {@code gb}. */
    record ToSize(long gb) implements BatchTarget {
        public ToSize {
            requirePositive(gb, "gb");
        }

        @Override
        public long targetFor(long currentGb) {
            return gb;
        }

        @Override
        public String describe() {
            return Texts.get("billing.target.toSize", Long.toString(gb));
        }
    }

    /** Every disk by {@code gb} more. */
    record AddGb(long gb) implements BatchTarget {
        public AddGb {
            requirePositive(gb, "gb");
        }

        @Override
        public long targetFor(long currentGb) {
            return Math.addExact(currentGb, gb);
        }

        @Override
        public String describe() {
            return Texts.get("billing.target.addGb", Long.toString(gb));
        }
    }

    /** Every disk by {@code percent} % more, rounded up to a whole GB (10 % of 105 GB adds 11 GB). */
    record AddPercent(int percent) implements BatchTarget {
        public AddPercent {
            requirePositive(percent, "percent");
        }

        @Override
        public long targetFor(long currentGb) {
            long added = Math.multiplyExact(currentGb, (long) percent);
            return Math.addExact(currentGb, (added + 99) / 100);
        }

        @Override
        public String describe() {
            return Texts.get("billing.target.addPercent", Integer.toString(percent));
        }
    }

    /**
     * "500" or "to 500" (GB optional) → {@link ToSize}; "+100" → {@link AddGb}; "+20%" → {@link AddPercent}.
     *
     * @throws IllegalArgumentException with an operator sentence for anything else
     */
    static BatchTarget parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("(to\\s*)?(\\+)?\\s*(\\d{1,9})\\s*(gb|g|%)?").matcher(t);
        if (!m.matches() || m.group(1) != null && m.group(2) != null) {
            throw new IllegalArgumentException(Texts.get("billing.target.notATarget",
                    text == null ? "" : text.strip()));
        }
        long n = Long.parseLong(m.group(3));
        if (n < 1) {
            throw new IllegalArgumentException(Texts.get("billing.target.atLeastOne"));
        }
        boolean percent = "%".equals(m.group(4));
        if (m.group(2) == null) {
            if (percent) {
                throw new IllegalArgumentException(Texts.get("billing.target.percentAdded", Long.toString(n)));
            }
            return new ToSize(n);
        }
        return percent ? new AddPercent(Math.toIntExact(n)) : new AddGb(n);
    }

    private static void requirePositive(long n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
