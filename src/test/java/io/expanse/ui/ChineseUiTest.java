package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.text.Texts;
import io.expanse.ui.packs.PackRow;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The main flows in Simplified Chinese, as a Chinese operator sees them: the resize dialog (a refused size, a
 * confirmed one followed to 成功) and a NAS pack upgrade. The same flows in English are ResizeDialogUiTest and
 * PacksUiTest.
 */
class ChineseUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        Texts.use(Texts.CHINESE);
        show(stage);
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Texts.ENGLISH);
    }

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static boolean cellShows(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText()))
                .tryQuery().isPresent();
    }

    @Test
    void theWindowSpeaksChinese(FxRobot robot) {
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals("文件(_F)", menus.getMenus().get(0).getText());
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#table").queryAs(TableView.class);
        assertEquals("容量(GB)", ((TableColumn<?, ?>) table.getColumns().stream()
                .filter(c -> "sizeColumn".equals(c.getId())).findFirst().orElseThrow()).getText());
        assertTrue(cellShows(robot, "正在使用"), "EVS status in the console's words");
        assertTrue(cellShows(robot, "系统盘"), "disk role in the console's words");
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().contains("个云硬盘"));
    }

    @Test
    void aRefusedSizeThenAConfirmedOneFollowedToSucceeded(FxRobot robot) {
        ui.select(robot, "data-01");
        robot.clickOn("#resizeButton");
        waitUntil("resize dialog open", 10, () -> robot.lookup("#newSizeField").tryQuery().isPresent());
        waitUntil("facts re-read", 10, () -> !robot.lookup("#factsLabel").queryAs(Label.class).isVisible());
        assertTrue(text(robot, "#roleLabel").startsWith("数据盘"), text(robot, "#roleLabel"));
        assertTrue(text(robot, "#billingLabel").startsWith("按需计费"), text(robot, "#billingLabel"));
        assertEquals("取消(_C)", robot.lookup("#cancelButton").queryAs(Button.class).getText());

        type(robot, "#newSizeField", "80");
        assertTrue(robot.lookup("#confirmButton").queryAs(Button.class).isDisabled());
        assertTrue(text(robot, "#validationLabel").contains("不能缩容"), text(robot, "#validationLabel"));

        type(robot, "#newSizeField", "40000");
        assertTrue(text(robot, "#validationLabel").contains("32768"), text(robot, "#validationLabel"));

        type(robot, "#newSizeField", "２００");
        assertFalse(robot.lookup("#confirmButton").queryAs(Button.class).isDisabled(),
                text(robot, "#validationLabel"));
        assertTrue(text(robot, "#summaryLabel").startsWith("将 data-01 从 100 GB 扩容到 200 GB"),
                text(robot, "#summaryLabel"));

        robot.clickOn("#confirmButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        waitUntil("activity succeeded", 30, () -> ui.activityFor("data-01")
                .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
        waitUntil("a 成功 cell", 10, () -> cellShows(robot, "成功"));
    }

    @Test
    void aNasPackUpgrade(FxRobot robot) {
        robot.interact(() -> ui.context().nasAccounts().openInitial());
        TabPane tabs = robot.lookup("#resourceTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        TableView<PackRow> packs = robot.lookup("#packTable").queryAs(TableView.class);
        String packId = "pack-h58kdagr9vyv";
        waitUntil("packs listed", 10, () -> packs.getItems().stream().anyMatch(r -> r.pack().id().equals(packId)));
        robot.interact(() -> packs.getSelectionModel().select(packs.getItems().stream()
                .filter(r -> r.pack().id().equals(packId)).findFirst().orElseThrow()));
        robot.clickOn("#upgradePackButton");
        waitUntil("upgrade dialog open", 10, () -> robot.lookup("#targetCapacityField").tryQuery().isPresent());
        assertEquals("200 GB", text(robot, "#upgradeCurrentLabel"));
        assertEquals("包年/包月", text(robot, "#upgradePayTypeLabel"));
        assertTrue(text(robot, "#upgradeAllowedLabel").contains("100 GB 的整数倍"), text(robot, "#upgradeAllowedLabel"));

        type(robot, "#targetCapacityField", "250");
        assertTrue(robot.lookup("#upgradeConfirmButton").queryAs(Button.class).isDisabled());
        assertTrue(text(robot, "#upgradeValidationLabel").contains("不是可选的容量"),
                text(robot, "#upgradeValidationLabel"));

        type(robot, "#targetCapacityField", "300");
        assertEquals("nasbag.capacity.300G", text(robot, "#specCodeLabel"));
        assertTrue(text(robot, "#upgradeSummaryLabel").contains("升级到 300 GB"), text(robot, "#upgradeSummaryLabel"));
        robot.clickOn("#upgradeConfirmButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#targetCapacityField").tryQuery().isEmpty());
        waitUntil("upgrade paid", 30, () -> ui.context().journal().recent().stream()
                .filter(a -> packId.equals(a.resourceId())).anyMatch(a -> a.state() == ActivityState.SUCCEEDED));
        Activity a = ui.context().journal().recent().stream().filter(x -> packId.equals(x.resourceId()))
                .reduce((x, y) -> y).orElseThrow();
        assertEquals("成功", a.stateText());
    }
}
