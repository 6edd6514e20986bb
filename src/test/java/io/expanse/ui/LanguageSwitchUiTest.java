package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.text.Texts;
import io.expanse.work.accounts.EvsAccount;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * View → Language rebuilds the window in the other language and loses nothing: the account shown, the volume
 * list and the selection model carry on, and the choice is remembered in the settings.
 */
class LanguageSwitchUiTest extends SandboxWindowTest {

    private final Locale before = Locale.getDefault();

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @AfterEach
    void restore() {
        Texts.use(Texts.ENGLISH);
        Locale.setDefault(before);
    }

    private static MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        for (Menu menu : bar.getMenus()) {
            for (MenuItem i : menu.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
                if (i instanceof Menu sub) {
                    for (MenuItem j : sub.getItems()) {
                        if (id.equals(j.getId())) {
                            return j;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void switchingToChineseAndBackKeepsTheAccountAndTheList(FxRobot robot) throws Exception {
        EvsAccount account = ui.context().session().connection();
        int volumes = ui.context().volumes().allRows().size();

        robot.interact(() -> item(robot, "chineseItem").fire());
        waitUntil("the window speaks Chinese", 10, () -> "文件(_F)".equals(
                robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getText()));
        assertSame(account, ui.context().session().connection(), "the account was reopened");
        assertEquals(volumes, ui.context().volumes().allRows().size());
        waitUntil("status line in Chinese", 10, () -> robot.lookup("#statusLabel").queryAs(Label.class).getText()
                .contains("个云硬盘"));
        waitUntil("the choice is remembered", 10, () -> "zh-CN".equals(
                io.expanse.settings.UiChoicesPeek.peek(ui.dirs()).language()));

        robot.interact(() -> item(robot, "englishItem").fire());
        waitUntil("the window speaks English again", 10, () -> "_File".equals(
                robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getText()));
        assertSame(account, ui.context().session().connection());
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().contains("volumes"));
    }
}
