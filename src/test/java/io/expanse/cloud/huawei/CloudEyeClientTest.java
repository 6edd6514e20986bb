package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import io.expanse.cloud.huawei.DiskUsageApi.AgentState;
import io.expanse.cloud.huawei.DiskUsageApi.DiskMetric;
import io.expanse.cloud.huawei.DiskUsageApi.MetricData;
import io.expanse.cloud.huawei.DiskUsageApi.MetricQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The Cloud Eye client against a scripted server: URLs, bodies, batching, throttling, servers without agent. */
class CloudEyeClientTest extends ClientFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEyeClient cloudEye(int concurrency) {
        return builder(Credentials.permanent(AK, SK)).buildCloudEye(pages, concurrency);
    }

    private static List<MetricQuery> queries(int n) {
        List<MetricQuery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MetricQuery("server-" + i, String.format("%032x", i), DiskMetric.USED_PERCENT));
        }
        return out;
    }

    @Test
    void agentDimensionsAreReadPerServerWithTheirDiskAndCached() throws Exception {
        server.enqueue(json(200, "{\"dimensions\":[{\"name\":\"mount_point\",\"value\":\"aaaa\",\"origin_value\":\"/\"},"
                + "{\"name\":\"mount_point\",\"value\":\"bbbb\",\"origin_value\":\"/data\"}],\"count\":2}"));
        server.enqueue(json(200, "{\"dimensions\":[{\"name\":\"disk\",\"value\":\"cccc\",\"origin_value\":\"vdb\"}],"
                + "\"count\":1}"));
        CloudEyeClient client = cloudEye(1);
        AgentDimensions d = client.agentDimensions(List.of("srv-1")).get("srv-1");
        assertEquals(AgentState.AGENT, d.state());
        assertEquals(List.of("/", "/data"), d.mountPoints().stream().map(DiskUsageApi.AgentDimension::originValue)
                .toList());
        assertEquals("vdb", d.disks().get(0).originValue());
        RecordedRequest mounts = takeSigned();
        assertEquals("GET", mounts.getMethod());
        assertEquals("/v2/" + PID + "/instances/srv-1/agent-dimensions?dim_name=mount_point&limit=100&offset=0",
                mounts.getTarget());
        assertEquals("/v2/" + PID + "/instances/srv-1/agent-dimensions?dim_name=disk&limit=100&offset=0",
                takeSigned().getTarget());
        assertEquals(d, client.agentDimensions(List.of("srv-1")).get("srv-1"));
        assertEquals(2, server.getRequestCount(), "the second read came from the cache");
    }

    @Test
    void onlyServersWithoutKeptOrWithChangedAttachmentsAreCountedAsToRead() throws Exception {
        server.enqueue(json(200, "{\"dimensions\":[{\"name\":\"mount_point\",\"value\":\"aaaa\",\"origin_value\":\"/\"}],"
                + "\"count\":1}"));
        CloudEyeClient client = cloudEye(1);
        assertEquals(2, client.dimensionsToRead(Map.of("srv-1", "v1=/dev/vda", "srv-2", "v2=/dev/vda")));
        client.agentDimensions(Map.of("srv-1", "v1=/dev/vda"));
        assertEquals(1, client.dimensionsToRead(Map.of("srv-1", "v1=/dev/vda", "srv-2", "v2=/dev/vda")),
                "srv-1 is kept");
        assertEquals(2, client.dimensionsToRead(Map.of("srv-1", "v1=/dev/vda,v3=/dev/vdb", "srv-2", "v2=/dev/vda")),
                "a disk attached to srv-1 since: asked again");
        assertEquals(1, server.getRequestCount(), "counting asks nothing");
    }

    @Test
    void aServerWithOnlyItsSystemMountNeedsNoDiskList() throws Exception {
        server.enqueue(json(200, "{\"dimensions\":[{\"name\":\"mount_point\",\"value\":\"aaaa\","
                + "\"origin_value\":\"C:\\\\\"}],\"count\":1}"));
        AgentDimensions d = cloudEye(1).agentDimensions(List.of("win")).get("win");
        assertEquals(AgentState.AGENT, d.state());
        assertEquals(List.of(), d.disks());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void noAgentRefusedAndUnreadServersDoNotStopTheOthers() throws Exception {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String t = r.getTarget();
                if (t.contains("/empty/")) {
                    return json(200, "{\"dimensions\":[],\"count\":0}");
                } else if (t.contains("/refused/")) {
                    return json(400, "{\"error_code\":\"ces.0014\",\"error_msg\":\"The agent cannot be queried.\"}");
                } else if (t.contains("/down/")) {
                    return json(503, "{\"error_code\":\"ces.0503\",\"error_msg\":\"Service unavailable.\"}");
                }
                return json(200, "{\"dimensions\":[{\"name\":\"mount_point\",\"value\":\"aaaa\","
                        + "\"origin_value\":\"/\"}],\"count\":1}");
            }
        });
        CloudEyeClient client = cloudEye(2);
        Map<String, AgentDimensions> d = client.agentDimensions(List.of("empty", "refused", "down", "fine"));
        assertEquals(List.of("empty", "refused", "down", "fine"), List.copyOf(d.keySet()));
        assertEquals(AgentState.NO_AGENT, d.get("empty").state());
        assertEquals(CloudEyeClient.noMountPoint(), d.get("empty").reason());
        assertEquals(AgentState.NO_AGENT, d.get("refused").state());
        assertTrue(d.get("refused").reason().contains("refused"), d.get("refused").reason());
        assertEquals(AgentState.UNREAD, d.get("down").state());
        assertEquals(AgentState.AGENT, d.get("fine").state());
        int before = server.getRequestCount();
        client.agentDimensions(List.of("empty", "refused", "down", "fine"));
        assertEquals(before + 4, server.getRequestCount(), "only the unread server is asked again (4 attempts)");
    }

    @Test
    void metricsAreSplitAt500PerCallAndTheBodyIsCloudEyes() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, "{\"metrics\":[]}"));
        }
        Instant to = NOW;
        MetricData data = cloudEye(1).metricData(queries(1001), to.minus(Duration.ofMinutes(15)), to, 300);
        assertEquals(3, data.calls());
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = takeSigned();
            assertEquals("POST", r.getMethod());
            assertEquals("/V1.0/" + PID + "/batch-query-metric-data", r.getTarget());
            JsonNode body = JSON.readTree(r.getBody().utf8());
            sizes.add(body.get("metrics").size());
            assertTrue(body.get("period").isTextual(), "period is a string");
            assertEquals("300", body.get("period").asText());
            assertEquals("max", body.get("filter").asText());
            assertEquals(to.minus(Duration.ofMinutes(15)).toEpochMilli(), body.get("from").asLong());
            assertEquals(to.toEpochMilli(), body.get("to").asLong());
            JsonNode m = body.get("metrics").get(0);
            assertEquals("AGT.ECS", m.get("namespace").asText());
            assertEquals("disk_usedPercent", m.get("metric_name").asText());
            assertEquals("instance_id", m.get("dimensions").get(0).get("name").asText());
            assertEquals("mount_point", m.get("dimensions").get(1).get("name").asText());
        }
        assertEquals(List.of(500, 500, 1), sizes);
    }

    @Test
    void sevenDailyPointsAllow428MetricsACall() {
        List<MetricBatches.Batch> b = MetricBatches.plan(queries(1000), NOW.minus(Duration.ofDays(7)), NOW, 86_400);
        // 3000 / 7 = 428.6: 428 metrics of 7 points each is 2996 points
        assertEquals(List.of(428, 428, 144), b.stream().map(x -> x.queries().size()).toList());
        b.forEach(x -> assertTrue(x.queries().size() * 7 <= 3000));
    }

    @Test
    void aSpanLongerThan3000PeriodsIsCutIntoWindows() {
        Instant from = NOW.minus(Duration.ofHours(4000));
        List<MetricBatches.Batch> b = MetricBatches.plan(queries(2), from, NOW, 3600);
        assertEquals(3, b.size(), "two windows: 3000 h, one metric a call; 1000 h, both in one call");
        assertEquals(from, b.get(0).from());
        assertEquals(from.plus(Duration.ofHours(3000)), b.get(0).to());
        assertEquals(1, b.get(0).queries().size());
        assertEquals(2, b.get(2).queries().size());
        assertEquals(from.plus(Duration.ofHours(3000)), b.get(2).from());
        assertEquals(NOW, b.get(2).to());
    }

    @Test
    void theBodyStaysUnder512Kb() {
        List<DiskUsageApi.MetricQuery> long4k = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long4k.add(new MetricQuery("s".repeat(4000) + i, "m" + i, DiskMetric.TOTAL_GB));
        }
        List<MetricBatches.Batch> b = MetricBatches.plan(long4k, NOW.minus(Duration.ofMinutes(5)), NOW, 300);
        assertTrue(b.size() >= 3, "300 metrics of about 4 KB each need at least 3 calls: " + b.size());
        b.forEach(x -> assertTrue(x.body().length <= 512 * 1024, "body " + x.body().length));
        assertEquals(300, b.stream().mapToInt(x -> x.queries().size()).sum());
    }

    @Test
    void throttledCallsBackOffAsToldAndThenAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .addHeader("Content-Type", "application/json")
                .body("{\"error_code\":\"ces.0429\",\"error_msg\":\"The request is too frequent.\"}").build());
        MetricQuery q = queries(1).get(0);
        server.enqueue(json(200, "{\"metrics\":[{\"namespace\":\"AGT.ECS\",\"metric_name\":\"disk_usedPercent\","
                + "\"dimensions\":[{\"name\":\"instance_id\",\"value\":\"server-0\"},{\"name\":\"mount_point\","
                + "\"value\":\"" + q.mountPointValue() + "\"}],\"unit\":\"%\",\"datapoints\":["
                + "{\"max\":91.5,\"timestamp\":1740700800000},{\"max\":90.25,\"timestamp\":1740614400000}]}]}"));
        MetricData data = cloudEye(1).metricData(List.of(q), NOW.minus(Duration.ofDays(2)), NOW, 86_400);
        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
        assertEquals(Map.of(), data.unread());
        var points = data.series().get(q).points();
        assertEquals(List.of(90.25, 91.5), points.stream().map(DiskUsageApi.Point::max).toList(), "oldest first");
        assertEquals("%", data.series().get(q).unit());
    }

    @Test
    void aCallThatKeepsFailingLeavesItsQueriesUnreadAndTheOthersAnswered() throws Exception {
        server.enqueue(json(200, "{\"metrics\":[]}"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(500, "{\"error_code\":\"ces.0500\",\"error_msg\":\"Internal error.\"}"));
        }
        MetricData data = cloudEye(1).metricData(queries(501), NOW.minus(Duration.ofMinutes(15)), NOW, 300);
        assertEquals(500, data.series().size());
        assertEquals(1, data.unread().size());
        assertTrue(data.series().values().stream().allMatch(s -> s.points().isEmpty()), "no data is no points");
    }

    @Test
    void twoReadsGoOutSideBySideAndEachGetsItsOwnAnswers() throws Exception {
        java.util.concurrent.CountDownLatch bothIn = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.atomic.AtomicBoolean together = new java.util.concurrent.atomic.AtomicBoolean(true);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                bothIn.countDown();
                if (!bothIn.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    together.set(false);
                }
                try {
                    JsonNode body = JSON.readTree(request.getBody().utf8());
                    JsonNode m = body.get("metrics").get(0);
                    double value = "86400".equals(body.get("period").asText()) ? 61.5 : 72.25;
                    return json(200, "{\"metrics\":[{\"namespace\":\"AGT.ECS\",\"metric_name\":\""
                            + m.get("metric_name").asText() + "\",\"dimensions\":" + m.get("dimensions")
                            + ",\"unit\":\"%\",\"datapoints\":[{\"max\":" + value + ",\"timestamp\":"
                            + NOW.minus(Duration.ofMinutes(5)).toEpochMilli() + "}]}]}");
                } catch (java.io.IOException e) {
                    return json(400, "{}");
                }
            }
        });
        MetricQuery week = new MetricQuery("server-1", "aaaa", DiskMetric.USED_PERCENT);
        MetricQuery latest = new MetricQuery("server-1", "aaaa", DiskMetric.USED_PERCENT);
        List<MetricData> data = cloudEye(2).metricData(List.of(
                new DiskUsageApi.MetricRead(List.of(week), NOW.minus(Duration.ofDays(7)), NOW, 86_400),
                new DiskUsageApi.MetricRead(List.of(latest), NOW.minus(Duration.ofMinutes(15)), NOW, 300)));

        assertTrue(together.get(), "the latest minutes were asked while the week was still out");
        assertEquals(2, server.getRequestCount());
        assertEquals(1, data.get(0).calls());
        assertEquals(61.5, data.get(0).series().get(week).points().get(0).max(), 1e-9);
        assertEquals(72.25, data.get(1).series().get(latest).points().get(0).max(), 1e-9);
    }
}
