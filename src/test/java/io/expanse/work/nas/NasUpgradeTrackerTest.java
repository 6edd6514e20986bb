package io.expanse.work.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.unicloud.UniCloudClient;
import io.expanse.sandbox.unicloud.SandboxPack;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracker against the UniCloud sandbox with fast polling. */
class NasUpgradeTrackerTest {

    static final PollSchedule FAST = new PollSchedule(Duration.ofMillis(100), 1.5, Duration.ofMillis(300),
            Duration.ofMinutes(1), Duration.ofMillis(200), 20, 3, Duration.ofMillis(100));

    @TempDir
    Path dir;
    UniCloudSandbox sandbox;
    OkHttpClient http = new OkHttpClient();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    ActivityJournal journal;
    PackInventory inventory;
    NasUpgradeTracker tracker;

    @BeforeEach
    void start() {
        sandbox = UniCloudSandbox.start(SandboxPack.standard(), Clock.systemUTC(), Duration.ofMillis(500));
        journal = new ActivityJournal(dir.resolve("activity.json"));
        inventory = PackInventory.open(dir, "Sandbox", sandbox.region());
        SandboxPack.standard().forEach(p -> inventory.add(new ResourcePack(p.id(), p.label(), p.capacityGb(),
                p.expiresOn(), null)));
        tracker = newTracker();
    }

