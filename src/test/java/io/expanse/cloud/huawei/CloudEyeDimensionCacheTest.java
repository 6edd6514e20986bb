package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.DiskUsageApi.AgentDimension;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import io.expanse.cloud.huawei.DiskUsageApi.AgentState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kept agent dimensions of {@link CloudEyeClient}: used while fresh, asked again when old, when the server's
 * attachments changed or when the metric list shows a mount point they lack; servers the metric list does not show
 * are "no agent" without a call; only what is needed is asked.
 */
class CloudEyeDimensionCacheTest extends ClientFixture {

    /** A store in memory that counts saves. */
    static final class MemoryStore implements DimensionStore {
        final Map<String, Entry> kept = new HashMap<>();
        int saves;

        @Override
        public Map<String, Entry> load() {
            return new HashMap<>(kept);
        }

        @Override
        public void save(Map<String, Entry> entries) {
            saves++;
            kept.clear();
            kept.putAll(entries);
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final List<String> targets = Collections.synchronizedList(new ArrayList<>());
    /** Server id → its mount point values in the metric list; null: the list is refused. */
    private Map<String, List<String>> listed = new LinkedHashMap<>();

    @BeforeEach
    void answer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String t = r.getTarget();
                targets.add(t);
                if (t.startsWith("/V1.0/" + PID + "/metrics?")) {
                    return metricList(t);
                }
                String id = t.replaceAll(".*/instances/([^/]+)/agent-dimensions.*", "$1");
                if (t.contains("dim_name=mount_point")) {
                    String origin = id.startsWith("sys") ? "/" : "/data";
                    return json(200, "{\"dimensions\":[{\"name\":\"mount_point\",\"value\":\"m-" + id
                            + "\",\"origin_value\":\"" + origin + "\"}],\"count\":1}");
                }
                return json(200, "{\"dimensions\":[{\"name\":\"disk\",\"value\":\"d-" + id
                        + "\",\"origin_value\":\"vdb\"}],\"count\":1}");
            }
        });
    }

    /** One metric per listed mount point, two a page (so paging shows), marker = the index of the next one. */
    private MockResponse metricList(String target) {
        if (listed == null) {
            return json(403, "{\"error_code\":\"ces.0015\",\"error_msg\":\"Not allowed.\"}");
        }
        List<String[]> all = new ArrayList<>();
        listed.forEach((id, mounts) -> mounts.forEach(m -> all.add(new String[] {id, m})));
        int from = target.contains("start=") ? Integer.parseInt(target.replaceAll(".*start=(\\d+).*", "$1")) : 0;
        int to = Math.min(all.size(), from + 2);
        StringBuilder b = new StringBuilder("{\"metrics\":[");
        for (int i = from; i < to; i++) {
            b.append(i > from ? "," : "").append("{\"namespace\":\"AGT.ECS\",\"metric_name\":\"disk_usedPercent\","
                    + "\"unit\":\"%\",\"dimensions\":[{\"name\":\"instance_id\",\"value\":\"").append(all.get(i)[0])
                    .append("\"},{\"name\":\"mount_point\",\"value\":\"").append(all.get(i)[1]).append("\"}]}");
        }
        b.append("],\"meta_data\":{\"count\":").append(to - from).append(",\"total\":").append(all.size())
                .append(",\"marker\":\"").append(to < all.size() ? Integer.toString(to) : "").append("\"}}");
        return json(200, b.toString());
    }

    private Instant now = NOW;
    private final CallRateLimitTest.FakeTicker ticker = new CallRateLimitTest.FakeTicker();

    private CloudEyeClient cloudEye() {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return builder(Credentials.permanent(AK, SK)).buildCloudEye(pages, 4, store, clock,
                new CallRateLimit(500, 60_000_000_000L, ticker));
    }

    private static Map<String, String> servers(String... idAndAttachments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < idAndAttachments.length; i += 2) {
            out.put(idAndAttachments[i], idAndAttachments[i + 1]);
        }
        return out;
    }

    private long asked(String what) {
        return targets.stream().filter(t -> t.contains(what)).count();
    }

    private static DimensionStore.Entry entry(String id, Instant readAt, String attachments) {
        return new DimensionStore.Entry(new AgentDimensions(id, AgentState.AGENT,
                List.of(new AgentDimension("mount_point", "m-" + id, "/data")),
                List.of(new AgentDimension("disk", "d-" + id, "vdb")), null), readAt, attachments);
    }

    @Test
    void keptDimensionsAreUsedWithoutAnyCall() throws Exception {
        store.kept.put("app-1", entry("app-1", NOW.minus(Duration.ofHours(23)), "v1=/dev/vdb"));
        AgentDimensions d = cloudEye().agentDimensions(servers("app-1", "v1=/dev/vdb")).get("app-1");
        assertEquals(AgentState.AGENT, d.state());
        assertEquals("vdb", d.disks().get(0).originValue());
        assertEquals(List.of(), targets, "nothing asked");
        assertEquals(0, store.saves, "nothing new to keep");
    }

    @Test
    void dimensionsOlderThanTheirLifetimeAreAskedAgainAndKeptWithTheNewTime() throws Exception {
        store.kept.put("app-1", entry("app-1", NOW.minus(CloudEyeClient.DIMENSIONS_LIFETIME), "v1=/dev/vdb"));
        cloudEye().agentDimensions(servers("app-1", "v1=/dev/vdb"));
        assertEquals(1, asked("app-1/agent-dimensions?dim_name=mount_point"));
        assertEquals(1, asked("app-1/agent-dimensions?dim_name=disk"));
        assertEquals(NOW, store.kept.get("app-1").readAt());
        assertEquals("v1=/dev/vdb", store.kept.get("app-1").attachments());
    }

    @Test
    void aServerWhoseAttachmentsChangedIsAskedAgain() throws Exception {
        store.kept.put("app-1", entry("app-1", NOW.minus(Duration.ofMinutes(5)), "v1=/dev/vdb"));
        store.kept.put("app-2", entry("app-2", NOW.minus(Duration.ofMinutes(5)), "v2=/dev/vdb"));
        cloudEye().agentDimensions(servers("app-1", "v1=/dev/vdb,v9=/dev/vdc", "app-2", "v2=/dev/vdb"));
        assertEquals(1, asked("app-1/agent-dimensions?dim_name=mount_point"));
        assertEquals(0, asked("app-2/"));
    }

    @Test
    void anEntryForAnotherServerOrOneThatFailedIsNotUsed() throws Exception {
        store.kept.put("app-1", entry("app-2", NOW, null)); // filed under the wrong id: not trusted
        store.kept.put("app-3", new DimensionStore.Entry(AgentDimensions.unread("app-3", "down"), NOW, null));
        Map<String, AgentDimensions> d = cloudEye().agentDimensions(servers("app-1", "a", "app-3", "b"));
        assertEquals("m-app-1", d.get("app-1").mountPoints().get(0).value());
        assertEquals(1, asked("app-1/agent-dimensions?dim_name=mount_point"));
        assertEquals(1, asked("app-3/agent-dimensions?dim_name=mount_point"));
    }

    @Test
    void aRestartedClientReadsWhatTheFirstKept() throws Exception {
        cloudEye().agentDimensions(servers("app-1", "v1=/dev/vdb"));
        int calls = targets.size();
        assertEquals(2, calls);
        AgentDimensions again = cloudEye().agentDimensions(servers("app-1", "v1=/dev/vdb")).get("app-1");
        assertEquals(calls, targets.size(), "the second client asked nothing");
        assertEquals("d-app-1", again.disks().get(0).value());
    }

    @Test
    void aServerWithOnlyTheSystemMountIsNotAskedForItsDisks() throws Exception {
        AgentDimensions d = cloudEye().agentDimensions(servers("sys-1", "v0=/dev/vda")).get("sys-1");
        assertEquals(AgentState.AGENT, d.state());
        assertEquals(List.of(), d.disks());
        assertEquals(1, asked("sys-1/agent-dimensions?dim_name=mount_point"));
        assertEquals(0, asked("dim_name=disk"));
    }

    @Test
    void withManyServersToAskTheMetricListSparesServersWithoutAgentMetrics() throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            all.put("app-" + i, "v" + i + "=/dev/vdb");
        }
        for (int i = 0; i < 10; i += 2) {
            listed.put("app-" + i, List.of("m-app-" + i)); // only the even ones report disk metrics
        }
        Map<String, AgentDimensions> d = cloudEye().agentDimensions(all);
        assertEquals(3, asked("/V1.0/" + PID + "/metrics?"), "five metrics, two a page");
        assertEquals("/V1.0/" + PID + "/metrics?limit=1000&metric_name=disk_usedPercent&namespace=AGT.ECS",
                targets.get(0));
        assertTrue(targets.stream().anyMatch(t -> t.endsWith("&start=2")), targets.toString());
        for (int i = 0; i < 10; i++) {
            String id = "app-" + i;
            if (i % 2 == 0) {
                assertEquals(AgentState.AGENT, d.get(id).state(), id);
                assertEquals(1, asked(id + "/agent-dimensions?dim_name=mount_point"), id);
            } else {
                assertEquals(AgentState.NO_AGENT, d.get(id).state(), id);
                assertEquals(CloudEyeClient.noAgentMetrics(), d.get(id).reason());
                assertEquals(0, asked(id + "/"), id);
            }
        }
    }

    @Test
    void aMountPointTheCacheLacksIsAskedAgainAndAnOldEntryTheListConfirmsIsKept() throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            String id = "app-" + i;
            all.put(id, "v" + i);
            store.kept.put(id, entry(id, NOW.minus(Duration.ofDays(2)), "v" + i));
            listed.put(id, List.of("m-" + id));
        }
        listed.put("app-3", List.of("m-app-3", "new-mount")); // a file system the kept entry does not know
        cloudEye().agentDimensions(all);
        assertEquals(1, asked("app-3/agent-dimensions?dim_name=mount_point"));
        assertEquals(1, asked("/agent-dimensions?dim_name=mount_point"), "only app-3: " + targets);
        assertEquals(NOW, store.kept.get("app-0").readAt(), "confirmed by the list: good for another day");
    }

    @Test
    void whenTheMetricListIsRefusedEveryServerIsAskedDirectly() throws Exception {
        listed = null;
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            all.put("app-" + i, "v" + i);
        }
        Map<String, AgentDimensions> d = cloudEye().agentDimensions(all);
        assertEquals(8, asked("/agent-dimensions?dim_name=mount_point"));
        d.values().forEach(a -> assertEquals(AgentState.AGENT, a.state()));
    }

    @Test
    void noAgentIsBelievedForAnHourOnly() throws Exception {
        store.kept.put("app-1", new DimensionStore.Entry(AgentDimensions.noAgent("app-1", "none"),
                NOW.minus(Duration.ofMinutes(59)), "v1"));
        store.kept.put("app-2", new DimensionStore.Entry(AgentDimensions.noAgent("app-2", "none"),
                NOW.minus(CloudEyeClient.NO_AGENT_LIFETIME), "v2"));
        Map<String, AgentDimensions> d = cloudEye().agentDimensions(servers("app-1", "v1", "app-2", "v2"));
        assertEquals(AgentState.NO_AGENT, d.get("app-1").state());
        assertEquals(AgentState.AGENT, d.get("app-2").state(), "asked again: the agent is there now");
        assertEquals(0, asked("app-1/"));
    }

    @Test
    void dimensionCallsAreNotHeldToTheMetricDataRateLimit() throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            all.put("app-" + i, "v" + i); // 300 servers: 600 calls, the metric list refused (1 call)
        }
        listed = null;
        CloudEyeClient c = cloudEye();
        c.agentDimensions(all);
        assertEquals(601, c.dimensionCalls());
        assertEquals(601, targets.size());
        long waited = ticker.waits.stream().mapToLong(Long::longValue).sum();
        assertEquals(0, waited, "600 dimension calls and a metric list wait for no turn (only metric data does)");
    }

    @Test
    void forgettingClearsTheKeptEntriesToo() throws Exception {
        store.kept.put("app-1", entry("app-1", NOW, "v1"));
        cloudEye().forgetDimensions();
        assertEquals(Map.of(), store.kept);
    }
}
