package io.expanse.ui.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.unicloud.Envelope;
import io.expanse.cloud.unicloud.UniCloudErrors;
import io.expanse.domain.nas.RenewalPeriod;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renew dialog's model without a toolkit: work runs on the test thread, UniCloud is a fake. */
class RenewViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T07:00:00Z"), ZoneOffset.UTC);
    private static final ResourcePack PACK = new ResourcePack("pack-h58kdagr9vyv", "build", 200, "2026-06-30",
            "YEAR_MONTH");

    @TempDir
    Path dir;

    private final UpgradeViewModelTest.FakeNas api = new UpgradeViewModelTest.FakeNas();
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
        tracker.shutdown();
        scheduler.shutdownNow();
    }

    private RenewViewModel model() {
        RenewViewModel vm = new RenewViewModel(tracker, new CurrentThreadTaskExecutor(), PACK, "Acct",
                "cn-tianjin-yfb", CLOCK);
        vm.setOnSubmitted(submitted::incrementAndGet);
        return vm;
    }

    @Test
    void theChosenPeriodGivesTheNewExpiryAndIsSentOnceAsARenewal() {
        RenewViewModel vm = model();
        assertEquals(14, vm.periods().size());
        assertEquals(new RenewalPeriod(1, RenewalPeriod.Unit.YEAR), vm.periodProperty().get());
        assertEquals("2027-12-02", vm.newExpiryProperty().get(), "an expired pack is renewed from today");
        vm.periodProperty().set(new RenewalPeriod(3, RenewalPeriod.Unit.MONTH));
        assertEquals("2027-03-02", vm.newExpiryProperty().get());
        assertEquals("Renew pack-h58kdagr9vyv (build) for 3 months \u2014 an order will be created"
                + " (Yearly/monthly); the new expiry is stored once it is paid.", vm.summaryProperty().get());

        vm.submit();

        assertEquals(1, api.renewals.size());
        assertTrue(api.sent.isEmpty(), "an upgrade was sent");
        assertEquals(PACK.id(), api.renewals.get(0).instanceIds());
        assertEquals(3, api.renewals.get(0).rentCount());
        assertEquals("month", api.renewals.get(0).rentUnit());
        assertEquals(1, submitted.get());
        Activity a = journal.all().get(0);
        assertEquals(Activity.KIND_NAS_RENEW, a.kind());
        assertEquals(ActivityState.SUBMITTED, a.state());
        assertEquals("Renew 3 months", PackTexts.renewal(a.device()));

        RenewViewModel again = model();
        assertFalse(again.validProperty().get(), "a second renewal offered while one is in flight");
        assertTrue(again.validationProperty().get().contains("already in progress"));
    }

    @Test
    void aRefusalShowsUniCloudsOwnAnswerAndKeepsTheDialogOpen() {
        Envelope env = Envelope.parse(("{\"Status\":false,\"Auth\":true,\"Code\":\"InvalidParameter\",\"Message\":"
                + "\"The specified parameter orderCategory is not valid.\",\"RequestId\":\"req-77\"}"));
        ApiException refused = UniCloudErrors.fromEnvelope(400, env, "the renewal of " + PACK.id());
        api.failure = refused;
        RenewViewModel vm = model();

        vm.submit();

        assertEquals(0, submitted.get());
        String shown = vm.submitErrorProperty().get();
        assertTrue(shown.contains("UniCloud answered: InvalidParameter: The specified parameter orderCategory is not"
                + " valid."), shown);
        assertEquals(ActivityState.FAILED, journal.all().get(0).state());
        assertNull(vm.validationProperty().get());
    }
}
