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
}
