package io.expanse.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.settings.Settings;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.profiles.LayoutMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Column order, widths, sort and window size survive a restart through the settings file. */
@ExtendWith(ApplicationExtension.class)
class LayoutMemoryUiTest {

    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempDirectory("expanse-layout").resolve("settings.json");
    }

    private static TableView<String> table() {
        TableView<String> t = new TableView<>();
        for (String id : List.of("name", "size", "status")) {
            TableColumn<String, String> c = new TableColumn<>(id);
            c.setId(id);
            t.getColumns().add(c);
        }
        return t;
    }

    @Test
    void theLayoutIsRestoredByTheNextRun(FxRobot robot) {
        robot.interact(() -> {
            SettingsStore store = new SettingsStore(file, Clock.systemUTC());
            LayoutMemory memory = new LayoutMemory(store, Runnable::run);
            Stage stage = new Stage();
            TableView<String> t = table();
            stage.setScene(new Scene(t, 640, 480));
            memory.window(stage);
            memory.table("volumes", t);
            stage.show();
            TableColumn<String, ?> status = t.getColumns().get(2);
            t.getColumns().remove(status);
            t.getColumns().add(0, status);
            t.getColumns().get(1).setPrefWidth(222);
            t.getColumns().get(2).setSortType(TableColumn.SortType.DESCENDING);
            t.getSortOrder().setAll(List.of(t.getColumns().get(2)));
            stage.setWidth(900);
            stage.setHeight(700);
            stage.hide();
        });
        robot.interact(() -> {
            SettingsStore store = new SettingsStore(file, Clock.systemUTC());
            Settings.WindowState w = store.load().window();
            assertEquals(900, w.width(), 1);
            LayoutMemory memory = new LayoutMemory(store, Runnable::run);
            Stage stage = new Stage();
            TableView<String> t = table();
            stage.setScene(new Scene(t));
            memory.window(stage);
            memory.table("volumes", t);
            assertEquals(List.of("status", "name", "size"), t.getColumns().stream().map(TableColumn::getId).toList());
            assertEquals(222, t.getColumns().get(1).getPrefWidth(), 1);
            assertEquals("size", t.getSortOrder().get(0).getId());
            assertEquals(TableColumn.SortType.DESCENDING, t.getSortOrder().get(0).getSortType());
            assertEquals(900, stage.getWidth(), 1);
        });
    }

    /** A debounce the test fires by hand. */
    private static final class ManualDebounce implements LayoutMemory.Debounce {
        Runnable pending;

        @Override
        public void restart(Runnable action) {
            pending = action;
        }

        @Override
        public void stop() {
            pending = null;
        }

        void fire() {
            Runnable r = pending;
            pending = null;
            r.run();
        }
    }

    /** Moves the first column to the end, one change at a time, as a drag across the header does. */
    private static void dragFirstColumnToTheEnd(TableView<String> t) {
        for (int i = 0; i < t.getColumns().size() - 1; i++) {
            TableColumn<String, ?> c = t.getColumns().remove(i);
            t.getColumns().add(i + 1, c);
        }
    }

    /** A memory on the test's settings file whose writes are counted; null debounce: the application's. */
    private LayoutMemory countingWrites(AtomicInteger writes, LayoutMemory.Debounce debounce) {
        SettingsStore store = new SettingsStore(file, Clock.systemUTC());
        java.util.concurrent.Executor writer = r -> {
            writes.incrementAndGet();
            r.run();
        };
        return debounce == null ? new LayoutMemory(store, writer) : new LayoutMemory(store, writer, debounce);
    }

    @Test
    void aBurstOfColumnChangesIsWrittenOnceAfterTheLastOne(FxRobot robot) {
        robot.interact(() -> {
            AtomicInteger writes = new AtomicInteger();
            ManualDebounce debounce = new ManualDebounce();
            LayoutMemory memory = countingWrites(writes, debounce);
            TableView<String> t = table();
            memory.table("volumes", t);
            dragFirstColumnToTheEnd(t);
            t.getSortOrder().setAll(List.of(t.getColumns().get(0)));
            t.getColumns().get(0).setSortType(TableColumn.SortType.DESCENDING);
            assertEquals(0, writes.get(), "nothing is written while the changes keep coming");

            debounce.fire();
            assertEquals(1, writes.get());
            Settings.TableState saved = new SettingsStore(file, Clock.systemUTC()).load().table("volumes")
                    .orElseThrow();
            assertEquals(List.of("size", "status", "name"), saved.columnOrder());
            assertEquals(List.of(new Settings.SortColumn("size", false)), saved.sort());

            memory.flush();
            assertEquals(1, writes.get(), "a flush with nothing pending writes nothing");
        });
    }

    @Test
    void closingTheWindowWritesWhatIsPendingAtOnceAndCancelsTheWait(FxRobot robot) {
        robot.interact(() -> {
            AtomicInteger writes = new AtomicInteger();
            ManualDebounce debounce = new ManualDebounce();
            LayoutMemory memory = countingWrites(writes, debounce);
            Stage stage = new Stage();
            TableView<String> t = table();
            stage.setScene(new Scene(t, 640, 480));
            memory.window(stage);
            memory.table("volumes", t);
            stage.show();
            dragFirstColumnToTheEnd(t);
            stage.hide();
            assertEquals(1, writes.get());
            assertEquals(null, debounce.pending, "the debounced write was cancelled");
            assertEquals(List.of("size", "status", "name"), new SettingsStore(file, Clock.systemUTC()).load()
                    .table("volumes").orElseThrow().columnOrder());
        });
    }

    @Test
    void theApplicationsDebounceWritesOnceAfterTheDelay(FxRobot robot) throws Exception {
        AtomicInteger writes = new AtomicInteger();
        robot.interact(() -> {
            LayoutMemory memory = countingWrites(writes, null);
            TableView<String> t = table();
            memory.table("volumes", t);
            dragFirstColumnToTheEnd(t);
            dragFirstColumnToTheEnd(t);
            assertEquals(0, writes.get());
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> writes.get() > 0);
        Thread.sleep(LayoutMemory.SAVE_DELAY.toMillis() * 2);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, writes.get());
        assertTrue(new SettingsStore(file, Clock.systemUTC()).load().table("volumes").isPresent());
    }
}
