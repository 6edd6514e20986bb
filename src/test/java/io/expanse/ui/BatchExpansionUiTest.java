package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.ui.batch.BatchViewModel;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** "Expand selected…" through the real window: five disks, one refused by the rules, one failing on the server. */
class BatchExpansionUiTest extends SandboxWindowTest {

    private static final List<String> FIVE = List.of("data-01", "data-02", "data-fail-02", "web-02-data",
            "sys-1024");

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    @Test
    void aBatchOfFiveLeavesOutTheRefusedOneAndFollowsEachDisk(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<VolumeRow> table = robot.lookup("#table").queryAs(TableView.class);
        assertTrue(robot.lookup("#expandSelectedButton").queryAs(Button.class).isDisabled(),
                "needs two or more selected");
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(r -> FIVE.contains(r.volume().name()))
                    .forEach(r -> table.getSelectionModel().select(r));
        });
        assertEquals(5, table.getSelectionModel().getSelectedItems().size());
        Button expandSelected = robot.lookup("#expandSelectedButton").queryAs(Button.class);
        assertFalse(expandSelected.isDisabled());
        assertTrue(expandSelected.getText().contains("(5)"), expandSelected.getText());

        robot.clickOn("#expandSelectedButton");
        waitUntil("batch dialog open", 10, () -> robot.lookup("#targetField").tryQuery().isPresent());
        robot.clickOn("#targetField").write("+10");

        @SuppressWarnings("unchecked")
        TableView<BatchViewModel.Line> lines = robot.lookup("#linesTable").queryAs(TableView.class);
        BatchViewModel.Line sys = lines.getItems().stream().filter(l -> l.name().equals("sys-1024")).findFirst()
                .orElseThrow();
        assertTrue(sys.refused() && sys.outcome().contains("1024"), sys.outcome());
        assertTrue(text(robot, "#refusedSummaryLabel").startsWith("1 disk is left out"),
                text(robot, "#refusedSummaryLabel"));
        assertTrue(text(robot, "#summaryLabel").startsWith("Expand 4 disks, 40 GB added in all, in 1 call"),
                text(robot, "#summaryLabel"));
        waitUntil("on-demand price", 10, () -> text(robot, "#onDemandPriceLabel").startsWith("On-demand (4 disks): +"));
        assertFalse(robot.lookup("#batchConfirmButton").queryAs(Button.class).isDefaultButton());

        robot.clickOn("#batchConfirmButton");
        waitUntil("dialog closed", 20, () -> robot.lookup("#targetField").tryQuery().isEmpty());
        for (String name : List.of("data-01", "data-02", "web-02-data", "data-fail-02")) {
            waitUntil(name + " finished", 30, () -> ui.activityFor(name).map(Activity::finished).orElse(false));
        }
        Activity failed = ui.activityFor("data-fail-02").orElseThrow();
        assertEquals(ActivityState.FAILED, failed.state());
        assertNotNull(failed.failureReason());
        String jobId = ui.activityFor("data-01").orElseThrow().jobId();
        for (String name : List.of("data-01", "data-02", "web-02-data")) {
            Activity a = ui.activityFor(name).orElseThrow();
            assertEquals(ActivityState.SUCCEEDED, a.state(), name + ": " + a.message());
            assertEquals(jobId, a.jobId(), "linked to the batch");
        }
        assertEquals(jobId, failed.jobId());
        assertTrue(ui.activityFor("sys-1024").isEmpty(), "the refused disk was sent");
        waitUntil("data-01 reads 110 GB", 10, () -> ui.select(robot, "data-01").volume().sizeGb() == 110);
    }
}
