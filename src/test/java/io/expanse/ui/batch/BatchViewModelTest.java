package io.expanse.ui.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.domain.usage.SizeAdvice;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxRig;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.volumes.RowUsage;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.AccountBilling;
import io.expanse.work.accounts.EvsAccount;
import io.expanse.work.usage.MountUsage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
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
    private SandboxRig rig;
    private ScheduledExecutorService scheduler;
    private HuaweiClient evs;
    private EvsAccount account;
    private ActivityJournal journal;
    private final List<Activity> handedOn = new ArrayList<>();
    private int sentCallbacks;

    @BeforeEach
    void start() {
        rig = SandboxRig.start(new SandboxTimings(Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(100)));
        cloud = rig.cloud();
        server = rig.server();
        scheduler = rig.scheduler();
        HuaweiClient.Builder b = rig.client();
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
        rig.close();
    }

    private BatchViewModel model(String... names) throws Exception {
        return model(java.util.Map.of(), names);
    }

    /** @param usage what the table knows of how full some of the disks are, by name */
    private BatchViewModel model(java.util.Map<String, RowUsage> usage, String... names) throws Exception {
        List<BatchViewModel.Disk> disks = new ArrayList<>();
        for (String name : names) {
            Volume v = evs.getVolume(cloud.volumeByName(name).orElseThrow().id());
            ServerInfo s = v.firstServerId() == null ? null : evs.getServer(v.firstServerId());
            disks.add(new BatchViewModel.Disk(v, s, usage.get(name)));
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

    /** A mapped usage with this suggestion (EXPAND to {@code gb}, or another outcome). */
    private static RowUsage suggesting(SizeAdvice.Outcome outcome, long gb) {
        SizeAdvice.Suggestion s = new SizeAdvice.Suggestion(outcome, gb, 80, gb - 80, false, null, 32768);
        return RowUsage.mapped(new MountUsage("srv", "/data", "vol", null, List.of("vol"), 90.0, 100.0, 90.0,
                List.of(), null, s, true, null));
    }

    @Test
    void suggestedSizesAreTakenPerDiskCheckedByTheRulesAndTheOthersSayWhyTheyKeepTheRule() throws Exception {
        // data-01 and data-02 are 100 GB; sys-1024 is a 1024 GB system disk at its limit.
        BatchViewModel vm = model(java.util.Map.of(
                        "data-01", suggesting(SizeAdvice.Outcome.EXPAND, 130),
                        "data-02", RowUsage.without(RowUsage.Kind.NO_AGENT, "no agent"),
                        "sys-1024", suggesting(SizeAdvice.Outcome.EXPAND, 1100),
                        "billing-02", suggesting(SizeAdvice.Outcome.NOT_NEEDED, 100)),
                "data-01", "data-02", "sys-1024", "billing-02", "srv-reboot-disk");
        vm.targetTextProperty().set("+10");

        vm.useSuggestedSizes();

        assertEquals("130 GB", line(vm, "data-01").target());
        assertTrue(line(vm, "data-01").overridden());
        assertEquals("Will grow by 30 GB (suggested size)", line(vm, "data-01").outcome());
        assertEquals("110 GB", line(vm, "data-02").target(), "no suggestion: the rule");
        assertEquals("Will grow by 10 GB by the rule; no suggested size: its server has no Cloud Eye agent",
                line(vm, "data-02").outcome());
        assertTrue(line(vm, "billing-02").outcome().endsWith("no suggested size: its peak use is already under 70 %"),
                line(vm, "billing-02").outcome());
        assertTrue(line(vm, "srv-reboot-disk").outcome().contains("REBOOT"), "still refused by the rules");
        assertTrue(line(vm, "sys-1024").refused(), "a suggestion beyond the rules is refused like any size");
        assertEquals("1100 GB", line(vm, "sys-1024").target());
        assertEquals("Suggested sizes taken for 2 disks; 3 disks keep the rule (see the Check column).",
                vm.suggestionNoteProperty().get());
        // 30 + 10 + 10 GB over data-01, data-02 and billing-02.
        assertTrue(vm.summaryProperty().get().startsWith("Expand 3 disks, 50 GB added in all"),
                vm.summaryProperty().get());

        vm.setOverride(line(vm, "data-02").volumeId(), "150");
        assertEquals("Will grow by 50 GB", line(vm, "data-02").outcome(), "a size by hand drops the note");
        vm.targetTextProperty().set("");
        assertEquals("130 GB", line(vm, "data-01").target(), "the suggestion does not need the rule");
        assertEquals("No suggested size: its peak use is already under 70 %; type a target above.",
                line(vm, "billing-02").outcome());
    }

    @Test
    void withoutAnySuggestionTheRuleStaysAndTheNoteSaysSo() throws Exception {
        BatchViewModel vm = model("data-01", "data-02");
        vm.targetTextProperty().set("+10");
        vm.useSuggestedSizes();
        assertEquals("None of these disks has a suggested size; they keep the rule (see the Check column).",
                vm.suggestionNoteProperty().get());
        assertEquals("Will grow by 10 GB by the rule; no suggested size: its usage has not been read",
                line(vm, "data-01").outcome());
        assertEquals("Will grow by 10 GB by the rule; no suggested size: it is not attached to a server, so Cloud Eye"
                + " cannot see how full it is", line(vm, "data-02").outcome(), "data-02 is available, not attached");
        assertTrue(vm.summaryProperty().get().startsWith("Expand 2 disks, 20 GB added in all"));
    }

    @Test
    void aBatchIsPricedInOneRatingCallPerBillingModeNotOnePerDisk() throws Exception {
        java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        io.expanse.cloud.huawei.EvsBillingApi real = account.billing().api();
        io.expanse.cloud.huawei.EvsBillingApi counting = (io.expanse.cloud.huawei.EvsBillingApi)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {io.expanse.cloud.huawei.EvsBillingApi.class}, (proxy, method, args) -> {
                            calls.merge(method.getName(), 1, Integer::sum);
                            try {
                                return method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        account = new EvsAccount("Sandbox", true, server.region(), server.projectId(), evs, account.tracker(),
                new AccountBilling(counting, AccountBilling.CHINA_ORDERS));
        BatchViewModel vm = model("data-01", "data-02", "web-02-data", "billing-01", "billing-02", "billing-03");

        vm.targetTextProperty().set("+10");

        assertTrue(vm.onDemandPriceProperty().get().startsWith("On-demand (3 disks): +"),
                vm.onDemandPriceProperty().get());
        assertTrue(vm.yearlyPriceProperty().get().startsWith("Yearly/monthly (3 disks): About "),
                vm.yearlyPriceProperty().get());
        assertEquals(1, calls.getOrDefault("rateOnDemandAll", 0), calls.toString());
        assertEquals(1, calls.getOrDefault("subscriptions", 0), calls.toString());
        assertEquals(1, calls.getOrDefault("rateMonthlyAll", 0), calls.toString());
        assertNull(calls.get("rateOnDemand"), calls.toString());
        assertNull(calls.get("rateMonthly"), calls.toString());

        vm.targetTextProperty().set("+20");
        vm.targetTextProperty().set("+10");
        assertEquals(2, calls.get("rateOnDemandAll"), "back to +10: the prices already had are kept");
        assertEquals(2, calls.get("rateMonthlyAll"), calls.toString());
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
