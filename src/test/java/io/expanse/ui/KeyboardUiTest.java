package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.text.Texts;
import io.expanse.ui.main.Shortcut;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.ui.volumes.VolumesViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The main window from the keyboard alone, in English ({@link ChineseKeyboardUiTest} runs the same in Chinese):
 * Alt+F and Alt+E open their menus, whose items show their accelerators; F5 and Ctrl+R refresh; Ctrl+F goes to the
 * filter, Esc clears it and ↓ goes to the table on its first row; the first ↓ in the table selects the first row;
 * Enter opens the resize dialog of the selected row and Ctrl+C copies its ID; Tab follows the screen; Help →
 * Keyboard shortcuts lists exactly the shortcut table.
 */
class KeyboardUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        Texts.use(language());
        show(stage);
    }

    /** The language the window is built in. */
    protected java.util.Locale language() {
        return Texts.ENGLISH;
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Texts.ENGLISH);
    }

    @SuppressWarnings("unchecked")
    private static TableView<VolumeRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    private static Menu menu(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream().filter(m -> id.equals(m.getId()))
                .findFirst().orElseThrow();
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private Node focusOwner() {
        return ui.stage().getScene().getFocusOwner();
    }

    private void focus(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        robot.interact(node::requestFocus);
        waitUntil(id + " focused", 5, node::isFocused);
    }

    @Test
    void altOpensTheMenusWhoseItemsShowTheirAccelerators(FxRobot robot) {
        focus(robot, "#table");
        Menu file = menu(robot, "fileMenu");
        robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
        waitUntil("Alt+F opened File", 5, file::isShowing);
        assertTrue(file.getText().contains("_F"), file.getText());
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc closed File", 5, () -> !file.isShowing());

        Menu edit = menu(robot, "editMenu");
        robot.press(KeyCode.ALT, KeyCode.E).release(KeyCode.E, KeyCode.ALT);
        waitUntil("Alt+E opened Edit", 5, edit::isShowing);
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc closed Edit", 5, () -> !edit.isShowing());

        // Every accelerator of the table is on a menu item, shown as the table shows it.
        Menu view = menu(robot, "viewMenu");
        List<String> shown = new ArrayList<>();
        for (Menu m : List.of(edit, view)) {
            m.getItems().stream().filter(i -> i.getAccelerator() != null)
                    .forEach(i -> shown.add(i.getAccelerator().getDisplayText()));
        }
        List<String> table = java.util.Arrays.stream(Shortcut.values()).filter(Shortcut::isAccelerator)
                .map(Shortcut::keys).toList();
        assertEquals(table.stream().sorted().toList(), shown.stream().sorted().toList());
        assertEquals("F5 / Ctrl+R", item(view, "refreshItem").getAccelerator().getDisplayText());
        assertEquals(Texts.get("shortcuts.key.enter"), item(edit, "expandItem").getAccelerator().getDisplayText());
    }

    @Test
    void f5AndCtrlRRefreshFromAnywhere(FxRobot robot) {
        for (KeyCode[] keys : List.of(new KeyCode[] {KeyCode.F5}, new KeyCode[] {KeyCode.SHORTCUT, KeyCode.R})) {
            VolumesViewModel volumes = ui.context().volumes();
            long loadBefore = volumes.currentLoad();
            focus(robot, "#accountChoice");
            robot.push(keys);
            // Unchanged volumes keep their rows on a refresh: the load's number says that it ran.
            waitUntil("reloaded after " + java.util.Arrays.toString(keys), 15,
                    () -> volumes.currentLoad() > loadBefore
                            && volumes.stateProperty().get() == VolumesViewModel.LoadState.READY
                            && !table(robot).getItems().isEmpty());
        }
    }

    @Test
    void ctrlFGoesToTheFilterEscClearsItAndDownSelectsTheFirstRow(FxRobot robot) {
        TextField filter = robot.lookup("#filterField").queryAs(TextField.class);
        focus(robot, "#table");
        robot.push(KeyCode.SHORTCUT, KeyCode.F);
        waitUntil("Ctrl+F focused the filter", 5, filter::isFocused);
        robot.write("data");
        waitUntil("filtered", 5, () -> table(robot).getItems().stream()
                .allMatch(r -> r.volume().name().contains("data")));
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc cleared the filter", 5, () -> filter.getText().isEmpty());
        assertTrue(filter.isFocused(), "Esc leaves the focus in the filter");

        robot.interact(() -> table(robot).getSelectionModel().clearSelection());
        robot.type(KeyCode.DOWN);
        waitUntil("↓ went to the table", 5, () -> table(robot).isFocused());
        assertEquals(0, table(robot).getSelectionModel().getSelectedIndex(), "the first row, not the second");

        // In the table with nothing selected, the first ↓ selects the first row too.
        robot.interact(() -> table(robot).getSelectionModel().clearSelection());
        robot.type(KeyCode.DOWN);
        waitUntil("first row selected", 5, () -> table(robot).getSelectionModel().getSelectedIndex() == 0);
    }

    @Test
    void enterExpandsTheSelectedRowAndCtrlCCopiesItsId(FxRobot robot) {
        focus(robot, "#table");
        robot.interact(() -> table(robot).getSelectionModel().clearSelection());
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        waitUntil("second row selected", 5, () -> table(robot).getSelectionModel().getSelectedIndex() == 1);
        VolumeRow row = table(robot).getSelectionModel().getSelectedItem();

        robot.push(KeyCode.SHORTCUT, KeyCode.C);
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(row.volume().id(), clip[0]);

        robot.type(KeyCode.ENTER);
        waitUntil("resize dialog open", 10, () -> robot.lookup("#newSizeField").tryQuery().isPresent());
        Label volume = robot.lookup("#volumeLabel").queryAs(Label.class);
        waitUntil("the dialog is about the selected volume", 10, () -> volume.getText() != null
                && volume.getText().contains(row.volume().name()));
        Window dialog = volume.getScene().getWindow();
        assertNotSame(ui.stage(), dialog);
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc closed the dialog", 10, () -> !dialog.isShowing());
    }

    @Test
    void tabFollowsTheScreenFromTheHeaderToTheActivityList(FxRobot robot) {
        focus(robot, "#accountChoice");
        List<String> visited = new ArrayList<>();
        visited.add(focusOwner().getId());
        for (int i = 0; i < 30 && !"activityTable".equals(visited.get(visited.size() - 1)); i++) {
            robot.type(KeyCode.TAB);
            Node now = focusOwner();
            visited.add(now == null ? null : now.getId());
        }
        List<String> expected = List.of("accountChoice", "newAccountButton", "resourceTabs", "filterField",
                "refreshButton", "table", "activityFilterField", "unfinishedOnlyCheck", "activityTable");
        int last = -1;
        for (String id : expected) {
            int at = visited.indexOf(id);
            assertTrue(at > last, id + " after the controls before it on the screen: " + visited);
            last = at;
        }
    }

    @Test
    void theShortcutsDialogListsTheShortcutTable(FxRobot robot) {
        focus(robot, "#table");
        Menu help = menu(robot, "helpMenu");
        robot.press(KeyCode.ALT, KeyCode.H).release(KeyCode.H, KeyCode.ALT);
        waitUntil("Alt+H opened Help", 5, help::isShowing);
        robot.clickOn(item(help, "shortcutsItem").getText().replace("_", ""));
        waitUntil("shortcuts dialog open", 10, () -> robot.lookup("#shortcutsGrid").tryQuery().isPresent());
        GridPane grid = robot.lookup("#shortcutsGrid").queryAs(GridPane.class);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < grid.getChildren().size(); i += 2) {
            rows.add(((Label) grid.getChildren().get(i)).getText() + " = "
                    + ((Label) grid.getChildren().get(i + 1)).getText());
        }
        List<String> table = java.util.Arrays.stream(Shortcut.values()).map(s -> s.keys() + " = " + s.description())
                .toList();
        assertEquals(table, rows);
        assertTrue(rows.get(rows.indexOf(Shortcut.MENUS.keys() + " = " + Shortcut.MENUS.description()))
                .startsWith("Alt+F / Alt+E / Alt+V / Alt+H"), rows.toString());
        Scene dialog = grid.getScene();
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc closed the dialog", 10, () -> !dialog.getWindow().isShowing());
    }
}
