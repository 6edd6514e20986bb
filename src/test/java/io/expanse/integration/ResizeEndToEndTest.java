package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.Job;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxJob;
import io.expanse.sandbox.SandboxOrder;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.SandboxVolume;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeRequest;
import io.expanse.work.ResizeTracker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole resize path as the app wires it: {@link ResizeTracker} → {@link HuaweiClient} → loopback HTTP →
 * {@link SandboxServer}, with a real {@link ActivityJournal} file. The sandbox runs on the wall clock with short
 * timings (INIT 100 ms, extending 300 ms, order processing 300 ms) and the tracker polls every 50–200 ms; every wait
 * is a bounded poll of the journal, and every outcome is checked on both sides (journal row and sandbox state).
 */
class ResizeEndToEndTest {

    private static final SandboxTimings FAST = new SandboxTimings(Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(300));
    /** firstDelay, multiplier, maxDelay, overallTimeout, paymentInterval, readBacks, settleReads, settleConfirm. */
    private static final PollSchedule FAST_POLLS = new PollSchedule(Duration.ofMillis(50), 1.5,
            Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMillis(100), 20, 4, Duration.ofMillis(100));

    @TempDir
    Path dir;

    private SandboxCloud cloud;
    private SandboxServer server;
    private OkHttpClient http;
    private ExecutorService pages;
    private ScheduledExecutorService scheduler;
    private HuaweiClient client;
    private Path journalFile;
    private ActivityJournal journal;
    private ResizeTracker tracker;
    private CountingApi api;

