package io.expanse.ui.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.ui.common.task.QueuedTaskExecutor;
import io.expanse.work.ActivityJournal;
import io.expanse.work.PollSchedule;
import io.expanse.work.accounts.NasAccount;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.PackImport;
import io.expanse.work.nas.PackInventory;
import io.expanse.work.nas.ResourcePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packs view's model without a toolkit: the CSV file is read and imported on the executor, not the UI thread. */
class PacksViewModelTest {

    @TempDir
    Path dir;

    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicReference<String> done = new AtomicReference<>();
    private final AtomicReference<String> unreadable = new AtomicReference<>();
    private PackInventory inventory;
    private PacksViewModel vm;

    @BeforeEach
    void setUp() {
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.json"));
        inventory = new PackInventory(dir.resolve("packs.json"), "Acct", "cn-tianjin-yfb");
        inventory.add(new ResourcePack("pack-aaa111", "web", 100, null, null));
        UpgradeViewModelTest.FakeNas api = new UpgradeViewModelTest.FakeNas();
        NasUpgradeTracker tracker = new NasUpgradeTracker(api, journal, inventory, scheduler, Clock.systemUTC(),
                PollSchedule.defaults(), Duration.ofSeconds(30));
        vm = new PacksViewModel(journal, tasks);
        vm.show(new NasAccount("Acct", false, api, inventory, tracker));
        tasks.runAll();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void theCsvFileIsReadAndImportedOnTheExecutor() throws Exception {
        assertEquals(1, vm.rows().size());
        Path csv = Files.writeString(dir.resolve("packs.csv"), "id,capacity_gb,expiry,label\n"
                + "pack-bbb222,200,2026-01-01,db\n");

        AtomicReference<PackImport.Preview> preview = new AtomicReference<>();
        vm.previewImport(csv, preview::set, unreadable::set);

        assertEquals(1, tasks.pending(), "the file is read on the executor");
        assertNull(preview.get());
        tasks.runAll();
        assertEquals("1 to add, 0 to update, 0 unchanged, 0 refused.", preview.get().summary());
        assertEquals(1, inventory.list().size(), "nothing imported by the preview");
        assertFalse(vm.undoAvailableProperty().get());

        vm.applyImport(preview.get(), done::set, unreadable::set);
        assertEquals(1, inventory.list().size(), "nothing imported before the executor ran");
        tasks.runAll();
        assertEquals("1 added, 0 updated.", done.get());
        assertNull(unreadable.get());
        assertTrue(vm.undoAvailableProperty().get());
        assertEquals(2, inventory.list().size());
        assertEquals(2, vm.rows().size(), "the list was read again after the import");

        AtomicReference<String> undone = new AtomicReference<>("not yet");
        vm.undoImport(undone::set);
        tasks.runAll();
        assertNull(undone.get());
        assertEquals(1, inventory.list().size());
        assertFalse(vm.undoAvailableProperty().get());
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndNothingIsImported() {
        Path missing = dir.resolve("missing.csv");

        AtomicReference<PackImport.Preview> preview = new AtomicReference<>();
        vm.previewImport(missing, preview::set, unreadable::set);
        tasks.runAll();

        assertNull(preview.get());
        assertTrue(unreadable.get().startsWith("Could not read " + missing + ": "), unreadable.get());
        assertEquals(1, inventory.list().size());
    }

    @Test
    void aNewerListReadReplacesAnOlderOne() {
        vm.reload();
        vm.reload();
        assertEquals(1, tasks.pending());
    }

    /** 2026-12-02 15:00 in Beijing. */
    private static final Clock BEIJING = Clock.fixed(java.time.Instant.parse("2026-12-02T07:00:00Z"),
            java.time.ZoneId.of("Asia/Shanghai"));

    private PacksViewModel modelAt(Clock clock) {
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity-fixed.json"));
        PackInventory packs = new PackInventory(dir.resolve("packs-fixed.json"), "Acct", "cn-tianjin-yfb");
        packs.add(new ResourcePack("pack-expired01", "old", 100, "2026-12-01", "DAY_MONTH"));
        packs.add(new ResourcePack("pack-today0001", "today", 100, "2026-12-02", null));
        packs.add(new ResourcePack("pack-soon00001", "soon", 100, "2027-01-01", null));
        packs.add(new ResourcePack("pack-later0001", "later", 100, "2027-01-02", null));
        packs.add(new ResourcePack("pack-noexpiry1", "none", 100, null, "CHARGING_HOURS"));
        journal.record(new io.expanse.work.Activity("a-9", io.expanse.work.Activity.KIND_NAS_UPGRADE, "Acct",
                "cn-tianjin-yfb", null, "pack-later0001", "later", 100, 200, true, null, null,
                io.expanse.work.ActivityState.SUCCEEDED, null, "1038174306469270849",
                java.time.Instant.parse("2026-11-30T01:00:00Z"), java.time.Instant.parse("2026-11-30T02:05:00Z"),
                java.time.Instant.parse("2026-11-30T02:05:00Z"), "paid", null, null, null));
        UpgradeViewModelTest.FakeNas api = new UpgradeViewModelTest.FakeNas();
        NasUpgradeTracker tracker = new NasUpgradeTracker(api, journal, packs, scheduler, clock,
                PollSchedule.defaults(), Duration.ofSeconds(30));
        PacksViewModel model = new PacksViewModel(journal, tasks, clock);
        model.show(new NasAccount("Acct", false, api, packs, tracker));
        tasks.runAll();
        return model;
    }

    private static PackRow row(PacksViewModel model, String id) {
        return model.rows().stream().filter(r -> r.pack().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void expiredPacksAndPacksWithin30DaysAreFlaggedWithTheDaysLeft() {
        PacksViewModel model = modelAt(BEIJING);
        assertEquals(-1L, row(model, "pack-expired01").daysLeft());
        assertTrue(row(model, "pack-expired01").expired());
        assertFalse(row(model, "pack-expired01").expiresSoon());
        assertEquals(0L, row(model, "pack-today0001").daysLeft());
        assertTrue(row(model, "pack-today0001").expiresSoon(), "the last day is not flagged");
        assertEquals(30L, row(model, "pack-soon00001").daysLeft());
        assertTrue(row(model, "pack-soon00001").expiresSoon());
        assertFalse(row(model, "pack-later0001").expiresSoon(), "31 days ahead is flagged");
        assertFalse(row(model, "pack-later0001").expired());
        assertNull(row(model, "pack-noexpiry1").daysLeft());
        assertFalse(row(model, "pack-noexpiry1").expired() || row(model, "pack-noexpiry1").expiresSoon());
    }

    @Test
    void payTypesAreWordsAndTheLastUpgradeHasADateWithItsZone() {
        PacksViewModel model = modelAt(BEIJING);
        assertEquals("Yearly/monthly", row(model, "pack-today0001").payTypeText());
        assertEquals("Daily, settled monthly", row(model, "pack-expired01").payTypeText());
        assertEquals("Hourly, pay as you go", row(model, "pack-noexpiry1").payTypeText());
        PackRow upgraded = row(model, "pack-later0001");
        assertEquals(java.time.Instant.parse("2026-11-30T02:05:00Z"), upgraded.lastUpgradeAt());
        assertEquals("Succeeded · Nov 30, 2026, 10:05 AM UTC+08:00", upgraded.lastUpgradeText());
        assertEquals("", row(model, "pack-today0001").lastUpgradeText());
    }
}
