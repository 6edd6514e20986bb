package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.ui.volumes.VolumeRow;
import io.expanse.ui.volumes.VolumesViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

/** The main window on the sandbox: list, badge, status line, filter, role lookup, shortcuts. */
class MainWindowUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @SuppressWarnings("unchecked")
    private static TableView<VolumeRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    @Test
    void listsTheSandboxWithBadgeAndStatusLine(FxRobot robot) {
        assertEquals(50, table(robot).getItems().size());
        assertTrue(robot.lookup("#sandboxBadge").queryAs(Label.class).isVisible());
        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        assertTrue(status.contains("Sandbox") && status.contains("cn-north-4") && status.contains("50 volumes"),
                status);
    }

    @Test
    void rolesAndServerStatusesArriveFromTheServerLookups(FxRobot robot) {
        VolumeRow sys = ui.select(robot, "sys-01");
        VolumeRow reboot = ui.select(robot, "srv-reboot-disk");
        VolumeRow billing = ui.select(robot, "billing-01");
        waitUntil("server lookups", 15, () -> sys.lookupProperty().get() == VolumeRow.ServerLookup.LOADED
                && reboot.lookupProperty().get() == VolumeRow.ServerLookup.LOADED);
        assertEquals("System", sys.roleText());
        assertEquals("REBOOT", reboot.serverStatusText());
        assertEquals("Yearly/monthly", billing.billingText());
    }

    @Test
    void filterNarrowsTheListAndExplainsAnEmptyResult(FxRobot robot) {
        robot.clickOn("#filterField").write("billing");
        waitUntil("filtered", 5, () -> table(robot).getItems().size() == 3);
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.volume().name().startsWith("billing")));
        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        assertTrue(status.contains("3 shown"), status);

        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("no-such-disk"));
        assertEquals(0, table(robot).getItems().size());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("No volume matches")));
    }

    @Test
    void copyIdAndRefreshShortcuts(FxRobot robot) {
        VolumeRow row = ui.select(robot, "data-01");
        robot.clickOn("#copyIdButton");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(row.volume().id(), clip[0]);

        robot.clickOn("#table").type(KeyCode.F5);
        waitUntil("reloaded after F5", 15,
                () -> ui.context().volumes().stateProperty().get() == VolumesViewModel.LoadState.READY
                        && table(robot).getItems().size() == 50
                        && table(robot).getItems().stream().noneMatch(r -> r == row));
    }
}
