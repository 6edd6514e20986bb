package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.SandboxVolume;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HuaweiClient} against the in-process {@link SandboxServer} over real loopback HTTP: paging, parsing, every
 * server-side resize rule, authentication failures, clock skew, temporary credentials and fault injection.
 *
 * <p>The sandbox runs on the wall clock here (resize timings do not matter: no test lets a job finish), so the
 * sandbox's {@code X-Sdk-Date} check and its JDK-written {@code Date} header agree. That is what makes the clock-skew
 * test honest; see {@link #clientClockAheadIsReportedAsClockSkewWithTheMeasuredAmount()}.
 */
class ClientAgainstSandboxTest {

    private static final String PID = SandboxCloud.PROJECT_ID;

    private SandboxCloud cloud;
    private SandboxServer server;
    private OkHttpClient http;
    private ExecutorService pages;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        cloud = new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(), SandboxTimings.DEFAULT);
        server = SandboxServer.start(cloud);
        http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .build();
        pages = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "integ-pages");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        pages.shutdownNow();
        pages.awaitTermination(5, TimeUnit.SECONDS);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Retries are recorded, never slept: an injected failure is consumed at once, so no wait is needed. */
    private RetryPolicy recordedRetries() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(1), sleeps::add, () -> 0.5);
    }

    private HuaweiClient.Builder builder(SandboxServer s, Credentials credentials) {
        return HuaweiClient.builder()
                .http(http)
                .endpoints(s.endpoints())
                .credentials(credentials)
                .region(s.region())
                .projectId(s.projectId())
                .retry(recordedRetries())
                .pageExecutor(pages);
    }

    private HuaweiClient client() {
        return builder(server, server.credentials()).build();
    }

    private static String id(String name) {
        return SandboxSeed.volumeId(name);
    }

    /** The order of the sandbox's default listing: created_at descending, ties by id descending. */
    private static List<String> sandboxOrder(SandboxCloud c) {
        return c.volumes().stream()
                .sorted(Comparator.comparing(SandboxVolume::createdAt).thenComparing(SandboxVolume::id).reversed())
                .map(SandboxVolume::id)
                .toList();
    }

    // ------------------------------------------------------------------------------------------------ listing

    @Test
    void listsAllFiftyVolumesInSevenPagesFetchedConcurrently() throws Exception {
        // Every page after the first must be in flight at the same time: each task waits at a barrier for all 7.
        // A client that fetched the pages one after another would break the barrier (5 s timeout).
        CyclicBarrier allSevenStarted = new CyclicBarrier(7);
        AtomicInteger tasks = new AtomicInteger();
        AtomicBoolean barrierBroken = new AtomicBoolean();
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Executor concurrentOnly = task -> pages.execute(() -> {
            tasks.incrementAndGet();
            threads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
            try {
                allSevenStarted.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                barrierBroken.set(true);
            }
            task.run();
        });
        HuaweiClient client = builder(server, server.credentials()).pageSize(7).pageExecutor(concurrentOnly).build();

        List<Volume> volumes = client.listVolumes();

        assertEquals(50, volumes.size());
        assertEquals(50, volumes.stream().map(Volume::id).distinct().count(), "ids unique");
        assertEquals(sandboxOrder(cloud), volumes.stream().map(Volume::id).toList(), "sandbox listing order");
        assertEquals(7, tasks.get(), "pages 2..8 of 50/7 go to the executor, page 1 is read first");
        assertEquals(7, threads.size(), "7 pool threads held a page at once");
        assertFalse(barrierBroken.get(), "the 7 remaining pages were not all in flight at once");
        assertTrue(sleeps.isEmpty(), "no retries: " + sleeps);
    }

    @Test
    void listsAGenerated2500VolumeAccountInPagesOf1000() throws Exception {
        SandboxCloud big = new SandboxCloud(SandboxSeed.generated(2500, 42), Clock.systemUTC(),
                SandboxTimings.DEFAULT);
        try (SandboxServer bigServer = SandboxServer.start(big)) {
            HuaweiClient client = builder(bigServer, bigServer.credentials()).pageSize(1000).build();

            List<Volume> volumes = client.listVolumes();

            assertEquals(2500, volumes.size());
            Set<String> ids = new HashSet<>();
            volumes.forEach(v -> assertTrue(ids.add(v.id()), "duplicate " + v.id()));
            assertEquals(sandboxOrder(big), volumes.stream().map(Volume::id).toList());
        }
    }

    @Test
    void readsEveryServerOfAGeneratedAccountInAFewCallsAsSingleReadsWould() throws Exception {
        SandboxCloud big = new SandboxCloud(SandboxSeed.generated(2000, 250, 42), Clock.systemUTC(),
                SandboxTimings.DEFAULT);
        try (SandboxServer bigServer = SandboxServer.start(big)) {
            AtomicInteger requests = new AtomicInteger();
            OkHttpClient counting = http.newBuilder().addInterceptor(chain -> {
                requests.incrementAndGet();
                return chain.proceed(chain.request());
            }).build();
            HuaweiClient client = builder(bigServer, bigServer.credentials()).http(counting).pageSize(1000).build();
            List<String> ids = new java.util.ArrayList<>(client.listVolumes().stream()
                    .flatMap(v -> v.attachments().stream()).map(Volume.Attachment::serverId).distinct().toList());
            ids.add(UUID.randomUUID().toString());
            assertEquals(251, ids.size(), "250 servers with volumes, and one unknown id");
            int before = requests.get();

            java.util.Map<String, ServerInfo> batch = client.servers(ids);

            int calls = requests.get() - before;
            assertEquals(250, batch.size(), "the unknown id is left out");
            assertTrue(calls <= 4, "3 chunks of at most 100 and 1 Nova page, not 2 per server: " + calls);
            Set<String> statuses = new HashSet<>();
            for (String id : ids.subList(0, 250)) {
                ServerInfo single = client.getServer(id);
                assertEquals(single, batch.get(id), "server " + id);
                statuses.add(single.status());
            }
            assertTrue(statuses.contains("PAUSED"), "a PAUSED server (SHUTOFF in ECS v1) is among them: " + statuses);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Test
    void getVolumeParsesBillingBootableSharedAndAttachments() throws Exception {
        HuaweiClient client = client();

        Volume billing = client.getVolume(id("billing-01"));
        assertTrue(billing.yearlyMonthly());
        String seededOrder = cloud.volumeByName("billing-01").orElseThrow().metadata().get("orderID");
        assertNotNull(seededOrder);
        assertEquals(seededOrder, billing.orderId());
        assertEquals(200, billing.sizeGb());
        assertEquals("in-use", billing.status());
        assertEquals(SandboxSeed.serverId("pg-01"), billing.firstServerId());

        Volume data = client.getVolume(id("data-01"));
        assertFalse(data.yearlyMonthly());
        assertNull(data.orderId());
        assertEquals("data-01", data.name());
        assertEquals(100, data.sizeGb());
        assertEquals("SSD", data.volumeType());
        assertFalse(data.bootable());
        assertFalse(data.multiattach());
        assertEquals(1, data.attachments().size());
        assertEquals(SandboxSeed.serverId("web-01"), data.firstServerId());
        assertEquals(cloud.volumeByName("data-01").orElseThrow().attachments().get(0).device(), data.firstDevice());
        assertTrue(data.firstDevice().startsWith("/dev/vd") && !data.firstDevice().equals("/dev/vda"),
                data.firstDevice());

        Volume system = client.getVolume(id("sys-01"));
        assertTrue(system.bootable());
        assertEquals("/dev/vda", system.firstDevice());

        Volume shared = client.getVolume(id("shared-01"));
        assertTrue(shared.multiattach());
        assertEquals(Set.of(SandboxSeed.serverId("web-01"), SandboxSeed.serverId("web-02")),
                Set.copyOf(shared.attachments().stream().map(Volume.Attachment::serverId).toList()));

        Volume free = client.getVolume(id("data-02"));
        assertEquals("available", free.status());
        assertTrue(free.attachments().isEmpty());
        assertNull(free.firstServerId());
    }

    @Test
    void getServerGivesNovaStatusAndEcsBootIndex() throws Exception {
        HuaweiClient client = client();

        String pausedServer = client.getVolume(id("srv-paused-disk")).firstServerId();
        assertEquals(SandboxSeed.serverId("batch-01"), pausedServer);
        ServerInfo batch = client.getServer(pausedServer);
        assertEquals("PAUSED", batch.status());
        assertEquals("batch-01", batch.name());

        ServerInfo web = client.getServer(SandboxSeed.serverId("web-01"));
        assertEquals("ACTIVE", web.status());
        assertEquals("/dev/vda", web.rootDeviceName());
        assertEquals("0", web.bootIndexOf(id("sys-01")));
        assertTrue(web.volumes().stream().anyMatch(v -> v.id().equals(id("sys-01")) && v.systemDisk()));
        assertNotEquals("0", web.bootIndexOf(id("data-01")), "data-01 is not the system disk");
        assertFalse(web.volumes().stream().anyMatch(v -> v.id().equals(id("data-01")) && v.systemDisk()));
        assertEquals(Set.of(id("sys-01"), id("data-01"), id("web-01-logs"), id("shared-01")),
                Set.copyOf(web.volumes().stream().map(ServerInfo.AttachedVolume::id).toList()));

        assertEquals("REBOOT", client.getServer(SandboxSeed.serverId("build-01")).status());
        ApiException unknown = assertThrows(ApiException.class,
                () -> client.getServer(UUID.randomUUID().toString()));
        assertEquals(Kind.NOT_FOUND, unknown.kind());
    }

    @Test
    void lookupProjectIdFindsTheSandboxProjectAndRefusesAnUnknownRegion() throws Exception {
        HuaweiClient.Builder b = HuaweiClient.builder().http(http).endpoints(server.endpoints())
                .credentials(server.credentials()).retry(recordedRetries());

        assertEquals(PID, b.lookupProjectId("cn-north-4"));

        ApiException e = assertThrows(ApiException.class, () -> b.lookupProjectId("eu-west-101"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.operatorMessage().contains("no project for region eu-west-101"), e.operatorMessage());
    }

    // ------------------------------------------------------------------------------------------- server rules

    private ApiException rejected(HuaweiClient client, String volumeName, int newSize) {
        long before = cloud.volumeByName(volumeName).map(SandboxVolume::size).orElse(-1L);
        String statusBefore = cloud.volumeByName(volumeName).map(SandboxVolume::status).orElse(null);
        ApiException e = assertThrows(ApiException.class,
                () -> client.resize(volumeName.startsWith("?") ? volumeName.substring(1) : id(volumeName), newSize,
                        null));
        assertEquals(before, cloud.volumeByName(volumeName).map(SandboxVolume::size).orElse(-1L), "size changed");
        assertEquals(statusBefore, cloud.volumeByName(volumeName).map(SandboxVolume::status).orElse(null));
        return e;
    }

    private static void assertRule(ApiException e, Kind kind, int status, String code, String operatorPhrase) {
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(status, e.httpStatus(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.operatorMessage().contains(operatorPhrase),
                "operator message should contain '" + operatorPhrase + "': " + e.operatorMessage());
        assertNotNull(e.requestId(), "request id for support tickets");
        assertTrue(e.getMessage().contains(code), e.getMessage());
    }

    @Test
    void everyServerSideResizeRuleSurfacesWithItsCodeAndAnOperatorSentence() {
        HuaweiClient client = client();

        ApiException notLarger = rejected(client, "data-01", 100);
        assertRule(notLarger, Kind.REJECTED, 400, "EVS.1015", "must be larger than the current size");
        assertTrue(notLarger.serverMessage().contains("current: 100"), notLarger.serverMessage());

        ApiException systemLimit = rejected(client, "sys-1000", 1025);
        assertRule(systemLimit, Kind.REJECTED, 400, "EVS.1014", "cannot be expanded");
        assertTrue(systemLimit.serverMessage().contains("maximum of 1024 GB for a system disk"),
                systemLimit.serverMessage());

        ApiException shared = rejected(client, "shared-01", 1100);
        assertRule(shared, Kind.REJECTED, 400, "EVS.1065", "only be expanded while it is available, i.e. detached");

        ApiException reboot = rejected(client, "srv-reboot-disk", 300);
        assertRule(reboot, Kind.REJECTED, 400, "EVS.1066", "it must be ACTIVE, PAUSED, SUSPENDED or SHUTOFF");
        assertTrue(reboot.serverMessage().contains("REBOOT"), reboot.serverMessage());

        ApiException broken = rejected(client, "broken-01", 100);
        assertRule(broken, Kind.REJECTED, 400, "EVS.1064", "only be expanded while it is available or in-use");
        assertTrue(broken.serverMessage().contains("is error"), broken.serverMessage());

        String unknownId = UUID.randomUUID().toString();
        ApiException unknownResize = rejected(client, "?" + unknownId, 100);
        assertRule(unknownResize, Kind.NOT_FOUND, 404, "EVS.5404", "not found");
        ApiException unknownRead = assertThrows(ApiException.class, () -> client.getVolume(unknownId));
        assertRule(unknownRead, Kind.NOT_FOUND, 404, "EVS.5404", "may have been deleted");
        assertTrue(sleeps.isEmpty(), "rejections are not retried: " + sleeps);
    }

    // ------------------------------------------------------------------------------------------ authentication

    @Test
    void wrongSecretKeyIsAnAuthenticationFailure() {
        Credentials wrong = Credentials.permanent(server.credentials().accessKey(),
                server.credentials().secretKey().substring(1) + "x");
        HuaweiClient client = builder(server, wrong).build();

        ApiException e = assertThrows(ApiException.class, () -> client.getVolume(id("data-01")));

        assertEquals(Kind.AUTHENTICATION, e.kind(), e.getMessage());
        assertEquals(401, e.httpStatus());
        assertEquals("APIGW.0301", e.code());
        assertTrue(e.operatorMessage().contains("secret key is wrong"), e.operatorMessage());
        assertTrue(e.serverMessage().contains("verify aksk signature fail"), e.serverMessage());
        assertFalse(e.getMessage().contains(server.credentials().secretKey()));
        assertTrue(sleeps.isEmpty(), "a 401 is not retried: " + sleeps);
    }

    /**
     * The client signs with a clock 30 minutes ahead of the sandbox's. The sandbox refuses the X-Sdk-Date against
     * its own clock ("signature expired"); the client measures the amount from the response's {@code Date}. The
     * sandbox's {@code Date} is always wall time (the JDK server overwrites it), so this test keeps the sandbox on
     * the wall clock: then "30 minutes" genuinely is the difference between the two clocks, not an artefact.
     */
    @Test
    void clientClockAheadIsReportedAsClockSkewWithTheMeasuredAmount() {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30));
        HuaweiClient client = builder(server, server.credentials()).clock(ahead).build();

        ApiException e = assertThrows(ApiException.class, () -> client.getVolume(id("data-01")));

        assertEquals(Kind.CLOCK_SKEW, e.kind(), e.getMessage());
        assertEquals(401, e.httpStatus());
        assertEquals("APIGW.0301", e.code());
        assertTrue(e.serverMessage().contains("signature expired"), e.serverMessage());
        assertNotNull(e.clockSkew());
        long skewSeconds = e.clockSkew().toSeconds();
        assertTrue(Math.abs(skewSeconds - 1800) <= 5, "skew " + e.clockSkew());
        assertTrue(e.operatorMessage().contains("30 minutes ahead of the server's"), e.operatorMessage());
        assertTrue(e.operatorMessage().contains("Correct the system time"), e.operatorMessage());
        assertEquals(e.clockSkew(), client.lastObservedSkew());
    }

    @Test
    void clientClockBehindIsReportedAsClockSkewBehind() {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30));
        HuaweiClient client = builder(server, server.credentials()).clock(behind).build();

        ApiException e = assertThrows(ApiException.class, () -> client.getVolume(id("data-01")));

        assertEquals(Kind.CLOCK_SKEW, e.kind(), e.getMessage());
        assertTrue(e.operatorMessage().contains("30 minutes behind the server's"), e.operatorMessage());
    }

    /**
     * The other way round: the sandbox's own clock is 30 minutes ahead and the client is on the wall clock. The
     * sandbox refuses the signature as expired, but its {@code Date} header is wall time (JDK limitation), so the
     * client cannot measure the difference. It must still call it clock skew (from "signature expired") and must not
     * claim an amount it could not measure.
     */
    @Test
    void expiredSignatureIsClockSkewEvenWhenTheDateHeaderCannotMeasureIt() {
        SandboxCloud aheadCloud = new SandboxCloud(SandboxSeed.standard(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30)), SandboxTimings.DEFAULT);
        try (SandboxServer aheadServer = SandboxServer.start(aheadCloud)) {
            HuaweiClient client = builder(aheadServer, aheadServer.credentials()).build();

            ApiException e = assertThrows(ApiException.class, () -> client.getVolume(id("data-01")));

            assertEquals(Kind.CLOCK_SKEW, e.kind(), e.getMessage());
            assertTrue(e.serverMessage().contains("signature expired"), e.serverMessage());
            assertTrue(Math.abs(client.lastObservedSkew().toSeconds()) < 60,
                    "the wall-time Date header shows no skew: " + client.lastObservedSkew());
            assertFalse(e.operatorMessage().contains("less than a minute"),
                    "must not name an amount the Date header contradicts: " + e.operatorMessage());
            assertTrue(e.operatorMessage().contains("differs too much from the server's"), e.operatorMessage());
            assertTrue(e.operatorMessage().contains("Correct the system time"), e.operatorMessage());
            assertNull(e.clockSkew(), "the amount is unknown");
        }
    }

    @Test
    void clockWithinToleranceIsAccepted() throws Exception {
        Clock slightlyAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        HuaweiClient client = builder(server, server.credentials()).clock(slightlyAhead).build();

        assertEquals("data-01", client.getVolume(id("data-01")).name());
        Duration skew = client.lastObservedSkew();
        assertTrue(Math.abs(skew.toSeconds() - 600) <= 5, "skew " + skew);
    }

    @Test
    void temporaryCredentialsWorkAndAWrongOrMissingTokenIsRefused() throws Exception {
        Credentials temporary = new Credentials("TMPAKEXAMPLE00000001", "tmpSecretKey0123456789abcdefghijklmnopqrs",
                "gQpjbi1ub3J0aC00SANDBOXSECURITYTOKEN+/=");
        try (SandboxServer tempServer = SandboxServer.start(cloud, 0, temporary)) {
            assertTrue(tempServer.credentials().temporary());
            HuaweiClient good = builder(tempServer, temporary).build();
            assertEquals(50, good.listVolumes().size());
            assertEquals("data-01", good.getVolume(id("data-01")).name());

            Credentials wrongToken = new Credentials(temporary.accessKey(), temporary.secretKey(),
                    temporary.securityToken() + "x");
            ApiException wrong = assertThrows(ApiException.class,
                    () -> builder(tempServer, wrongToken).build().getVolume(id("data-01")));
            assertEquals(Kind.AUTHENTICATION, wrong.kind(), wrong.getMessage());
            assertEquals("APIGW.0301", wrong.code());
            assertTrue(wrong.serverMessage().contains("decrypt token fail"), wrong.serverMessage());
            assertFalse(wrong.getMessage().contains(temporary.securityToken()));

            Credentials noToken = Credentials.permanent(temporary.accessKey(), temporary.secretKey());
            ApiException missing = assertThrows(ApiException.class,
                    () -> builder(tempServer, noToken).build().getVolume(id("data-01")));
            assertEquals(Kind.AUTHENTICATION, missing.kind());
            assertEquals("APIGW.0301", missing.code());
        }
    }

    // --------------------------------------------------------------------------------------- fault injection

    @Test
    void aReadSucceedsAfterAnInjected503() throws Exception {
        HuaweiClient client = client();
        cloud.failNextRequests(1, 503);

        Volume v = client.getVolume(id("data-01"));

        assertEquals("data-01", v.name());
        assertEquals(1, sleeps.size(), "exactly one retry: " + sleeps);
    }

    @Test
    void aListSucceedsAfterAnInjected429() throws Exception {
        HuaweiClient client = builder(server, server.credentials()).pageSize(7).build();
        cloud.failNextRequests(2, 429);

        List<Volume> volumes = client.listVolumes();

        assertEquals(50, volumes.size());
        assertEquals(sandboxOrder(cloud), volumes.stream().map(Volume::id).toList());
        assertEquals(2, sleeps.size(), "one retry per throttled request: " + sleeps);
    }

    @Test
    void injectedFailuresBeyondTheRetryBudgetSurface() {
        HuaweiClient client = client();
        cloud.failNextRequests(4, 503);

        ApiException e = assertThrows(ApiException.class, () -> client.getVolume(id("data-01")));

        assertEquals(Kind.SERVER, e.kind());
        assertEquals(503, e.httpStatus());
        assertEquals("EVS.5503", e.code());
        assertEquals(3, sleeps.size(), "4 attempts, 3 waits: " + sleeps);
    }

    /**
     * Two failures are injected; the resize POST must consume exactly one. If it were repeated, the repeat would
     * take the second failure (and the following GET would need no retry) or, with the injections exhausted,
     * reach the sandbox and start a job (the volume would turn {@code extending}).
     */
    @Test
    void aResizeHitByAnInjected503IsNotRepeated() throws Exception {
        HuaweiClient client = client();
        cloud.failNextRequests(2, 503);

        ApiException e = assertThrows(ApiException.class, () -> client.resize(id("data-02"), 150, null));

        assertEquals(Kind.SERVER, e.kind(), e.getMessage());
        assertEquals(503, e.httpStatus());
        assertEquals("EVS.5503", e.code());
        assertTrue(sleeps.isEmpty(), "the POST never waited for a retry: " + sleeps);
        SandboxVolume after = cloud.volumeByName("data-02").orElseThrow();
        assertEquals(100, after.size());
        assertEquals("available", after.status(), "no job was started");

        // The second injected failure is still pending: the next read meets it and retries once.
        assertEquals("available", client.getVolume(id("data-02")).status());
        assertEquals(1, sleeps.size(), "the POST consumed exactly one injected failure: " + sleeps);

        // And the volume is still resizable, so no order or job is holding it.
        var accepted = client.resize(id("data-02"), 150, null);
        assertNotNull(accepted.jobId());
        assertEquals("INIT", cloud.job(accepted.jobId()).orElseThrow().status());
    }

    @Test
    void enterpriseProjectsAreListedByNameFromTheClientAndTheBuilder() throws Exception {
        List<io.expanse.cloud.huawei.EnterpriseProject> projects = client().enterpriseProjects();
        assertEquals(List.of("default", "database", "analytics"),
                projects.stream().map(io.expanse.cloud.huawei.EnterpriseProject::name).toList());
        assertEquals(io.expanse.sandbox.SandboxSeed.EP_DATABASE, projects.get(1).id());
        assertEquals(projects, HuaweiClient.builder().http(http).endpoints(server.endpoints())
                .credentials(server.credentials()).retry(recordedRetries()).listEnterpriseProjects());
    }
}
