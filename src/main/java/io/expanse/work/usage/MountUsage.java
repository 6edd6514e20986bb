package io.expanse.work.usage;

import io.expanse.domain.usage.GrowthCheck.Growth;
import io.expanse.domain.usage.MountMapping.Ambiguity;
import io.expanse.domain.usage.SizeAdvice.Suggestion;
import io.expanse.domain.usage.TrendRules.DailyMax;
import io.expanse.domain.usage.TrendRules.Trend;
import java.util.List;

/**
 * How full one file system is: on one volume, or, when the mount point could not be put on one volume, per server
 * with the reason and the volumes it may be on.
 *
 * @param volumeId     the volume, or null when ambiguous
 * @param ambiguity    why there is no volume, or null
 * @param candidates   the server's volumes it may be on (when ambiguous; else the volume alone)
 * @param percent      use now, in percent of the file system (null when Cloud Eye had no recent value)
 * @param totalGb      {@code disk_total} now, or null
 * @param usedGb       {@code disk_used} now, or null
 * @param lastWeek     the daily maximum of the last seven days, oldest first
 * @param trend        the trend of {@code lastWeek}
 * @param suggestion   the suggested size (mapped volumes only), or null
 * @param attention    whether {@code percent} (or, without it, the last day's maximum) is at or above the threshold
 * @param growth       for a volume expanded recently, whether its file system followed; else null
 */
public record MountUsage(String serverId, String mountPoint, String volumeId, Ambiguity ambiguity,
                         List<String> candidates, Double percent, Double totalGb, Double usedGb,
                         List<DailyMax> lastWeek, Trend trend, Suggestion suggestion, boolean attention,
                         Growth growth) {

    public MountUsage {
        candidates = List.copyOf(candidates);
        lastWeek = List.copyOf(lastWeek);
    }
}
