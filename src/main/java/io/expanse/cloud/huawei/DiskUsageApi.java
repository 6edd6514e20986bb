package io.expanse.cloud.huawei;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How full the disks are, from Cloud Eye (CES): the agent's mount points and disks per server, and the
 * {@code AGT.ECS} disk metrics. Implemented over HTTP by {@link CloudEyeClient}; the layers above use fakes in
 * tests. Every method blocks: call it off the FX thread. Reference §14.
 */
public interface DiskUsageApi {

    /** Cloud Eye's per-call limits of {@code batch-query-metric-data}. */
    int MAX_METRICS_PER_CALL = 500;
    int MAX_POINTS_PER_CALL = 3000;
    int MAX_BODY_BYTES = 512 * 1024;
    /** The aggregation periods Cloud Eye accepts, in seconds. */
    Set<Integer> PERIODS = Set.of(1, 300, 1200, 3600, 14400, 86400);
    String NAMESPACE = "AGT.ECS";

    /**
     * The agent dimensions of each server ({@code GET /v2/{project_id}/instances/{id}/agent-dimensions}), read
     * with bounded concurrency and cached per server for the session. One server's failure never stops the
     * others: a server without the agent (no mount point, or the call refused) is {@link AgentState#NO_AGENT};
     * one whose read failed otherwise (network, throttling that outlasted the retries) is
     * {@link AgentState#UNREAD} and is asked again next time.
     *
     * @return one entry per distinct id, in the order given
     */
    Map<String, AgentDimensions> agentDimensions(Collection<String> serverIds) throws InterruptedException;

    /**
     * As {@link #agentDimensions(Collection)}, with each server's attachments as they are now
     * ({@link #attachmentKey}; null where not known): a server whose attachments changed since its dimensions were
     * read is asked again, since a new disk brings a new mount point.
     */
    default Map<String, AgentDimensions> agentDimensions(Map<String, String> attachmentsByServer)
            throws InterruptedException {
        return agentDimensions(attachmentsByServer.keySet());
    }

    /**
     * How many of these servers {@link #agentDimensions(Map)} would ask Cloud Eye about now (none kept, or kept ones
     * out of date); the others come from what is kept. May read the kept dimensions from disk: not on the FX thread.
     */
    default int dimensionsToRead(Map<String, String> attachmentsByServer) {
        return attachmentsByServer.size();
    }

