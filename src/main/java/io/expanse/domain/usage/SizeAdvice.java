package io.expanse.domain.usage;

import io.expanse.domain.resize.DiskRole;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.domain.usage.TrendRules.Outcome;
import io.expanse.domain.usage.TrendRules.Trend;

/**
 * The size to suggest for a disk: the one that brings its highest use of the last seven days down to
 * {@link #TARGET_PERCENT} %, rounded up to {@link #STEP_GB} GB, within the resize rules' limit for its role. Pure.
 */
public final class SizeAdvice {

    public static final double TARGET_PERCENT = 70;
    public static final long STEP_GB = 10;

    public enum Outcome {
        /** A larger size is suggested. */
        EXPAND,
        /** The peak is already at or under the target: nothing to do. */
        NOT_NEEDED,
        /** The disk is already at its role's limit. */
        AT_LIMIT
    }

    /**
     * @param targetGb     the suggested size (the current size unless {@link Outcome#EXPAND})
     * @param peakUsedGb   the seven-day peak in GB of the disk
     * @param freeGb       what the target leaves free at that peak
     * @param capped       whether the limit for the role cut the target short of {@link #TARGET_PERCENT}
     * @param daysBought   with a rising trend, whole days until the target is full at that pace; else null
     * @param limitGb      the limit that applies
     */
    public record Suggestion(Outcome outcome, long targetGb, double peakUsedGb, double freeGb, boolean capped,
                             Integer daysBought, long limitGb) {
    }

    private SizeAdvice() {
    }

    /**
     * @param sizeGb      the disk's size now
     * @param role        its role (an unknown role gets the system disk's, stricter, limit)
     * @param peakPercent the highest use of the last seven days, in percent of the file system
     * @param trend       its trend, or null
     */
    public static Suggestion suggest(long sizeGb, DiskRole role, double peakPercent, Trend trend) {
        if (sizeGb <= 0) {
            throw new IllegalArgumentException("sizeGb must be positive");
        }
        long limit = new ResizePolicy().maxSizeGb(role);
        double peakUsed = sizeGb * peakPercent / 100;
        long wanted = roundUp(Math.ceil(peakUsed * 100 / TARGET_PERCENT - 1e-9));
        Outcome outcome;
        long target;
        boolean capped = false;
        if (wanted <= sizeGb) {
            outcome = Outcome.NOT_NEEDED;
            target = sizeGb;
        } else if (sizeGb >= limit) {
            outcome = Outcome.AT_LIMIT;
            target = sizeGb;
            capped = true;
        } else {
            outcome = Outcome.EXPAND;
            capped = wanted > limit;
            target = Math.min(wanted, limit);
        }
        Integer days = null;
        if (trend != null && trend.outcome() == TrendRules.Outcome.RISING) {
            double gbPerDay = trend.slopePerDay() * sizeGb / 100;
            days = (int) Math.max(0, Math.floor((target - peakUsed) / gbPerDay));
        }
        return new Suggestion(outcome, target, peakUsed, target - peakUsed, capped, days, limit);
    }

    private static long roundUp(double gb) {
        return (long) (Math.ceil(gb / STEP_GB) * STEP_GB);
    }
}
