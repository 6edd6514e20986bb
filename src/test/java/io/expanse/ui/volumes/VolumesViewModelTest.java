package io.expanse.ui.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.common.task.QueuedTaskExecutor;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.fakes.FakeEvs;
import io.expanse.work.accounts.EvsAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The volumes view's model without a table or toolkit: loading, latest-wins, and the selection rule (the same volume
 * id or nothing, never a neighbour).
 */
class VolumesViewModelTest {

    private final FakeEvs api = new FakeEvs();
    private final Session session = new Session();

    private VolumesViewModel connected(TaskExecutor tasks) {
        VolumesViewModel vm = new VolumesViewModel(session, tasks, Runnable::run);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, api, null));
        return vm;
    }

    private VolumesViewModel connected() {
        return connected(new CurrentThreadTaskExecutor());
    }

    private static List<String> shownIds(VolumesViewModel vm) {
        return vm.sortedRows().stream().map(r -> r.volume().id()).toList();
    }

    private static Volume available(String id, String name, long size) {
        return FakeEvs.volume(id, name, "available", size, null);
    }

    @Test
    void aLoadShowsTheRowsAndTheirServers() {
        api.put(available("v1", "alpha", 10), FakeEvs.volume("v2", "beta", "in-use", 20, "srv-1"))
                .put(FakeEvs.server("srv-1", "ACTIVE"));
        VolumesViewModel vm = connected();

        assertEquals(VolumesViewModel.LoadState.READY, vm.stateProperty().get());
        assertEquals(List.of("v1", "v2"), shownIds(vm));
        VolumeRow attached = vm.sortedRows().get(1);
        assertEquals(VolumeRow.ServerLookup.LOADED, attached.lookupProperty().get());
        assertEquals("web-srv-1", attached.serverText());
        assertEquals("Test · cn-north-4 · project proj-1 · 2 volumes · 1 in use", vm.statusLineProperty().get());
    }

    @Test
    void aFailedLoadShowsTheOperatorMessage() {
        api.listFailure = new ApiException(ApiException.Kind.PERMISSION, "The key may not list disks.", null);
        VolumesViewModel vm = connected();
        assertEquals(VolumesViewModel.LoadState.ERROR, vm.stateProperty().get());
        assertEquals("The key may not list disks.", vm.errorMessageProperty().get());
        assertEquals("", vm.errorDetailsProperty().get(), "no code, status or request id known");
    }

    @Test
    void aFailedLoadKeepsTheCodesApartFromTheSentence() {
        api.listFailure = new ApiException(ApiException.Kind.PERMISSION, 403, "EVS.0001", "denied", "req-9",
                "The key may not list disks.", null, null);
        VolumesViewModel vm = connected();
        assertEquals("The key may not list disks.", vm.errorMessageProperty().get());
        assertEquals("EVS.0001, HTTP 403, request req-9", vm.errorDetailsProperty().get());
    }

    @Test
    void aNewerLoadReplacesAnOlderOneStillRunning() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        api.put(available("v1", "alpha", 10));
        VolumesViewModel vm = connected(tasks);
        api.put(available("v2", "beta", 10));

        vm.refresh();

        assertEquals(1, tasks.pending(), "the older load was dropped");
        tasks.runAll();
        assertEquals(1, api.listCalls);
        assertEquals(List.of("v1", "v2"), shownIds(vm));
    }

    @Test
    void aNewerReReadOfOneVolumeReplacesAnOlderOne() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        api.put(available("v1", "alpha", 10));
        VolumesViewModel vm = connected(tasks);
        tasks.runAll();
        api.put(FakeEvs.volume("v1", "alpha", "extending", 10, null));

        vm.reread("v1");
        vm.reread("v1");

        assertEquals(1, tasks.pending());
        tasks.runAll();
        assertEquals(1, api.readCalls);
        assertEquals("extending", vm.sortedRows().get(0).volume().status());
    }

    @Test
    void aReplacedRowStaysSelected() {
        api.put(available("v1", "alpha", 10), available("v2", "beta", 10), available("v3", "gamma", 10));
        VolumesViewModel vm = connected();
        vm.select("v2");
        VolumeRow before = vm.selectedRow();

        vm.replace(available("v2", "beta", 50));

        assertEquals("v2", vm.selectedVolumeIdProperty().get());
        assertNotSame(before, vm.selectedRow());
        assertEquals(50, vm.selectedRow().volume().sizeGb());
        assertSame(vm.sortedRows().get(1), vm.selectedRow());
    }

    /** The reported bug: filter on "available", expand a disk; it leaves the list and its neighbour was selected. */
    @Test
    void aSelectedRowThatIsFilteredOutLeavesNothingSelectedNotItsNeighbour() {
        api.put(available("v1", "alpha", 10), available("v2", "beta", 10), available("v3", "gamma", 10));
        VolumesViewModel vm = connected();
        vm.filterTextProperty().set("available");
        vm.select("v2");

        vm.replace(FakeEvs.volume("v2", "beta", "extending", 10, null));

        assertEquals(List.of("v1", "v3"), shownIds(vm));
        assertNull(vm.selectedRow());
        assertNull(vm.selectedVolumeIdProperty().get());
    }

    @Test
    void aFilterThatHidesTheSelectedRowClearsTheSelection() {
        api.put(available("v1", "alpha", 10), available("v2", "beta", 10));
        VolumesViewModel vm = connected();
        vm.select("v2");
        vm.filterTextProperty().set("beta");
        assertEquals("v2", vm.selectedVolumeIdProperty().get());

        vm.filterTextProperty().set("alpha");

        assertNull(vm.selectedRow());
        vm.filterTextProperty().set("");
        assertNull(vm.selectedRow(), "a volume once filtered out is not selected again behind the operator's back");
    }

    @Test
    void aRefreshKeepsTheSelectedVolumeById() {
        api.put(available("v1", "alpha", 10), available("v2", "beta", 10), available("v3", "gamma", 10));
        VolumesViewModel vm = connected();
        vm.select("v2");
        VolumeRow before = vm.selectedRow();
        api.remove("v1");

        vm.refresh();

        assertEquals(List.of("v2", "v3"), shownIds(vm));
        assertEquals("v2", vm.selectedRow().volume().id());
        assertSame(before, vm.selectedRow(), "an unchanged volume keeps its row");
    }

    @Test
    void aRefreshKeepsTheRowsOfUnchangedVolumesAndMakesNewOnesForChangedOnes() {
        api.put(available("v1", "alpha", 10), available("v2", "beta", 10));
        VolumesViewModel vm = connected();
        VolumeRow alpha = vm.shownRow("v1");
        VolumeRow beta = vm.shownRow("v2");
        api.put(available("v2", "beta", 20));

        vm.refresh();

        assertSame(alpha, vm.shownRow("v1"));
        assertNotSame(beta, vm.shownRow("v2"));
        assertEquals(20, vm.shownRow("v2").volume().sizeGb());
        assertEquals(vm.currentLoad(), vm.serversAppliedProperty().get());
    }

    @Test
    void aRefreshWithoutTheSelectedVolumeClearsTheSelection() {
        api.put(available("v1", "alpha", 10), available("v2", "beta", 10), available("v3", "gamma", 10));
        VolumesViewModel vm = connected();
        vm.select("v2");
        api.remove("v2");

        vm.refresh();

        assertEquals(List.of("v1", "v3"), shownIds(vm));
        assertNull(vm.selectedRow());
        assertNull(vm.selectedVolumeIdProperty().get());
    }

    @Test
    void selectingAnIdThatIsNotShownSelectsNothing() {
        api.put(available("v1", "alpha", 10));
        VolumesViewModel vm = connected();
        vm.select("v1");
        vm.select("nope");
        assertNull(vm.selectedRow());
        assertNull(vm.selectedVolumeIdProperty().get());
    }

    @Test
    void equalSortKeysAreOrderedByIdWhateverOrderTheCloudListsThem() {
        api.put(available("v3", "same", 10), available("v1", "same", 10), available("v2", "other", 5));
        VolumesViewModel vm = connected();
        vm.orderProperty().set(Comparator.comparing(r -> r.volume().name()));
        assertEquals(List.of("v2", "v1", "v3"), shownIds(vm));
        vm.select("v1");

        // The next listing comes back in another order; the rows with equal names keep theirs.
        api.remove("v1").remove("v3").put(available("v1", "same", 10), available("v3", "same", 10));
        vm.refresh();
        assertEquals(List.of("v2", "v1", "v3"), shownIds(vm));
        assertEquals("v1", vm.selectedRow().volume().id());

        vm.orderProperty().set(Comparator.comparing((VolumeRow r) -> r.volume().sizeGb()).reversed());
        assertEquals(List.of("v1", "v3", "v2"), shownIds(vm));
        assertEquals("v1", vm.selectedRow().volume().id());
    }

    @Test
    void switchingAccountsClearsTheSelection() {
        api.put(available("v1", "alpha", 10));
        VolumesViewModel vm = connected();
        vm.select("v1");
        session.connecting("Other");
        assertNull(vm.selectedRow());
        assertEquals(VolumesViewModel.LoadState.LOADING, vm.stateProperty().get());
    }

    @Test
    void selectionListenersHearEveryReSelection() {
        api.put(available("v1", "alpha", 10), available("v2", "beta", 10));
        VolumesViewModel vm = connected();
        List<String> heard = new java.util.ArrayList<>();
        vm.addSelectionListener(() -> heard.add(vm.selectedRow() == null ? null : vm.selectedRow().volume().id()));
        vm.select("v1");
        vm.replace(available("v1", "alpha", 20));
        vm.filterTextProperty().set("beta");
        assertEquals(java.util.Arrays.asList("v1", "v1", null), heard);
    }

    @Test
    void everyAttachedServerIsReadInOneBatchAfterTheListAndFillsStatusAndRole() {
        List<Runnable> lookups = new ArrayList<>();
        api.put(FakeEvs.volume("v1", "alpha", "in-use", 40, "srv-1"), FakeEvs.volume("v2", "beta", "in-use", 20,
                        "srv-1"), FakeEvs.volume("v3", "gamma", "in-use", 20, "srv-2"),
                available("v4", "delta", 10), FakeEvs.volume("v5", "eps", "in-use", 10, "gone"))
                .put(new ServerInfo("srv-1", "web-1", "ACTIVE", "/dev/vda", List.of(
                        new ServerInfo.AttachedVolume("v1", "/dev/vda", "0"),
                        new ServerInfo.AttachedVolume("v2", "/dev/vdb", "-1"))))
                .put(FakeEvs.server("srv-2", "PAUSED"));
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), lookups::add);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, api, null));

        assertEquals(VolumesViewModel.LoadState.READY, vm.stateProperty().get(), "the list shows at once");
        assertEquals("…", row(vm, "v1").serverStatusText(), "servers not read yet");
        assertEquals(1, lookups.size(), "one background task reads every server");
        assertTrue(api.serverBatches.isEmpty(), "nothing read on this thread");

        lookups.forEach(Runnable::run);

        assertEquals(1, api.serverBatches.size());
        assertEquals(Set.of("srv-1", "srv-2", "gone"), Set.copyOf(api.serverBatches.get(0)));
        assertEquals(3, api.serverBatches.get(0).size(), "each server once");
        assertEquals(0, api.singleServerReads, "no per-server reads");
        assertEquals("ACTIVE", row(vm, "v1").serverStatusText());
        assertEquals("System", row(vm, "v1").roleText(), "bootIndex 0");
        assertEquals("Data", row(vm, "v2").roleText());
        assertEquals("PAUSED", row(vm, "v3").serverStatusText());
        assertEquals("", row(vm, "v4").serverStatusText(), "not attached");
        assertEquals("unreadable", row(vm, "v5").serverStatusText(), "not in the answer");
    }

    @Test
    void aFailedBatchMarksEveryAttachedRowUnreadable() {
        api.put(FakeEvs.volume("v1", "alpha", "in-use", 40, "srv-1"), available("v2", "beta", 10))
                .put(FakeEvs.server("srv-1", "ACTIVE"));
        api.serversFailure = new ApiException(ApiException.Kind.NETWORK, "No route to ECS.", null);
        VolumesViewModel vm = connected();

        assertEquals(VolumeRow.ServerLookup.FAILED, row(vm, "v1").lookupProperty().get());
        assertEquals(VolumeRow.ServerLookup.NONE, row(vm, "v2").lookupProperty().get());
        assertEquals(VolumesViewModel.LoadState.READY, vm.stateProperty().get(), "the list itself stands");
    }

    @Test
    void anAnswerForAnOlderLoadIsDropped() {
        List<Runnable> lookups = new ArrayList<>();
        api.put(FakeEvs.volume("v1", "alpha", "in-use", 40, "srv-1")).put(FakeEvs.server("srv-1", "ACTIVE"));
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), lookups::add);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, api, null));
        vm.refresh();
        assertEquals(2, lookups.size());

        lookups.get(0).run();
        assertEquals(VolumeRow.ServerLookup.LOADING, row(vm, "v1").lookupProperty().get(), "older answer dropped");
        lookups.get(1).run();
        assertEquals(VolumeRow.ServerLookup.LOADED, row(vm, "v1").lookupProperty().get());
    }

    private static VolumeRow row(VolumesViewModel vm, String id) {
        return vm.allRows().stream().filter(r -> r.volume().id().equals(id)).findFirst().orElseThrow();
    }

    /** Runs work and continuations at once, but queues what is asked to run as a later UI event. */
    private static final class LaterQueue implements TaskExecutor {
        final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        final java.util.ArrayDeque<Runnable> later = new java.util.ArrayDeque<>();

        @Override
        public <T> io.expanse.ui.common.task.TaskHandle execute(io.expanse.ui.common.task.BackgroundTask<T> task) {
            return now.execute(task);
        }

        @Override
        public void runOnUiThread(Runnable action) {
            action.run();
        }

        @Override
        public void runLaterOnUiThread(Runnable action) {
            later.add(action);
        }

        int drain() {
            int events = 0;
            while (!later.isEmpty()) {
                later.poll().run();
                events++;
            }
            return events;
        }
    }

    @Test
    void aBigListGoesInASliceAtATimeAndKeepsTheSelectedVolumeMeanwhile() {
        for (int i = 0; i < 1200; i++) {
            api.put(available(String.format("v%04d", i), String.format("disk-%04d", i), 10));
        }
        LaterQueue tasks = new LaterQueue();
        VolumesViewModel vm = connected(tasks);
        assertEquals(VolumesViewModel.FIRST_SLICE, vm.allRows().size(), "the first slice is small");
        assertEquals(VolumesViewModel.LoadState.LOADING, vm.stateProperty().get(), "loading until the last slice");
        // Each slice at most twice the one before (4, 8, ... 512 make 1,022 rows with the first 2): one UI event each.
        int events = tasks.drain();
        assertTrue(events >= 9, events + " UI events");
        assertEquals(1200, vm.allRows().size());
        assertEquals(VolumesViewModel.LoadState.READY, vm.stateProperty().get());

        vm.orderProperty().set(Comparator.comparing(r -> r.volume().name()));
        vm.select("v1100");
        List<VolumeRow> before = List.copyOf(vm.allRows());
        vm.refresh();
        assertEquals(0, tasks.drain(), "a refresh that changes nothing is done in its own event");
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), vm.allRows().get(i), "every row stays as it was");
        }
        assertEquals("v1100", vm.selectedRow().volume().id());

        // More changed volumes than a refresh changes in place: they go in slices, a table's worth first.
        for (int i = 0; i <= VolumesViewModel.REFRESH_IN_PLACE_MOST; i++) {
            api.put(available(String.format("v%04d", i), String.format("disk-%04d", i), 20));
        }
        vm.refresh();
        assertEquals(VolumesViewModel.REFRESH_FIRST_SLICE, vm.allRows().size(), "about a table's worth at once");
        assertEquals("v1100", vm.selectedVolumeIdProperty().get(), "kept while its row has not arrived");
        assertNull(vm.selectedRow());
        tasks.drain();
        assertEquals(1200, vm.allRows().size());
        assertEquals("v1100", vm.selectedRow().volume().id());
        assertEquals(shownIds(vm).stream().sorted().toList(), shownIds(vm), "in the table's order");
    }

    @Test
    void aRefreshThatChangesAFewDisksChangesOnlyTheirRows() {
        for (int i = 0; i < 500; i++) {
            api.put(available(String.format("v%04d", i), String.format("disk-%04d", i), 10));
        }
        LaterQueue tasks = new LaterQueue();
        VolumesViewModel vm = connected(tasks);
        tasks.drain();
        vm.orderProperty().set(Comparator.comparing(r -> r.volume().name()));
        VolumeRow kept = vm.shownRow("v0001");
        VolumeRow changed = vm.shownRow("v0002");
        api.put(available("v0002", "disk-0002", 30)).remove("v0003").put(available("v9999", "disk-9999", 5));

        vm.refresh();
        assertEquals(0, tasks.drain(), "in one event");
        assertEquals(VolumesViewModel.LoadState.READY, vm.stateProperty().get());
        assertEquals(500, vm.allRows().size());
        assertSame(kept, vm.shownRow("v0001"), "an unchanged disk keeps its row");
        assertNotSame(changed, vm.shownRow("v0002"));
        assertEquals(30, vm.shownRow("v0002").volume().sizeGb());
        assertNull(vm.shownRow("v0003"), "a disk gone is gone");
        assertEquals(5, vm.shownRow("v9999").volume().sizeGb(), "a new disk is there");
        assertEquals(shownIds(vm).stream().sorted().toList(), shownIds(vm), "in the table's order");
    }
}
