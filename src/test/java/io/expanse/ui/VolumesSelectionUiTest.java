package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.ActivityState;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The reported bug, clicked through on the sandbox: with the list filtered to available disks, expanding one makes
 * it leave the list (it is extending); its neighbour must not become selected with Expand… enabled, where Enter
 * would open the dialog for that other disk.
 */
class VolumesSelectionUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @Test
    void anExpandedDiskLeavingTheFilteredListLeavesNothingSelected(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<VolumeRow> table = robot.lookup("#table").queryAs(TableView.class);
        Button expand = robot.lookup("#resizeButton").queryAs(Button.class);
        robot.clickOn("#filterField").write("available");
        waitUntil("filtered", 10, () -> table.getItems().stream()
                .allMatch(r -> "available".equals(r.volume().status())));
        VolumeRow disk = ui.select(robot, "data-02");
        String id = disk.volume().id();
        int at = table.getItems().indexOf(disk);
        assertTrue(at + 1 < table.getItems().size(), "data-02 has a neighbour below it");

        // What the table shows each time the list changes while data-02 is not in it.
        List<String> selectedWhileGone = new ArrayList<>();
        List<Boolean> expandEnabledWhileGone = new ArrayList<>();
        robot.interact(() -> table.getItems().addListener((ListChangeListener<VolumeRow>) c -> {
            if (table.getItems().stream().noneMatch(r -> r.volume().id().equals(id))) {
                VolumeRow s = table.getSelectionModel().getSelectedItem();
                selectedWhileGone.add(s == null ? null : s.volume().name());
                expandEnabledWhileGone.add(!expand.isDisabled());
            }
        }));

        robot.clickOn(expand);
        waitUntil("resize dialog open", 10, () -> robot.lookup("#newSizeField").tryQuery().isPresent());
        waitUntil("facts re-read", 10, () -> !robot.lookup("#factsLabel").queryAs(
                javafx.scene.control.Label.class).isVisible());
        robot.clickOn("#newSizeField").write("200");
        robot.clickOn("#confirmButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        waitUntil("expansion finished", 30, () -> ui.activityFor("data-02")
                .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
        waitUntil("data-02 back in the list at 200 GB", 10, () -> table.getItems().stream()
                .anyMatch(r -> r.volume().id().equals(id) && r.volume().sizeGb() == 200));

        assertFalse(selectedWhileGone.isEmpty(), "data-02 never left the filtered list");
        assertTrue(selectedWhileGone.stream().allMatch(s -> s == null), "selected while gone: " + selectedWhileGone);
        assertTrue(expandEnabledWhileGone.stream().noneMatch(b -> b), "Expand… was enabled while data-02 was gone");
        assertNull(table.getSelectionModel().getSelectedItem(), "a disk is selected after data-02 left the list");
        assertTrue(expand.isDisabled());

        // Enter on the table opens nothing: no disk is selected.
        robot.interact(table::requestFocus);
        robot.type(KeyCode.ENTER);
        assertTrue(robot.lookup("#newSizeField").tryQuery().isEmpty(), "Enter opened a resize dialog");
        assertEquals("available", robot.lookup("#filterField").queryAs(TextField.class).getText());
    }

    @Test
    void refreshKeepsTheSelectedDisk(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<VolumeRow> table = robot.lookup("#table").queryAs(TableView.class);
        ui.select(robot, "data-02");

        robot.interact(() -> ui.context().volumes().refresh());
        waitUntil("reloaded", 20, () -> ui.context().volumes().stateProperty().get()
                == io.expanse.ui.volumes.VolumesViewModel.LoadState.READY
                && table.getSelectionModel().getSelectedItem() != null);

        assertEquals("data-02", table.getSelectionModel().getSelectedItem().volume().name());
        assertEquals("data-02", ui.context().volumes().selectedRow().volume().name());
    }
}
