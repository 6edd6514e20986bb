package io.expanse.ui.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.unicloud.NasApi;
import io.expanse.cloud.unicloud.OrderDetail;
import io.expanse.cloud.unicloud.OrderSummary;
import io.expanse.cloud.unicloud.UpgradeAccepted;
import io.expanse.cloud.unicloud.UpgradeBody;
import io.expanse.domain.nas.UpgradePolicy;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.common.task.QueuedTaskExecutor;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.PackInventory;
import io.expanse.work.nas.ResourcePack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgrade dialog's model without a window or toolkit: work runs on the test thread, UniCloud is a fake. */
class UpgradeViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final ResourcePack PACK = new ResourcePack("pack-h58kdagr9vsf", "web", 100, "2026-01-01",
            "YEAR_MONTH");

    /** Records each upgrade sent; answers with an order, or throws the failure set. */
    static final class FakeNas implements NasApi {
        final List<UpgradeBody> sent = new ArrayList<>();
        final List<io.expanse.cloud.unicloud.RenewBody> renewals = new ArrayList<>();
        ApiException failure;

        @Override
        public UpgradeAccepted renew(io.expanse.cloud.unicloud.RenewBody body) throws ApiException {
            renewals.add(body);
            if (failure != null) {
                throw failure;
            }
            return new UpgradeAccepted("1038174306469270999", List.of(body.instanceIds()), "req-2");
        }

        @Override
        public String region() {
            return "cn-tianjin-yfb";
        }

        @Override
        public UpgradeAccepted upgrade(UpgradeBody body) throws ApiException {
            sent.add(body);
            if (failure != null) {
                throw failure;
            }
            return new UpgradeAccepted("ORD-1", List.of("ORD-1"), "req-1");
        }

        @Override
        public OrderDetail orderDetail(String orderId) throws ApiException {
            throw new ApiException(ApiException.Kind.NETWORK, "not in this test", null);
        }

        @Override
        public List<OrderSummary> recentOrders(Instant since) {
            return List.of();
        }
    }

    @TempDir
    Path dir;

    private final FakeNas api = new FakeNas();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger submitted = new AtomicInteger();
    private ActivityJournal journal;
    private NasUpgradeTracker tracker;

    @BeforeEach
    void setUp() {
        journal = new ActivityJournal(dir.resolve("activity.json"), CLOCK);
        PackInventory inventory = new PackInventory(dir.resolve("packs.json"), "Acct", "cn-tianjin-yfb");
        inventory.add(PACK);
        tracker = new NasUpgradeTracker(api, journal, inventory, scheduler, CLOCK, PollSchedule.defaults(),
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private UpgradeViewModel model(TaskExecutor tasks) {
        UpgradeViewModel vm = new UpgradeViewModel(tracker, new UpgradePolicy(), tasks, PACK, "Acct",
                "cn-tianjin-yfb", CLOCK);
        vm.setOnSubmitted(submitted::incrementAndGet);
        return vm;
    }

    @Test
    void anEmptyFieldIsNotAnErrorYetButCannotBeSent() {
        UpgradeViewModel vm = model(new CurrentThreadTaskExecutor());
        assertFalse(vm.validProperty().get());
        assertNull(vm.validationProperty().get());
        assertEquals("—", vm.specCodeProperty().get());
        vm.submit();
        assertTrue(api.sent.isEmpty());
    }

    @Test
    void aCapacityNotOfferedIsRefusedWithTheRuleThatSaysSo() {
        UpgradeViewModel vm = model(new CurrentThreadTaskExecutor());
        vm.targetTextProperty().set("150");
        assertFalse(vm.validProperty().get());
        assertEquals("150 GB is not an offered capacity: use multiples of 100 GB up to 102400 GB, e.g. 200 GB.",
                vm.validationProperty().get());
        assertEquals("—", vm.specCodeProperty().get(), "a refused target shows no specification code");
        vm.targetTextProperty().set("50");
        assertEquals("—", vm.specCodeProperty().get(), "a smaller target shows no specification code");
        vm.targetTextProperty().set("200");
        assertEquals("nasbag.capacity.200G", vm.specCodeProperty().get());
        vm.targetTextProperty().set("10\u00B2");
        assertEquals("Enter a whole number of GB with the digits 0 to 9, e.g. 200.", vm.validationProperty().get());
    }

    @Test
    void anUpgradeInFlightIsSaidAtOnceEvenWithAnEmptyField() {
        journal.record(new Activity("a-1", Activity.KIND_NAS_UPGRADE, "Acct", "cn-tianjin-yfb", null, PACK.id(),
                "web", 100, 200, true, null, null, ActivityState.AWAITING_PAYMENT, null, "ORD-0", CLOCK.instant(),
                CLOCK.instant(), null, "awaiting payment", null, null, null));
        UpgradeViewModel vm = model(new CurrentThreadTaskExecutor());
        assertEquals("An upgrade of web (pack-h58kdagr9vsf) is already in progress; wait for its order to be paid or"
                + " cancelled.",
                vm.validationProperty().get());
    }

    @Test
    void anAcceptedUpgradeSendsTheTypedCapacityOnceAndClosesTheDialog() {
        UpgradeViewModel vm = model(new CurrentThreadTaskExecutor());
        vm.targetTextProperty().set("３００ＧＢ");
        assertTrue(vm.validProperty().get(), vm.validationProperty().get());
        assertEquals("Upgrade pack-h58kdagr9vsf (web) from 100 GB to 300 GB \u2014 an order will be created"
                + " (nasbag.capacity.300G, Yearly/monthly); the capacity grows once it is paid.",
                vm.summaryProperty().get());

        vm.submit();

        assertEquals(1, api.sent.size());
        assertEquals(300, api.sent.get(0).capacityGb());
        assertEquals(PACK.id(), api.sent.get(0).instanceId());
        assertEquals(1, submitted.get());
        assertNull(vm.submitErrorProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(ActivityState.SUBMITTED, journal.all().get(0).state());
    }

    @Test
    void aRefusedUpgradeShowsTheMessageAndKeepsTheDialogOpen() {
        api.failure = new ApiException(ApiException.Kind.PERMISSION, 403, "NAS.403", "arrears", "req-9",
                "The account is in arrears.", null, null);
        UpgradeViewModel vm = model(new CurrentThreadTaskExecutor());
        vm.targetTextProperty().set("200");

        vm.submit();

        assertEquals("The account is in arrears.", vm.submitErrorProperty().get());
        assertEquals(0, submitted.get());
        assertFalse(vm.busyProperty().get());
        assertEquals(ActivityState.FAILED, journal.all().get(0).state());
    }

    @Test
    void aSubmitThatThrowsShowsTheErrorAndNothingIsSent() {
        tracker.shutdown();
        UpgradeViewModel vm = model(new CurrentThreadTaskExecutor());
        vm.targetTextProperty().set("200");

        vm.submit();

        assertEquals(new io.expanse.work.TrackerShutDownException("upgrade").getMessage(), vm.submitErrorProperty().get());
        assertTrue(api.sent.isEmpty());
        assertEquals(0, submitted.get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aSecondSubmitWhileTheFirstRunsSendsNothing() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        UpgradeViewModel vm = model(tasks);
        vm.targetTextProperty().set("200");

        vm.submit();
        vm.submit();

        assertTrue(vm.busyProperty().get());
        assertEquals(1, tasks.pending());
        tasks.runAll();
        assertEquals(1, api.sent.size());
        assertEquals(1, submitted.get());
        assertFalse(vm.busyProperty().get());
    }

    private UpgradeViewModel modelOn(String instant) {
        return new UpgradeViewModel(tracker, new UpgradePolicy(), new CurrentThreadTaskExecutor(), PACK, "Acct",
                "cn-tianjin-yfb", Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void anExpiredPackIsWarnedAboutBeforeAnythingIsTyped() {
        UpgradeViewModel vm = modelOn("2026-01-05T10:00:00Z");
        assertTrue(vm.expired());
        assertEquals(vm.packText() + " expired on 2026-01-01, 4 days ago. UniCloud may refuse to upgrade an"
                + " expired pack, or bill the upgrade while the pack stays unusable: renew it first.",
                vm.expiryWarning());
        assertTrue(modelOn("2026-01-02T10:00:00Z").expiryWarning().contains(" expired on 2026-01-01, yesterday."));
    }

    @Test
    void aPackWithin30DaysOfItsExpiryIsWarnedAboutAndOneFurtherIsNot() {
        UpgradeViewModel soon = modelOn("2025-12-20T10:00:00Z");
        assertFalse(soon.expired());
        assertTrue(soon.expiryWarning().startsWith(soon.packText() + " expires on 2026-01-01, in 12 days."),
                soon.expiryWarning());
        assertTrue(modelOn("2026-01-01T10:00:00Z").expiryWarning().contains("2026-01-01, today."));
        assertNull(modelOn("2025-12-01T10:00:00Z").expiryWarning(), "31 days ahead is warned about");
        assertNull(model(new CurrentThreadTaskExecutor()).expiryWarning());
    }
}
