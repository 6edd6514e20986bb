package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.ui.batch.BatchViewModel;
import io.expanse.ui.volumes.RowUsage;
import io.expanse.ui.volumes.UsageColumnModel;
import io.expanse.ui.volumes.VolumeRow;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The batch dialog reached and edited with the mouse and keyboard only: rows chosen with Shift- and Ctrl-click in
 * the volumes table, a per-disk size typed into the dialog's table, and the suggested sizes taken in one click.
 */
class BatchSelectionUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    @SuppressWarnings("unchecked")
    private static TableView<VolumeRow> volumes(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<BatchViewModel.Line> lines(FxRobot robot) {
        return robot.lookup("#linesTable").queryAs(TableView.class);
    }

    private static BatchViewModel.Line line(FxRobot robot, String name) {
        return lines(robot).getItems().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    /** The name cell of the volumes table's row at this index (it must be on screen). */
    private static Node nameCellOfRow(FxRobot robot, int index) {
        return robot.from(volumes(robot)).lookup(".table-cell").match((Node n) -> n instanceof TableCell<?, ?> c
                && c.getTableColumn() != null && "nameColumn".equals(c.getTableColumn().getId())
                && c.getTableRow() != null && c.getTableRow().getIndex() == index && !c.isEmpty()).query();
    }

    /** The new-size cell of the dialog's line for this disk. */
    private static Node targetCellOf(FxRobot robot, String name) {
        return robot.from(lines(robot)).lookup(".table-cell").match((Node n) -> n instanceof TableCell<?, ?> c
                && c.getTableColumn() != null && "targetColumn".equals(c.getTableColumn().getId())
                && c.getTableRow() != null && c.getTableRow().getItem() instanceof BatchViewModel.Line l
                && l.name().equals(name)).query();
    }

    private static void openBatch(FxRobot robot, int count) {
        Button expand = robot.lookup("#expandSelectedButton").queryAs(Button.class);
        assertTrue(expand.getText().contains("(" + count + ")"), expand.getText());
        robot.clickOn(expand);
        waitUntil("batch dialog open", 10, () -> robot.lookup("#linesTable").tryQuery().isPresent());
        waitUntil("disks read again", 10, () -> !robot.lookup("#factsLabel").queryAs(Label.class).isVisible());
    }

    @Test
    void shiftAndCtrlClickChooseExactlyTheDisksTheDialogOpensWith(FxRobot robot) {
        TableView<VolumeRow> table = volumes(robot);
        List<VolumeRow> items = List.copyOf(table.getItems());
        assertTrue(items.size() > 6, "enough rows to choose from");

        robot.clickOn(nameCellOfRow(robot, 1));
        robot.press(KeyCode.SHIFT);
        robot.clickOn(nameCellOfRow(robot, 3));
        robot.release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL);
        robot.clickOn(nameCellOfRow(robot, 5));
        robot.release(KeyCode.CONTROL);

        List<String> expected = List.of(items.get(1), items.get(2), items.get(3), items.get(5)).stream()
                .map(r -> r.volume().name()).toList();
        assertEquals(Set.copyOf(expected), Set.copyOf(table.getSelectionModel().getSelectedItems().stream()
                .map(r -> r.volume().name()).toList()), "Shift-click adds the range, Ctrl-click one more");

        robot.press(KeyCode.CONTROL);
        robot.clickOn(nameCellOfRow(robot, 2));
        robot.release(KeyCode.CONTROL);
        List<String> chosen = List.of(expected.get(0), expected.get(2), expected.get(3));
        assertEquals(3, table.getSelectionModel().getSelectedItems().size(), "Ctrl-click takes one out again");

        openBatch(robot, 3);
        assertEquals(Set.copyOf(chosen), Set.copyOf(lines(robot).getItems().stream()
                .map(BatchViewModel.Line::name).toList()), "the dialog lists exactly the disks clicked");
        assertTrue(robot.lookup("#batchTitleLabel").queryAs(Label.class).getText().contains("3"));
    }

    @Test
    void aSizeTypedForOneDiskChangesTheTotalAndARefusedOneSaysWhy(FxRobot robot) {
        ui.select(robot, "data-01");
        VolumeRow data02 = volumes(robot).getItems().stream().filter(r -> r.volume().name().equals("data-02"))
                .findFirst().orElseThrow();
        robot.interact(() -> volumes(robot).getSelectionModel().select(data02));
        openBatch(robot, 2);
        robot.clickOn("#targetField").write("+10");
        assertTrue(text(robot, "#summaryLabel").startsWith("Expand 2 disks, 20 GB added in all"),
                text(robot, "#summaryLabel"));

        robot.doubleClickOn(targetCellOf(robot, "data-02"));
        waitUntil("editing", 5, () -> lines(robot).getEditingCell() != null);
        robot.write("150 GB").type(KeyCode.ENTER);

        assertEquals("150 GB", line(robot, "data-02").target());
        assertTrue(line(robot, "data-02").overridden());
        assertTrue(text(robot, "#summaryLabel").startsWith("Expand 2 disks, 60 GB added in all"),
                text(robot, "#summaryLabel"));
        assertFalse(robot.lookup("#refusedSummaryLabel").queryAs(Label.class).isVisible());

        robot.doubleClickOn(targetCellOf(robot, "data-01"));
        waitUntil("editing", 5, () -> lines(robot).getEditingCell() != null);
        robot.write("50").type(KeyCode.ENTER);

        BatchViewModel.Line refused = line(robot, "data-01");
        assertTrue(refused.refused(), refused.outcome());
        assertTrue(refused.outcome().startsWith("Left out: ") && refused.outcome().contains("100"),
                refused.outcome());
        assertTrue(text(robot, "#refusedSummaryLabel").startsWith("1 disk is left out"),
                text(robot, "#refusedSummaryLabel"));
        assertTrue(text(robot, "#summaryLabel").startsWith("Expand 1 disk, 50 GB added in all"),
                text(robot, "#summaryLabel"));
        assertFalse(robot.lookup("#batchConfirmButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void theSuggestedSizesAreTakenInOneClickAndADiskWithoutOneKeepsTheRule(FxRobot robot) {
        waitUntil("usage read", 30, () -> ui.context().volumes().usage().stateProperty().get()
                == UsageColumnModel.State.READY);
        VolumeRow data01 = ui.select(robot, "data-01");
        assertEquals(140L, data01.usage().suggestedSizeGb());
        VolumeRow pg = volumes(robot).getItems().stream().filter(r -> r.volume().name().equals("pg-data-01"))
                .findFirst().orElseThrow();
        assertEquals(RowUsage.Kind.PER_SERVER, pg.usage().kind());
        robot.interact(() -> volumes(robot).getSelectionModel().select(pg));
        openBatch(robot, 2);
        robot.clickOn("#targetField").write("+10");

        robot.clickOn("#batchUseSuggestedButton");

        assertEquals("140 GB", line(robot, "data-01").target());
        assertTrue(line(robot, "data-01").outcome().endsWith("(suggested size)"),
                line(robot, "data-01").outcome());
        assertTrue(line(robot, "pg-data-01").outcome().contains("known only for the whole server"),
                line(robot, "pg-data-01").outcome());
        assertTrue(text(robot, "#batchSuggestionLabel").startsWith("Suggested sizes taken for 1 disk; 1 disk keeps"),
                text(robot, "#batchSuggestionLabel"));
        // data-01 100 → 140 GB by its suggestion, pg-data-01 2000 → 2010 GB by the rule.
        assertTrue(text(robot, "#summaryLabel").startsWith("Expand 2 disks, 50 GB added in all"),
                text(robot, "#summaryLabel"));
    }
}