    /** A server's attachments in a form that changes when a disk is attached, detached or moved to another device. */
    static String attachmentKey(Collection<ServerInfo.AttachedVolume> attached) {
        return attached.stream().map(a -> a.id() + "=" + (a.device() == null ? "" : a.device())).sorted()
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The values of {@code queries} between {@code from} and {@code to} aggregated per {@code periodSeconds} with
     * {@code filter "max"} ({@code POST /V1.0/{project_id}/batch-query-metric-data}), split into as few calls as
     * Cloud Eye's limits allow ({@link #MAX_METRICS_PER_CALL}, {@link #MAX_POINTS_PER_CALL},
     * {@link #MAX_BODY_BYTES}), made with bounded concurrency. A call that fails leaves its queries in
     * {@link MetricData#unread()} with the reason; the others still answer.
     */
    MetricData metricData(List<MetricQuery> queries, Instant from, Instant to, int periodSeconds)
            throws InterruptedException;

    /**
     * Several {@link #metricData} reads at once (e.g. a week of daily maxima and the latest minutes), their calls
     * run side by side under the same bound instead of one read after the other; the answers in the order asked.
     */
    default List<MetricData> metricData(List<MetricRead> reads) throws InterruptedException {
        List<MetricData> out = new java.util.ArrayList<>(reads.size());
        for (MetricRead r : reads) {
            out.add(metricData(r.queries(), r.from(), r.to(), r.periodSeconds()));
        }
        return out;
    }

    /** One read of {@link #metricData(List)}: these queries, between these times, per this period. */
    record MetricRead(List<MetricQuery> queries, Instant from, Instant to, int periodSeconds) {
        public MetricRead {
            queries = List.copyOf(queries);
            java.util.Objects.requireNonNull(from, "from");
            java.util.Objects.requireNonNull(to, "to");
        }
    }

    /** Forgets the cached dimensions of every server (e.g. after an agent was installed), kept ones too. */
    void forgetDimensions();

    /** The three disk metrics Expanse reads, with their Cloud Eye names. */
    enum DiskMetric {
        USED_PERCENT("disk_usedPercent"), TOTAL_GB("disk_total"), USED_GB("disk_used");

        private final String metricName;

        DiskMetric(String metricName) {
            this.metricName = metricName;
        }

        public String metricName() {
            return metricName;
        }

        public static DiskMetric byName(String name) {
            for (DiskMetric m : values()) {
                if (m.metricName.equals(name)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** One entry of {@code dimensions[]}: {@code value} is opaque (32 characters), {@code originValue} readable. */
    record AgentDimension(String name, String value, String originValue) {
        public AgentDimension {
            Objects.requireNonNull(value, "value");
        }
    }

    enum AgentState {
        /** The agent reports at least one mount point. */
        AGENT,
        /** No mount point reported, or Cloud Eye refused the question for this server. */
        NO_AGENT,
        /** The question could not be answered this time (network, server error, throttling). */
        UNREAD
    }

    /**
     * What the agent of one server reports.
     *
     * @param disks  the {@code disk} dimension; empty when it was not needed (every mount point is the system
     *               one, {@link #systemMount}) or not reported
     * @param reason why there is no agent or nothing was read; null for {@link AgentState#AGENT}
     */
    record AgentDimensions(String serverId, AgentState state, List<AgentDimension> mountPoints,
                           List<AgentDimension> disks, String reason) {
        public AgentDimensions {
            mountPoints = List.copyOf(mountPoints);
            disks = List.copyOf(disks);
        }

        public static AgentDimensions noAgent(String serverId, String reason) {
            return new AgentDimensions(serverId, AgentState.NO_AGENT, List.of(), List.of(), reason);
        }

        public static AgentDimensions unread(String serverId, String reason) {
            return new AgentDimensions(serverId, AgentState.UNREAD, List.of(), List.of(), reason);
        }

        /** {@code /} on Linux, {@code C:\} (or {@code C:}) on Windows: the file system of the boot volume. */
        public static boolean systemMount(String originValue) {
            if (originValue == null) {
                return false;
            }
            String o = originValue.strip().toUpperCase(Locale.ROOT);
            return o.equals("/") || o.equals("C:\\") || o.equals("C:") || o.equals("C:/");
        }
    }

    /** One metric of one mount point of one server. */
    record MetricQuery(String instanceId, String mountPointValue, DiskMetric metric) {
        public MetricQuery {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(mountPointValue, "mountPointValue");
            Objects.requireNonNull(metric, "metric");
        }
    }

    /** One aggregated value: the {@code max} of its period starting at {@code at}. */
    record Point(Instant at, double max) {
    }

    /** The answer for one query, oldest point first; no points when Cloud Eye had none. */
    record Series(MetricQuery query, String unit, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * @param series one per answered query (no points when Cloud Eye has no data for it)
     * @param unread queries whose call failed, with the reason
     * @param calls  how many {@code batch-query-metric-data} calls were planned
     */
    record MetricData(Map<MetricQuery, Series> series, Map<MetricQuery, String> unread, int calls) {
        public MetricData {
            series = Map.copyOf(series);
            unread = Map.copyOf(unread);
        }
    }

    /** The span of {@code period} seconds, checked against {@link #PERIODS}. */
    static Duration period(int periodSeconds) {
        if (!PERIODS.contains(periodSeconds)) {
            throw new IllegalArgumentException("Cloud Eye has no period of " + periodSeconds + " s");
        }
        return Duration.ofSeconds(periodSeconds);
    }
}
