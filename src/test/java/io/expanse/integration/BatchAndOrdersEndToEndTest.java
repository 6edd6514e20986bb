package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.HuaweiBillingClient;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.sandbox.SandboxCloud;
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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch expansion, pay and cancel as the app wires them: {@link ResizeTracker} with the account's billing client
 * → loopback HTTP → the sandbox, with a real journal. Each outcome is checked in the journal and in the sandbox.
 */
class BatchAndOrdersEndToEndTest {

    private static final SandboxTimings FAST = new SandboxTimings(Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(300));
    private static final PollSchedule FAST_POLLS = new PollSchedule(Duration.ofMillis(50), 1.5,
            Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(10), 20, 4, Duration.ofMillis(100));

    @TempDir
    Path dir;

    private SandboxCloud cloud;
    private SandboxServer server;
    private OkHttpClient http;
    private ExecutorService pages;
    private ScheduledExecutorService scheduler;
    private HuaweiClient evs;
    private CountingBilling billing;
    private ActivityJournal journal;
    private ResizeTracker tracker;

    @BeforeEach
    void start() {
        cloud = new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(), FAST);
        server = SandboxServer.start(cloud);
        http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .build();
        pages = Executors.newFixedThreadPool(2);
        scheduler = Executors.newScheduledThreadPool(2);
        HuaweiClient.Builder builder = HuaweiClient.builder().http(http).endpoints(server.endpoints())
                .credentials(server.credentials()).region(server.region()).projectId(server.projectId())
                .retry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200),
                        d -> Thread.sleep(d.toMillis()), () -> 0.5))
                .pageExecutor(pages);
        evs = builder.build();
        billing = new CountingBilling(builder.buildBilling());
        journal = new ActivityJournal(dir.resolve("activities.json"));
        tracker = new ResizeTracker(evs, billing, journal, scheduler, Clock.systemUTC(), FAST_POLLS);
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

    /** The real billing client, counting the calls that change something and able to lose one answer. */
    private static final class CountingBilling implements EvsBillingApi {
        final HuaweiBillingClient delegate;
        final AtomicInteger batchCalls = new AtomicInteger();
        final AtomicInteger payCalls = new AtomicInteger();
        volatile boolean loseBatchAnswer;

        CountingBilling(HuaweiBillingClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public OnDemandPrice rateOnDemand(RatedDisk disk, int newSizeGb) throws ApiException {
            return delegate.rateOnDemand(disk, newSizeGb);
        }

        @Override
        public PeriodPrice rateMonthly(RatedDisk disk, int sizeGb) throws ApiException {
            return delegate.rateMonthly(disk, sizeGb);
        }

        @Override
        public List<Subscription> subscriptions(List<String> resourceIds) throws ApiException {
            return delegate.subscriptions(resourceIds);
        }

        @Override
        public OrderDetail getOrderDetail(String orderId) throws ApiException {
            return delegate.getOrderDetail(orderId);
        }

        @Override
        public void payOrder(String orderId) throws ApiException {
            payCalls.incrementAndGet();
            delegate.payOrder(orderId);
        }

        @Override
        public void cancelOrder(String orderId) throws ApiException {
            delegate.cancelOrder(orderId);
        }

        @Override
        public BatchAccepted batchExtend(List<BatchVolume> volumes, Boolean autoPay) throws ApiException {
            batchCalls.incrementAndGet();
            BatchAccepted accepted = delegate.batchExtend(volumes, autoPay);
            if (loseBatchAnswer) {
                throw new ApiException(ApiException.Kind.OUTCOME_UNKNOWN, "The answer was lost.", null);
            }
            return accepted;
        }

        @Override
        public BatchJob getBatchJob(String jobId) throws ApiException {
            return delegate.getBatchJob(jobId);
        }
    }

    private ResizeRequest request(String name, long newSize) {
        SandboxVolume v = cloud.volumeByName(name).orElseThrow();
        String device = v.attachments().isEmpty() ? null : v.attachments().get(0).device();
        return new ResizeRequest(v.id(), v.name(), v.size(), newSize, v.yearlyMonthly(),
                v.yearlyMonthly() ? Boolean.FALSE : null, device, "integration", server.region(), server.projectId());
    }

    private Activity awaitFinished(Activity a) {
        Await.until(() -> journal.find(a.id()).map(Activity::finished).orElse(false),
                () -> a.resourceName() + " is " + journal.find(a.id()).map(x -> x.state() + " \"" + x.message()
                        + "\"").orElse("gone"));
        return journal.find(a.id()).orElseThrow();
    }

    private long size(String name) {
        return cloud.volumeByName(name).orElseThrow().size();
    }

    @Test
    void aBatchOfFiveIsOneCallAndEachDiskEndsByItsOwnSubJob() {
        List<ResizeRequest> five = List.of(request("data-01", 120), request("data-02", 130),
                request("data-fail-02", 60), request("web-02-data", 110), request("ci-cache-01", 20));

        ResizeTracker.BatchSubmission sent = tracker.submitBatch(five);

        assertEquals(1, billing.batchCalls.get());
        assertFalse(sent.oneByOne());
        assertNotNull(sent.jobId());
        assertEquals(5, sent.activities().size());
        for (Activity a : sent.activities()) {
            assertEquals(sent.jobId(), a.jobId(), "each row is linked to the batch");
            Activity done = awaitFinished(a);
            if ("data-fail-02".equals(a.resourceName())) {
                assertEquals(ActivityState.FAILED, done.state());
                assertNotNull(done.failureReason());
                assertEquals(50, size("data-fail-02"));
            } else {
                assertEquals(ActivityState.SUCCEEDED, done.state(), done.message());
                assertEquals(a.newSizeGb(), size(a.resourceName()));
            }
        }
    }

    @Test
    void whereV5IsNotServedEachDiskIsSentOnItsOwnAndTheRowsSaySo() {
        cloud.serveBatchExtend(false);

        ResizeTracker.BatchSubmission sent = tracker.submitBatch(List.of(request("data-01", 140),
                request("data-02", 150)));

        assertTrue(sent.oneByOne());
        assertEquals(1, billing.batchCalls.get(), "v5 was tried once");
        for (Activity a : sent.activities()) {
            Activity done = awaitFinished(a);
            assertEquals(ActivityState.SUCCEEDED, done.state(), done.message());
            assertNotNull(done.jobId(), "a v2.1 job of its own");
        }
        assertEquals(140, size("data-01"));
        assertEquals(150, size("data-02"));
        assertTrue(journal.recent().stream().allMatch(a -> a.message() != null), "rows have messages");
    }

    @Test
    void aBatchWhoseAnswerIsLostIsSettledByReadingEveryDiskBackNotBySendingAgain() {
        billing.loseBatchAnswer = true;

        ResizeTracker.BatchSubmission sent = tracker.submitBatch(List.of(request("data-01", 160),
                request("data-02", 170)));

        for (Activity a : sent.activities()) {
            assertEquals(ActivityState.SUCCEEDED, awaitFinished(a).state());
        }
        assertEquals(1, billing.batchCalls.get());
        assertEquals(160, size("data-01"));
    }

    @Test
    void aYearlyBatchMakesOneUnpaidOrderThatIsPaidFromOneRowAndGrowsEveryDisk() throws Exception {
        ResizeTracker.BatchSubmission sent = tracker.submitBatch(List.of(request("billing-01", 300),
                request("billing-02", 400)));

        assertNotNull(sent.orderId());
        assertTrue(sent.activities().stream().allMatch(a -> a.state() == ActivityState.AWAITING_PAYMENT
                && sent.orderId().equals(a.orderId())));
        EvsBillingApi.OrderDetail order = billing.getOrderDetail(sent.orderId());
        assertTrue(order.awaitingPayment());
        assertTrue(order.amountAfterDiscount().compareTo(BigDecimal.ZERO) > 0);
        assertNotNull(order.pendingPaymentEndTime());
        assertEquals(200, size("billing-01"), "nothing grows before payment");

        assertEquals(ResizeTracker.OrderAction.ACCEPTED, tracker.payOrder(sent.activities().get(0).id()));

        // Every row of the order is read back at once, not at the slow pace of an order awaiting payment.
        for (Activity a : sent.activities()) {
            Await.until(() -> journal.find(a.id()).map(Activity::finished).orElse(false),
                    () -> a.resourceName() + " still " + journal.find(a.id()).map(Activity::state).orElse(null),
                    Duration.ofSeconds(10));
            assertEquals(ActivityState.SUCCEEDED, journal.find(a.id()).orElseThrow().state());
        }
        assertEquals(300, size("billing-01"));
        assertEquals(400, size("billing-02"));
        assertEquals(1, billing.payCalls.get());
    }

    @Test
    void payingWithTooLowABalanceIsRefusedWithTheSentenceAndTheRowStaysUnpaid() {
        Activity a = tracker.submit(request("billing-02", 400));
        cloud.setBalance(BigDecimal.ONE);

        ApiException e = assertThrows(ApiException.class, () -> tracker.payOrder(a.id()));

        assertEquals("CBC.99005003", e.code());
        Activity now = journal.find(a.id()).orElseThrow();
        assertEquals(ActivityState.AWAITING_PAYMENT, now.state());
        assertTrue(now.message().contains("insufficient"), now.message());
        assertEquals(300, size("billing-02"));
    }

    @Test
    void aCancelledOrderEndsTheRowCancelledAndFreesTheDisk() throws Exception {
        Activity a = tracker.submit(request("billing-02", 400));

        tracker.cancelOrder(a.id());

        Activity done = awaitFinished(a);
        assertEquals(ActivityState.CANCELLED, done.state());
        assertEquals(300, size("billing-02"));
        assertNotNull(evs.resize(cloud.volumeByName("billing-02").orElseThrow().id(), 350, false).orderId(),
                "the disk takes another change");
    }
}
