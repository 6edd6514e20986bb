package io.expanse.cloud.huawei;

import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import io.expanse.text.Texts;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * {@link DiskUsageApi} over the signed Huawei transport (retried reads, the shared HTTP layer). The metric query is
 * a POST that only asks, so it is retried like a read, including 429 {@code ces.0429} with its
 * {@code Retry-After}. At most {@code concurrency} calls run at once, on the given executor. Build with
 * {@link HuaweiClient.Builder#buildCloudEye}. Thread-safe.
 */
public final class CloudEyeClient implements DiskUsageApi {

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

    private final HuaweiTransport transport;
    private final URI ces;
    private final String projectId;
    private final Executor executor;
    private final int concurrency;
    private final Map<String, AgentDimensions> cache = new ConcurrentHashMap<>();

    CloudEyeClient(HuaweiTransport transport, URI ces, String projectId, Executor executor, int concurrency) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ces = Objects.requireNonNull(ces, "ces");
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    @Override
    public Map<String, AgentDimensions> agentDimensions(Collection<String> serverIds) throws InterruptedException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(serverIds));
        List<String> toRead = ids.stream().filter(id -> !cache.containsKey(id)).toList();
        List<AgentDimensions> read = bounded(toRead, this::readDimensions);
        for (AgentDimensions d : read) {
            if (d.state() != AgentState.UNREAD) {
                cache.put(d.serverId(), d);
            }
        }
        Map<String, AgentDimensions> fresh = new HashMap<>();
        read.forEach(d -> fresh.put(d.serverId(), d));
        Map<String, AgentDimensions> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, fresh.containsKey(id) ? fresh.get(id) : cache.get(id));
        }
        return out;
    }

    @Override
    public void forgetDimensions() {
        cache.clear();
    }

    private AgentDimensions readDimensions(String serverId) {
        try {
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
        }
    }

    /** The disks, or none when Cloud Eye refuses that question (the mount points then stay unmapped). */
    private List<AgentDimension> disksOrNone(String serverId) throws ApiException {
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

    private List<AgentDimension> dimensions(String serverId, String dimName) throws ApiException {
        String what = Texts.get("cloud.huawei.what.agentDimensions", dimName.replace('_', ' '), serverId);
        List<AgentDimension> out = new ArrayList<>();
        for (int page = 0; page < MAX_DIMENSION_PAGES; page++) {
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
        List<MetricBatches.Batch> batches = MetricBatches.plan(List.copyOf(new LinkedHashSet<>(queries)), from, to,
                periodSeconds);
        List<BatchAnswer> answers = bounded(batches, this::query);
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
        return new MetricData(series, unread, batches.size());
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
