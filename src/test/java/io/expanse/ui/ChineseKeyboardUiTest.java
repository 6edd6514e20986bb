package io.expanse.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.text.Texts;
import java.util.Locale;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** {@link KeyboardUiTest} in Simplified Chinese: the same keys, with 文件(_F), 编辑(_E)… on the menus. */
class ChineseKeyboardUiTest extends KeyboardUiTest {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage);
    }

    @Override
    protected Locale language() {
        return Texts.CHINESE;
    }

    @Test
    void theMenusShowTheirLettersTheChineseWay(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals(java.util.List.of("文件(_F)", "编辑(_E)", "视图(_V)", "帮助(_H)"),
                bar.getMenus().stream().map(m -> m.getText()).toList());
    }
}
