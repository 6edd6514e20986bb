package io.expanse.domain.usage;

import io.expanse.text.Texts;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the file system followed a completed expansion: a disk that is bigger but whose {@code disk_total} has
 * not grown an hour after the expansion has a file system nobody grew (growpart, resize2fs, xfs_growfs, Disk
 * Management). Pure.
 */
public final class GrowthCheck {

    /** How long after the expansion the file system is expected to have grown. */
    public static final Duration GRACE = Duration.ofHours(1);

    public enum Growth {
        /** {@code disk_total} grew by at least a quarter of what was added. */
        GROWN,
        /** An hour on, {@code disk_total} has not grown: "the file system has not grown". */
        NOT_GROWN,
        /** Less than an hour since the expansion and not grown yet: no verdict. */
        TOO_EARLY,
        /** No {@code disk_total} now: no verdict. */
        UNKNOWN
    }

    private GrowthCheck() {
    }

    /**
     * @param totalBeforeGb {@code disk_total} before the expansion, or null (then the old disk size stands in)
     * @param totalNowGb    {@code disk_total} now, or null
     */
    public static Growth check(long oldSizeGb, long newSizeGb, Instant completedAt, Double totalBeforeGb,
                               Double totalNowGb, Instant now) {
        if (newSizeGb <= oldSizeGb) {
            throw new IllegalArgumentException("an expansion makes a disk bigger");
        }
        if (totalNowGb == null) {
            return Growth.UNKNOWN;
        }
        double before = totalBeforeGb != null ? totalBeforeGb : oldSizeGb;
        double added = newSizeGb - oldSizeGb;
        if (totalNowGb - before >= Math.max(1, added / 4)) {
            return Growth.GROWN;
        }
        return now.isBefore(completedAt.plus(GRACE)) ? Growth.TOO_EARLY : Growth.NOT_GROWN;
    }

    /** The sentence for {@link Growth#NOT_GROWN}. */
    public static String notGrownSentence() {
        return Texts.get("usage.growth.notGrown");
    }
}
