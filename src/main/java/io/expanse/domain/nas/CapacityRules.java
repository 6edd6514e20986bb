package io.expanse.domain.nas;

import io.expanse.text.Texts;

/**
 * Which target capacities may be requested for a NAS resource pack: whole multiples of {@code stepGb}, from
 * {@code stepGb} up to {@code maxGb}.
 *
 * <p>UNCONFIRMED: UniCloud documents no list of {@code nasbag.capacity.*} codes; only {@code 200G} appears, in its
 * upgrade example, and whether the number is the new total or the amount added is not documented either. The
 * default below is a cautious guess, stated once here: multiples of 100 GB up to 100 TB (102400 GB), far above the
 * packs seen. Change {@link #DEFAULT} (or pass other rules to {@link UpgradePolicy})
 * when the real set is known.
 *
 * @param stepGb allowed capacities are multiples of this (≥ 1)
 * @param maxGb  the largest allowed capacity (≥ stepGb)
 */
public record CapacityRules(long stepGb, long maxGb) {

    public static final long DEFAULT_STEP_GB = 100;
    /** 100 TB. */
    public static final long DEFAULT_MAX_GB = 102_400;
    public static final CapacityRules DEFAULT = new CapacityRules(DEFAULT_STEP_GB, DEFAULT_MAX_GB);

    public CapacityRules {
        if (stepGb < 1 || maxGb < stepGb) {
            throw new IllegalArgumentException("need 1 <= stepGb <= maxGb");
        }
    }

    public boolean allows(long gb) {
        return gb >= stepGb && gb <= maxGb && gb % stepGb == 0;
    }

    /** "multiples of 100 GB up to 102400 GB". */
    public String describe() {
        return stepGb == 1 ? Texts.get("nas.rules.whole", Long.toString(maxGb))
                : Texts.get("nas.rules.multiples", Long.toString(stepGb), Long.toString(maxGb));
    }

    /** The smallest allowed capacity strictly above {@code currentGb}, or -1 when there is none. */
    public long nextAbove(long currentGb) {
        long next = (Math.max(currentGb, 0) / stepGb + 1) * stepGb;
        return next <= maxGb ? next : -1;
    }
}
