package io.expanse.ui.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activity panel's rows: the recent snapshot by default, the whole database when filtering, and an export of
 * everything that matches (not only what is shown).
 */
class ActivityViewModelTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private static Activity activity(int n, ActivityState state) {
        return new Activity("a" + n, Activity.KIND_EVS_RESIZE, "prod", "cn-north-4", "p", "vol-" + n, "disk-" + n + "!",
                10, 20, false, null, null, state, "job-" + n, null, T0.plusSeconds(n), T0.plusSeconds(n),
                state.finished() ? T0.plusSeconds(n) : null, n % 7 == 0 ? "quota exceeded" : "ok", null, null, null);
    }

    private static List<String> ids(List<Activity> rows) {
        return rows.stream().map(Activity::id).toList();
    }

    @Test
    void filteringSearchesTheWholeHistoryAndExportWritesEveryMatch() throws Exception {
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.db"));
        int total = ActivityJournal.DEFAULT_RECENT + 100;
        for (int n = 1; n <= total; n++) {
            journal.record(activity(n, n == 3 ? ActivityState.RUNNING : ActivityState.SUCCEEDED));
        }
        ActivityViewModel vm = new ActivityViewModel(journal, new CurrentThreadTaskExecutor());

        assertEquals(ActivityJournal.DEFAULT_RECENT + 1, vm.rows().size(), "the latest 2,000 and the unfinished one");
        assertEquals("a" + total, vm.rows().get(0).id(), "newest first");
        assertTrue(vm.noteProperty().get().contains("latest 2000"), vm.noteProperty().get());

        vm.filterTextProperty().set("DISK-7! ");
        assertEquals(List.of("a7"), ids(vm.shown()), "an old one beyond the recent window is found in the database");
        vm.filterTextProperty().set("");
        vm.unfinishedOnlyProperty().set(true);
        assertEquals(List.of("a3"), ids(vm.shown()));
        vm.unfinishedOnlyProperty().set(false);
        assertEquals(ActivityJournal.DEFAULT_RECENT + 1, vm.shown().size());

        Path csv = dir.resolve("export.csv");
        int[] written = new int[1];
        vm.export(csv).onSuccess(n -> written[0] = n).executeWith(new CurrentThreadTaskExecutor());
        assertEquals(total, written[0], "export without a filter writes the whole history");
        assertEquals(total + 1, Files.readAllLines(csv, StandardCharsets.UTF_8).size());

        vm.filterTextProperty().set("quota");
        vm.export(csv).onSuccess(n -> written[0] = n).executeWith(new CurrentThreadTaskExecutor());
        assertEquals(total / 7, written[0]);
        assertEquals(total / 7, vm.shown().size());
    }

    @Test
    void liveChangesAreShownAndAnUnknownRowReadsAsUnknown() throws Exception {
        Path db = dir.resolve("activity.db");
        ActivityJournal first = new ActivityJournal(db);
        first.record(activity(1, ActivityState.RUNNING));
        first.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO activity(id, kind, state, resource_id, resource_name, json) VALUES ('future',"
                    + " 'evs.resize', 'VERIFYING', 'vol-9', 'disk-9', '{}')");
        }
        ActivityJournal journal = new ActivityJournal(db);
        ActivityViewModel vm = new ActivityViewModel(journal, new CurrentThreadTaskExecutor());
        Activity future = vm.shown().stream().filter(a -> a.id().equals("future")).findFirst().orElseThrow();
        assertEquals("Unknown (VERIFYING)", future.stateText());

        vm.unfinishedOnlyProperty().set(true);
        assertEquals(List.of("a1"), ids(vm.shown()), "an unknown row is not unfinished work of this build");
        journal.record(activity(2, ActivityState.SUBMITTING));
        journal.record(activity(1, ActivityState.RUNNING).withState(ActivityState.SUCCEEDED, "done", T0));
        assertEquals(List.of("a2"), ids(vm.shown()), "live changes follow the filter");
        vm.unfinishedOnlyProperty().set(false);
        vm.filterTextProperty().set("verifying");
        assertEquals(List.of("future"), ids(vm.shown()));
    }

    @Test
    void theExportConfirmationSaysWhetherOnlyTheFilteredChangesWereWritten() {
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.db"));
        ActivityViewModel vm = new ActivityViewModel(journal, new CurrentThreadTaskExecutor());
        assertFalse(vm.filterApplied());
        java.nio.file.Path file = java.nio.file.Path.of("/tmp/x.csv");
        assertEquals("Exported 12 changes (the whole history) to /tmp/x.csv",
                ActivityViewModel.exportDoneText(vm.filterApplied(), 12, file));
        vm.filterTextProperty().set("data-01");
        assertTrue(vm.filterApplied());
        assertEquals("Exported 1 change matching the filter to /tmp/x.csv",
                ActivityViewModel.exportDoneText(vm.filterApplied(), 1, file));
        vm.filterTextProperty().set("");
        vm.unfinishedOnlyProperty().set(true);
        assertTrue(vm.filterApplied(), "unfinished only is a filter too");
        journal.close();
    }
}
