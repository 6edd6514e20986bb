package io.expanse.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.files.FolderCheck;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window shown instead of the main one when a folder cannot be written. */
@ExtendWith(ApplicationExtension.class)
class StartupProblemUiTest {

    @Start
    void start(Stage stage) {
        // The alert is shown by the test itself.
    }

    @Test
    void aFullDiskIsExplainedWithTheFolderAndWhatToDo(FxRobot robot) {
        FolderCheck.Problem full = new FolderCheck.Problem("data folder", Path.of("/home/li/.local/share/expanse"),
                FolderCheck.Reason.FULL, "/home/li/.local/share/expanse/.probe: No space left on device");
        robot.interact(() -> io.expanse.ui.main.StartupProblemWindow.forFolders(List.of(full)).show());
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup("#startupProblemText").queryAs(Label.class);
        assertEquals("Expanse cannot use its data folder /home/li/.local/share/expanse: the disk is full.",
                text.getText());
        assertEquals("Free some space on that disk, then start Expanse again.",
                robot.lookup("#startupProblemAdvice").queryAs(Label.class).getText());
        TextArea details = robot.lookup("#startupProblemDetails").queryAs(TextArea.class);
        assertTrue(details.getText().contains("No space left on device"), details.getText());
        assertFalse(text.getText().contains("Exception"));
    }

    @Test
    void anUnwritableFolderAsksForAWritableOne(FxRobot robot) {
        FolderCheck.Problem denied = new FolderCheck.Problem("settings folder", Path.of("/etc/expanse"),
                FolderCheck.Reason.PERMISSION, "/etc/expanse: Permission denied");
        robot.interact(() -> io.expanse.ui.main.StartupProblemWindow.forFolders(List.of(denied)).show());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Expanse cannot use its settings folder /etc/expanse: Expanse is not allowed to write there.",
                robot.lookup("#startupProblemText").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#startupProblemAdvice").queryAs(Label.class).getText()
                .startsWith("Make the folder writable for your user"));
    }
}
