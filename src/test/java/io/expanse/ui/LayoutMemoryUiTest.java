package io.expanse.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.settings.Settings;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.profiles.LayoutMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
}
