package io.expanse.ui.fakes;

import io.expanse.cloud.huawei.DiskUsageApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cloud Eye for view-model tests: per server the agent's mount points and disks, per mount point its daily
 * maxima of the last days (oldest first) and its size; the latest value is the last daily maximum.
 */
public final class FakeCloudEye implements DiskUsageApi {

    private final Map<String, AgentDimensions> agents = new HashMap<>();
    private final Map<String, double[]> days = new HashMap<>();
    private final Map<String, Double> totals = new HashMap<>();
    public int dimensionCalls;
    public int metricCalls;
    public RuntimeException failure;
    /** Every query of a daily read (a week of daily maxima), in the order asked. */
    public final List<MetricQuery> askedDaily = new ArrayList<>();
    /** When set, each answer is noted here (weakly), to tell whether a reader lets it go. */
    public List<java.lang.ref.WeakReference<Object>> recordAnswers;

    /** A Linux server with {@code /} on vda and {@code /data} on vdb. */
    public FakeCloudEye linux(String serverId, double[] rootDays, double[] dataDays, double dataTotalGb) {
        List<AgentDimension> mounts = new ArrayList<>();
        mounts.add(new AgentDimension("mount_point", serverId + "-root", "/"));
        put(serverId + "-root", rootDays, 39);
        if (dataDays != null) {
            mounts.add(new AgentDimension("mount_point", serverId + "-data", "/data"));
            put(serverId + "-data", dataDays, dataTotalGb);
        }
        agents.put(serverId, new AgentDimensions(serverId, AgentState.AGENT, mounts,
                List.of(new AgentDimension("disk", serverId + "-vda", "vda"),
                        new AgentDimension("disk", serverId + "-vdb", "vdb")), null));
        return this;
    }

    /** A server whose data disks are under one LVM volume on {@code /data}. */
    public FakeCloudEye lvm(String serverId, double[] dataDays) {
        agents.put(serverId, new AgentDimensions(serverId, AgentState.AGENT,
                List.of(new AgentDimension("mount_point", serverId + "-lvm", "/data")),
                List.of(new AgentDimension("disk", serverId + "-dm", "/dev/mapper/vg-data")), null));
        put(serverId + "-lvm", dataDays, 400);
        return this;
    }

    public FakeCloudEye noAgent(String serverId) {
        agents.put(serverId, AgentDimensions.noAgent(serverId, "The Cloud Eye agent reports no mount point."));
        return this;
    }

    private void put(String value, double[] daily, double totalGb) {
        days.put(value, daily);
        totals.put(value, totalGb);
    }

    @Override
    public Map<String, AgentDimensions> agentDimensions(Collection<String> serverIds) {
        dimensionCalls++;
        if (failure != null) {
            throw failure;
        }
        Map<String, AgentDimensions> out = new LinkedHashMap<>();
        for (String id : serverIds) {
            out.put(id, agents.getOrDefault(id, AgentDimensions.noAgent(id, "no agent")));
        }
        return out;
    }

    @Override
    public MetricData metricData(List<MetricQuery> queries, Instant from, Instant to, int periodSeconds) {
        metricCalls++;
        if (periodSeconds == 86_400) {
            askedDaily.addAll(queries);
        }
        Map<MetricQuery, Series> out = new HashMap<>();
        for (MetricQuery q : queries) {
            double[] d = days.get(q.mountPointValue());
            double total = totals.get(q.mountPointValue());
            List<Point> points = new ArrayList<>();
            if (periodSeconds == 86_400) {
                for (int i = 0; i < d.length; i++) {
                    Instant at = to.minus(Duration.ofDays(d.length - 1L - i));
                    points.add(new Point(at, value(q.metric(), d[i], total)));
                }
            } else {
                points.add(new Point(to, value(q.metric(), d[d.length - 1], total)));
            }
            out.put(q, new Series(q, "", points));
        }
        MetricData answer = new MetricData(out, Map.of(), 1);
        if (recordAnswers != null) {
            recordAnswers.add(new java.lang.ref.WeakReference<>(answer));
        }
        return answer;
    }

    private static double value(DiskMetric metric, double percent, double total) {
        return switch (metric) {
            case USED_PERCENT -> percent;
            case TOTAL_GB -> total;
            case USED_GB -> total * percent / 100;
        };
    }

    @Override
    public void forgetDimensions() {
    }
}
