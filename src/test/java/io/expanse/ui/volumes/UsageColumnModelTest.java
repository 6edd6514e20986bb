package io.expanse.ui.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.ServerInfo.AttachedVolume;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.usage.TrendRules;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.fakes.FakeCloudEye;
import io.expanse.ui.fakes.FakeEvs;
import io.expanse.work.accounts.EvsAccount;
import io.expanse.cloud.huawei.DiskUsageApi.DiskMetric;
import io.expanse.cloud.huawei.DiskUsageApi.MetricQuery;
import io.expanse.domain.usage.GrowthCheck;
import io.expanse.ui.activity.ActivityViewModel;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The usage columns' model without a table: which usage each row gets (own file system, per server, no agent),
 * the threshold, the "Needs attention" filter, the status-line summary, sorting by use, and a refresh.
 */
class UsageColumnModelTest {

    private static final double[] RISING_96 = {90, 91, 92, 93, 94, 95, 96};
    private static final double[] FLAT_40 = {40, 40, 40, 40, 40, 40, 40};
    private static final double[] RISING_87 = {81, 82, 83, 84, 85, 86, 87};

    private final FakeEvs evs = new FakeEvs();
    private final FakeCloudEye ces = new FakeCloudEye();
    private final Session session = new Session();

    private static Volume attached(String id, String serverId, String device, long sizeGb) {
        return new Volume(id, id, "in-use", sizeGb, "SSD", "cn-north-4a", device.endsWith("vda"), false,
                List.of(new Volume.Attachment(serverId, "att-" + id, device, "host-1", null)), Map.of(), "0", null,
                null);
    }

    private void server(String id, String sys, String data) {
        evs.put(attached(sys, id, "/dev/vda", 40));
        if (data != null) {
            evs.put(attached(data, id, "/dev/vdb", 100));
        }
        evs.put(new ServerInfo(id, "web-" + id, "ACTIVE", "/dev/vda", data == null
                ? List.of(new AttachedVolume(sys, "/dev/vda", "0"))
                : List.of(new AttachedVolume(sys, "/dev/vda", "0"), new AttachedVolume(data, "/dev/vdb", null))));
    }

