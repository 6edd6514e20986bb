package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.ui.common.TableFit;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The main window at 1024×700, the smallest size Expanse is laid out for. */
class CompactWindowUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        ui = UiHarness.show(stage, 1024, 700);
    }

    private static void assertReadable(FxRobot robot, String query) {
        Labeled l = robot.lookup(query).queryAs(Labeled.class);
        assertNotNull(l, query);
        assertTrue(l.isVisible(), query + " hidden");
        assertFalse(TableFit.isTruncated(l), query + " is cut off: " + l.getText() + " in " + l.getWidth() + " px");
    }

    @Test
    void theHeaderAndTheActivityButtonsStayReadable(FxRobot robot) {
        assertReadable(robot, ".app-title");
        assertReadable(robot, "#accountLabel");
        assertReadable(robot, "#editAccountButton");
        assertReadable(robot, "#newAccountButton");
        assertReadable(robot, "#tryAgainButton");
        assertReadable(robot, "#guestStepsButton");
        assertReadable(robot, "#exportCsvButton");
        assertReadable(robot, "#copyReferenceButton");
        assertReadable(robot, "#unfinishedOnlyCheck");
        assertReadable(robot, "#copyIdButton");
        assertReadable(robot, "#resizeButton");
        assertReadable(robot, "#refreshButton");
    }

    @Test
    void theActivityPanelShowsAtLeastFourRows(FxRobot robot) {
        Instant t = Instant.parse("2025-05-01T10:00:00Z");
        for (int i = 0; i < 8; i++) {
            ui.context().journal().record(new Activity("a-" + i, Activity.KIND_EVS_RESIZE, "Elsewhere", "cn-east-3",
                    "p", "vol-" + i, "disk-" + i, 100, 200, false, null, "/dev/vdb", ActivityState.FAILED, null, null,
                    t.plusSeconds(i), t.plusSeconds(i), t.plusSeconds(i), "failed", "no", null, null));
        }
        @SuppressWarnings("unchecked")
        TableView<Activity> table = robot.lookup("#activityTable").queryAs(TableView.class);
        waitUntil("rows listed", 10, () -> table.getItems().size() == 8);
        Bounds visible = table.localToScene(table.getLayoutBounds());
        long whole = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getTableView() == table && !r.isEmpty() && r.isVisible())
                .map(r -> r.localToScene(r.getLayoutBounds()))
                .filter(b -> b.getMinY() >= visible.getMinY() && b.getMaxY() <= visible.getMaxY() + 0.5)
                .count();
        assertTrue(whole >= 4, "only " + whole + " whole activity rows visible in " + visible.getHeight() + " px");
    }

    @Test
    void volumeColumnsFitTheTableAndNoHeadingIsCut(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<VolumeRow> table = robot.lookup("#table").queryAs(TableView.class);
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();

        // Filled to within a vertical scroll bar's width, never leaving space empty beside the last column.
        assertTrue(columns >= room - 20 && columns <= room + 0.5, "columns " + columns + " px in " + room + " px");
        List<Label> headings = robot.lookup(".column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> isIn(l, table)).toList();
        assertEquals(table.getVisibleLeafColumns().size(), headings.size());
        for (Label heading : headings) {
            assertFalse(TableFit.isTruncated(heading), "heading cut: " + heading.getText());
        }
    }

    @Test
    void aCutCellShowsItsWholeTextInATooltip(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<VolumeRow> table = robot.lookup("#table").queryAs(TableView.class);
        TableCell<?, ?> cut = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> isIn(c, table) && !c.isEmpty() && c.isVisible() && c.getTableColumn() != null
                        && "idColumn".equals(c.getTableColumn().getId()) && TableFit.isTruncated(c))
                .findFirst().orElseThrow(() -> new AssertionError("no cut ID cell at 1024 px"));
        String full = cut.getText();
        robot.moveTo(cut);
        robot.moveBy(2, 0);
        waitUntil("tooltip installed", 5, () -> cut.getTooltip() != null);
        assertEquals(full, cut.getTooltip().getText());
        // A cell that shows its whole text gets none.
        TableCell<?, ?> whole = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> isIn(c, table) && !c.isEmpty() && c.isVisible() && c.getTableColumn() != null
                        && "sizeColumn".equals(c.getTableColumn().getId()))
                .findFirst().orElseThrow();
        robot.moveTo(whole);
        robot.moveBy(1, 0);
        waitUntil("old tooltip removed", 5, () -> cut.getTooltip() == null);
        assertEquals(null, whole.getTooltip());
    }

    private static boolean isIn(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
