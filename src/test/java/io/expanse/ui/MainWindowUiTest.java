package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.settings.Profile;
import io.expanse.ui.common.AccountChoice;
import io.expanse.ui.volumes.VolumeRow;
import javafx.scene.control.ComboBox;
import io.expanse.ui.volumes.VolumesViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

/** The main window on the sandbox: list, badge, status line, filter, role lookup, shortcuts. */
class MainWindowUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @SuppressWarnings("unchecked")
    private static TableView<VolumeRow> table(FxRobot robot) {
        return robot.lookup("#table").queryAs(TableView.class);
    }

    @Test
    void listsTheSandboxWithBadgeAndStatusLine(FxRobot robot) {
        assertEquals(50, table(robot).getItems().size());
        assertTrue(robot.lookup("#sandboxBadge").queryAs(Label.class).isVisible());
        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        assertTrue(status.contains("Sandbox") && status.contains("cn-north-4") && status.contains("50 volumes"),
                status);
    }

    @Test
    void rolesAndServerStatusesArriveFromTheServerLookups(FxRobot robot) {
        VolumeRow sys = ui.select(robot, "sys-01");
        VolumeRow reboot = ui.select(robot, "srv-reboot-disk");
        VolumeRow billing = ui.select(robot, "billing-01");
        waitUntil("server lookups", 15, () -> sys.lookupProperty().get() == VolumeRow.ServerLookup.LOADED
                && reboot.lookupProperty().get() == VolumeRow.ServerLookup.LOADED);
        assertEquals("System", sys.roleText());
        assertEquals("REBOOT", reboot.serverStatusText());
        assertEquals("Yearly/monthly", billing.billingText());
    }

    @Test
    void filterNarrowsTheListAndExplainsAnEmptyResult(FxRobot robot) {
        robot.clickOn("#filterField").write("billing");
        waitUntil("filtered", 5, () -> table(robot).getItems().size() == 3);
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.volume().name().startsWith("billing")));
        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        assertTrue(status.contains("3 shown"), status);

        robot.interact(() -> robot.lookup("#filterField").queryAs(TextField.class).setText("no-such-disk"));
        assertEquals(0, table(robot).getItems().size());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("No volume matches")));
    }

    @Test
    void copyIdAndRefreshShortcuts(FxRobot robot) {
        VolumeRow row = ui.select(robot, "data-01");
        robot.clickOn("#copyIdButton");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(row.volume().id(), clip[0]);

        VolumesViewModel volumes = ui.context().volumes();
        long loadBefore = volumes.currentLoad();
        robot.clickOn("#table").type(KeyCode.F5);
        waitUntil("reloaded after F5", 15,
                () -> volumes.currentLoad() > loadBefore
                        && volumes.stateProperty().get() == VolumesViewModel.LoadState.READY
                        && volumes.serversAppliedProperty().get() == volumes.currentLoad()
                        && table(robot).getItems().size() == 50);
    }

    @Test
    void switchingToAProfileShowsItsVolumesAndBack(FxRobot robot) throws Exception {
        try (SandboxServer other = SandboxServer.start(new SandboxCloud(SandboxSeed.generated(7, 3),
                java.time.Clock.systemUTC(), UiHarness.FAST_SANDBOX))) {
            Profile profile = new Profile("ops-test", "ops-test", Profile.Kind.HUAWEI, Profile.Source.SETTINGS,
                    other.region(), Profile.Site.CHINA, other.projectId(), null, other.credentials().accessKey(),
                    false, java.util.Map.of("all", other.baseUri().toString()));
            ui.context().profiles().save(profile, other.credentials().secretKey(), null);
            robot.interact(() -> ui.context().evsAccounts().reload());

            @SuppressWarnings("unchecked")
            ComboBox<AccountChoice> choice = robot.lookup("#accountChoice").queryAs(ComboBox.class);
            AccountChoice ops = choice.getItems().stream()
                    .filter(c -> !c.sandbox() && c.profile().id().equals("ops-test")).findFirst().orElseThrow();
            robot.clickOn(choice);
            robot.clickOn(ops.toString());
            waitUntil("profile's volumes", 15, () -> table(robot).getItems().size() == 7
                    && ui.context().volumes().stateProperty().get() == VolumesViewModel.LoadState.READY);
            String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
            assertTrue(status.startsWith("ops-test") && status.contains("7 volumes"), status);
            assertTrue(!robot.lookup("#sandboxBadge").queryAs(Label.class).isVisible(), "sandbox badge on a profile");
            assertEquals(java.util.Optional.of("ops-test"),
                    ui.context().profiles().lastSelected().map(Profile::id));

            robot.clickOn(choice);
            // The packs tab's selector has a "Sandbox" entry of the same text: pick it in the open list.
            pickInOpenList(robot, choice.getItems().get(0).toString());
            waitUntil("sandbox again", 15, () -> table(robot).getItems().size() == 50);
            assertTrue(robot.lookup("#sandboxBadge").queryAs(Label.class).isVisible());
        }
    }

    private static void pickInOpenList(FxRobot robot, String text) {
        javafx.scene.Node cell = robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && text.equals(c.getText())
                        && n.getScene() != null && n.getScene().getWindow() instanceof javafx.stage.PopupWindow)
                .findFirst().orElseThrow(() -> new AssertionError("no open list shows " + text));
        robot.clickOn(cell);
    }

    @Test
    void deletingAProfileRemovesItAndItsSecretAfterConfirmation(FxRobot robot) {
        Profile profile = new Profile("doomed", "doomed", Profile.Kind.HUAWEI, Profile.Source.SETTINGS,
                "cn-north-4", Profile.Site.CHINA, "0123456789abcdef", null, "AKDOOMED12345678", false,
                java.util.Map.of("all", "http://127.0.0.1:9"));
        ui.context().profiles().save(profile, "doomed-secret-key-doomed-secret-key-0000", null);
        assertTrue(ui.context().profiles().hasSecret(profile));
        robot.interact(() -> {
            ui.context().evsAccounts().reload();
            @SuppressWarnings("unchecked")
            ComboBox<AccountChoice> choice = robot.lookup("#accountChoice").queryAs(ComboBox.class);
            choice.getItems().stream().filter(c -> !c.sandbox() && c.profile().id().equals("doomed"))
                    .findFirst().ifPresent(choice::setValue);
        });
        robot.clickOn("#fileMenu").clickOn("Delete profile…");
        waitUntil("confirmation shown", 5, () -> robot.lookup("#confirmDeleteProfileButton").tryQuery().isPresent());
        robot.clickOn("#confirmDeleteProfileButton");
        waitUntil("profile gone", 10, () -> ui.context().profiles().find("doomed").isEmpty()
                && ui.context().evsAccounts().choices().stream().noneMatch(c -> !c.sandbox()
                        && c.profile().id().equals("doomed")));
        assertTrue(!ui.context().profiles().hasSecret(profile), "the secret outlived its profile");
        waitUntil("back on the sandbox", 15, () -> table(robot).getItems().size() == 50);
        // The selector shows the sandbox, not a blank box.
        @SuppressWarnings("unchecked")
        ComboBox<AccountChoice> selector = robot.lookup("#accountChoice").queryAs(ComboBox.class);
        robot.interact(() -> { });
        assertTrue(selector.getValue() != null && selector.getValue().sandbox(), "selector shows " + selector.getValue());
        // The list read again while on the sandbox (another profile saved, the other tab's selector…) keeps it.
        robot.interact(() -> ui.context().evsAccounts().reload());
        robot.interact(() -> { });
        assertTrue(selector.getValue() != null && selector.getValue().sandbox(), "selector shows " + selector.getValue());
        assertEquals(AccountChoice.SANDBOX, selector.getSelectionModel().getSelectedItem());
        assertTrue(ui.context().evsAccounts().currentProperty().get().sandbox());
        javafx.scene.control.ListCell<?> button = (javafx.scene.control.ListCell<?>)
                ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) selector.getSkin()).getDisplayNode();
        assertEquals(AccountChoice.SANDBOX.toString(), button.getText(), "the closed selector reads blank");
    }

    @Test
    void helpAboutShowsTheVersionTheFoldersAndTheLicences(FxRobot robot) {
        robot.clickOn("#helpMenu");
        robot.clickOn("About Expanse");
        waitUntil("about window", 5, () -> robot.lookup("#versionLabel").tryQuery().isPresent());
        assertTrue(robot.lookup("#versionLabel").queryAs(Label.class).getText().matches("Version \\d+\\.\\d+\\.\\d+.*"),
                robot.lookup("#versionLabel").queryAs(Label.class).getText());
        String data = robot.lookup("#dataFolderLabel").queryAs(Label.class).getText();
        assertTrue(data.endsWith("data"), data);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> libraries = robot.lookup("#librariesList")
                .queryAs(javafx.scene.control.ListView.class);
        assertTrue(libraries.getItems().stream().anyMatch(l -> l.startsWith("okhttp ") && l.contains("Apache")),
                libraries.getItems().toString());
        assertTrue(libraries.getItems().stream().anyMatch(l -> l.startsWith("javafx controls ") && l.endsWith(" · GPLv2+CE")),
                libraries.getItems().toString());
        robot.clickOn("#copyDataFolderButton");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(data, clip[0]);
        assertEquals("Copied the data folder's path.", robot.lookup("#copiedLabel").queryAs(Label.class).getText());
        robot.clickOn("#closeAboutButton");
        waitUntil("about closed", 5, () -> robot.lookup("#versionLabel").tryQuery().isEmpty());
    }
}
