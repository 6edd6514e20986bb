package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Copy ID and Copy job / order ID say in the status line what they copied. */
class StatusConfirmationsUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#statusLabel").queryAs(Label.class).getText();
    }

    @Test
    void copyIdConfirmsInTheStatusLine(FxRobot robot) {
        VolumeRow row = ui.select(robot, "data-01");
        robot.clickOn("#copyIdButton");
        assertEquals("Copied the ID of data-01: " + row.volume().id(), status(robot));
    }

    @Test
    void copyJobIdConfirmsInTheStatusLine(FxRobot robot) {
        Instant t = Instant.parse("2025-05-01T10:00:00Z");
        Activity a = new Activity("a-1", Activity.KIND_EVS_RESIZE, "Elsewhere", "cn-east-3", "p", "vol-9",
                "old-disk", 100, 200, false, null, "/dev/vdb", ActivityState.FAILED, "job-77", null, t, t, t,
                "failed", "no", null, null);
        ui.context().journal().record(a);
        @SuppressWarnings("unchecked")
        TableView<Activity> table = robot.lookup("#activityTable").queryAs(TableView.class);
        waitUntil("row listed", 10, () -> table.getItems().stream().anyMatch(r -> r.id().equals("a-1")));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.id().equals("a-1")).findFirst().orElseThrow()));
        robot.clickOn("#copyReferenceButton");
        assertEquals("Copied job ID job-77 (old-disk).", status(robot));
    }
}
