package io.expanse.cloud.huawei;

import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import io.expanse.text.Texts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DiskUsageApi} over the signed Huawei transport (retried reads, the shared HTTP layer). The metric query is
 * a POST that only asks, so it is retried like a read, including 429 {@code ces.0429} with its
 * {@code Retry-After}. At most {@code concurrency} calls run at once, on the given executor. Build with
 * {@link HuaweiClient.Builder#buildCloudEye}. Thread-safe.
 */
public final class CloudEyeClient implements DiskUsageApi {

    private static final Logger LOG = LoggerFactory.getLogger(CloudEyeClient.class);

    /** Concurrent calls unless set otherwise. */
    public static final int DEFAULT_CONCURRENCY = 16;
    /** Dimensions per page of the agent-dimension list. */
    static final int DIMENSION_PAGE = 100;
    /** A guard against a {@code count} that never ends. */
    static final int MAX_DIMENSION_PAGES = 10;
    /** Why a server has no usage when its agent lists no mount point, in the language in use. */
    static String noMountPoint() {
        return Texts.get("usage.noMountPoint");
    }

    /** How long a server's dimensions are used before they are asked again. */
    static final Duration DIMENSIONS_LIFETIME = Duration.ofHours(24);
    /**
     * How long "no agent" is believed before the server is asked again: shorter, since installing the agent is what
     * the operator is told to do.
     */
    static final Duration NO_AGENT_LIFETIME = Duration.ofHours(1);
    /**
     * From this many servers to ask on, the agents' disk metrics are listed first (a few paged calls for the whole
     * project) so that servers without any are not asked at all; for fewer, asking them directly is cheaper.
     */
    static final int LIST_METRICS_FROM = 8;
    /** Metrics per page of the metric list (Cloud Eye's largest). */
    static final int METRIC_PAGE = 1000;
    /** A guard against a marker that never ends: 100,000 metrics. */
    static final int MAX_METRIC_PAGES = 100;

    private final HuaweiTransport transport;
    private final URI ces;
    private final String projectId;
    private final Executor executor;
    private final int concurrency;
    private final DimensionStore store;
    private final Clock clock;
    private final CallRateLimit rateLimit;
    /** Server id → what was read; filled from {@link #store} on first use. Guarded by itself. */
    private final Map<String, DimensionStore.Entry> cache = new HashMap<>();
    private boolean loaded;
    private final AtomicInteger dimensionCalls = new AtomicInteger();

    CloudEyeClient(HuaweiTransport transport, URI ces, String projectId, Executor executor, int concurrency) {
        this(transport, ces, projectId, executor, concurrency, DimensionStore.NONE, Clock.systemUTC(),
                CallRateLimit.perMinute(CallRateLimit.CLOUD_EYE_CALLS_PER_MINUTE));
    }

    CloudEyeClient(HuaweiTransport transport, URI ces, String projectId, Executor executor, int concurrency,
                   DimensionStore store, Clock clock, CallRateLimit rateLimit) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ces = Objects.requireNonNull(ces, "ces");
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /** How many agent-dimension and metric-list calls this client has made (for tests and the benchmark). */
    public int dimensionCalls() {
        return dimensionCalls.get();
    }

    @Override
    public Map<String, AgentDimensions> agentDimensions(Collection<String> serverIds) throws InterruptedException {
        Map<String, String> unknown = new LinkedHashMap<>();
        serverIds.forEach(id -> unknown.put(id, null));
        return agentDimensions(unknown);
    }

    /**
     * Each server's dimensions from the cache where they are still good: read less than
     * {@link #DIMENSIONS_LIFETIME} ago ({@link #NO_AGENT_LIFETIME} for "no agent"), with the same attachments, and
     * holding every mount point the metric list shows for it (when the list was read). The others are asked: first,
     * when there are {@link #LIST_METRICS_FROM} or more, the project's {@code disk_usedPercent} metrics are listed,
     * and a server without any is "no agent" without a call of its own; then the rest, {@code mount_point} and,
     * unless every mount point is the system one, {@code disk}. Every Cloud Eye call waits its turn under the
     * client's rate limit.
     */
    @Override
    public Map<String, AgentDimensions> agentDimensions(Map<String, String> attachmentsByServer)
            throws InterruptedException {
        Instant now = clock.instant();
        Map<String, DimensionStore.Entry> known = snapshot();
        List<String> stale = stale(attachmentsByServer, known, now);
        Map<String, Set<String>> listed = stale.size() >= LIST_METRICS_FROM ? listAgentMetrics() : null;
        Map<String, AgentDimensions> answered = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (String id : stale) {
            DimensionStore.Entry cached = known.get(id);
            if (listed != null && !listed.containsKey(id)) {
                answered.put(id, AgentDimensions.noAgent(id, noAgentMetrics()));
            } else if (listed != null && fresh(cached, attachmentsByServer.get(id), now, listed.get(id))) {
                answered.put(id, cached.dimensions()); // only its lifetime had run out, and the list confirms it
            } else {
                toRead.add(id);
            }
        }
        bounded(toRead, this::readDimensions).forEach(d -> answered.put(d.serverId(), d));
        if (!answered.isEmpty()) {
            remember(answered, attachmentsByServer, now);
        }
        Map<String, AgentDimensions> out = new LinkedHashMap<>();
        for (String id : attachmentsByServer.keySet()) {
            out.put(id, answered.containsKey(id) ? answered.get(id) : known.get(id).dimensions());
        }
        return out;
    }

    @Override
    public int dimensionsToRead(Map<String, String> attachmentsByServer) {
        return stale(attachmentsByServer, snapshot(), clock.instant()).size();
    }

    /** The servers whose kept dimensions cannot be used as they are ({@link #fresh}, without the metric list). */
    private static List<String> stale(Map<String, String> attachmentsByServer, Map<String, DimensionStore.Entry> known,
                                      Instant now) {
        List<String> out = new ArrayList<>();
        for (var e : attachmentsByServer.entrySet()) {
            if (!fresh(known.get(e.getKey()), e.getValue(), now, null)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Whether {@code entry} can be used without asking: read within its lifetime, with these attachments (unless
     * either is unknown), and, when {@code listedMounts} is given, holding every one of them.
     */
    static boolean fresh(DimensionStore.Entry entry, String attachments, Instant now, Set<String> listedMounts) {
        if (entry == null || entry.dimensions().state() == AgentState.UNREAD) {
            return false;
        }
        Duration lifetime = entry.dimensions().state() == AgentState.NO_AGENT ? NO_AGENT_LIFETIME
                : DIMENSIONS_LIFETIME;
        if (listedMounts == null && !now.isBefore(entry.readAt().plus(lifetime))) {
            return false;
        }
        if (entry.readAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            return false; // read "in the future": the clock was changed; do not trust it
        }
        if (attachments != null && entry.attachments() != null && !attachments.equals(entry.attachments())) {
            return false;
        }
        if (listedMounts != null) {
            Set<String> have = new HashSet<>();
            entry.dimensions().mountPoints().forEach(m -> have.add(m.value()));
            return entry.dimensions().state() == AgentState.AGENT && have.containsAll(listedMounts);
        }
        return true;
    }

    private Map<String, DimensionStore.Entry> snapshot() {
        synchronized (cache) {
            if (!loaded) {
                loaded = true;
                try {
                    store.load().forEach((id, e) -> {
                        if (id != null && e != null && id.equals(e.dimensions().serverId())) {
                            cache.put(id, e);
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.warn("Could not read the kept Cloud Eye dimensions; asking again", e);
                }
            }
            return new HashMap<>(cache);
        }
    }

    /** Keeps what was read (not what failed: asked again next time) in memory and in the store. */
    private void remember(Map<String, AgentDimensions> read, Map<String, String> attachmentsByServer, Instant now) {
        Map<String, DimensionStore.Entry> all;
        synchronized (cache) {
            read.forEach((id, d) -> {
                if (d.state() == AgentState.UNREAD) {
                    cache.remove(id);
                } else {
                    cache.put(id, new DimensionStore.Entry(d, now, attachmentsByServer.get(id)));
                }
            });
            all = new HashMap<>(cache);
        }
        try {
            store.save(all);
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the Cloud Eye dimensions", e);
        }
    }

    @Override
    public void forgetDimensions() {
        synchronized (cache) {
            loaded = true;
            cache.clear();
        }
        try {
            store.save(Map.of());
        } catch (RuntimeException e) {
            LOG.warn("Could not clear the kept Cloud Eye dimensions", e);
        }
    }

    /** Why a server is taken to have no agent when the metric list has nothing of it. */
    static String noAgentMetrics() {
        return Texts.get("usage.noAgentMetrics");
    }

    /**
     * Every server with agent disk metrics and the mount point values of them:
     * {@code GET /V1.0/{project_id}/metrics?namespace=AGT.ECS&metric_name=disk_usedPercent&limit=1000}, paged by
     * handing {@code meta_data.marker} back as {@code start} (the official SDK's {@code ces.v1 ListMetrics}) until
     * {@code meta_data.total} metrics were seen (without a total: until a page is short), the marker is empty or
     * repeats. Null
     * when the list could not be read (the servers are then asked one by one, as without it).
     */
    Map<String, Set<String>> listAgentMetrics() throws InterruptedException {
        Map<String, Set<String>> out = new HashMap<>();
        String marker = null;
        Set<String> seenMarkers = new HashSet<>();
        int seen = 0;
        String what = Texts.get("cloud.huawei.what.agentMetrics");
        try {
            for (int page = 0; page < MAX_METRIC_PAGES; page++) {
                List<QueryParam> query = new ArrayList<>(List.of(new QueryParam("namespace", NAMESPACE),
                        new QueryParam("metric_name", DiskMetric.USED_PERCENT.metricName()),
                        new QueryParam("limit", Integer.toString(METRIC_PAGE))));
                if (marker != null) {
                    query.add(new QueryParam("start", marker));
                }
                pace();
                JsonNode root = transport.get(what, ces, query, "V1.0", projectId, "metrics");
                HuaweiJson json = new HuaweiJson(what, 200);
                List<JsonNode> items = json.array(root, "metrics");
                for (JsonNode m : items) {
                    String instance = null;
                    String mount = null;
                    for (JsonNode d : m.path("dimensions")) {
                        String name = HuaweiJson.text(d, "name");
                        if ("instance_id".equals(name)) {
                            instance = HuaweiJson.text(d, "value");
                        } else if ("mount_point".equals(name)) {
                            mount = HuaweiJson.text(d, "value");
                        }
                    }
                    if (instance != null && mount != null) {
                        out.computeIfAbsent(instance, k -> new HashSet<>()).add(mount);
                    }
                }
                seen += items.size();
                JsonNode meta = root.path("meta_data");
                marker = HuaweiJson.text(meta, "marker");
                JsonNode total = meta.get("total");
                boolean complete = total != null && total.canConvertToInt() ? seen >= total.asInt()
                        : items.size() < METRIC_PAGE;
                if (items.isEmpty() || complete || marker == null || marker.isBlank() || !seenMarkers.add(marker)) {
                    return out;
                }
            }
            LOG.warn("The Cloud Eye metric list did not end after {} pages; asking each server", MAX_METRIC_PAGES);
            return null;
        } catch (ApiException e) {
            LOG.info("Could not list the Cloud Eye agent metrics ({}); asking each server", e.getMessage());
            return null;
        }
    }

    /**
     * Counts a dimension or metric-list call. UNCONFIRMED whether Cloud Eye's 500 calls a minute also hold for
     * these: the reference gives the limit for {@code batch-query-metric-data} only. Chosen: only that call waits
     * its turn under {@link #rateLimit}; these are read like every other GET, so a region that limits them too
     * answers 429 and the read backs off as told (Retry-After) instead of failing. Holding them to 500 a minute
     * without need would make a first read of 1,250 servers take four minutes instead of seconds.
     */
    private void pace() {
        dimensionCalls.incrementAndGet();
    }

    private AgentDimensions readDimensions(String serverId) {
        try {
            if (Thread.currentThread().isInterrupted()) {
                return AgentDimensions.unread(serverId, Texts.get("usage.interrupted"));
            }
            List<AgentDimension> mounts = dimensions(serverId, "mount_point");
            if (mounts.isEmpty()) {
                return AgentDimensions.noAgent(serverId, noMountPoint());
            }
            boolean onlySystem = mounts.stream().allMatch(m -> AgentDimensions.systemMount(m.originValue()));
            List<AgentDimension> disks = onlySystem ? List.of() : disksOrNone(serverId);
            return new AgentDimensions(serverId, AgentState.AGENT, mounts, disks, null);
        } catch (ApiException e) {
            return refused(e) ? AgentDimensions.noAgent(serverId,
                    Texts.get("usage.refused", e.operatorMessage()))
                    : AgentDimensions.unread(serverId, e.operatorMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AgentDimensions.unread(serverId, Texts.get("usage.interrupted"));
        }
    }

    /** The disks, or none when Cloud Eye refuses that question (the mount points then stay unmapped). */
    private List<AgentDimension> disksOrNone(String serverId) throws ApiException, InterruptedException {
        try {
            return dimensions(serverId, "disk");
        } catch (ApiException e) {
            if (refused(e)) {
                return List.of();
            }
            throw e;
        }
    }

    /** Refused for this server (not a passing failure): no point asking again this session. */
    private static boolean refused(ApiException e) {
        return switch (e.kind()) {
            case NOT_FOUND, REJECTED, PERMISSION, QUOTA -> true;
            default -> false;
        };
    }

    private List<AgentDimension> dimensions(String serverId, String dimName)
            throws ApiException, InterruptedException {
        String what = Texts.get("cloud.huawei.what.agentDimensions", dimName.replace('_', ' '), serverId);
        List<AgentDimension> out = new ArrayList<>();
        for (int page = 0; page < MAX_DIMENSION_PAGES; page++) {
            pace();
            JsonNode root = transport.get(what, ces, List.of(new QueryParam("dim_name", dimName),
                    new QueryParam("limit", Integer.toString(DIMENSION_PAGE)),
                    new QueryParam("offset", Integer.toString(out.size()))),
                    "v2", projectId, "instances", serverId, "agent-dimensions");
            HuaweiJson json = new HuaweiJson(what, 200);
            List<JsonNode> items = json.array(root, "dimensions");
            for (JsonNode d : items) {
                String value = HuaweiJson.text(d, "value");
                if (value != null) {
                    out.add(new AgentDimension(HuaweiJson.text(d, "name"), value, HuaweiJson.text(d, "origin_value")));
                }
            }
            JsonNode count = root.get("count");
            if (items.isEmpty() || count == null || !count.canConvertToInt() || out.size() >= count.asInt()) {
                return out;
            }
        }
        return out;
    }

    @Override
    public MetricData metricData(List<MetricQuery> queries, Instant from, Instant to, int periodSeconds)
            throws InterruptedException {
        return metricData(List.of(new MetricRead(queries, from, to, periodSeconds))).get(0);
    }

    /** Plans every read's calls, makes them all under one bound, then gives each read its answers. */
    @Override
    public List<MetricData> metricData(List<MetricRead> reads) throws InterruptedException {
        List<List<MetricBatches.Batch>> planned = new ArrayList<>(reads.size());
        List<MetricBatches.Batch> all = new ArrayList<>();
        for (MetricRead r : reads) {
            List<MetricBatches.Batch> batches = r.queries().isEmpty() ? List.of()
                    : MetricBatches.plan(List.copyOf(new LinkedHashSet<>(r.queries())), r.from(), r.to(),
                    r.periodSeconds());
            planned.add(batches);
            all.addAll(batches);
        }
        List<BatchAnswer> answers = bounded(all, this::query);
        List<MetricData> out = new ArrayList<>(reads.size());
        int from = 0;
        for (List<MetricBatches.Batch> batches : planned) {
            out.add(assemble(answers.subList(from, from + batches.size())));
            from += batches.size();
        }
        return out;
    }

    /** One read's series from the answers of its calls. */
    private static MetricData assemble(List<BatchAnswer> answers) {
        Map<MetricQuery, List<Point>> points = new LinkedHashMap<>();
        Map<MetricQuery, String> units = new HashMap<>();
        Map<MetricQuery, String> unread = new LinkedHashMap<>();
        for (BatchAnswer a : answers) {
            if (a.error != null) {
                a.batch.queries().forEach(q -> unread.put(q, a.error.operatorMessage()));
                continue;
            }
            for (MetricQuery q : a.batch.queries()) {
                points.computeIfAbsent(q, k -> new ArrayList<>()).addAll(a.points.getOrDefault(q, List.of()));
                if (a.units.containsKey(q)) {
                    units.put(q, a.units.get(q));
                }
            }
        }
        Map<MetricQuery, Series> series = new LinkedHashMap<>();
        points.forEach((q, p) -> {
            if (!unread.containsKey(q)) {
                List<Point> sorted = new ArrayList<>(p);
                sorted.sort((x, y) -> x.at().compareTo(y.at()));
                series.put(q, new Series(q, units.get(q), sorted));
            }
        });
        return new MetricData(series, unread, answers.size());
    }

    private static final class BatchAnswer {
        final MetricBatches.Batch batch;
        final Map<MetricQuery, List<Point>> points = new HashMap<>();
        final Map<MetricQuery, String> units = new HashMap<>();
        ApiException error;

        BatchAnswer(MetricBatches.Batch batch) {
            this.batch = batch;
        }
    }

    /** How an answered metric is matched to its query. */
    private record Key(String instanceId, String mountPoint, String metricName) {
        static Key of(MetricQuery q) {
            return new Key(q.instanceId(), q.mountPointValue(), q.metric().metricName());
        }

        static Key of(JsonNode metric) {
            String instance = null;
            String mount = null;
            for (JsonNode d : metric.path("dimensions")) {
                String name = HuaweiJson.text(d, "name");
                if ("instance_id".equals(name)) {
                    instance = HuaweiJson.text(d, "value");
                } else if ("mount_point".equals(name)) {
                    mount = HuaweiJson.text(d, "value");
                }
            }
            return new Key(instance, mount, HuaweiJson.text(metric, "metric_name"));
        }
    }

    private BatchAnswer query(MetricBatches.Batch batch) {
        BatchAnswer answer = new BatchAnswer(batch);
        String what = Texts.get("cloud.huawei.what.diskUsage", Integer.toString(batch.queries().size()));
        try {
            rateLimit.acquire();
            JsonNode root = transport.postRead(what, ces, batch.body(), "V1.0", projectId,
                    "batch-query-metric-data");
            HuaweiJson json = new HuaweiJson(what, 200);
            Map<Key, MetricQuery> asked = new HashMap<>();
            batch.queries().forEach(q -> asked.put(Key.of(q), q));
            for (JsonNode m : json.array(root, "metrics")) {
                MetricQuery q = asked.get(Key.of(m));
                if (q == null) {
                    continue; // not asked for: ignored
                }
                answer.units.put(q, HuaweiJson.text(m, "unit"));
                List<Point> p = answer.points.computeIfAbsent(q, k -> new ArrayList<>());
                for (JsonNode d : json.array(m, "datapoints")) {
                    JsonNode max = d.get("max");
                    JsonNode at = d.get("timestamp");
                    if (max != null && max.isNumber() && at != null && at.canConvertToLong()) {
                        p.add(new Point(Instant.ofEpochMilli(at.asLong()), max.asDouble()));
                    }
                }
            }
        } catch (ApiException e) {
            answer.error = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.error = new ApiException(ApiException.Kind.NETWORK, Texts.get("usage.interrupted"), e);
        }
        return answer;
    }

    /**
     * Runs {@code work} over {@code items} with at most {@link #concurrency} at once; results in input order.
     * {@code work} reports failures in its result, never by throwing.
     */
    private <T, R> List<R> bounded(List<T> items, Function<T, R> work) throws InterruptedException {
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(concurrency, items.size());
        List<CompletableFuture<Void>> running = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    results.set(i, work.apply(items.get(i)));
                }
            }, executor));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            next.set(items.size()); // the workers stop after their current call
            throw e;
        }
        List<R> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(results.get(i));
        }
        return out;
    }
}
