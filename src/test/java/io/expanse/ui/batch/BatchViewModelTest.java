package io.expanse.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.AccountBilling;
import io.expanse.work.accounts.EvsAccount;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch dialog's model without a window, on the sandbox: the rule, overrides, refusals, totals, prices. */
class BatchViewModelTest {

    @TempDir
    Path dir;

    private SandboxCloud cloud;
    private SandboxServer server;
    private OkHttpClient http;
    private ScheduledExecutorService scheduler;
    private HuaweiClient evs;
    private EvsAccount account;
    private ActivityJournal journal;
    private final List<Activity> handedOn = new ArrayList<>();
    private int sentCallbacks;

    @BeforeEach
    void start() {
        cloud = new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(), new SandboxTimings(Duration.ofMillis(50),
                Duration.ofMillis(100), Duration.ofMillis(100)));
        server = SandboxServer.start(cloud);
        http = new OkHttpClient.Builder().build();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        HuaweiClient.Builder b = HuaweiClient.builder().http(http).endpoints(server.endpoints())
                .credentials(server.credentials()).region(server.region()).projectId(server.projectId())
                .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), d -> { }, () -> 0.5))
                .pageExecutor(Runnable::run);
        evs = b.build();
        AccountBilling billing = new AccountBilling(b.buildBilling(), AccountBilling.CHINA_ORDERS);
        journal = new ActivityJournal(dir.resolve("activity.json"));
        ResizeTracker tracker = new ResizeTracker(evs, billing.api(), journal, scheduler, Clock.systemUTC(),
                PollSchedule.defaults());
        account = new EvsAccount("Sandbox", true, server.region(), server.projectId(), evs, tracker, billing);
    }

    @AfterEach
    void stop() {
        account.close();
        scheduler.shutdownNow();
        server.close();
        http.dispatcher().executorService().shutdown();
    }

    private BatchViewModel model(String... names) throws Exception {
        List<BatchViewModel.Disk> disks = new ArrayList<>();
        for (String name : names) {
            Volume v = evs.getVolume(cloud.volumeByName(name).orElseThrow().id());
            ServerInfo s = v.firstServerId() == null ? null : evs.getServer(v.firstServerId());
            disks.add(new BatchViewModel.Disk(v, s));
        }
        BatchViewModel vm = new BatchViewModel(account, journal, new ResizePolicy(), new CurrentThreadTaskExecutor(),
                Clock.systemUTC(), disks);
        vm.setOnSent(a -> {
            sentCallbacks++;
            handedOn.add(a);
        });
        return vm;
    }

    private static BatchViewModel.Line line(BatchViewModel vm, String name) {
        return vm.lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void oneRuleForAllChecksEveryDiskAndListsTheRefusedWithTheirReasons() throws Exception {
        BatchViewModel vm = model("data-01", "data-02", "sys-1024", "srv-reboot-disk", "billing-02");
        assertFalse(vm.validProperty().get(), "nothing planned before a rule is typed");

        vm.targetTextProperty().set("+20%");

        assertEquals("120 GB", line(vm, "data-01").target());
        assertEquals("Will grow by 20 GB", line(vm, "data-01").outcome());
        assertTrue(line(vm, "sys-1024").refused());
        assertTrue(line(vm, "sys-1024").outcome().startsWith("Left out:") && line(vm, "sys-1024").outcome()
                .contains("1024"), line(vm, "sys-1024").outcome());
        assertTrue(line(vm, "srv-reboot-disk").outcome().contains("REBOOT"), line(vm, "srv-reboot-disk").outcome());
        assertEquals("2 disks are left out: the rules refuse them (see the Check column).",
                vm.refusedSummaryProperty().get());
        // 20 + 20 + 60 GB, on-demand and yearly/monthly apart: two calls.
        assertEquals("Expand 3 disks, 100 GB added in all, in 2 calls (one per billing mode, at most 60 disks each).",
                vm.summaryProperty().get());
        assertTrue(vm.validProperty().get());
        assertTrue(vm.onDemandPriceProperty().get().startsWith("On-demand (2 disks): +0.0556 CNY per hour"),
                vm.onDemandPriceProperty().get());
        assertTrue(vm.yearlyPriceProperty().get().startsWith("Yearly/monthly (1 disk): About "),
                vm.yearlyPriceProperty().get());
    }

    @Test
    void aPerDiskOverrideReplacesTheRuleAndIsCheckedByTheSameRules() throws Exception {
        BatchViewModel vm = model("data-01", "data-02");
        vm.targetTextProperty().set("+100");

        vm.setOverride(line(vm, "data-02").volumeId(), "500");
        assertEquals("500 GB", line(vm, "data-02").target());
        assertTrue(line(vm, "data-02").overridden());
        assertEquals("200 GB", line(vm, "data-01").target());

        vm.setOverride(line(vm, "data-02").volumeId(), "50");
        assertTrue(line(vm, "data-02").refused(), "an override below the current size is refused");

        vm.setOverride(line(vm, "data-02").volumeId(), "");
        assertEquals("200 GB", line(vm, "data-02").target(), "cleared: back to the rule");
        assertFalse(line(vm, "data-02").overridden());
    }

    @Test
    void theDisksAreReadAgainAndCheckedAsTheCloudHasThemNow() throws Exception {
        BatchViewModel vm = model("data-02");
        vm.targetTextProperty().set("120");
        assertFalse(line(vm, "data-02").refused());
        String id = line(vm, "data-02").volumeId();
        evs.resize(id, 130, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (cloud.volume(id).orElseThrow().size() != 130 || !"available".equals(cloud.volume(id).orElseThrow()
                .status())) {
            assertTrue(System.nanoTime() < deadline, "the sandbox did not grow the disk");
            Thread.sleep(20);
        }

        vm.reloadFacts();

        assertFalse(vm.readingProperty().get());
        assertNull(vm.factsNoteProperty().get());
        assertEquals("130 GB", line(vm, "data-02").current());
        assertTrue(line(vm, "data-02").refused(), line(vm, "data-02").outcome());
        assertFalse(vm.validProperty().get());
    }

    @Test
    void aTargetThatCannotBeReadIsSaidAndPlansNothing() throws Exception {
        BatchViewModel vm = model("data-01");
        vm.targetTextProperty().set("lots");
        assertTrue(vm.targetErrorProperty().get().contains("is not a target"), vm.targetErrorProperty().get());
        assertFalse(vm.validProperty().get());
        assertNull(vm.summaryProperty().get());
    }

    @Test
    void sendingMakesOneCallPerBillingModeAndHandsOnTheUnpaidOrder() throws Exception {
        BatchViewModel vm = model("data-01", "data-02", "billing-02");
        vm.targetTextProperty().set("+10");

        vm.submit();

        assertTrue(vm.sentProperty().get());
        assertFalse(vm.validProperty().get(), "not sent twice");
        assertEquals(1, sentCallbacks);
        Activity order = handedOn.get(0);
        assertNotNull(order);
        assertEquals(ActivityState.AWAITING_PAYMENT, order.state());
        assertEquals("billing-02", order.resourceName());
        String result = vm.resultProperty().get();
        assertTrue(result.startsWith("Sent 3 disks.") && result.contains("Batch job") && result.contains("Order"),
                result);
        assertEquals(3, journal.recent().size());
        vm.submit();
        assertEquals(3, journal.recent().size());
    }

    @Test
    void whereV5IsNotServedTheResultSaysTheDisksWentOneAtATime() throws Exception {
        cloud.serveBatchExtend(false);
        BatchViewModel vm = model("data-01", "data-02");
        vm.targetTextProperty().set("+10");

        vm.submit();

        assertTrue(vm.resultProperty().get().contains("sent one at a time"), vm.resultProperty().get());
        assertEquals(1, sentCallbacks);
        assertNull(handedOn.get(0));
    }
}
