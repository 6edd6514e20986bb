package io.expanse.work.usage;

import java.util.List;
import java.util.Map;

/**
 * The result of one {@link UsageReader#read}.
 *
 * @param byVolume     usage per volume id (a volume with several file systems on it keeps the fullest)
 * @param byServer     file systems that could not be put on one volume, per server
 * @param withoutAgent server id → why it has no usage (no agent, or Cloud Eye refused)
 * @param unread       server id → why its usage could not be read this time (network, throttling, …)
 * @param metricCalls  how many metric calls were made
 */
public record UsageReport(Map<String, MountUsage> byVolume, List<MountUsage> byServer,
                          Map<String, String> withoutAgent, Map<String, String> unread, int metricCalls) {

    public UsageReport {
        byVolume = Map.copyOf(byVolume);
        byServer = List.copyOf(byServer);
        withoutAgent = Map.copyOf(withoutAgent);
        unread = Map.copyOf(unread);
    }

    /** The file systems at or above the attention threshold, per volume and per server. */
    public List<MountUsage> needingAttention() {
        return java.util.stream.Stream.concat(byVolume.values().stream(), byServer.stream())
                .filter(MountUsage::attention).toList();
    }
}
