package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.ui.volumes.RowUsage;
import io.expanse.ui.volumes.UsageColumnModel;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Disk usage on the sandbox's simulated Cloud Eye agents, through the real window: the Used column fills in after
 * the list, "Needs attention" keeps the disks over 85 %, and the resize dialog's suggested size goes into the size
 * field with one click and is expanded to.
 */
class UsageUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @SuppressWarnings("unchecked")
    private static TableView<VolumeRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    private UsageColumnModel usage() {
        return ui.context().volumes().usage();
    }

    @Test
    void needsAttentionLeadsToAnExpansionAtTheSuggestedSize(FxRobot robot) {
        waitUntil("usage read", 30, () -> usage().stateProperty().get() == UsageColumnModel.State.READY);
        String status = robot.lookup("#statusLabel").tryQuery().map(n -> ((Label) n).getText())
                .orElse(ui.context().volumes().statusLineProperty().get());
        assertTrue(status.contains("disks over 85 %"), status);

        robot.clickOn("#attentionToggle");
        assertTrue(robot.lookup("#attentionToggle").queryAs(ToggleButton.class).isSelected());
        waitUntil("only the disks needing attention", 10, () -> table(robot).getItems().stream()
                .allMatch(r -> r.usage() != null && r.usage().attention(85)));
        List<String> shown = table(robot).getItems().stream().map(r -> r.volume().name()).toList();
        assertTrue(shown.containsAll(Set.of("data-01", "sys-01", "web-02-data", "win-01-sys")), shown.toString());
        assertFalse(shown.contains("app-01-sys"), shown.toString());

        VolumeRow data01 = ui.select(robot, "data-01");
        assertEquals(RowUsage.Kind.MAPPED, data01.usage().kind());
        assertEquals(140L, data01.usage().suggestedSizeGb());
        waitUntil("details pane shows the suggestion", 10, () -> robot.lookup("#usageDetailsSuggestion")
                .queryAs(Label.class).getText().contains("140 GB"));

        robot.clickOn("#resizeButton");
        waitUntil("resize dialog open", 10, () -> robot.lookup("#newSizeField").tryQuery().isPresent());
        waitUntil("facts re-read", 10, () -> !robot.lookup("#factsLabel").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#usagePane").query().isVisible(), "usage section shown");
        Button use = robot.lookup("#useSuggestedButton").queryAs(Button.class);
        assertTrue(use.isVisible() && use.getText().contains("140"), use.getText());
        robot.clickOn(use);
        assertEquals("140", robot.lookup("#newSizeField").queryAs(TextField.class).getText());
        Button confirm = robot.lookup("#confirmButton").queryAs(Button.class);
        assertFalse(confirm.isDisabled());

        robot.clickOn(confirm);
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        waitUntil("activity succeeded", 30, () -> ui.activityFor("data-01")
                .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
        Activity a = ui.activityFor("data-01").orElseThrow();
        assertEquals(100, a.oldSizeGb());
        assertEquals(140, a.newSizeGb());
    }

    @Test
    void aServerWithoutTheAgentSaysSoAndLvmIsShownPerServer(FxRobot robot) {
        waitUntil("usage read", 30, () -> usage().stateProperty().get() == UsageColumnModel.State.READY);
        VolumeRow batch = ui.select(robot, "batch-01-sys");
        assertEquals(RowUsage.Kind.NO_AGENT, batch.usage().kind());
        assertEquals("no agent", batch.usage().usedText());
        assertTrue(batch.usage().tooltip().contains("Install the Cloud Eye agent"), batch.usage().tooltip());
        waitUntil("details pane explains", 10, () -> robot.lookup("#usageDetailsNote").queryAs(Label.class)
                .getText().contains("no Cloud Eye agent"));

        VolumeRow pg = ui.select(robot, "pg-data-01");
        assertEquals(RowUsage.Kind.PER_SERVER, pg.usage().kind());
        assertTrue(pg.usage().usedText().startsWith("≈"), pg.usage().usedText());
        assertTrue(pg.usage().tooltip().contains("LVM"), pg.usage().tooltip());
        assertEquals(null, pg.usage().suggestedSizeGb(), "no size suggested for one disk of an LVM volume");
    }
}
