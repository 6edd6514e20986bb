package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.huawei.CloudEyeClient;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.usage.GrowthCheck.Growth;
import io.expanse.domain.usage.MountMapping.Ambiguity;
import io.expanse.domain.usage.SizeAdvice;
import io.expanse.domain.usage.TrendRules;
import io.expanse.sandbox.MutableClock;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.work.usage.DimensionCacheFile;
import io.expanse.work.usage.Expansion;
import io.expanse.work.usage.MountUsage;
import io.expanse.work.usage.UsageReader;
import io.expanse.work.usage.UsageReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage reader through the real Cloud Eye client against the sandbox's simulated agents: mapping, trends,
 * suggestions, servers without agent, the file system that has not grown, and Cloud Eye's call limit. The sandbox
 * and the client share a clock that retries move forward, so nothing waits for real.
 */
class UsageAgainstSandboxTest {

    private static final Instant START = Instant.parse("2025-03-01T10:17:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private SandboxCloud cloud;
    private SandboxServer server;
    private OkHttpClient http;
    private ExecutorService pool;
    private HuaweiClient evs;
    private CloudEyeClient ces;
    private HuaweiClient.Builder builder;

    @BeforeEach
    void start() {
        cloud = new SandboxCloud(SandboxSeed.standard(), clock, SandboxTimings.DEFAULT);
        server = SandboxServer.start(cloud);
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
        pool = Executors.newFixedThreadPool(8);
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofMinutes(2), d -> {
            sleeps.add(d);
            clock.advance(d);
        }, () -> 0.5);
        HuaweiClient.Builder b = HuaweiClient.builder().http(http).endpoints(server.endpoints())
                .credentials(server.credentials()).region(server.region()).projectId(server.projectId())
                .clock(clock).retry(retry).pageExecutor(pool);
        evs = b.build();
        ces = b.buildCloudEye(pool, 4);
        builder = b;
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private UsageReport read(List<Expansion> recent) throws Exception {
        List<Volume> volumes = evs.listVolumes();
        Map<String, ServerInfo> servers = evs.servers(volumes.stream().map(Volume::firstServerId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return new UsageReader(ces, clock).read(volumes, servers, recent);
    }

    private static String id(String name) {
        return SandboxSeed.volumeId(name);
    }

    @Test
    void theStandardSeedsUsageIsMappedTrendedAndSuggested() throws Exception {
        UsageReport r = read(List.of());

        MountUsage data01 = r.byVolume().get(id("data-01"));
        assertEquals("/data", data01.mountPoint());
        assertTrue(data01.percent() > 95, "data-01 is above 95 %: " + data01.percent());
        assertTrue(data01.attention());
        assertEquals(8, data01.lastWeek().size(), "daily maxima of six whole days and the two partial ones at the"
                + " ends of the seven days: " + data01.lastWeek());
        assertEquals(TrendRules.Outcome.RISING, data01.trend().outcome());
        assertEquals(SizeAdvice.Outcome.EXPAND, data01.suggestion().outcome());
        assertEquals(140, data01.suggestion().targetGb(), "100 GB at a 96-97 % peak → 70 % needs 140 GB");
        assertNotNull(data01.suggestion().daysBought());
        assertTrue(data01.totalGb() > 97 && data01.totalGb() < 99, "98 % of 100 GB: " + data01.totalGb());

        assertTrue(r.byVolume().get(id("sys-01")).attention(), "sys-01 is above 85 %");
        assertEquals("/", r.byVolume().get(id("sys-01")).mountPoint());
        MountUsage logs = r.byVolume().get(id("web-01-logs"));
        assertNotNull(logs.trend().cleanupAt(), "web-01-logs was cleaned up two days ago: " + logs.lastWeek());
        assertTrue(logs.percent() < 60, "after the cleanup: " + logs.percent());
        assertEquals(TrendRules.Outcome.FLAT, r.byVolume().get(id("billing-03")).trend().outcome());
        assertEquals(SizeAdvice.Outcome.NOT_NEEDED, r.byVolume().get(id("billing-03")).suggestion().outcome());
        MountUsage rising = r.byVolume().get(id("data-fail"));
        assertEquals(TrendRules.Outcome.RISING, rising.trend().outcome());
        assertTrue(rising.trend().daysUntilFull() > 15 && rising.trend().daysUntilFull() < 40,
                "about 26 days: " + rising.trend().daysUntilFull());

        MountUsage winC = r.byVolume().get(id("win-01-sys"));
        assertEquals("C:\\", winC.mountPoint());
        assertTrue(winC.attention());
        String win = SandboxSeed.serverId("win-01");
        MountUsage winD = r.byServer().stream().filter(u -> u.serverId().equals(win)).findFirst().orElseThrow();
        assertEquals(Ambiguity.UNKNOWN_DEVICE_NAMING, winD.ambiguity());
        assertEquals(List.of(id("data-32000")), winD.candidates());

        String pg = SandboxSeed.serverId("pg-01");
        MountUsage lvm = r.byServer().stream().filter(u -> u.serverId().equals(pg)).findFirst().orElseThrow();
        assertEquals("/data", lvm.mountPoint());
        assertEquals(Ambiguity.LVM, lvm.ambiguity());
        assertEquals(List.of(id("billing-01"), id("pg-data-01")), lvm.candidates());
        assertEquals(null, lvm.suggestion());
        assertEquals("/", r.byVolume().get(id("sys-1000")).mountPoint());

        assertEquals(java.util.Set.of(SandboxSeed.serverId("batch-01"), SandboxSeed.serverId("etl-01")),
                r.withoutAgent().keySet());
        assertEquals(Map.of(), r.unread());
        assertEquals(2, r.metricCalls(), "every mount point in one weekly and one recent call");
        assertTrue(r.needingAttention().stream().anyMatch(u -> u.volumeId() != null
                && u.volumeId().equals(id("web-02-data"))));
    }

    @Test
    void aDiskThatGrewWhileItsFileSystemDidNotIsFoundAnHourOn() throws Exception {
        evs.resize(id("data-01"), 200, null);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(200, evs.getVolume(id("data-01")).sizeGb());
        Instant done = clock.instant();
        List<Expansion> recent = List.of(new Expansion(id("data-01"), 100, 200, done));

        MountUsage soon = read(recent).byVolume().get(id("data-01"));
        assertEquals(Growth.TOO_EARLY, soon.growth());

        clock.advance(Duration.ofMinutes(61));
        MountUsage later = read(recent).byVolume().get(id("data-01"));
        assertEquals(Growth.NOT_GROWN, later.growth());
        assertTrue(later.totalGb() < 99, "disk_total still the old size: " + later.totalGb());

        cloud.cloudEye().growFileSystem(id("data-01"));
        clock.advance(Duration.ofMinutes(6));
        MountUsage grown = read(recent).byVolume().get(id("data-01"));
        assertEquals(Growth.GROWN, grown.growth());
        assertEquals(196, grown.totalGb(), 0.01);
        assertTrue(grown.percent() < 50, "the same data on twice the space: " + grown.percent());
    }

    @Test
    void overTheCallLimitCloudEyeAnswers429AndTheReaderWaitsAsTold() throws Exception {
        cloud.cloudEye().callsPerMinute(2); // the agents' metric list and the first metric call fit
        UsageReport r = read(List.of());
        assertEquals(Map.of(), r.unread());
        assertEquals(2, cloud.cloudEye().metricCalls());
        assertEquals(1, sleeps.size(), "one ces.0429: " + sleeps);
        assertTrue(sleeps.get(0).compareTo(Duration.ofSeconds(60)) >= 0, "the Retry-After: " + sleeps);
        assertTrue(r.byVolume().get(id("data-01")).attention());
    }

    @Test
    void aSecondLaunchOverTheSameDataFolderAsksOnlyForTheMetrics(@TempDir Path data) throws Exception {
        ces = builder.buildCloudEye(pool, 4, DimensionCacheFile.of(data, "Sandbox", server.projectId()));
        UsageReport first = read(List.of());
        int firstCalls = ces.dimensionCalls();
        assertTrue(firstCalls > 0);
        int metricCallsBefore = cloud.cloudEye().metricCalls();

        ces = builder.buildCloudEye(pool, 4, DimensionCacheFile.of(data, "Sandbox", server.projectId()));
        UsageReport second = read(List.of());
        assertEquals(0, ces.dimensionCalls(), "no agent dimensions asked again");
        assertEquals(metricCallsBefore + 2, cloud.cloudEye().metricCalls(), "the two batched metric reads");
        assertEquals(first.byVolume().keySet(), second.byVolume().keySet());
        assertEquals(first.withoutAgent().keySet(), second.withoutAgent().keySet());
        assertTrue(second.byVolume().get(id("data-01")).attention());

        clock.advance(Duration.ofHours(25)); // past the lifetime: asked again
        ces = builder.buildCloudEye(pool, 4, DimensionCacheFile.of(data, "Sandbox", server.projectId()));
        read(List.of());
        assertTrue(ces.dimensionCalls() > 0);
    }
}
