package io.expanse.ui.resize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.common.task.QueuedTaskExecutor;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.fakes.FakeEvs;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.accounts.EvsAccount;
import io.expanse.work.ResizeTracker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resize dialog's model without a window or toolkit: work runs on the test thread, the cloud is a fake. */
class ResizeViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeEvs api = new FakeEvs();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ResizePolicy policy = new ResizePolicy();
    private ActivityJournal journal;
    private ResizeTracker tracker;
    private final AtomicInteger submitted = new AtomicInteger();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private ResizeViewModel model(TaskExecutor tasks, Volume tableCopy) {
        journal = new ActivityJournal(dir.resolve("activity.json"), CLOCK);
        tracker = new ResizeTracker(api, journal, scheduler, CLOCK, PollSchedule.defaults());
        EvsAccount connection = new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, api, tracker);
        ResizeViewModel vm = new ResizeViewModel(connection, tracker, journal, policy, tasks, tableCopy, null);
        vm.setOnSubmitted(submitted::incrementAndGet);
        return vm;
    }

    private ResizeViewModel model(Volume tableCopy) {
        return model(new CurrentThreadTaskExecutor(), tableCopy);
    }

    @Test
    void theFactsReadAgainReplaceTheTablesStaleCopy() {
        Volume stale = FakeEvs.volume("vol-1", "data-01", "available", 100, null);
        api.put(FakeEvs.volume("vol-1", "data-01", "in-use", 150, "srv-1")).put(FakeEvs.server("srv-1", "ACTIVE"));
        ResizeViewModel vm = model(stale);
        assertEquals("100 GB", vm.currentSizeTextProperty().get());

        vm.reloadFacts();

        assertEquals("150 GB", vm.currentSizeTextProperty().get());
        assertEquals("Data disk · up to 32768 GB", vm.roleTextProperty().get());
        assertNull(vm.factsNoteProperty().get());
        assertFalse(vm.busyProperty().get());
        vm.newSizeTextProperty().set("120");
        assertFalse(vm.validProperty().get());
        assertEquals("120 GB is smaller than the current size of data-01 (150 GB); the new size must be larger, as"
                + " disks cannot be shrunk.", vm.validationProperty().get());
    }

    @Test
    void aFailedReReadKeepsTheListsValuesAndSaysSo() {
        Volume copy = FakeEvs.volume("vol-1", "data-01", "available", 100, null);
        api.readFailure = new ApiException(ApiException.Kind.NETWORK, "The cloud could not be reached.", null);
        ResizeViewModel vm = model(copy);

        vm.reloadFacts();

        assertEquals("Could not re-read the disk (The cloud could not be reached.); the values from the list are"
                + " shown.", vm.factsNoteProperty().get());
        assertFalse(vm.busyProperty().get());
        vm.newSizeTextProperty().set("200");
        assertTrue(vm.validProperty().get(), vm.validationProperty().get());
    }

    @Test
    void aNewerReReadReplacesAnOlderOneStillRunning() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        api.put(FakeEvs.volume("vol-1", "data-01", "available", 300, null));
        ResizeViewModel vm = model(tasks, FakeEvs.volume("vol-1", "data-01", "available", 100, null));

        vm.reloadFacts();
        vm.reloadFacts();

        assertEquals(1, tasks.pending(), "the older re-read was dropped");
        assertTrue(vm.busyProperty().get());
        tasks.runAll();
        assertEquals(1, api.readCalls);
        assertEquals("300 GB", vm.currentSizeTextProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aResizeInFlightIsRefusedWithTheRuleThatSaysSo() {
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 100, null));
        journal.record(new Activity("a-1", Activity.KIND_EVS_RESIZE, "Test", FakeEvs.REGION, FakeEvs.PROJECT,
                "vol-1", "data-01", 100, 150, false, null, null, ActivityState.RUNNING, "job-0", null,
                CLOCK.instant(), CLOCK.instant(), null, "running", null, null, null));

        vm.newSizeTextProperty().set("200");

        assertFalse(vm.validProperty().get());
        assertEquals("A resize of data-01 is already in progress; wait for it to finish.",
                vm.validationProperty().get());
        assertNull(vm.summaryProperty().get());
        vm.submit();
        assertTrue(api.resizes.isEmpty(), "nothing was sent");
    }

    @Test
    void anAcceptedResizeIsSentOnceAndClosesTheDialog() {
        api.put(FakeEvs.volume("vol-1", "data-01", "available", 100, null));
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 100, null));
        vm.newSizeTextProperty().set("２００ＧＢ");
        assertEquals("Expand data-01 from 100 GB to 200 GB (+100 GB) \u2014 an expansion job will run; the disk stays"
                + " usable meanwhile.", vm.summaryProperty().get());

        vm.submit();

        assertEquals(List.of(new FakeEvs.Resize("vol-1", 200, null)), api.resizes);
        assertEquals(1, submitted.get());
        assertNull(vm.submitErrorProperty().get());
        assertFalse(vm.busyProperty().get());
        Activity a = journal.recent().get(0);
        assertEquals(ActivityState.SUBMITTED, a.state());
        assertEquals(200, a.newSizeGb());
    }

    @Test
    void aYearlyDiskAlwaysCreatesAnUnpaidOrderAndHandsItOnInsteadOfClosing() {
        api.resizeAnswer = new ResizeAccepted(null, "CS-9");
        ResizeViewModel vm = model(FakeEvs.yearly("vol-1", "data-01", "available", 100, "CS-1"));
        List<Activity> handedOn = new java.util.ArrayList<>();
        vm.setOnAccepted(handedOn::add);
        vm.newSizeTextProperty().set("300");
        assertTrue(vm.summaryProperty().get().contains("an order will be created, unpaid"),
                vm.summaryProperty().get());
        assertEquals(300, vm.plannedSizeProperty().get());

        vm.submit();

        // Never paid at once: the amount is shown first, then the operator decides.
        assertEquals(List.of(new FakeEvs.Resize("vol-1", 300, Boolean.FALSE)), api.resizes);
        assertEquals(0, submitted.get(), "the dialog closed before the order was shown");
        assertEquals(1, handedOn.size());
        assertEquals(ActivityState.AWAITING_PAYMENT, handedOn.get(0).state());
        assertEquals("CS-9", handedOn.get(0).orderId());
        assertTrue(vm.acceptedProperty().get());
        vm.submit();
        assertEquals(1, api.resizes.size(), "sent twice");
    }

    @Test
    void aRejectedResizeShowsTheCloudsReasonAndKeepsTheDialogOpen() {
        api.resizeFailure = new ApiException(ApiException.Kind.REJECTED, 400, "EVS.2024",
                "The disk is being backed up.", "req-7", "Huawei Cloud refused the request.", null, null);
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 100, null));
        vm.newSizeTextProperty().set("200");

        vm.submit();

        assertEquals("The disk is being backed up.", vm.submitErrorProperty().get());
        assertEquals(0, submitted.get());
        assertFalse(vm.busyProperty().get());
        assertEquals(ActivityState.FAILED, journal.recent().get(0).state());
        assertTrue(vm.validProperty().get(), "the failed resize is finished: it can be sent again");
    }

    @Test
    void aSubmitThatThrowsShowsTheErrorAndCanBeRetried() {
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 100, null));
        tracker.shutdown();
        vm.newSizeTextProperty().set("200");

        vm.submit();

        assertEquals(new io.expanse.work.TrackerShutDownException("resize").getMessage(), vm.submitErrorProperty().get());
        assertEquals(0, submitted.get());
        assertFalse(vm.busyProperty().get());
        assertTrue(api.resizes.isEmpty());
    }

    @Test
    void aSecondSubmitWhileTheFirstRunsSendsNothing() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ResizeViewModel vm = model(tasks, FakeEvs.volume("vol-1", "data-01", "available", 100, null));
        vm.newSizeTextProperty().set("200");

        vm.submit();
        assertTrue(vm.busyProperty().get());
        vm.submit();

        assertEquals(1, tasks.pending());
        tasks.runAll();
        assertEquals(1, api.resizes.size());
        assertEquals(1, submitted.get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void nothingTypedIsNotARefusalButAClearedFieldIs() {
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 100, null));
        assertNull(vm.validationProperty().get(), "no red sentence before anything was typed");
        assertFalse(vm.validProperty().get());
        vm.newSizeTextProperty().set("2");
        vm.newSizeTextProperty().set("");
        assertEquals("Enter the new size in GB.", vm.validationProperty().get());
    }

    @Test
    void aRefusalOfTheDiskItselfShowsBeforeAnythingIsTyped() {
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "error", 100, null));
        assertTrue(vm.validationProperty().get().startsWith("data-01 is in an error state"),
                vm.validationProperty().get());
    }

    @Test
    void aPlusSignAddsToTheCurrentSize() {
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 200, null));
        vm.newSizeTextProperty().set("+100");
        assertTrue(vm.validProperty().get(), vm.validationProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("Expand data-01 from 200 GB to 300 GB (+100 GB)"),
                vm.summaryProperty().get());
        vm.newSizeTextProperty().set("\uFF0B50");
        assertTrue(vm.summaryProperty().get().contains("to 250 GB"), vm.summaryProperty().get());
        vm.newSizeTextProperty().set("+1.5");
        assertFalse(vm.validProperty().get());
    }

    @Test
    void quickTargetsFillTheFieldAndAreCheckedByTheRules() {
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 105, null));
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.PLUS_10_PERCENT);
        assertEquals("116", vm.newSizeTextProperty().get(), "10 % of 105 is 10.5, rounded up");
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.PLUS_50_PERCENT);
        assertEquals("158", vm.newSizeTextProperty().get());
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.PLUS_100_GB);
        assertEquals("205", vm.newSizeTextProperty().get());
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.DOUBLE);
        assertEquals("210", vm.newSizeTextProperty().get());
        assertTrue(vm.validProperty().get());

        ResizeViewModel big = model(FakeEvs.volume("vol-2", "data-02", "available", 20000, null));
        big.applyQuickTarget(ResizeViewModel.QuickTarget.DOUBLE);
        assertFalse(big.validProperty().get(), "twice 20000 GB passes the data-disk limit");
        assertTrue(big.validationProperty().get().startsWith("40000 GB is too large"), big.validationProperty().get());
    }

    @Test
    void passingTwoTibibytesWarnsAboutMbrPartitionsWithoutRefusing() {
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "available", 2000, null));
        vm.newSizeTextProperty().set("2048");
        assertNull(vm.warningProperty().get(), "2048 GB is still within 2 TiB");
        vm.newSizeTextProperty().set("2100");
        assertTrue(vm.validProperty().get(), vm.validationProperty().get());
        assertTrue(vm.warningProperty().get().startsWith("The new size passes 2048 GB (2 TiB). A disk partitioned"
                + " with MBR"), vm.warningProperty().get());
        ResizeViewModel already = model(FakeEvs.volume("vol-2", "data-02", "available", 2100, null));
        already.newSizeTextProperty().set("2200");
        assertNull(already.warningProperty().get(), "a disk already past 2 TiB does not use MBR");
    }

    private static Volume shared(String id, String status, String... serverIds) {
        List<Volume.Attachment> atts = java.util.Arrays.stream(serverIds)
                .map(s -> new Volume.Attachment(s, "att-" + s, "/dev/vdc", "host", null)).toList();
        return new Volume(id, "shared-01", status, 1000, "SSD", "cn-north-4a", false, true, atts,
                java.util.Map.of(), "0", null, null);
    }

    @Test
    void anInUseDiskShowsItsServerByNameWithItsStatus() {
        api.put(FakeEvs.volume("vol-1", "data-01", "in-use", 100, "srv-1")).put(FakeEvs.server("srv-1", "ACTIVE"));
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "in-use", 100, "srv-1"));
        vm.reloadFacts();
        assertEquals("Attached to web-srv-1 (ACTIVE)", vm.attachmentTextProperty().get());
        assertFalse(vm.checkAgainOfferedProperty().get());
    }

    @Test
    void aSharedInUseDiskNamesEveryServerInTheLineAndInTheRefusal() {
        api.put(shared("vol-s", "in-use", "srv-1", "srv-2")).put(FakeEvs.server("srv-1", "ACTIVE"))
                .put(FakeEvs.server("srv-2", "SHUTOFF"));
        ResizeViewModel vm = model(shared("vol-s", "in-use", "srv-1", "srv-2"));
        vm.reloadFacts();
        assertEquals("Shared disk attached to web-srv-1 (ACTIVE), web-srv-2 (SHUTOFF)",
                vm.attachmentTextProperty().get());
        assertEquals(io.expanse.domain.resize.Rule.MULTIATTACH_IN_USE, vm.failedRuleProperty().get());
        assertEquals("shared-01 is a shared (multi-attach) disk that is in-use on web-srv-1, web-srv-2; a shared"
                + " disk can only be expanded when it is available, so detach it from these servers first.",
                vm.validationProperty().get());
        assertFalse(vm.checkAgainOfferedProperty().get(), "detaching is the operator's job, not a passing state");
    }

    @Test
    void aRebootingServerOffersCheckAgainWhichReadsAgainAndAllowsOnceItIsActive() {
        api.put(FakeEvs.volume("vol-1", "data-01", "in-use", 100, "srv-1")).put(FakeEvs.server("srv-1", "REBOOT"));
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "in-use", 100, "srv-1"));
        vm.reloadFacts();
        vm.newSizeTextProperty().set("200");
        assertEquals(io.expanse.domain.resize.Rule.SERVER_STATUS, vm.failedRuleProperty().get());
        assertTrue(vm.checkAgainOfferedProperty().get());

        api.put(FakeEvs.server("srv-1", "ACTIVE"));
        int reads = api.readCalls;
        vm.checkAgain();

        assertEquals(reads + 1, api.readCalls, "Check again reads the disk again");
        assertTrue(vm.validProperty().get(), vm.validationProperty().get());
        assertFalse(vm.checkAgainOfferedProperty().get());
        assertEquals("200", vm.newSizeTextProperty().get(), "the size typed is kept");
    }

    @Test
    void anExtendingDiskOffersCheckAgainAndAnErrorDiskDoesNot() {
        api.put(FakeEvs.volume("vol-1", "data-01", "extending", 100, null));
        ResizeViewModel vm = model(FakeEvs.volume("vol-1", "data-01", "extending", 100, null));
        assertEquals(io.expanse.domain.resize.Rule.VOLUME_STATUS, vm.failedRuleProperty().get());
        assertTrue(vm.checkAgainOfferedProperty().get());
        api.put(FakeEvs.volume("vol-1", "data-01", "available", 150, null));
        vm.checkAgain();
        assertFalse(vm.checkAgainOfferedProperty().get());
        assertEquals("150 GB", vm.currentSizeTextProperty().get());

        ResizeViewModel broken = model(FakeEvs.volume("vol-2", "data-02", "error", 100, null));
        assertEquals(io.expanse.domain.resize.Rule.VOLUME_STATUS, broken.failedRuleProperty().get());
        assertFalse(broken.checkAgainOfferedProperty().get());
    }
}
