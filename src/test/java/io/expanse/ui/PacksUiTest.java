package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.app.AppSandboxes;
import io.expanse.domain.nas.RenewalPeriod;
import io.expanse.domain.nas.UpgradePolicy;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.unicloud.SandboxPack;
import io.expanse.settings.Profile;
import io.expanse.ui.activity.ActivityAction;
import io.expanse.ui.activity.ActivityController;
import io.expanse.ui.common.StatusFlash;
import io.expanse.ui.guide.GuideWindows;
import io.expanse.ui.activity.ActivityViewModel;
import io.expanse.ui.common.AccountChoice;
import io.expanse.ui.common.AccountSelector;
import io.expanse.ui.common.task.FxTaskExecutor;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.task.FxTaskExecutor;
import io.expanse.ui.packs.PackRow;
import io.expanse.ui.packs.PacksController;
import io.expanse.ui.packs.PacksViewModel;
import io.expanse.ui.packs.UpgradeDialogs;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.accounts.AccountOpener;
import io.expanse.work.accounts.AccountProfiles;
import io.expanse.work.accounts.NasAccount;
import io.expanse.work.nas.PackImport;
import io.expanse.work.nas.PackInventory;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SessionSecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.profiles.LayoutMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The packs view and upgrade dialog on the UniCloud sandbox, wired as the app wires them. */
@ExtendWith(ApplicationExtension.class)
class PacksUiTest {