    NasUpgradeTracker newTracker() {
        UniCloudClient client = UniCloudClient.builder().http(http).endpoints(sandbox.endpoints())
                .credentials(sandbox.credentials()).region(sandbox.region()).retry(RetryPolicy.none()).build();
        return new NasUpgradeTracker(client, journal, inventory, scheduler, Clock.systemUTC(), FAST,
                Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        tracker.shutdown();
        scheduler.shutdownNow();
        sandbox.close();
        http.dispatcher().executorService().shutdown();
    }

    NasUpgradeRequest request(String id, long from, long to) {
        return new NasUpgradeRequest(id, "label", from, to, "YEAR_MONTH", "Sandbox", sandbox.region());
    }

    static void await(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    Activity latest(String id) {
        return journal.recent().stream().filter(a -> a.resourceId().equals(id)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void paidOrderSucceedsAndUpdatesTheInventory() throws Exception {
        Activity a = tracker.submit(request("pack-h58kdagr9vsf", 100, 200));
        assertEquals(ActivityState.SUBMITTED, a.state());
        assertEquals(Activity.KIND_NAS_UPGRADE, a.kind());
        assertNotNull(a.orderId());
        assertThrows(IllegalStateException.class, () -> tracker.submit(request("pack-h58kdagr9vsf", 100, 300)));
        await("paid", () -> latest("pack-h58kdagr9vsf").state() == ActivityState.SUCCEEDED);
        assertEquals(200, inventory.find("pack-h58kdagr9vsf").orElseThrow().capacityGb());
    }

    @Test
    void unknownPackFailsWithTheServersMessage() {
        inventory.add(new ResourcePack("pack-notinsandbox", "", 100, null, null));
        Activity a = tracker.submit(request("pack-notinsandbox", 100, 200));
        assertEquals(ActivityState.FAILED, a.state());
        assertEquals("Index: 0, Size: 0", a.failureReason());
        assertEquals("UnknownError", a.errorCode());
    }

    @Test
    void unpaidOrderAwaitsPaymentThenCancellationEndsIt() throws Exception {
        Activity a = tracker.submit(request(SandboxPack.UNPAID_PACK, 300, 400));
        await("awaiting payment", () -> latest(SandboxPack.UNPAID_PACK).state() == ActivityState.AWAITING_PAYMENT);
        assertTrue(latest(SandboxPack.UNPAID_PACK).message().contains("status 1"));
        sandbox.cancel(a.orderId(), "USER");
        await("cancelled", () -> latest(SandboxPack.UNPAID_PACK).state() == ActivityState.CANCELLED);
        assertEquals(300, inventory.find(SandboxPack.UNPAID_PACK).orElseThrow().capacityGb());
    }

    @Test
    void anUnansweredUpgradeIsFoundInTheOrderList() throws Exception {
        sandbox.failNext(new UniCloudSandbox.Fault(502, "text/html", "<html>bad gateway</html>", true));
        Activity a = tracker.submit(request("pack-m3xq8v2rtn5c", 500, 600));
        assertEquals(ActivityState.SUBMITTING, a.state());
        await("paid", () -> latest("pack-m3xq8v2rtn5c").state() == ActivityState.SUCCEEDED);
        assertNotNull(latest("pack-m3xq8v2rtn5c").orderId());
    }

    @Test
    void anUnansweredUpgradeWithoutOrderIsDeclaredNotApplied() throws Exception {
        sandbox.failNext(UniCloudSandbox.Fault.html(504));
        tracker.submit(request("pack-p7k2j9wz4ldf", 1000, 1100));
        await("failed", () -> latest("pack-p7k2j9wz4ldf").state() == ActivityState.FAILED);
        assertTrue(latest("pack-p7k2j9wz4ldf").message().contains("most likely not applied"));
    }

    @Test
    void resumeFollowsAnUnfinishedOrderAfterARestart() throws Exception {
        Activity a = tracker.submit(request("pack-t4c8n6ye2hqb", 2000, 2100));
        tracker.shutdown();
        tracker = newTracker();
        tracker.resumeUnfinished();
        await("paid after resume", () -> journal.find(a.id()).orElseThrow().state() == ActivityState.SUCCEEDED);
    }

    @Test
    void anOrderUniCloudNoLongerKnowsEndsCancelledWithThatReason() throws Exception {
        Activity a = tracker.submit(request("pack-t4c8n6ye2hqb", 2000, 2100));
        tracker.shutdown();
        // A new sandbox forgets the orders of the old one, as UniCloud would for an order it cannot find.
        sandbox.close();
        sandbox = UniCloudSandbox.start(SandboxPack.standard(), Clock.systemUTC(), Duration.ofMillis(500));
        tracker = newTracker();
        tracker.resumeUnfinished();
        await("cancelled", () -> journal.find(a.id()).orElseThrow().state() == ActivityState.CANCELLED);
        Activity ended = journal.find(a.id()).orElseThrow();
        assertTrue(ended.message().startsWith("Order " + ended.orderId() + " can no longer be found at UniCloud"),
                ended.message());
        assertEquals("order no longer found", ended.failureReason());
        assertEquals(2000, inventory.find("pack-t4c8n6ye2hqb").orElseThrow().capacityGb(), "not upgraded");
    }

    NasRenewRequest renewal(String id, int count, io.expanse.domain.nas.RenewalPeriod.Unit unit) {
        return new NasRenewRequest(id, "label", 100, "YEAR_MONTH", new io.expanse.domain.nas.RenewalPeriod(count, unit),
                "Sandbox", sandbox.region());
    }

    @Test
    void aPaidRenewalIsRecordedAndStoresTheNewExpiry() throws Exception {
        // The pack is still valid (2026-12-31 in the sandbox's list): the renewal counts from its expiry.
        inventory.update("pack-h58kdagr9vsf", inventory.find("pack-h58kdagr9vsf").orElseThrow().withExpiry("2099-01-31"));
        Activity a = tracker.renew(renewal("pack-h58kdagr9vsf", 3, io.expanse.domain.nas.RenewalPeriod.Unit.MONTH));
        assertEquals(ActivityState.SUBMITTED, a.state(), a.message());
        assertEquals(Activity.KIND_NAS_RENEW, a.kind());
        assertEquals("3month", a.device());
        assertNotNull(a.orderId());
        assertTrue(tracker.inFlight("pack-h58kdagr9vsf"));
        assertThrows(IllegalStateException.class, () -> tracker.submit(request("pack-h58kdagr9vsf", 100, 200)),
                "an upgrade was sent while a renewal of the same pack is in flight");
        assertEquals("2099-01-31", inventory.find("pack-h58kdagr9vsf").orElseThrow().expiresOn(),
                "the expiry moved before the order was paid");
        await("paid", () -> latest("pack-h58kdagr9vsf").state() == ActivityState.SUCCEEDED);
        assertEquals("2099-04-30", inventory.find("pack-h58kdagr9vsf").orElseThrow().expiresOn());
        assertTrue(latest("pack-h58kdagr9vsf").message().contains("2099-04-30"), latest("pack-h58kdagr9vsf").message());
        assertEquals(100, inventory.find("pack-h58kdagr9vsf").orElseThrow().capacityGb());
    }

    @Test
    void anExpiredPackIsRenewedFromToday() throws Exception {
        inventory.update("pack-h58kdagr9vyv", inventory.find("pack-h58kdagr9vyv").orElseThrow().withExpiry("2001-01-01"));
        tracker.renew(renewal("pack-h58kdagr9vyv", 1, io.expanse.domain.nas.RenewalPeriod.Unit.YEAR));
        await("paid", () -> latest("pack-h58kdagr9vyv").state() == ActivityState.SUCCEEDED);
        java.time.LocalDate today = java.time.LocalDate.now();
        java.time.LocalDate stored = inventory.find("pack-h58kdagr9vyv").orElseThrow().expiryDate();
        assertTrue(!stored.isBefore(today.plusYears(1).minusDays(1)) && !stored.isAfter(today.plusYears(1).plusDays(1)),
                "renewed to " + stored);
    }

    @Test
    void aRefusedRenewalKeepsUniCloudsOwnAnswer() {
        inventory.add(new ResourcePack("pack-notinsandbox", "", 100, "2030-01-01", null));
        Activity a = tracker.renew(renewal("pack-notinsandbox", 1, io.expanse.domain.nas.RenewalPeriod.Unit.MONTH));
        assertEquals(ActivityState.FAILED, a.state());
        assertEquals("UnknownError", a.errorCode());
        assertEquals("Index: 0, Size: 0", a.failureReason());
        assertEquals("2030-01-01", inventory.find("pack-notinsandbox").orElseThrow().expiresOn());
        assertFalse(tracker.inFlight("pack-notinsandbox"));
    }
}