    @BeforeEach
    void start() {
        cloud = new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(), FAST);
        server = SandboxServer.start(cloud);
        http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .build();
        pages = Executors.newFixedThreadPool(2);
        scheduler = Executors.newScheduledThreadPool(2);
        client = HuaweiClient.builder()
                .http(http)
                .endpoints(server.endpoints())
                .credentials(server.credentials())
                .region(server.region())
                .projectId(server.projectId())
                .retry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), d -> Thread.sleep(d.toMillis()),
                        () -> 0.5))
                .pageExecutor(pages)
                .build();
        journalFile = dir.resolve("activities.json");
        journal = new ActivityJournal(journalFile);
        tracker = newTracker(journal);
    }

    @AfterEach
    void stop() throws InterruptedException {
        tracker.shutdown();
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        pages.shutdownNow();
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private ResizeTracker newTracker(ActivityJournal j) {
        api = new CountingApi(client);
        return new ResizeTracker(api, j, scheduler, Clock.systemUTC(), FAST_POLLS);
    }

    /** The real client, counting order reads so a test can see the tracker poll. */
    private static final class CountingApi implements EvsApi {
        final EvsApi delegate;
        final AtomicInteger orderReads = new AtomicInteger();

        CountingApi(EvsApi delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Volume> listVolumes() throws ApiException {
            return delegate.listVolumes();
        }

        @Override
        public Volume getVolume(String volumeId) throws ApiException {
            return delegate.getVolume(volumeId);
        }

        @Override
        public ResizeAccepted resize(String volumeId, int newSizeGb, Boolean autoPay) throws ApiException {
            return delegate.resize(volumeId, newSizeGb, autoPay);
        }

        @Override
        public Job getJob(String jobId) throws ApiException {
            return delegate.getJob(jobId);
        }

        @Override
        public ServerInfo getServer(String serverId) throws ApiException {
            return delegate.getServer(serverId);
        }

        @Override
        public java.util.Map<String, ServerInfo> servers(java.util.Collection<String> serverIds)
                throws ApiException {
            return delegate.servers(serverIds);
        }

        @Override
        public Order getOrder(String orderId) throws ApiException {
            Order order = delegate.getOrder(orderId);
            orderReads.incrementAndGet();
            return order;
        }

        @Override
        public String projectId() {
            return delegate.projectId();
        }

        @Override
        public String region() {
            return delegate.region();
        }
    }

    private ResizeRequest request(String name, long newSize, Boolean autoPay) {
        SandboxVolume v = cloud.volumeByName(name).orElseThrow();
        String device = v.attachments().isEmpty() ? null : v.attachments().get(0).device();
        return new ResizeRequest(v.id(), v.name(), v.size(), newSize, v.yearlyMonthly(), autoPay, device,
                "integration", server.region(), server.projectId());
    }

    private static Activity awaitRow(ActivityJournal j, String id, Predicate<Activity> condition, String what) {
        Await.until(() -> j.find(id).filter(condition).isPresent(),
                () -> what + "; row is " + j.find(id).map(a -> a.state() + " \"" + a.message() + "\"").orElse("gone"));
        return j.find(id).orElseThrow();
    }

    private static Activity awaitState(ActivityJournal j, String id, ActivityState state) {
        return awaitRow(j, id, a -> a.state() == state, "state " + state);
    }

    private long sandboxSize(String name) {
        return cloud.volumeByName(name).orElseThrow().size();
    }

    @Test
    void onDemandResizeSucceedsAndTheSandboxVolumeGrows() {
        Activity submitted = tracker.submit(request("data-01", 150, null));

        assertEquals(ActivityState.SUBMITTED, submitted.state());
        assertNotNull(submitted.jobId());
        assertTrue(cloud.job(submitted.jobId()).isPresent(), "the job exists in the sandbox");
        Activity done = awaitState(journal, submitted.id(), ActivityState.SUCCEEDED);

        assertEquals(150, sandboxSize("data-01"));
        assertEquals("in-use", cloud.volumeByName("data-01").orElseThrow().status());
        assertEquals("SUCCESS", cloud.job(submitted.jobId()).orElseThrow().status());
        assertEquals(submitted.jobId(), done.jobId());
        assertEquals(100, done.oldSizeGb());
        assertEquals(150, done.newSizeGb());
        assertNotNull(done.finishedAt());
        assertTrue(done.message().contains("is now 150 GB"), done.message());
        assertFalse(tracker.isFollowing(done.id()));
        // The file holds the same final row: a fresh journal reads it back.
        assertEquals(ActivityState.SUCCEEDED, new ActivityJournal(journalFile).find(done.id()).orElseThrow().state());
    }

    @Test
    void failingJobEndsFailedWithTheSandboxFailReason() {
        Activity submitted = tracker.submit(request("data-fail", 250, null));
        assertNotNull(submitted.jobId());

        Activity failed = awaitState(journal, submitted.id(), ActivityState.FAILED);

        SandboxJob job = cloud.job(submitted.jobId()).orElseThrow();
        assertEquals("FAIL", job.status());
        assertNotNull(job.failReason());
        assertEquals(job.failReason(), failed.failureReason());
        assertEquals(job.errorCode(), failed.errorCode());
        assertEquals("EVS.2002", failed.errorCode());
        assertTrue(failed.message().contains(job.failReason()), failed.message());
        assertEquals(200, sandboxSize("data-fail"), "size unchanged");
        assertEquals("in-use", cloud.volumeByName("data-fail").orElseThrow().status());
    }

    @Test
    void rejectedResizeFailsAtOnceWithTheEvsCode() {
        Activity failed = tracker.submit(request("srv-reboot-disk", 300, null));

        assertEquals(ActivityState.FAILED, failed.state());
        assertEquals("EVS.1066", failed.errorCode());
        assertNull(failed.jobId());
        assertEquals(ActivityState.FAILED, journal.find(failed.id()).orElseThrow().state());
        assertEquals(250, sandboxSize("srv-reboot-disk"));
    }

    @Test
    void yearlyMonthlyWithAutoPaySucceedsWithAnOrderId() {
        Activity submitted = tracker.submit(request("billing-01", 260, true));

        assertEquals(ActivityState.SUBMITTED, submitted.state());
        assertNotNull(submitted.orderId());
        assertTrue(submitted.orderId().startsWith("CS"), submitted.orderId());
        assertNull(submitted.jobId());
        Activity done = awaitState(journal, submitted.id(), ActivityState.SUCCEEDED);

        assertEquals(submitted.orderId(), done.orderId());
        SandboxOrder order = cloud.order(done.orderId()).orElseThrow();
        assertEquals(5, order.status(), "order completed");
        assertEquals(260, sandboxSize("billing-01"));
        assertTrue(done.yearlyMonthly());
        assertEquals(Boolean.TRUE, done.autoPay());
    }

    @Test
    void yearlyMonthlyWithoutAutoPayWaitsForPaymentThenSucceeds() {
        Activity submitted = tracker.submit(request("billing-02", 400, false));

        assertEquals(ActivityState.AWAITING_PAYMENT, submitted.state());
        String orderId = submitted.orderId();
        assertNotNull(orderId);
        assertTrue(submitted.message().contains(orderId), submitted.message());
        // Polled while unpaid (the order is read over HTTP at least twice), it stays awaiting payment and the
        // disk does not grow.
        int before = api.orderReads.get();
        Await.until(() -> api.orderReads.get() >= before + 2, () -> "two order polls, saw " + api.orderReads.get());
        assertEquals(6, cloud.order(orderId).orElseThrow().status());
        assertEquals(ActivityState.AWAITING_PAYMENT, journal.find(submitted.id()).orElseThrow().state());
        assertTrue(tracker.isFollowing(submitted.id()));
        assertEquals(300, sandboxSize("billing-02"));

        cloud.pay(orderId);
        Activity done = awaitState(journal, submitted.id(), ActivityState.SUCCEEDED);

        assertEquals(orderId, done.orderId());
        assertEquals(5, cloud.order(orderId).orElseThrow().status());
        assertEquals(400, sandboxSize("billing-02"));
    }

    @Test
    void anUnfinishedResizeIsResumedByANewTrackerOnTheSameJournalFile() {
        Activity submitted = tracker.submit(request("data-02", 180, null));
        assertNotNull(submitted.jobId());
        tracker.shutdown();

        // The old tracker left the row unfinished...
        Activity left = journal.find(submitted.id()).orElseThrow();
        assertFalse(left.finished(), "shut down before the job ended: " + left.state());
        assertFalse(tracker.isFollowing(submitted.id()));
        // ...and really stopped: the sandbox finishes the job, yet the file still shows the row unfinished.
        Await.until(() -> sandboxSize("data-02") == 180, () -> "sandbox job to finish");
        assertEquals("SUCCESS", cloud.job(submitted.jobId()).orElseThrow().status());
        ActivityJournal reopened = new ActivityJournal(journalFile);
        Activity onDisk = reopened.find(submitted.id()).orElseThrow();
        assertFalse(onDisk.finished(), "nobody followed it after the shutdown: " + onDisk.state());
        assertEquals(List.of(submitted.id()), reopened.unfinished().stream().map(Activity::id).toList());

        // A new app start: new journal object on the same file, new tracker.
        ResizeTracker second = newTracker(reopened);
        tracker = second;
        second.resumeUnfinished();
        Activity done = awaitState(reopened, submitted.id(), ActivityState.SUCCEEDED);

        assertEquals(submitted.jobId(), done.jobId());
        assertTrue(done.message().contains("is now 180 GB"), done.message());
        assertTrue(reopened.unfinished().isEmpty());
        assertEquals(ActivityState.SUCCEEDED, new ActivityJournal(journalFile).find(done.id()).orElseThrow().state());
        // The first journal object never saw the ending: only the new tracker wrote it.
        assertFalse(journal.find(submitted.id()).orElseThrow().finished());
    }

    @Test
    void resumeRightAfterShutdownFollowsTheJobToTheEnd() {
        Activity submitted = tracker.submit(request("sys-01", 60, null));
        tracker.shutdown();
        assertFalse(journal.find(submitted.id()).orElseThrow().finished());

        ActivityJournal reopened = new ActivityJournal(journalFile);
        ResizeTracker second = newTracker(reopened);
        tracker = second;
        second.resumeUnfinished();
        Activity done = awaitState(reopened, submitted.id(), ActivityState.SUCCEEDED);

        assertEquals(60, sandboxSize("sys-01"));
        assertEquals(60, done.newSizeGb());
    }
}
