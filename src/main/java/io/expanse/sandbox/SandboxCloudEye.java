package io.expanse.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simulated Cloud Eye (CES) of the sandbox: the agent's mount points and disks per server
 * ({@code GET /v2/{project_id}/instances/{id}/agent-dimensions}) and the {@code AGT.ECS} disk metrics
 * ({@code POST /V1.0/{project_id}/batch-query-metric-data}), answered in the shapes of the official SDK's
 * {@code ces.v2 ListAgentDimensionInfoResponse} and {@code ces.v1 BatchListMetricDataResponse}.
 *
 * <p>The agent: every server has one, but those named in {@link #NO_AGENT} (and every tenth generated one), whose
 * list is empty, and those in {@link #REFUSED}, for which Cloud Eye refuses the question (400 {@code ces.0014}).
 * A Linux server mounts its system disk on {@code /} and each data disk on {@code /data}, {@code /data2}, … (disks
 * {@code vda}, {@code vdb}, … from the attachment's device); a Windows server ({@code win} in its name) mounts
 * {@code C:\}, {@code D:\}, … with disks {@code PhysicalDrive0}, …; {@code pg-01} puts its two data disks into one LVM
 * volume on {@code /data} (disk {@code /dev/mapper/vgdata-lvdata}). Values are opaque 32-character strings.
 *
 * <p>Usage: seven days of hourly values before the sandbox started and on from there: rising, flat, and cleaned up
 * (a drop two days ago), with a little noise; in the standard seed {@code data-01} is above 95 %, {@code sys-01},
 * {@code web-02-data} and the Windows system disk above 85 %. {@code disk_total} is the file system's size (98 % of
 * the disks under it); after an expansion it stays at the old size until the file system is grown, by
 * {@link #growFileSystem} or, when set, {@link #growFileSystemsAfter} the disk reached its new size.
 *
 * <p>Limits: more than 500 metrics or a body over 512 KB is refused (400 {@code ces.0014}); metrics × (to − from) /
 * period over 3000 silently moves {@code from} later, like Cloud Eye; more than {@link #callsPerMinute} metric and
 * metric-list calls within a minute answer 429 {@code ces.0429} with a {@code Retry-After}.
 */
public final class SandboxCloudEye {

    static final Pattern AGENT_DIMENSIONS = Pattern.compile("/v2/([^/]+)/instances/([^/]+)/agent-dimensions");
    static final Pattern BATCH_QUERY = Pattern.compile("/V1\\.0/([^/]+)/batch-query-metric-data");
    static final Pattern LIST_METRICS = Pattern.compile("/V1\\.0/([^/]+)/metrics");
    /** The disk metrics the agent reports per mount point, in the order the metric list gives them. */
    private static final List<String> DISK_METRICS = List.of("disk_total", "disk_used", "disk_usedPercent");
    public static final int MAX_METRICS = 500;
    public static final int MAX_POINTS = 3000;
    public static final int MAX_BODY_BYTES = 512 * 1024;
    static final Set<String> NO_AGENT = Set.of("batch-01");
    static final Set<String> REFUSED = Set.of("etl-01");
    private static final Set<Long> PERIODS = Set.of(1L, 300L, 1200L, 3600L, 14400L, 86400L);
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;
    private static final double FS_SHARE = 0.98;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A usage shape, in percent of the file system as it was when the sandbox started. */
    record Profile(double level, double slopePerDay, double cleanedDaysAgo, double before) {
        static Profile flat(double level) {
            return new Profile(level, 0, -1, 0);
        }

        static Profile rising(double now, double slopePerDay) {
            return new Profile(now, slopePerDay, -1, 0);
        }

        /** At {@code before} % until {@code daysAgo} days ago, then cleaned to rise to {@code now}. */
        static Profile cleaned(double before, double daysAgo, double now, double slopePerDay) {
            return new Profile(now, slopePerDay, daysAgo, before);
        }

        /** Percent at {@code days} days from the start (negative: before it), before noise. */
        double at(double days) {
            if (cleanedDaysAgo >= 0 && days < -cleanedDaysAgo) {
                return before - 0.8 * (-cleanedDaysAgo - days);
            }
            return level + slopePerDay * days;
        }
    }

    /** Usage of the well-known volumes of the standard seed, by volume name (the first volume of a mount). */
    private static final Map<String, Profile> KNOWN = Map.ofEntries(
            Map.entry("sys-01", Profile.rising(87.5, 1.5)),
            Map.entry("data-01", Profile.rising(96.2, 0.9)),
            Map.entry("web-01-logs", Profile.cleaned(91, 2, 42, 3.5)),
            Map.entry("shared-01", Profile.flat(41)),
            Map.entry("web-02-sys", Profile.flat(33)),
            Map.entry("web-02-data", Profile.rising(86.4, 0.6)),
            Map.entry("app-01-sys", Profile.flat(48)),
            Map.entry("data-fail", Profile.rising(71, 1.1)),
            Map.entry("billing-03", Profile.flat(22)),
            Map.entry("sys-1000", Profile.flat(52)),
            Map.entry("billing-01", Profile.rising(79, 0.8)),
            Map.entry("win-01-sys", Profile.rising(88.7, 0.4)),
            Map.entry("data-32000", Profile.flat(55)),
            Map.entry("sys-1024", Profile.flat(70)),
            Map.entry("nfs-data-01", Profile.rising(82, 1.6)));

    /** A mounted file system of a server and the volumes under it. */
    private record Mount(String serverId, String origin, List<String> volumeIds, Profile profile, double baseTotal,
                         long seed) {
    }

    private final SandboxCloud cloud;
    private final Instant start;
    private final Map<String, List<Mount>> mounts = new HashMap<>();
    private final Map<String, List<String>> disks = new HashMap<>();
    private final Map<String, Mount> byValue = new HashMap<>();
    /** Volume id → the sizes its file system took and when; the first entry is the size at the start. */
    private final Map<String, List<Sized>> fsSizes = new HashMap<>();
    private final Deque<Instant> calls = new ArrayDeque<>();
    private int callsPerMinute = 500;
    private Duration growAfter;
    private int queries;

    private record Sized(Instant at, long sizeGb) {
    }

    SandboxCloudEye(SandboxCloud cloud) {
        this.cloud = cloud;
        this.start = cloud.clock().instant();
        List<SandboxInstance> servers = cloud.servers();
        for (int i = 0; i < servers.size(); i++) {
            SandboxInstance s = servers.get(i);
            boolean generated = s.name().matches(".*-\\d{4}");
            if (NO_AGENT.contains(s.name()) || generated && i % 10 == 9) {
                continue;
            }
            seed(s, cloud.volumesOf(s.id()));
        }
    }

    private void seed(SandboxInstance s, List<SandboxVolume> volumes) {
        boolean windows = "Windows".equals(s.osType());
        List<Mount> list = new ArrayList<>();
        List<String> diskNames = new ArrayList<>();
        SandboxVolume boot = volumes.stream().filter(v -> attachment(v, s.id()) != null
                && attachment(v, s.id()).systemDisk()).findFirst().orElse(null);
        List<SandboxVolume> data = volumes.stream().filter(v -> v != boot && attachment(v, s.id()) != null).toList();
        if (boot != null) {
            list.add(mount(s, windows ? "C:\\" : "/", List.of(boot)));
            diskNames.add(windows ? "PhysicalDrive0" : tail(attachment(boot, s.id()).device()));
        }
        if ("pg-01".equals(s.name()) && data.size() >= 2) {
            list.add(mount(s, "/data", data.subList(0, 2)));
            data.subList(0, 2).forEach(v -> diskNames.add(tail(attachment(v, s.id()).device())));
            diskNames.add("/dev/mapper/vgdata-lvdata");
            data = data.subList(2, data.size());
        }
        int n = 1;
        for (SandboxVolume v : data) {
            list.add(mount(s, windows ? (char) ('D' + n - 1) + ":\\" : n == 1 ? "/data" : "/data" + n, List.of(v)));
            diskNames.add(windows ? "PhysicalDrive" + n : tail(attachment(v, s.id()).device()));
            n++;
        }
        mounts.put(s.id(), list);
        disks.put(s.id(), diskNames);
        list.forEach(m -> byValue.put(opaque(s.id(), "mount_point", m.origin()), m));
        for (SandboxVolume v : volumes) {
            fsSizes.computeIfAbsent(v.id(), k -> new ArrayList<>(List.of(new Sized(Instant.MIN, v.size()))));
        }
    }

    private Mount mount(SandboxInstance s, String origin, List<SandboxVolume> under) {
        Profile p = KNOWN.get(under.get(0).name());
        if (p == null) {
            p = generatedProfile(hash(s.id() + origin));
        }
        double total = FS_SHARE * under.stream().mapToLong(SandboxVolume::size).sum();
        return new Mount(s.id(), origin, under.stream().map(SandboxVolume::id).toList(), p, total,
                hash(s.id() + origin));
    }

    /** Mostly flat or slowly rising, some cleaned up, about one in twenty above 85 %. */
    private static Profile generatedProfile(long h) {
        int kind = (int) Math.floorMod(h, 20);
        double level = 15 + Math.floorMod(h >> 8, 60);
        if (kind == 0) {
            return Profile.rising(86 + Math.floorMod(h >> 16, 9), 0.5 + Math.floorMod(h >> 20, 10) / 10.0);
        } else if (kind < 8) {
            return Profile.rising(level, 0.2 + Math.floorMod(h >> 16, 20) / 10.0);
        } else if (kind < 10) {
            return Profile.cleaned(Math.min(95, level + 30), 1 + Math.floorMod(h >> 16, 4), level, 1.0);
        }
        return Profile.flat(level);
    }

    private static SandboxAttachment attachment(SandboxVolume v, String serverId) {
        return v.attachments().stream().filter(a -> a.serverId().equals(serverId)).findFirst().orElse(null);
    }

    private static String tail(String device) {
        return device.substring(device.lastIndexOf('/') + 1);
    }

    /** The file system under {@code volumeId} takes the disk's current size now (growpart and resize2fs). */
    public synchronized void growFileSystem(String volumeId) {
        SandboxVolume v = cloud.volume(volumeId).orElseThrow(() -> SandboxCloud.volumeNotFound(volumeId));
        grow(v.id(), v.size(), cloud.clock().instant());
    }

    /** Every file system grows by itself this long after its disk reached a larger size; null: only on request. */
    public synchronized void growFileSystemsAfter(Duration delay) {
        this.growAfter = delay;
    }

    /** How many metric calls are answered within a minute before {@code ces.0429}; 500 like Cloud Eye. */
    public synchronized void callsPerMinute(int limit) {
        this.callsPerMinute = limit;
    }

    /** How many {@code batch-query-metric-data} calls were answered (throttled ones not counted). */
    public synchronized int metricCalls() {
        return queries;
    }

    /** The size the file system of {@code volumeId} knows now, in GB. */
    public synchronized long fileSystemSizeGb(String volumeId) {
        settleGrowth();
        List<Sized> sizes = fsSizes.get(volumeId);
        return sizes == null ? 0 : sizes.get(sizes.size() - 1).sizeGb();
    }

    private void grow(String volumeId, long sizeGb, Instant at) {
        List<Sized> sizes = fsSizes.computeIfAbsent(volumeId, k -> new ArrayList<>());
        if (sizes.isEmpty() || sizes.get(sizes.size() - 1).sizeGb() != sizeGb) {
            sizes.add(new Sized(at, sizeGb));
        }
    }

    private void settleGrowth() {
        if (growAfter == null) {
            return;
        }
        Instant now = cloud.clock().instant();
        for (var e : fsSizes.entrySet()) {
            SandboxVolume v = cloud.volume(e.getKey()).orElse(null);
            List<Sized> sizes = e.getValue();
            if (v != null && v.size() > sizes.get(sizes.size() - 1).sizeGb()
                    && !now.isBefore(v.updatedAt().plus(growAfter))) {
                grow(v.id(), v.size(), v.updatedAt().plus(growAfter));
            }
        }
    }

    synchronized JsonNode agentDimensions(String serverId, Map<String, String> query) {
        SandboxInstance s = cloud.server(serverId).orElseThrow(() -> SandboxError.gateway(404, "ces.0404",
                "The instance " + serverId + " does not exist."));
        if (REFUSED.contains(s.name())) {
            throw SandboxError.gateway(400, "ces.0014", "The agent of instance " + serverId
                    + " cannot be queried: it has not reported for a long time.");
        }
        String dimName = query.getOrDefault("dim_name", "");
        List<String> origins = switch (dimName) {
            case "mount_point" -> mounts.getOrDefault(serverId, List.of()).stream().map(Mount::origin).toList();
            case "disk" -> disks.getOrDefault(serverId, List.of());
            default -> throw SandboxError.gateway(400, "ces.0014", "The dim_name " + dimName + " is invalid.");
        };
        int offset = intParam(query, "offset", 0);
        int limit = intParam(query, "limit", 10);
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw SandboxError.gateway(400, "ces.0014", "The limit or offset is invalid.");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode dims = root.putArray("dimensions");
        for (int i = offset; i < Math.min(origins.size(), offset + limit); i++) {
            dims.addObject().put("name", dimName).put("value", opaque(serverId, dimName, origins.get(i)))
                    .put("origin_value", origins.get(i));
        }
        root.put("count", origins.size());
        return root;
    }

    /**
     * {@code GET /V1.0/{project_id}/metrics} (the official SDK's {@code ces.v1 ListMetrics}): the metrics that have
     * data, filtered by {@code namespace}, {@code metric_name} and {@code dim.0} ({@code instance_id,<id>}),
     * {@code limit} (1 to 1000, default 1000) at a time, ordered by namespace, metric, instance and mount point;
     * {@code start} is the {@code meta_data.marker} of the page before: the key of its last metric,
     * {@code namespace.metric_name.instance_id:<id>,mount_point:<value>}. That marker form is UNCONFIRMED (the
     * reference documents it for one dimension); the client hands it back unread, so either form works.
     */
    synchronized JsonNode listMetrics(Map<String, String> query) {
        countCall();
        String namespace = query.get("namespace");
        String metricName = query.get("metric_name");
        String dim0 = query.get("dim.0");
        int limit = intParam(query, "limit", 1000);
        if (limit < 1 || limit > 1000) {
            throw invalid("limit must be from 1 to 1000");
        }
        if (query.containsKey("order") && !Set.of("asc", "desc").contains(query.get("order"))) {
            throw invalid("order must be asc or desc");
        }
        List<String[]> all = new ArrayList<>(); // {namespace, metric, instance, mount value}
        List<String> serverIds = new ArrayList<>(mounts.keySet());
        serverIds.sort(null);
        if (namespace == null || "AGT.ECS".equals(namespace)) {
            for (String metric : DISK_METRICS) {
                if (metricName != null && !metricName.equals(metric)) {
                    continue;
                }
                for (String serverId : serverIds) {
                    if (dim0 != null && !dim0.equals("instance_id," + serverId)) {
                        continue;
                    }
                    List<String> values = new ArrayList<>();
                    mounts.get(serverId).forEach(m -> values.add(opaque(serverId, "mount_point", m.origin())));
                    values.sort(null);
                    values.forEach(v -> all.add(new String[] {"AGT.ECS", metric, serverId, v}));
                }
            }
        }
        if ("desc".equals(query.get("order"))) {
            java.util.Collections.reverse(all);
        }
        int from = 0;
        String start = query.get("start");
        if (start != null && !start.isEmpty()) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (marker(all.get(i)).equals(start)) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw invalid("start is not a marker of this list");
            }
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode out = root.putArray("metrics");
        int to = Math.min(all.size(), from + limit);
        for (int i = from; i < to; i++) {
            String[] m = all.get(i);
            ObjectNode item = out.addObject();
            item.put("namespace", m[0]).put("metric_name", m[1]).put("unit", "disk_usedPercent".equals(m[1]) ? "%"
                    : "GB");
            ArrayNode dims = item.putArray("dimensions");
            dims.addObject().put("name", "instance_id").put("value", m[2]);
            dims.addObject().put("name", "mount_point").put("value", m[3]);
        }
        ObjectNode meta = root.putObject("meta_data");
        meta.put("count", to - from);
        meta.put("total", all.size());
        meta.put("marker", to > from ? marker(all.get(to - 1)) : "");
        return root;
    }

    private static String marker(String[] m) {
        return m[0] + "." + m[1] + ".instance_id:" + m[2] + ",mount_point:" + m[3];
    }

    /** Counts a Cloud Eye call against {@link #callsPerMinute}; over it, 429 {@code ces.0429}. */
    private void countCall() {
        Instant now = cloud.clock().instant();
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minusSeconds(60))) {
            calls.removeFirst();
        }
        if (calls.size() >= callsPerMinute) {
            long wait = Math.max(1, Duration.between(now, calls.peekFirst().plusSeconds(60)).toSeconds() + 1);
            throw SandboxError.gateway(429, "ces.0429", "The request is too frequent: more than "
                    + callsPerMinute + " calls a minute.").retryAfter(wait);
        }
        calls.addLast(now);
    }

    /**
     * A batch read: checked, counted and given the file systems' sizes under the lock, then answered outside it, so
     * that concurrent calls are answered side by side as Cloud Eye answers them, not one after the other.
     */
    JsonNode batchQuery(byte[] body) {
        Admitted a;
        synchronized (this) {
            a = admit(body);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode out = root.putArray("metrics");
        for (JsonNode m : a.metrics()) {
            out.add(metric(m, a.from(), a.to(), a.periodMs(), a.filter(), a.sizes()));
        }
        return root;
    }

    /** A checked batch read, with the sizes of the file systems it asks about as they were when it came. */
    private record Admitted(JsonNode metrics, long from, long to, long periodMs, String filter,
                            Map<String, List<Sized>> sizes) {
    }

    private Admitted admit(byte[] body) {
        countCall();
        Instant now = cloud.clock().instant();
        if (body.length > MAX_BODY_BYTES) {
            throw invalid("the request body is larger than 512 KB");
        }
        JsonNode req;
        try {
            req = MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw invalid("the request body is not JSON");
        }
        JsonNode metrics = req.path("metrics");
        if (!metrics.isArray() || metrics.isEmpty() || metrics.size() > MAX_METRICS) {
            throw invalid("metrics must hold 1 to " + MAX_METRICS + " metrics");
        }
        JsonNode periodNode = req.path("period");
        if (!periodNode.isTextual() || !periodNode.asText().matches("\\d+")
                || !PERIODS.contains(Long.parseLong(periodNode.asText()))) {
            throw invalid("period must be one of \"1\", \"300\", \"1200\", \"3600\", \"14400\", \"86400\"");
        }
        if (!"max".equals(req.path("filter").asText()) && !"average".equals(req.path("filter").asText())) {
            throw invalid("this sandbox serves the filters max and average");
        }
        long periodMs = Long.parseLong(periodNode.asText()) * 1000;
        long from = req.path("from").asLong(-1);
        long to = req.path("to").asLong(-1);
        if (from < 0 || to <= from) {
            throw invalid("from and to must be times in milliseconds, from before to");
        }
        long allowed = MAX_POINTS * periodMs / metrics.size();
        if (to - from > allowed) {
            from = to - allowed; // what Cloud Eye does: no error, the oldest data is left out
        }
        settleGrowth();
        queries++;
        Map<String, List<Sized>> sizes = new HashMap<>();
        for (JsonNode m : metrics) {
            for (JsonNode d : m.path("dimensions")) {
                Mount mount = "mount_point".equals(d.path("name").asText()) ? byValue.get(d.path("value").asText())
                        : null;
                if (mount != null) {
                    mount.volumeIds().forEach(id -> sizes.computeIfAbsent(id,
                            k -> List.copyOf(fsSizes.getOrDefault(k, List.of()))));
                }
            }
        }
        return new Admitted(metrics, from, Math.min(to, now.toEpochMilli()), periodMs, req.path("filter").asText(),
                sizes);
    }

    private ObjectNode metric(JsonNode m, long from, long to, long periodMs, String filter,
                              Map<String, List<Sized>> sizes) {
        String name = m.path("metric_name").asText();
        String instance = null;
        String mountValue = null;
        for (JsonNode d : m.path("dimensions")) {
            if ("instance_id".equals(d.path("name").asText())) {
                instance = d.path("value").asText();
            } else if ("mount_point".equals(d.path("name").asText())) {
                mountValue = d.path("value").asText();
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("namespace", m.path("namespace").asText());
        out.put("metric_name", name);
        ArrayNode dims = out.putArray("dimensions");
        m.path("dimensions").forEach(d -> dims.addObject().put("name", d.path("name").asText())
                .put("value", d.path("value").asText()));
        out.put("unit", "disk_usedPercent".equals(name) ? "%" : "GB");
        ArrayNode points = out.putArray("datapoints");
        Mount mount = mountValue == null ? null : byValue.get(mountValue);
        if (!"AGT.ECS".equals(m.path("namespace").asText()) || mount == null || !mount.serverId().equals(instance)
                || !Set.of("disk_usedPercent", "disk_total", "disk_used").contains(name)) {
            return out; // Cloud Eye answers an unknown metric with no data points
        }
        for (long bucket = Math.floorDiv(from, periodMs) * periodMs; bucket < to; bucket += periodMs) {
            long first = Math.max(bucket, from);
            long last = Math.min(bucket + periodMs, to) - 1;
            if (last < first) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (long hour = Math.floorDiv(first, HOUR_MS); hour <= Math.floorDiv(last, HOUR_MS); hour++) {
                // the latest moment of this hour in the bucket: the file system's size at that moment
                Instant at = Instant.ofEpochMilli(Math.min(last, (hour + 1) * HOUR_MS - 1));
                double v = value(mount, name, hour, at, sizes);
                max = Math.max(max, v);
                sum += v;
                n++;
            }
            double v = "max".equals(filter) ? max : sum / n;
            points.addObject().put(filter, Math.round(v * 100) / 100.0).put("timestamp", bucket);
        }
        return out;
    }

    /** The metric of a mount during one hour (hours since the epoch), with the file system's size at {@code at}. */
    private double value(Mount mount, String metric, long hour, Instant at, Map<String, List<Sized>> sizes) {
        double days = (hour * HOUR_MS - start.toEpochMilli()) / (double) DAY_MS;
        double noise = (Math.floorMod(mix(mount.seed() + hour), 1000) / 1000.0 - 0.5) * 0.6;
        double percentOfBase = Math.max(1, Math.min(99.5, mount.profile().at(days) + noise));
        double total = 0;
        for (String id : mount.volumeIds()) {
            total += FS_SHARE * sizeAt(sizes.getOrDefault(id, List.of()), at);
        }
        double used = Math.min(total, mount.baseTotal() * percentOfBase / 100);
        return switch (metric) {
            case "disk_total" -> total;
            case "disk_used" -> used;
            default -> used / total * 100;
        };
    }

    private static long sizeAt(List<Sized> sizes, Instant at) {
        long size = 0;
        for (Sized s : sizes) {
            if (!s.at().isAfter(at) || size == 0) {
                size = s.sizeGb();
            }
        }
        return size;
    }

    private static SandboxError invalid(String why) {
        return SandboxError.gateway(400, "ces.0014", "The request parameter is invalid: " + why + ".");
    }

    private static int intParam(Map<String, String> q, String name, int fallback) {
        String v = q.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a number");
        }
    }

    /** Cloud Eye's opaque dimension value: 32 hexadecimal characters. */
    static String opaque(String serverId, String dimName, String origin) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((serverId + "|" + dimName + "|" + origin)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    /** The origin values of the mount points of a server, for tests and demos; empty without an agent. */
    public synchronized List<String> mountPoints(String serverId) {
        return mounts.getOrDefault(serverId, List.of()).stream().map(Mount::origin).toList();
    }

    /** Every mount point with its volumes, for tests: origin value → volume ids, per server. */
    public synchronized Map<String, List<String>> volumesByMountPoint(String serverId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        mounts.getOrDefault(serverId, List.of()).forEach(m -> out.put(m.origin(), m.volumeIds()));
        return out;
    }
}