    private ExecutorService io;
    private ScheduledExecutorService scheduler;
    private OkHttpClient http;
    private ActivityJournal journal;
    private AccountOpener accounts;
    private AccountSelector<NasAccount> nas;
    private PacksController packsController;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("expanse-nas-ui");
        io = Executors.newCachedThreadPool();
        scheduler = Executors.newScheduledThreadPool(2);
        http = new OkHttpClient();
        journal = new ActivityJournal(home.resolve("activity-sandbox.json"));
        ControllerFactory controllers = new ControllerFactory();
        Fxml fxml = new Fxml(controllers);
        FxTaskExecutor tasks = new FxTaskExecutor(io);
        ActivityViewModel activity = new ActivityViewModel(journal, tasks);
        SettingsStore settings = new SettingsStore(home.resolve("settings.json"), Clock.systemUTC());
        LayoutMemory layout = new LayoutMemory(settings, Runnable::run);
        // The panel's file-system guide action, as the composition root adds it (never run here).
        controllers.register(ActivityController.class, () -> new ActivityController(activity, tasks, layout,
                List.of(new ActivityAction("guestStepsButton", "activity.button.guestSteps",
                        "activity.button.guestSteps.a11y", GuideWindows::offeredFor,
                        (a, owner) -> { })), new StatusFlash()));
        ProfileRepository profiles = new ProfileRepository(settings, new SessionSecretStore(),
                new SdkProfiles.Discovery(List.of(), List.of()));
        accounts = new AccountOpener(profiles, journal,
                new AppSandboxes(Clock.systemUTC(), SandboxTimings.DEFAULT, Duration.ofSeconds(1)),
                new AccountOpener.Shared(http, Clock.systemUTC(), scheduler, io, UiHarness.FAST_POLL,
                        Duration.ofSeconds(1), home));
        PacksViewModel vm = new PacksViewModel(journal, tasks);
        nas = new AccountSelector<>(new AccountProfiles(profiles, Profile.Kind.UNICLOUD, false), accounts::openNas,
                tasks, AccountSelector.Listener.of(vm::connecting, vm::show, vm::failed));
        UpgradeDialogs dialogs = new UpgradeDialogs(vm, new UpgradePolicy(), tasks, fxml);
        controllers.register(PacksController.class, () -> new PacksController(vm, dialogs, nas, null));
        Fxml.View<PacksController> packsView = fxml.load("packs.fxml");
        packsController = packsView.controller();
        Parent packs = packsView.root();
        Parent activities = fxml.load("activity.fxml").root();
        VBox root = new VBox(packs, activities);
        Scene scene = new Scene(root, 1300, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                PacksUiTest.class.getResource("/io/expanse/ui/app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        nas.close();
        accounts.close();
        scheduler.shutdownNow();
        io.shutdownNow();
        http.dispatcher().executorService().shutdown();
    }

    private PackInventory inventory() {
        waitUntil("an account shown", 10, () -> nas.account() != null);
        return nas.account().inventory();
    }

    @SuppressWarnings("unchecked")
    private TableView<PackRow> table(FxRobot robot) {
        return robot.lookup("#packTable").queryAs(TableView.class);
    }

    private void select(FxRobot robot, String packId) {
        TableView<PackRow> t = table(robot);
        waitUntil("pack " + packId + " listed", 10, () -> t.getItems().stream()
                .anyMatch(r -> r.pack().id().equals(packId)));
        PackRow row = t.getItems().stream().filter(r -> r.pack().id().equals(packId)).findFirst().orElseThrow();
        robot.interact(() -> {
            t.getSelectionModel().select(row);
            t.scrollTo(row);
        });
    }

    private void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    private Button confirm(FxRobot robot) {
        return robot.lookup("#upgradeConfirmButton").queryAs(Button.class);
    }

    private Optional<Activity> activityFor(String packId) {
        return journal.all().stream().filter(a -> packId.equals(a.resourceId())).reduce((a, b) -> b);
    }

    private void openUpgrade(FxRobot robot, String packId) {
        select(robot, packId);
        robot.clickOn("#upgradePackButton");
        waitUntil("upgrade dialog open", 10, () -> robot.lookup("#targetCapacityField").tryQuery().isPresent());
    }

    @Test
    void sandboxInventoryIsPrefilled(FxRobot robot) {
        waitUntil("six sandbox packs", 10, () -> table(robot).getItems().size() == SandboxPack.standard().size());
        assertTrue(text(robot, "#packsSourceLabel").startsWith("Sandbox (simulated"), text(robot, "#packsSourceLabel"));
        @SuppressWarnings("unchecked")
        ComboBox<AccountChoice> choice = robot.lookup("#packsAccountChoice").queryAs(ComboBox.class);
        assertEquals(List.of(AccountChoice.SANDBOX), choice.getItems());
        assertTrue(choice.getValue().sandbox());
        assertTrue(robot.lookup("#editPacksAccountButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void addAPackRefuseBadSizesAndUpgradeItToPaid(FxRobot robot) {
        robot.clickOn("#addPackButton");
        waitUntil("editor open", 10, () -> robot.lookup("#packIdField").tryQuery().isPresent());
        Button save = robot.lookup("#packEditorSave").queryAs(Button.class);
        assertTrue(save.isDisabled(), "an empty pack can be saved");
        String prompt = robot.lookup("#packIdField").queryAs(TextField.class).getPromptText();
        assertTrue(SandboxPack.standard().stream().noneMatch(p -> prompt.contains(p.id())),
                "the placeholder is a real pack ID: " + prompt);
        assertFalse(new io.expanse.work.nas.ResourcePack(prompt, "", 100, null, null).problems().isEmpty(),
                "the placeholder would pass as a pack ID: " + prompt);
        @SuppressWarnings("unchecked")
        ComboBox<String> payBox = robot.lookup("#packPayTypeBox").queryAs(ComboBox.class);
        assertEquals("Yearly/monthly", payBox.getConverter().toString(payBox.getValue()));
        type(robot, "#packIdField", "pack-newtest01ab");
        type(robot, "#packCapacityField", "1.5");
        assertTrue(save.isDisabled());
        assertFalse(text(robot, "#packEditorError").isEmpty());
        type(robot, "#packCapacityField", "100");
        type(robot, "#packExpiryField", "2027-01-31");
        type(robot, "#packLabelField", "ui-test");
        assertFalse(save.isDisabled(), text(robot, "#packEditorError"));
        robot.clickOn(save);
        waitUntil("pack saved", 10, () -> inventory().find("pack-newtest01ab").isPresent());

        openUpgrade(robot, "pack-newtest01ab");
        assertTrue(text(robot, "#upgradePackLabel").contains("pack-newtest01ab"));
        assertEquals("100 GB", text(robot, "#upgradeCurrentLabel"));
        assertEquals("Yearly/monthly", text(robot, "#upgradePayTypeLabel"));
        assertFalse(confirm(robot).isDefaultButton(), "confirm must not be the default button");

        type(robot, "#targetCapacityField", "0");
        assertTrue(confirm(robot).isDisabled());
        assertTrue(text(robot, "#upgradeValidationLabel").contains("0"), text(robot, "#upgradeValidationLabel"));

        type(robot, "#targetCapacityField", "150.5");
        assertTrue(confirm(robot).isDisabled());
        assertTrue(text(robot, "#upgradeValidationLabel").toLowerCase(Locale.ROOT).contains("whole"),
                text(robot, "#upgradeValidationLabel"));

        type(robot, "#targetCapacityField", "50");
        assertTrue(confirm(robot).isDisabled());
        assertTrue(text(robot, "#upgradeValidationLabel").contains("smaller"), text(robot, "#upgradeValidationLabel"));

        type(robot, "#targetCapacityField", "200");
        assertFalse(confirm(robot).isDisabled(), text(robot, "#upgradeValidationLabel"));
        assertEquals("nasbag.capacity.200G", text(robot, "#specCodeLabel"));
        assertTrue(text(robot, "#upgradeSummaryLabel").startsWith(
                "Upgrade pack-newtest01ab (ui-test) from 100 GB to 200 GB \u2014 an order will be created"),
                text(robot, "#upgradeSummaryLabel"));

        robot.clickOn("#targetCapacityField").type(KeyCode.ENTER);
        assertTrue(robot.lookup("#targetCapacityField").tryQuery().isPresent(), "Enter closed the dialog");
        assertTrue(activityFor("pack-newtest01ab").isEmpty(), "Enter submitted an upgrade");

        robot.clickOn("#upgradeConfirmButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#targetCapacityField").tryQuery().isEmpty());
        waitUntil("order paid", 30, () -> activityFor("pack-newtest01ab")
                .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
        Activity a = activityFor("pack-newtest01ab").orElseThrow();
        assertEquals(Activity.KIND_NAS_UPGRADE, a.kind());
        assertEquals(100, a.oldSizeGb());
        assertEquals(200, a.newSizeGb());
        assertNotNull(a.orderId());
        assertEquals(19, a.orderId().length());
        waitUntil("inventory updated", 10, () -> inventory().find("pack-newtest01ab").orElseThrow()
                .capacityGb() == 200);
        waitUntil("table shows 200 GB and Succeeded", 10, () -> table(robot).getItems().stream()
                .anyMatch(r -> r.pack().id().equals("pack-newtest01ab") && r.pack().capacityGb() == 200
                        && "Succeeded".equals(r.lastUpgrade())));
        PackRow upgraded = table(robot).getItems().stream().filter(r -> r.pack().id().equals("pack-newtest01ab"))
                .findFirst().orElseThrow();
        assertTrue(upgraded.lastUpgradeText().startsWith("Succeeded · ") && upgraded.lastUpgradeText()
                .matches(".*\\d{4}.*\\d{1,2}:\\d{2}.*"), "no date in the last upgrade: " + upgraded.lastUpgradeText());
        @SuppressWarnings("unchecked")
        TableView<Activity> activities = robot.lookup("#activityTable").queryAs(TableView.class);
        waitUntil("activity row succeeded", 10, () -> activities.getItems().stream()
                .anyMatch(r -> r.id().equals(a.id()) && r.state() == ActivityState.SUCCEEDED));
        robot.interact(() -> activities.getSelectionModel().select(activities.getItems().stream()
                .filter(r -> r.id().equals(a.id())).findFirst().orElseThrow()));
        assertTrue(robot.lookup("#guestStepsButton").queryAs(Button.class).isDisabled(),
                "guest-OS steps offered for a NAS pack");
        assertFalse(robot.lookup("#copyReferenceButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void theUnpaidPackWaitsForPayment(FxRobot robot) {
        openUpgrade(robot, SandboxPack.UNPAID_PACK);
        type(robot, "#targetCapacityField", "400");
        robot.clickOn("#upgradeConfirmButton");
        waitUntil("awaiting payment", 20, () -> activityFor(SandboxPack.UNPAID_PACK)
                .map(a -> a.state() == ActivityState.AWAITING_PAYMENT).orElse(false));
        Activity a = activityFor(SandboxPack.UNPAID_PACK).orElseThrow();
        assertTrue(a.message().contains(a.orderId()), a.message());
        assertEquals(300, inventory().find(SandboxPack.UNPAID_PACK).orElseThrow().capacityGb());

        // A second upgrade of the same pack is refused while the first is in flight.
        openUpgrade(robot, SandboxPack.UNPAID_PACK);
        type(robot, "#targetCapacityField", "500");
        assertTrue(confirm(robot).isDisabled());
        assertTrue(text(robot, "#upgradeValidationLabel").contains("already in progress"),
                text(robot, "#upgradeValidationLabel"));
        robot.clickOn("#upgradeCancelButton");
    }

    /** A spreadsheet's export: BOM, CRLF, semicolons, a comment before the header, good and hostile rows. */
    private static Path hostileCsv() throws Exception {
        String csv = "\uFEFF# exported from the UniCloud console\r\n"
                + "pack_id;capacity_gb;expiry;label;pay_type\r\n"
                + "pack-imported01;300;2027-05-01;imported;YEAR_MONTH\r\n"
                + "pack-h58kdagr9vsf;400;2026-12-31;web-shared;YEAR_MONTH\r\n"
                + "pack-badpay01;100;;x;year_month\r\n"
                + "pack-toobig01;200000;;x;\r\n"
                + "pack-year0001;100;0000-01-01;x;\r\n"
                + "pack-bidi0001;100;;evil\u202Etxt.exe;\r\n";
        Path file = Files.createTempFile("packs", ".csv");
        Files.writeString(file, csv);
        return file;
    }

    @SuppressWarnings("unchecked")
    private TableView<PackImport.Row> openPreview(FxRobot robot, Path csv) {
        waitUntil("six sandbox packs", 10, () -> table(robot).getItems().size() == SandboxPack.standard().size());
        robot.interact(() -> packsController.importFile(csv));
        waitUntil("preview open", 10, () -> robot.lookup("#importPreviewTable").tryQuery().isPresent());
        return robot.lookup("#importPreviewTable").queryAs(TableView.class);
    }

    @Test
    void theImportPreviewShowsRefusedRowsWithReasonsAndCancelChangesNothing(FxRobot robot) throws Exception {
        List<io.expanse.work.nas.ResourcePack> before = inventory().list();
        byte[] fileBefore = Files.readAllBytes(inventory().file());
        TableView<PackImport.Row> preview = openPreview(robot, hostileCsv());

        assertEquals("packs: 1 to add, 1 to update, 0 unchanged, 4 refused.".replace("packs",
                text(robot, "#importSummaryLabel").split(":")[0]), text(robot, "#importSummaryLabel"));
        assertEquals(List.of(3, 4, 5, 6, 7, 8), preview.getItems().stream().map(PackImport.Row::line).toList(),
                "line numbers count the comment and the header");
        Map<String, PackImport.Row> rows = preview.getItems().stream()
                .collect(java.util.stream.Collectors.toMap(PackImport.Row::packId, r -> r));
        assertEquals(PackImport.Outcome.ADDED, rows.get("pack-imported01").outcome());
        assertEquals(PackImport.Outcome.UPDATED, rows.get("pack-h58kdagr9vsf").outcome());
        assertTrue(rows.get("pack-h58kdagr9vsf").detail().contains("100 GB → 400 GB"),
                rows.get("pack-h58kdagr9vsf").detail());
        assertTrue(rows.get("pack-badpay01").detail().contains("pay type \"year_month\""));
        assertTrue(rows.get("pack-toobig01").detail().contains("at most 102400 GB"));
        assertTrue(rows.get("pack-year0001").detail().contains("0000-01-01"));
        assertTrue(rows.get("pack-bidi0001").detail().contains("text-direction"));
        for (String refused : List.of("pack-badpay01", "pack-toobig01", "pack-year0001", "pack-bidi0001")) {
            assertEquals(PackImport.Outcome.REFUSED, rows.get(refused).outcome(), refused);
        }
        Button confirm = robot.lookup("#importConfirmButton").queryAs(Button.class);
        assertEquals("Import 2 packs", confirm.getText());
        assertFalse(confirm.isDefaultButton(), "Enter must not import");

        robot.clickOn("#importCancelButton");
        waitUntil("preview closed", 10, () -> robot.lookup("#importPreviewTable").tryQuery().isEmpty());
        assertEquals(before, inventory().list());
        assertArrayEquals(fileBefore, Files.readAllBytes(inventory().file()), "Cancel wrote the pack list");
        assertTrue(robot.lookup("#undoImportButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void importAppliesTheAcceptedRowsAndUndoRestoresTheListExactly(FxRobot robot) throws Exception {
        List<io.expanse.work.nas.ResourcePack> before = inventory().list();
        byte[] fileBefore = Files.readAllBytes(inventory().file());
        Button undo = robot.lookup("#undoImportButton").queryAs(Button.class);
        assertTrue(undo.isDisabled(), "nothing to undo yet");
        openPreview(robot, hostileCsv());

        robot.clickOn("#importConfirmButton");
        waitUntil("preview closed", 10, () -> robot.lookup("#importPreviewTable").tryQuery().isEmpty());
        waitUntil("imported", 10, () -> inventory().find("pack-imported01").isPresent());
        assertEquals(400, inventory().find("pack-h58kdagr9vsf").orElseThrow().capacityGb());
        assertTrue(inventory().find("pack-badpay01").isEmpty(), "a refused row was imported");
        waitUntil("table shows the import", 10, () -> table(robot).getItems().size() == before.size() + 1);
        assertTrue(text(robot, "#importResultLabel").contains("1 added, 1 updated"), text(robot, "#importResultLabel"));
        waitUntil("undo offered", 10, () -> !undo.isDisabled());

        robot.clickOn(undo);
        waitUntil("list restored", 10, () -> inventory().list().equals(before));
        assertArrayEquals(fileBefore, Files.readAllBytes(inventory().file()), "undo did not restore the file");
        waitUntil("table restored", 10, () -> table(robot).getItems().size() == before.size());
        waitUntil("undo no longer offered", 10, undo::isDisabled);
    }

    private static final List<String> ACTIONS = List.of("#addPackButton", "#editPackButton", "#removePackButton",
            "#importPacksButton", "#undoImportButton", "#renewPackButton", "#upgradePackButton");

    /** No action button is ever drawn narrower than it needs (cut to "…"), wide or narrow; each has a tooltip. */
    private void assertNoButtonCut(FxRobot robot, javafx.scene.control.ContentDisplay expected) {
        javafx.scene.control.ToolBar bar = robot.lookup("#packsToolbar").queryAs(javafx.scene.control.ToolBar.class);
        for (String id : ACTIONS) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertEquals(expected, b.getContentDisplay(), id);
            assertNotNull(b.getGraphic(), id + " has no icon");
            assertNotNull(b.getTooltip(), id + " has no tooltip");
            assertFalse(b.getTooltip().getText().isBlank(), id);
            assertFalse(b.getTooltip().getText().contains("_"), id + ": " + b.getTooltip().getText());
            if (b.isVisible() && b.getParent() != null && bar.getItems().contains(b)) {
                assertTrue(b.getWidth() + 0.5 >= b.prefWidth(-1), id + " is cut: " + b.getWidth() + " < "
                        + b.prefWidth(-1));
            }
        }
        assertTrue(bar.getWidth() <= bar.getScene().getWidth() + 0.5, "the tool bar runs off the window");
    }

    @Test
    void theToolbarShowsTextWhereItFitsIconsWhereNotAndRowsHaveAContextMenu(FxRobot robot) {
        waitUntil("six sandbox packs", 10, () -> table(robot).getItems().size() == SandboxPack.standard().size());
        Stage stage = (Stage) table(robot).getScene().getWindow();
        robot.interact(() -> stage.setWidth(1480));
        waitUntil("text shown at 1480 px", 10, () -> robot.lookup("#addPackButton").queryAs(Button.class)
                .getContentDisplay() == javafx.scene.control.ContentDisplay.LEFT);
        robot.interact(() -> { });
        assertNoButtonCut(robot, javafx.scene.control.ContentDisplay.LEFT);

        robot.interact(() -> stage.setWidth(760));
        waitUntil("icons only when narrow", 10, () -> robot.lookup("#addPackButton").queryAs(Button.class)
                .getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        robot.interact(() -> { });
        assertNoButtonCut(robot, javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);

        robot.interact(() -> stage.setWidth(1480));
        waitUntil("text back when wide again", 10, () -> robot.lookup("#addPackButton").queryAs(Button.class)
                .getContentDisplay() == javafx.scene.control.ContentDisplay.LEFT);

        // The rows' context menu has the tool bar's actions, enabled as they are.
        javafx.scene.control.ContextMenu menu = table(robot).getContextMenu();
        Map<String, javafx.scene.control.MenuItem> items = menu.getItems().stream()
                .filter(i -> i.getId() != null)
                .collect(java.util.stream.Collectors.toMap(javafx.scene.control.MenuItem::getId, i -> i));
        for (String id : List.of("upgradePackMenuItem", "renewPackMenuItem", "editPackMenuItem", "removePackMenuItem",
                "copyPackIdMenuItem", "addPackMenuItem", "importPacksMenuItem", "undoImportMenuItem")) {
            assertTrue(items.containsKey(id), id + " missing from the context menu");
        }
        assertTrue(items.get("upgradePackMenuItem").isDisable(), "upgrade offered with no row selected");
        select(robot, "pack-h58kdagr9vsf");
        assertFalse(items.get("upgradePackMenuItem").isDisable());
        assertFalse(items.get("renewPackMenuItem").isDisable());
        assertFalse(items.get("editPackMenuItem").isDisable());
        robot.interact(() -> items.get("copyPackIdMenuItem").fire());
        java.util.concurrent.atomic.AtomicReference<String> copied = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> copied.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertEquals("pack-h58kdagr9vsf", copied.get());
    }

    @Test
    void anExpiredPackIsFlaggedWarnedAboutOnUpgradeAndRenewedFromTheWarning(FxRobot robot) {
        String id = "pack-h58kdagr9vyv"; // expired on 2026-06-30 in the sandbox's list
        select(robot, id);
        waitUntil("expiry flagged", 10, () -> robot.lookup(".pack-expired").tryQuery().isPresent());
        javafx.scene.control.TableCell<?, ?> cell = robot.lookup(".pack-expired")
                .queryAs(javafx.scene.control.TableCell.class);
        assertTrue(cell.getText().startsWith("2026-06-30 · expired ") && cell.getText().endsWith(" days ago"),
                cell.getText());
        assertTrue(cell.getStyleClass().contains("status-bad"));

        robot.clickOn("#upgradePackButton");
        waitUntil("upgrade dialog open", 10, () -> robot.lookup("#upgradeExpiryLabel").tryQuery().isPresent());
        Label warning = robot.lookup("#upgradeExpiryLabel").queryAs(Label.class);
        assertTrue(warning.isVisible() && warning.getText().contains("expired on 2026-06-30"), warning.getText());
        assertTrue(robot.lookup("#upgradeRenewButton").queryAs(Button.class).isVisible());

        robot.clickOn("#upgradeRenewButton");
        waitUntil("renew dialog open", 10, () -> robot.lookup("#renewPeriodChoice").tryQuery().isPresent());
        assertTrue(robot.lookup("#targetCapacityField").tryQuery().isEmpty(), "the upgrade dialog stayed open");
        @SuppressWarnings("unchecked")
        ComboBox<RenewalPeriod> period = robot.lookup("#renewPeriodChoice")
                .queryAs(ComboBox.class);
        assertEquals(14, period.getItems().size());
        robot.interact(() -> period.setValue(new RenewalPeriod(3,
                RenewalPeriod.Unit.MONTH)));
        String expected = java.time.LocalDate.now().plusMonths(3).toString();
        assertEquals(expected, text(robot, "#renewNewExpiryLabel"));
        assertFalse(robot.lookup("#renewConfirmButton").queryAs(Button.class).isDefaultButton());
        robot.clickOn("#renewConfirmButton");
        waitUntil("renew dialog closed", 10, () -> robot.lookup("#renewPeriodChoice").tryQuery().isEmpty());
        waitUntil("renewal paid", 30, () -> activityFor(id).map(a -> a.state() == ActivityState.SUCCEEDED)
                .orElse(false));
        Activity a = activityFor(id).orElseThrow();
        assertEquals(Activity.KIND_NAS_RENEW, a.kind());
        assertEquals("3month", a.device());
        assertEquals(19, a.orderId().length());
        waitUntil("new expiry stored", 10, () -> expected.equals(inventory().find(id).orElseThrow().expiresOn()));
        waitUntil("no longer flagged", 10, () -> table(robot).getItems().stream()
                .anyMatch(r -> r.pack().id().equals(id) && !r.expired()));
        @SuppressWarnings("unchecked")
        TableView<Activity> activities = robot.lookup("#activityTable").queryAs(TableView.class);
        waitUntil("activity row", 10, () -> activities.getItems().stream().anyMatch(r -> r.id().equals(a.id())));
    }
}