    private VolumesViewModel connected() {
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), Runnable::run);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));
        return vm;
    }

    /** s1: data 96 % rising, root 40 % flat; s2: root 87 %, no data disk; s3: no agent; one unattached disk. */
    private VolumesViewModel standard() {
        server("s1", "s1-sys", "s1-data");
        server("s2", "s2-sys", null);
        server("s3", "s3-sys", "s3-data");
        evs.put(FakeEvs.volume("spare", "spare", "available", 10, null));
        ces.linux("s1", FLAT_40, RISING_96, 98).linux("s2", RISING_87, null, 0).noAgent("s3");
        return connected();
    }

    private static RowUsage usageOf(VolumesViewModel vm, String id) {
        return vm.allRows().stream().filter(r -> r.volume().id().equals(id)).findFirst().orElseThrow().usage();
    }

    private static List<String> shownIds(VolumesViewModel vm) {
        return vm.sortedRows().stream().map(r -> r.volume().id()).toList();
    }

    @Test
    void eachRowGetsItsOwnFileSystemOrWhyThereIsNone() {
        VolumesViewModel vm = standard();

        assertEquals(UsageColumnModel.State.READY, vm.usage().stateProperty().get());
        RowUsage data = usageOf(vm, "s1-data");
        assertEquals(RowUsage.Kind.MAPPED, data.kind());
        assertEquals(96, data.percent(), 1e-9);
        assertEquals("96 %", data.usedText());
        assertTrue(data.attention(85));
        assertEquals(TrendRules.Outcome.RISING, data.usage().trend().outcome());
        assertEquals("about 4 days", data.fullInText());
        assertEquals(140L, data.suggestedSizeGb(), "a 96 % peak of 100 GB at 70 % is 137 GB, rounded up to 140");

        RowUsage root = usageOf(vm, "s1-sys");
        assertEquals("/", root.usage().mountPoint());
        assertEquals("flat", root.fullInText());
        assertNull(root.suggestedSizeGb());

        RowUsage noAgent = usageOf(vm, "s3-data");
        assertEquals(RowUsage.Kind.NO_AGENT, noAgent.kind());
        assertEquals("no agent", noAgent.usedText());
        assertTrue(noAgent.tooltip().contains("Install the Cloud Eye agent"), noAgent.tooltip());
        assertNull(usageOf(vm, "spare"), "an unattached disk has no usage");
    }

    @Test
    void theSummaryCountsTheDisksOverTheThresholdAndFollowsIt() {
        VolumesViewModel vm = standard();

        assertEquals("2 disks over 85 % · no agent on 1 server", vm.usage().summaryProperty().get());
        assertTrue(vm.statusLineProperty().get().endsWith("· 2 disks over 85 % · no agent on 1 server"),
                vm.statusLineProperty().get());

        vm.usage().thresholdProperty().set(90);
        assertEquals("1 disk over 90 % · no agent on 1 server", vm.usage().summaryProperty().get());
        vm.usage().thresholdProperty().set(97);
        assertTrue(vm.statusLineProperty().get().contains("no disks over 97 %"), vm.statusLineProperty().get());
    }

    @Test
    void needsAttentionShowsOnlyTheDisksOverTheThresholdTogetherWithTheTextFilter() {
        VolumesViewModel vm = standard();

        vm.usage().attentionOnlyProperty().set(true);
        assertEquals(List.of("s1-data", "s2-sys"), shownIds(vm).stream().sorted().toList());
        vm.filterTextProperty().set("s2");
        assertEquals(List.of("s2-sys"), shownIds(vm));
        vm.filterTextProperty().set("");
        vm.usage().thresholdProperty().set(90);
        assertEquals(List.of("s1-data"), shownIds(vm));
        vm.usage().attentionOnlyProperty().set(false);
        assertEquals(6, shownIds(vm).size());
    }

    @Test
    void sortingByUseOrdersTheRowsWhenTheUsageArrives() {
        server("s1", "s1-sys", "s1-data");
        server("s2", "s2-sys", null);
        ces.linux("s1", FLAT_40, RISING_96, 98).linux("s2", RISING_87, null, 0);
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), Runnable::run);
        vm.usage().sortedByUsageProperty().set(true);
        Comparator<RowUsage> byUse = Comparator.nullsFirst(Comparator.comparingDouble(RowUsage::sortKey));
        vm.orderProperty().set(Comparator.comparing(VolumeRow::usage, byUse).reversed());
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));

        assertEquals(List.of("s1-data", "s2-sys", "s1-sys"), shownIds(vm));
    }

    @Test
    void aFileSystemOverSeveralDisksIsShownForEachOfThemWithTheReason() {
        evs.put(attached("pg-sys", "pg", "/dev/vda", 40), attached("pg-a", "pg", "/dev/vdb", 200),
                attached("pg-b", "pg", "/dev/vdc", 200));
        evs.put(new ServerInfo("pg", "pg", "ACTIVE", "/dev/vda", List.of(new AttachedVolume("pg-sys", "/dev/vda", "0"),
                new AttachedVolume("pg-a", "/dev/vdb", null), new AttachedVolume("pg-b", "/dev/vdc", null))));
        ces.lvm("pg", RISING_96);
        VolumesViewModel vm = connected();

        for (String id : List.of("pg-a", "pg-b")) {
            RowUsage u = usageOf(vm, id);
            assertEquals(RowUsage.Kind.PER_SERVER, u.kind(), id);
            assertEquals("≈ 96 %", u.usedText());
            assertTrue(u.tooltip().contains("LVM"), u.tooltip());
            assertNull(u.suggestedSizeGb(), "no size for one disk of a file system over two");
        }
        assertEquals("1 disk over 85 %", vm.usage().summaryProperty().get(), "the file system is counted once");
    }

    @Test
    void aRefreshReadsUsageAgainAndKeepsTheLastMeanwhile() {
        VolumesViewModel vm = standard();
        int calls = ces.metricCalls;

        vm.refresh();

        assertEquals(calls + 2, ces.metricCalls, "one weekly and one recent call per read");
        assertEquals(RowUsage.Kind.MAPPED, usageOf(vm, "s1-data").kind());
    }

    @Test
    void aFailedReadMarksTheAttachedRowsUnreadAndNothingElse() {
        server("s1", "s1-sys", "s1-data");
        ces.failure = new IllegalStateException("Cloud Eye is down");
        VolumesViewModel vm = connected();

        assertEquals(RowUsage.Kind.UNREAD, usageOf(vm, "s1-data").kind());
        assertEquals("not read", usageOf(vm, "s1-data").usedText());
        assertFalse(usageOf(vm, "s1-data").attention(0.1));
        assertEquals(VolumesViewModel.LoadState.READY, vm.stateProperty().get());
    }

    @Test
    void anExpansionWhoseFileSystemHasNotGrownAnHourOnIsNamedForTheActivityPanel(@TempDir Path dir) {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        evs.put(attached("s1-sys", "s1", "/dev/vda", 40), attached("s1-data", "s1", "/dev/vdb", 200));
        evs.put(new ServerInfo("s1", "web", "ACTIVE", "/dev/vda", List.of(new AttachedVolume("s1-sys", "/dev/vda",
                "0"), new AttachedVolume("s1-data", "/dev/vdb", null))));
        // The disk went from 100 to 200 GB two hours ago; its file system still reads 98 GB.
        ces.linux("s1", FLAT_40, RISING_96, 98);
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.db"));
        try {
            Activity done = new Activity("act-1", Activity.KIND_EVS_RESIZE, "Test", FakeEvs.REGION, FakeEvs.PROJECT,
                    "s1-data", "s1-data", 100, 200, false, null, "/dev/vdb", ActivityState.SUCCEEDED, "job-1", null,
                    now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(2)),
                    "done", null, null, null);
            journal.record(done);
            VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), Runnable::run);
            vm.usage().useClock(Clock.fixed(now, ZoneOffset.UTC));
            vm.usage().expansionsFrom(journal);
            session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));

            assertEquals(Set.of("act-1"), vm.usage().notGrownActivitiesProperty().get());
            assertEquals(GrowthCheck.Growth.NOT_GROWN, usageOf(vm, "s1-data").usage().growth());

            ActivityViewModel activities = new ActivityViewModel(journal, new CurrentThreadTaskExecutor());
            activities.fileSystemNotGrown(vm.usage().notGrownActivitiesProperty().get());
            assertTrue(activities.fileSystemNotGrown(done));
            assertEquals("the file system has not grown", GrowthCheck.notGrownSentence());
        } finally {
            journal.close();
        }
    }

    @Test
    void theWeeksFileSystemSizeIsAskedOnlyOfServersWithARecentExpansion(@TempDir Path dir) {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        server("s1", "s1-sys", "s1-data");
        server("s2", "s2-sys", "s2-data");
        ces.linux("s1", FLAT_40, RISING_96, 98).linux("s2", FLAT_40, FLAT_40, 98);
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.db"));
        try {
            VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), Runnable::run);
            vm.usage().useClock(Clock.fixed(now, ZoneOffset.UTC));
            vm.usage().expansionsFrom(journal);
            session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));
            assertEquals(List.of(), ces.askedDaily.stream().filter(q -> q.metric() == DiskMetric.TOTAL_GB).toList(),
                    "no expansion: the week's use is enough");
            assertEquals(4, ces.askedDaily.size(), "the use of every mount point");

            Instant finished = now.minus(Duration.ofHours(2));
            journal.record(new Activity("act-3", Activity.KIND_EVS_RESIZE, "Test", FakeEvs.REGION, FakeEvs.PROJECT,
                    "s1-data", "s1-data", 50, 100, false, null, "/dev/vdb", ActivityState.SUCCEEDED, "job-3", null,
                    finished, finished, finished, "done", null, null, null));
            ces.askedDaily.clear();
            vm.refresh();
            assertEquals(List.of("s1", "s1"), ces.askedDaily.stream().filter(q -> q.metric() == DiskMetric.TOTAL_GB)
                    .map(MetricQuery::instanceId).toList(), "the expanded disk's server, each of its mount points");
            assertEquals(6, ces.askedDaily.size());
        } finally {
            journal.close();
        }
    }

    @Test
    void anExpansionTooRecentToJudgeIsCheckedAgainOnItsOwnOnceTheHourIsOver(@TempDir Path dir) {
        Instant[] now = {Instant.parse("2026-03-01T12:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        evs.put(attached("s1-sys", "s1", "/dev/vda", 40), attached("s1-data", "s1", "/dev/vdb", 200));
        evs.put(new ServerInfo("s1", "web", "ACTIVE", "/dev/vda", List.of(new AttachedVolume("s1-sys", "/dev/vda",
                "0"), new AttachedVolume("s1-data", "/dev/vdb", null))));
        ces.linux("s1", FLAT_40, RISING_96, 98);
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.db"));
        try {
            Instant finished = now[0].minus(Duration.ofMinutes(10));
            journal.record(new Activity("act-2", Activity.KIND_EVS_RESIZE, "Test", FakeEvs.REGION, FakeEvs.PROJECT,
                    "s1-data", "s1-data", 100, 200, false, null, "/dev/vdb", ActivityState.SUCCEEDED, "job-2", null,
                    finished, finished, finished, "done", null, null, null));
            List<Duration> delays = new java.util.ArrayList<>();
            List<Runnable> scheduled = new java.util.ArrayList<>();
            VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), Runnable::run);
            vm.usage().useClock(clock);
            vm.usage().expansionsFrom(journal);
            vm.usage().rereadWith((delay, task) -> {
                delays.add(delay);
                scheduled.add(task);
            });
            session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));

            assertEquals(GrowthCheck.Growth.TOO_EARLY, usageOf(vm, "s1-data").usage().growth());
            assertEquals(Set.of(), vm.usage().notGrownActivitiesProperty().get());
            assertEquals(List.of(Duration.ofMinutes(55)), delays, "an hour and five minutes after the expansion");

            now[0] = now[0].plus(Duration.ofMinutes(55));
            scheduled.remove(0).run();
            scheduled.remove(0).run();
            assertEquals(Set.of("act-2"), vm.usage().notGrownActivitiesProperty().get());
            assertEquals(GrowthCheck.Growth.NOT_GROWN, usageOf(vm, "s1-data").usage().growth());
        } finally {
            journal.close();
        }
    }

    @Test
    void cloudEyeIsReadAlongsideTheServerPassAndUsageGoesInOnlyAfterIt() {
        server("s1", "s1-sys", "s1-data");
        ces.linux("s1", FLAT_40, RISING_96, 98);
        List<Runnable> background = new java.util.ArrayList<>();
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), background::add);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));

        assertEquals(VolumesViewModel.LoadState.READY, vm.stateProperty().get());
        assertEquals(2, background.size(), "the Cloud Eye read and the server pass start together");
        assertEquals(0, ces.dimensionCalls, "nothing is asked on the UI thread");
        background.remove(0).run(); // how many servers' mount points are to be asked: one, so at once
        assertEquals(2, background.size());
        background.remove(1).run();
        assertEquals(1, ces.dimensionCalls, "Cloud Eye answered before the servers did");
        assertNull(usageOf(vm, "s1-data"), "but nothing goes in before the server pass");
        assertNotEquals("ACTIVE", vm.allRows().get(0).serverStatusText(), "the server pass has not answered yet");

        background.remove(0).run();
        assertEquals("ACTIVE", vm.allRows().get(0).serverStatusText());
        assertEquals(1, background.size(), "then the usage is put on the volumes");
        assertNull(usageOf(vm, "s1-data"));
        background.remove(0).run();
        assertEquals(1, ces.dimensionCalls, "with what was read, not asked again");
        RowUsage u = usageOf(vm, "s1-data");
        assertEquals(RowUsage.Kind.MAPPED, u.kind());
        assertEquals(96, u.percent(), 0.001, "the latest of the rising data disk");
        assertEquals(RowUsage.Kind.MAPPED, usageOf(vm, "s1-sys").kind(), "'/' on the boot disk the server named");
    }

    @Test
    void aProjectsFirstReadOfManyServersAsksTheirMountPointsOnlyAfterTheServerPass() {
        int servers = UsageColumnModel.UNGATED_DIMENSION_READS + 1;
        for (int i = 0; i < servers; i++) {
            server("s" + i, "s" + i + "-sys", "s" + i + "-data");
            ces.linux("s" + i, FLAT_40, RISING_96, 98);
        }
        List<Runnable> background = new java.util.ArrayList<>();
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), background::add);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));

        background.remove(0).run(); // seventeen servers to ask: the read waits for the server pass
        assertEquals(1, background.size(), "only the server pass is out");
        background.remove(0).run();
        assertEquals("ACTIVE", vm.allRows().get(0).serverStatusText());
        assertEquals(0, ces.dimensionCalls);
        assertEquals(2, background.size(), "then the Cloud Eye read, and the usage that waits for it");
        background.remove(0).run();
        assertEquals(1, ces.dimensionCalls);
        background.remove(0).run();
        assertEquals(RowUsage.Kind.MAPPED, usageOf(vm, "s3-data").kind());
    }

    @Test
    void theMetricDataIsNotKeptOnceTheUsageIsInTheRows() throws Exception {
        // As many servers as make a first read wait for the server pass, so that both ways are covered.
        for (int i = 0; i <= UsageColumnModel.UNGATED_DIMENSION_READS; i++) {
            server("s" + i, "s" + i + "-sys", "s" + i + "-data");
            ces.linux("s" + i, FLAT_40, RISING_96, 98);
        }
        java.util.List<java.lang.ref.WeakReference<Object>> answers = new java.util.ArrayList<>();
        ces.recordAnswers = answers;
        List<Runnable> background = new java.util.ArrayList<>();
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), background::add);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
        assertEquals(RowUsage.Kind.MAPPED, usageOf(vm, "s1-data").kind());
        assertFalse(answers.isEmpty());
        for (int i = 0; i < 20 && answers.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(answers.stream().allMatch(r -> r.get() == null), "a read's metric data is let go");
        assertEquals(RowUsage.Kind.MAPPED, usageOf(vm, "s1-data").kind());

        vm.refresh(); // the mount points are kept now: the metric reads go out beside the server pass
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
        for (int i = 0; i < 20 && answers.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(answers.stream().allMatch(r -> r.get() == null), "and so is a refresh's");
    }

    @Test
    void aFailedCloudEyeReadMarksTheRowsUnreadOnceTheServersAreIn() {
        server("s1", "s1-sys", "s1-data");
        ces.linux("s1", FLAT_40, RISING_96, 98);
        ces.failure = new IllegalStateException("Cloud Eye is down");
        List<Runnable> background = new java.util.ArrayList<>();
        VolumesViewModel vm = new VolumesViewModel(session, new CurrentThreadTaskExecutor(), background::add);
        session.connected(new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, evs, null, ces));
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
        assertEquals(RowUsage.Kind.UNREAD, usageOf(vm, "s1-data").kind());
    }
}
