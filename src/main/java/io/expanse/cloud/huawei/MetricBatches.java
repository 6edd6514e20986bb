package io.expanse.cloud.huawei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.cloud.huawei.DiskUsageApi.MetricQuery;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits metric queries into {@code batch-query-metric-data} calls within Cloud Eye's limits: at most
 * {@code maxMetrics} metrics and {@code maxBytes} of body per call, and metrics × (to − from) / period at most
 * {@code maxPoints} (Cloud Eye does not refuse more: it silently moves {@code from} later, so a call over the limit
 * would quietly lose the oldest days). A span longer than {@code maxPoints} periods is cut into windows first.
 * Pure: no HTTP.
 */
final class MetricBatches {

    /** One call: its time window, its queries and the exact body to send. */
    record Batch(Instant from, Instant to, List<MetricQuery> queries, byte[] body) {
    }

    private MetricBatches() {
    }

    static List<Batch> plan(List<MetricQuery> queries, Instant from, Instant to, int periodSeconds) {
        return plan(queries, from, to, periodSeconds, DiskUsageApi.MAX_METRICS_PER_CALL,
                DiskUsageApi.MAX_POINTS_PER_CALL, DiskUsageApi.MAX_BODY_BYTES);
    }

    static List<Batch> plan(List<MetricQuery> queries, Instant from, Instant to, int periodSeconds, int maxMetrics,
                            int maxPoints, int maxBytes) {
        Duration period = DiskUsageApi.period(periodSeconds);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        long periodMs = period.toMillis();
        long windowMs = Math.multiplyExact((long) maxPoints, periodMs);
        List<Batch> out = new ArrayList<>();
        if (queries.isEmpty()) {
            return out;
        }
        for (long start = from.toEpochMilli(); start < to.toEpochMilli(); start += windowMs) {
            long end = Math.min(to.toEpochMilli(), start + windowMs);
            long span = end - start;
            // metrics × span / period ≤ maxPoints
            int perCall = (int) Math.max(1, Math.min(maxMetrics, (long) maxPoints * periodMs / span));
            pack(queries, start, end, periodSeconds, perCall, maxBytes, out);
        }
        return out;
    }

    private static void pack(List<MetricQuery> queries, long from, long to, int periodSeconds, int perCall,
                             int maxBytes, List<Batch> out) {
        int overhead = size(body(List.of(), from, to, periodSeconds));
        List<MetricQuery> current = new ArrayList<>();
        int bytes = overhead;
        for (MetricQuery q : queries) {
            int entry = size(metric(q)) + 1; // and a comma
            if (!current.isEmpty() && (current.size() >= perCall || bytes + entry > maxBytes)) {
                out.add(batch(current, from, to, periodSeconds));
                current = new ArrayList<>();
                bytes = overhead;
            }
            current.add(q);
            bytes += entry;
        }
        if (!current.isEmpty()) {
            out.add(batch(current, from, to, periodSeconds));
        }
    }

    private static Batch batch(List<MetricQuery> queries, long from, long to, int periodSeconds) {
        return new Batch(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), List.copyOf(queries),
                bytes(body(queries, from, to, periodSeconds)));
    }

    /** {@code {"metrics":[…],"from":…,"to":…,"period":"86400","filter":"max"}}: period is a string. */
    static ObjectNode body(List<MetricQuery> queries, long from, long to, int periodSeconds) {
        ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
        ArrayNode metrics = body.putArray("metrics");
        queries.forEach(q -> metrics.add(metric(q)));
        body.put("from", from);
        body.put("to", to);
        body.put("period", Integer.toString(periodSeconds));
        body.put("filter", "max");
        return body;
    }

    private static ObjectNode metric(MetricQuery q) {
        ObjectNode m = HuaweiJson.MAPPER.createObjectNode();
        m.put("namespace", DiskUsageApi.NAMESPACE);
        m.put("metric_name", q.metric().metricName());
        ArrayNode dims = m.putArray("dimensions");
        dims.addObject().put("name", "instance_id").put("value", q.instanceId());
        dims.addObject().put("name", "mount_point").put("value", q.mountPointValue());
        return m;
    }

    private static int size(ObjectNode node) {
        return bytes(node).length;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return HuaweiJson.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
