package io.expanse.work.usage;

import io.expanse.cloud.huawei.DiskUsageApi;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimension;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import io.expanse.cloud.huawei.DiskUsageApi.AgentState;
import io.expanse.cloud.huawei.DiskUsageApi.DiskMetric;
import io.expanse.cloud.huawei.DiskUsageApi.MetricData;
import io.expanse.cloud.huawei.DiskUsageApi.MetricQuery;
import io.expanse.cloud.huawei.DiskUsageApi.MetricRead;
import io.expanse.cloud.huawei.DiskUsageApi.Point;
import io.expanse.cloud.huawei.DiskUsageApi.Series;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.ServerInfo.AttachedVolume;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.DiskRoles;
import io.expanse.domain.usage.GrowthCheck;
import io.expanse.domain.usage.GrowthCheck.Growth;
import io.expanse.domain.usage.MountMapping;
import io.expanse.domain.usage.MountMapping.Target;
import io.expanse.domain.usage.SizeAdvice;
import io.expanse.domain.usage.TrendRules;
import io.expanse.domain.usage.TrendRules.DailyMax;
import io.expanse.domain.usage.TrendRules.Trend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads how full the listed volumes are, in the background, after the volume list: the agents' mount points
 * (kept per server by the client, and asked again when a server's attachments change), then two batched metric
 * reads for every mount point at once (the daily maximum of the last seven days of {@code disk_usedPercent} and
 * {@code disk_total}; the latest five-minute maximum of {@code disk_usedPercent}, {@code disk_total} and
 * {@code disk_used}) — {@link #fetch}, which needs only the volume list and so runs during the server pass; then
 * the rules of {@code domain/usage} with the servers' details — {@link #map}: which volume, the trend, the
 * suggested size, the attention threshold and the "not grown" check. Never call it on the FX thread; it does not
 * touch the volume list.
 */
public final class UsageReader {

    /** The default attention threshold, in percent. */
    public static final double ATTENTION_PERCENT = 85;
    static final Duration WEEK = Duration.ofDays(7);
    static final int DAY_SECONDS = 86_400;
    /** The latest values: the last 15 minutes in five-minute maxima (the agent reports every minute). */
    static final Duration RECENT = Duration.ofMinutes(15);
    static final int RECENT_PERIOD_SECONDS = 300;

    private final DiskUsageApi api;
    private final Clock clock;
    private final TrendRules trendRules;
    private final double attentionPercent;

    public UsageReader(DiskUsageApi api, Clock clock) {
        this(api, clock, TrendRules.DEFAULT, ATTENTION_PERCENT);
    }

    /** @param attentionPercent use at or above this needs attention (85 by default) */
    public UsageReader(DiskUsageApi api, Clock clock, TrendRules trendRules, double attentionPercent) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trendRules = Objects.requireNonNull(trendRules, "trendRules");
        if (!(attentionPercent > 0 && attentionPercent <= 100)) {
            throw new IllegalArgumentException("attentionPercent must be within (0, 100]");
        }
        this.attentionPercent = attentionPercent;
    }

    /**
     * What Cloud Eye says of the listed volumes' servers, before it is put on volumes: read from the volume list
     * alone, so that it can run while the servers' details are still being read ({@link #fetch}).
     *
     * @param agents     each attached server's agent dimensions
     * @param week       the daily maxima of the last seven days
     * @param recentData the latest five-minute maxima
     * @param at         when it was read (the trends and the "not grown" check count from here)
     */
    public record Fetched(Map<String, AgentDimensions> agents, MetricData week, MetricData recentData, Instant at) {
        public Fetched {
            agents = Map.copyOf(agents);
            Objects.requireNonNull(week, "week");
            Objects.requireNonNull(recentData, "recentData");
            Objects.requireNonNull(at, "at");
        }

        /** How many metric calls the read made. */
        public int metricCalls() {
            return week.calls() + recentData.calls();
        }
    }

    /**
     * @param volumes the listed volumes
     * @param servers the attached servers by id, as read for the volume list (bootIndex, device); a server
     *                missing here is taken from the volumes' attachments, without its boot volume
     * @param recent  completed expansions to check for a file system that has not grown (may be empty)
     */
    public UsageReport read(List<Volume> volumes, Map<String, ServerInfo> servers, Collection<Expansion> recent)
            throws InterruptedException {
        return map(fetch(volumes, recent), volumes, servers, recent);
    }

    /**
     * The Cloud Eye part of {@link #read}: the agents' mount points of every server the volumes are attached to
     * (a server's attachments, as the volume list shows them, tell the client when its kept dimensions are out of
     * date), then the two batched metric reads. Needs no server details, so it can run during the server pass.
     * The week's {@code disk_total} is asked only of the servers of {@code recent} expansions (the "not grown"
     * check is its only use), which keeps the week's read to about half the calls.
     *
     * @param recent the completed expansions {@link #map} will be given
     */
    public Fetched fetch(List<Volume> volumes, Collection<Expansion> recent) throws InterruptedException {
        Instant now = clock.instant();
        Map<String, List<AttachedVolume>> listed = fromVolumes(volumes);
        Map<String, String> attachmentKeys = attachmentKeys(listed);
        Set<String> expanded = new HashSet<>();
        recent.forEach(e -> expanded.add(e.volumeId()));
        Set<String> checkGrowth = new HashSet<>();
        listed.forEach((id, attached) -> {
            if (attached.stream().anyMatch(v -> expanded.contains(v.id()))) {
                checkGrowth.add(id);
            }
        });
        Map<String, AgentDimensions> agents = api.agentDimensions(attachmentKeys);

        List<MetricQuery> weekly = new ArrayList<>();
        List<MetricQuery> latest = new ArrayList<>();
        for (AgentDimensions a : agents.values()) {
            if (a.state() == AgentState.AGENT) {
                for (AgentDimension m : a.mountPoints()) {
                    weekly.add(new MetricQuery(a.serverId(), m.value(), DiskMetric.USED_PERCENT));
                    if (checkGrowth.contains(a.serverId())) {
                        weekly.add(new MetricQuery(a.serverId(), m.value(), DiskMetric.TOTAL_GB));
                    }
                    for (DiskMetric metric : DiskMetric.values()) {
                        latest.add(new MetricQuery(a.serverId(), m.value(), metric));
                    }
                }
            }
        }
        if (weekly.isEmpty()) {
            return new Fetched(agents, empty(), empty(), now);
        }
        // Both reads at once: their calls go out side by side, not the latest minutes after the whole week.
        List<MetricData> read = api.metricData(List.of(
                new MetricRead(weekly, now.minus(WEEK), now, DAY_SECONDS),
                new MetricRead(latest, now.minus(RECENT), now, RECENT_PERIOD_SECONDS)));
        MetricData week = read.get(0);
        MetricData recentData = read.get(1);
        return new Fetched(agents, week, recentData, now);
    }

    /**
     * How many of the volumes' servers {@link #fetch} would ask Cloud Eye for their mount points (about two calls
     * each): none once they are kept, every one on a project's first read. Reads the kept ones: background only.
     */
    public int dimensionsToRead(List<Volume> volumes) {
        return api.dimensionsToRead(attachmentKeys(fromVolumes(volumes)));
    }

    private static Map<String, String> attachmentKeys(Map<String, List<AttachedVolume>> listed) {
        Map<String, String> keys = new LinkedHashMap<>();
        listed.forEach((id, attached) -> keys.put(id, DiskUsageApi.attachmentKey(attached)));
        return keys;
    }

    /**
     * The rules part of {@link #read}: puts what {@link #fetch} read on the volumes, with the servers' details
     * (which volume boots), the trends, the suggested sizes and the "not grown" check. Makes no call.
     */
    public UsageReport map(Fetched fetched, List<Volume> volumes, Map<String, ServerInfo> servers,
                           Collection<Expansion> recent) {
        Instant now = fetched.at();
        Map<String, Volume> byId = new HashMap<>();
        for (Volume v : volumes) {
            byId.put(v.id(), v);
        }
        Map<String, List<AttachedVolume>> listed = fromVolumes(volumes);
        Map<String, List<AttachedVolume>> attachedByServer = new LinkedHashMap<>();
        listed.forEach((serverId, attached) -> {
            ServerInfo s = servers.get(serverId);
            attachedByServer.put(serverId, s != null && !s.volumes().isEmpty() ? s.volumes() : attached);
        });
        Map<String, AgentDimensions> agents = new LinkedHashMap<>();
        for (String serverId : attachedByServer.keySet()) {
            AgentDimensions a = fetched.agents().get(serverId);
            if (a != null) {
                agents.put(serverId, a);
            }
        }
        MetricData week = fetched.week();
        MetricData recentData = fetched.recentData();
        Map<String, String> withoutAgent = new LinkedHashMap<>();
        Map<String, String> unread = new LinkedHashMap<>();
        for (AgentDimensions a : agents.values()) {
            if (a.state() == AgentState.NO_AGENT) {
                withoutAgent.put(a.serverId(), a.reason());
            } else if (a.state() == AgentState.UNREAD) {
                unread.put(a.serverId(), a.reason());
            }
        }
        Map<String, Expansion> expansions = new HashMap<>();
        recent.forEach(e -> expansions.merge(e.volumeId(), e, (x, y) -> x.completedAt().isAfter(y.completedAt())
                ? x : y));

        Map<String, MountUsage> byVolume = new LinkedHashMap<>();
        List<MountUsage> byServer = new ArrayList<>();
        for (AgentDimensions a : agents.values()) {
            if (a.state() != AgentState.AGENT) {
                continue;
            }
            String unreadReason = firstUnread(a, week, recentData);
            if (unreadReason != null) {
                unread.put(a.serverId(), unreadReason);
                continue;
            }
            List<AttachedVolume> attached = attachedByServer.get(a.serverId());
            Map<String, Double> totals = new HashMap<>();
            for (AgentDimension m : a.mountPoints()) {
                Double total = last(recentData, a.serverId(), m.value(), DiskMetric.TOTAL_GB);
                if (total != null) {
                    totals.put(m.value(), total);
                }
            }
            Map<String, Long> sizes = new HashMap<>();
            attached.forEach(v -> {
                if (v.id() != null && byId.containsKey(v.id())) {
                    sizes.put(v.id(), byId.get(v.id()).sizeGb());
                }
            });
            Map<String, Long> former = new HashMap<>();
            expansions.values().forEach(e -> former.put(e.volumeId(), e.oldSizeGb()));
            for (Target t : MountMapping.map(a, attached, totals, sizes, former)) {
                MountUsage u = usage(a.serverId(), t, attached, byId, servers.get(a.serverId()), week, recentData,
                        expansions, now);
                if (t.mapped()) {
                    byVolume.merge(t.volumeId(), u, UsageReader::fuller);
                } else {
                    byServer.add(u);
                }
            }
        }
        return new UsageReport(byVolume, byServer, withoutAgent, unread, week.calls() + recentData.calls());
    }

    private MountUsage usage(String serverId, Target t, List<AttachedVolume> attached, Map<String, Volume> byId,
                             ServerInfo server, MetricData week, MetricData recentData,
                             Map<String, Expansion> expansions, Instant now) {
        List<DailyMax> days = daily(week, serverId, t.mountValue(), DiskMetric.USED_PERCENT);
        Trend trend = trendRules.estimate(days);
        Double percent = last(recentData, serverId, t.mountValue(), DiskMetric.USED_PERCENT);
        Double total = last(recentData, serverId, t.mountValue(), DiskMetric.TOTAL_GB);
        Double used = last(recentData, serverId, t.mountValue(), DiskMetric.USED_GB);
        Double shown = percent != null ? percent : days.isEmpty() ? null : days.get(days.size() - 1).percent();
        boolean attention = shown != null && shown >= attentionPercent;
        if (!t.mapped()) {
            List<String> candidates = attached.stream().filter(v -> !v.systemDisk() && v.id() != null)
                    .map(AttachedVolume::id).toList();
            return new MountUsage(serverId, t.mountPoint(), null, t.ambiguity(), candidates, percent, total, used,
                    days, trend, null, attention, null);
        }
        Volume volume = byId.get(t.volumeId());
        SizeAdvice.Suggestion suggestion = null;
        Growth growth = null;
        if (volume != null) {
            double peak = days.stream().mapToDouble(DailyMax::percent).max().orElse(Double.NaN);
            if (percent != null) {
                peak = Double.isNaN(peak) ? percent : Math.max(peak, percent);
            }
            if (!Double.isNaN(peak)) {
                suggestion = SizeAdvice.suggest(volume.sizeGb(), DiskRoles.of(volume, server), peak, trend);
            }
            Expansion e = expansions.get(volume.id());
            if (e != null && volume.sizeGb() >= e.newSizeGb()) {
                growth = GrowthCheck.check(e.oldSizeGb(), e.newSizeGb(), e.completedAt(),
                        totalBefore(week, serverId, t.mountValue(), e.completedAt()), total, now);
            }
        }
        return new MountUsage(serverId, t.mountPoint(), t.volumeId(), null, List.of(t.volumeId()), percent, total,
                used, days, trend, suggestion, attention, growth);
    }

    /** The highest {@code disk_total} of the days before the expansion, or null. */
    private static Double totalBefore(MetricData week, String serverId, String mount, Instant completedAt) {
        Series s = week.series().get(new MetricQuery(serverId, mount, DiskMetric.TOTAL_GB));
        if (s == null) {
            return null;
        }
        Double before = null;
        for (Point p : s.points()) {
            if (p.at().plus(Duration.ofSeconds(DAY_SECONDS)).isAfter(completedAt)) {
                break; // that day may already include the grown size
            }
            before = p.max();
        }
        return before;
    }

    private static List<DailyMax> daily(MetricData data, String serverId, String mount, DiskMetric metric) {
        Series s = data.series().get(new MetricQuery(serverId, mount, metric));
        return s == null ? List.of() : s.points().stream().map(p -> new DailyMax(p.at(), p.max())).toList();
    }

    private static Double last(MetricData data, String serverId, String mount, DiskMetric metric) {
        Series s = data.series().get(new MetricQuery(serverId, mount, metric));
        return s == null || s.points().isEmpty() ? null : s.points().get(s.points().size() - 1).max();
    }

    private static String firstUnread(AgentDimensions a, MetricData... data) {
        for (MetricData d : data) {
            for (var e : d.unread().entrySet()) {
                if (e.getKey().instanceId().equals(a.serverId())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static MountUsage fuller(MountUsage a, MountUsage b) {
        double pa = a.percent() == null ? -1 : a.percent();
        double pb = b.percent() == null ? -1 : b.percent();
        return pb > pa ? b : a;
    }

    /**
     * Every server the volumes are attached to, in the order first seen, with its attachments as the volume list
     * shows them: device known, boot index not.
     */
    private static Map<String, List<AttachedVolume>> fromVolumes(List<Volume> volumes) {
        Map<String, List<AttachedVolume>> out = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        for (Volume v : volumes) {
            for (Volume.Attachment a : v.attachments()) {
                if (a.serverId() != null && seen.computeIfAbsent(a.serverId(), k -> new HashSet<>()).add(v.id())) {
                    out.computeIfAbsent(a.serverId(), k -> new ArrayList<>())
                            .add(new AttachedVolume(v.id(), a.device(), null));
                }
            }
        }
        return out;
    }

    private static MetricData empty() {
        return new MetricData(Map.of(), Map.of(), 0);
    }
}
