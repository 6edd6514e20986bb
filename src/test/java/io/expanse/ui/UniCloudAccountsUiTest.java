package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.sandbox.unicloud.SandboxPack;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.settings.Profile;
import io.expanse.ui.common.AccountChoice;
import io.expanse.ui.packs.PackRow;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import io.expanse.work.accounts.NasAccount;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * UniCloud profiles in the packs tab of the real window: a profile saved in the editor, pointing at a second
 * UniCloud sandbox through its endpoint override, is chosen in the packs selector. A real account's list starts
 * empty (UniCloud has no API that lists packs), unlike the built-in sandbox's, which is pre-filled.
 */
class UniCloudAccountsUiTest extends SandboxWindowTest {

    static final String OTHER_PACK = "pack-acct2only0001";

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @SuppressWarnings("unchecked")
    private static TableView<PackRow> packTable(FxRobot robot) {
        return robot.lookup("#packTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<AccountChoice> accounts(FxRobot robot) {
        return robot.lookup("#packsAccountChoice").queryAs(ComboBox.class);
    }

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    private static void set(FxRobot robot, String id, String value) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(value));
    }

    private NasAccount shown() {
        return ui.context().nasAccounts().account();
    }

    private Optional<Activity> activityFor(String packId) {
        return ui.context().journal().all().stream().filter(a -> packId.equals(a.resourceId()))
                .reduce((a, b) -> b);
    }

    private void openPacksTab(FxRobot robot) {
        robot.clickOn("UniCloud NAS resource packs");
        waitUntil("sandbox packs", 15, () -> shown() != null && shown().sandbox()
                && packTable(robot).getItems().size() == SandboxPack.standard().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSavedProfileOnASecondSandboxGetsItsOwnListAndUpgradesThenTheSandboxReturns(FxRobot robot) {
        try (UniCloudSandbox other = UniCloudSandbox.start(
                List.of(new SandboxPack(OTHER_PACK, "second-account", 100, "2027-05-31", false)),
                Clock.systemUTC(), Duration.ofMillis(600))) {
            openPacksTab(robot);
            assertTrue(text(robot, "#packsSourceLabel").startsWith("Sandbox (simulated"));

            robot.clickOn("#newAccountButton");
            waitUntil("editor open", 10, () -> robot.lookup("#kindChoice").tryQuery().isPresent());
            ComboBox<Profile.Kind> kind = robot.lookup("#kindChoice").queryAs(ComboBox.class);
            robot.interact(() -> kind.setValue(Profile.Kind.UNICLOUD));
            set(robot, "#labelField", "nas-two");
            set(robot, "#regionField", other.region());
            set(robot, "#accessKeyField", other.credentials().accessKeyId());
            set(robot, "#secretKeyField", other.credentials().accessKeySecret());
            set(robot, "#endpointField", other.baseUri().toString());
            robot.clickOn("#saveButton");
            waitUntil("editor closed", 10, () -> robot.lookup("#kindChoice").tryQuery().isEmpty());

            waitUntil("profile in the packs selector", 5, () -> accounts(robot).getItems().size() == 2);
            AccountChoice two = accounts(robot).getItems().get(1);
            assertEquals("nas-two · " + other.region(), two.toString());
            assertTrue(shown().sandbox(), "saving a UniCloud profile switched the packs view by itself");
            robot.clickOn(accounts(robot));
            robot.clickOn(two.toString());
            waitUntil("the second account shown", 15, () -> shown() != null && !shown().sandbox()
                    && "nas-two".equals(shown().label()));
            waitUntil("its list starts empty", 5, () -> packTable(robot).getItems().isEmpty());
            assertTrue(text(robot, "#packsSourceLabel").startsWith("UniCloud account nas-two · cn-tianjin-yfb"),
                    text(robot, "#packsSourceLabel"));
            assertFalse(robot.lookup("#editPacksAccountButton").queryAs(Button.class).isDisabled());

            robot.clickOn("#addPackButton");
            waitUntil("pack editor open", 10, () -> robot.lookup("#packIdField").tryQuery().isPresent());
            set(robot, "#packIdField", OTHER_PACK);
            set(robot, "#packCapacityField", "100");
            set(robot, "#packLabelField", "second-account");
            robot.clickOn("#packEditorSave");
            waitUntil("pack listed", 10, () -> packTable(robot).getItems().size() == 1);
            PackRow row = packTable(robot).getItems().get(0);
            robot.interact(() -> packTable(robot).getSelectionModel().select(row));
            robot.clickOn("#upgradePackButton");
            waitUntil("upgrade dialog open", 10, () -> robot.lookup("#targetCapacityField").tryQuery().isPresent());
            set(robot, "#targetCapacityField", "300");
            robot.clickOn("#upgradeConfirmButton");
            waitUntil("order paid", 30, () -> activityFor(OTHER_PACK)
                    .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
            Activity a = activityFor(OTHER_PACK).orElseThrow();
            assertEquals("nas-two", a.account());
            assertEquals(300, other.packs().get(0).capacityGb(), "the second sandbox did not get the upgrade");
            waitUntil("table shows 300 GB", 10, () -> packTable(robot).getItems().stream()
                    .anyMatch(r -> r.pack().capacityGb() == 300 && "Succeeded".equals(r.lastUpgrade())));
            waitUntil("choice remembered", 5, () -> ui.context().profiles().lastUniCloud()
                    .map(p -> p.label().equals("nas-two")).orElse(false));

            NasAccount second = shown();
            robot.interact(() -> accounts(robot).setValue(accounts(robot).getItems().get(0)));
            waitUntil("sandbox packs again", 15, () -> shown() != null && shown().sandbox()
                    && packTable(robot).getItems().size() == SandboxPack.standard().size());
            assertTrue(packTable(robot).getItems().stream().noneMatch(r -> r.pack().id().equals(OTHER_PACK)));
            assertTrue(text(robot, "#packsSourceLabel").startsWith("Sandbox (simulated"));
            assertTrue(ui.context().journal().find(a.id()).isPresent(), "the account's journal row is gone");
            assertTrue(!second.tracker().isFollowing(a.id()));
            waitUntil("sandbox choice remembered", 5, () -> ui.context().profiles().lastUniCloud().isEmpty());
        }
    }

    @Test
    void aProfileWithoutAStoredSecretSaysSoInsteadOfFailing(FxRobot robot) {
        openPacksTab(robot);
        Profile p = new Profile("nas-nosecret", "nas-nosecret", Profile.Kind.UNICLOUD, Profile.Source.SETTINGS,
                UniCloudSandbox.REGION, null, null, null, "UCAKEXAMPLE00001", false,
                Map.of("nas", "http://127.0.0.1:9"));
        ui.context().profiles().save(p, null, null);
        robot.interact(() -> ui.context().nasAccounts().profileSaved(p));
        robot.interact(() -> accounts(robot).setValue(accounts(robot).getItems().get(1)));
        waitUntil("the problem shown", 10, () -> text(robot, "#packsProblemLabel")
                .contains("No secret is stored for nas-nosecret"));
        assertTrue(text(robot, "#packsProblemLabel").contains("edit the profile and enter it again"));
        assertTrue(packTable(robot).getItems().isEmpty());
        assertTrue(robot.lookup("#addPackButton").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#editPacksAccountButton").queryAs(Button.class).isDisabled());
    }
}
