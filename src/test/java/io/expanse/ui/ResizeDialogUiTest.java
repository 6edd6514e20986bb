package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.domain.resize.Rule;
import io.expanse.text.Texts;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

/** Clicks through the real resize dialog on the sandbox, from typing bad sizes to a finished expansion. */
class ResizeDialogUiTest extends SandboxWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    private void openDialogFor(FxRobot robot, String volume) {
        ui.select(robot, volume);
        robot.clickOn("#resizeButton");
        waitUntil("resize dialog open", 10, () -> robot.lookup("#newSizeField").tryQuery().isPresent());
        // The dialog re-reads the disk and its server when it opens; wait for that to finish.
        waitUntil("facts re-read", 10, () -> !robot.lookup("#factsLabel").queryAs(Label.class).isVisible());
    }

    private void type(FxRobot robot, String text) {
        TextField field = robot.lookup("#newSizeField").queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    /** The rule the dialog's refusal is about (the validation label carries it), or null when allowed. */
    private static Rule rule(FxRobot robot) {
        return (Rule) robot.lookup("#validationLabel").queryAs(Label.class).getUserData();
    }

    /** Asserts that the dialog refuses, for this rule, with a sentence holding every one of {@code words}. */
    private static void assertRefused(FxRobot robot, Rule expected, String... words) {
        assertTrue(confirm(robot).isDisabled(), "confirm enabled for a refused size");
        assertEquals(expected, rule(robot), text(robot, "#validationLabel"));
        for (String w : words) {
            assertTrue(text(robot, "#validationLabel").contains(w), "'" + w + "' missing in: "
                    + text(robot, "#validationLabel"));
        }
    }

    private static Button confirm(FxRobot robot) {
        return robot.lookup("#confirmButton").queryAs(Button.class);
    }

    @Test
    void badSizesAreRefusedWithTheRuleAndAGoodOneExpandsTheDisk(FxRobot robot) {
        openDialogFor(robot, "data-01");
        assertTrue(text(robot, "#currentSizeLabel").contains("100 GB"));
        assertTrue(text(robot, "#roleLabel").contains("Data disk"), text(robot, "#roleLabel"));
        assertTrue(text(robot, "#roleLabel").contains("32768"));
        assertTrue(text(robot, "#billingLabel").startsWith("On-demand"));
        assertTrue(robot.lookup("#autoPayCheck").tryQuery().isEmpty(), "no pay-at-once checkbox");

        assertEquals("", text(robot, "#validationLabel"), "a refusal shown before anything was typed");
        type(robot, "abc");
        assertRefused(robot, Rule.SIZE_NOT_A_NUMBER);
        waitUntil("size field marked invalid", 5,
                () -> robot.lookup("#newSizeField").query().getStyleClass().contains("error"));
        assertTrue(text(robot, "#validationLabel").toLowerCase(Locale.ROOT).contains("whole number"),
                text(robot, "#validationLabel"));

        type(robot, "150.5");
        assertRefused(robot, Rule.SIZE_DECIMAL, "150");

        type(robot, "-5");
        assertRefused(robot, Rule.SIZE_NOT_POSITIVE);

        type(robot, "80");
        assertRefused(robot, Rule.SIZE_NOT_LARGER, "80 GB", "100 GB");

        type(robot, "100");
        assertRefused(robot, Rule.SIZE_NOT_LARGER, "already 100 GB");

        type(robot, "40000");
        assertRefused(robot, Rule.SIZE_OVER_DATA_LIMIT, "32768");

        type(robot, "99999999999999999999999");
        assertRefused(robot, Rule.SIZE_OVER_DATA_LIMIT, "32768");

        type(robot, "200GB");
        assertFalse(confirm(robot).isDisabled(), text(robot, "#validationLabel"));
        waitUntil("size field no longer marked", 5,
                () -> !robot.lookup("#newSizeField").query().getStyleClass().contains("error"));
        assertTrue(text(robot, "#summaryLabel").startsWith("Expand data-01 from 100 GB to 200 GB"),
                text(robot, "#summaryLabel"));
        assertFalse(confirm(robot).isDefaultButton(), "confirm must not be the default button");
        // The on-demand price per hour before and after, and the difference.
        waitUntil("price shown", 10, () -> text(robot, "#differenceLabel").startsWith("+0.1389 CNY per hour"));
        assertEquals("0.1389 CNY per hour", text(robot, "#beforePriceLabel"));
        assertEquals("0.2778 CNY per hour", text(robot, "#afterPriceLabel"));

        // Enter in the field must not send anything.
        robot.clickOn("#newSizeField").type(KeyCode.ENTER);
        assertTrue(robot.lookup("#newSizeField").tryQuery().isPresent(), "Enter closed the dialog");
        assertTrue(ui.activityFor("data-01").isEmpty(), "Enter submitted a resize");

        robot.clickOn("#confirmButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        waitUntil("activity succeeded", 30, () -> ui.activityFor("data-01")
                .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
        Activity a = ui.activityFor("data-01").orElseThrow();
        assertEquals(100, a.oldSizeGb());
        assertEquals(200, a.newSizeGb());
        assertNotNull(a.jobId());
        assertNotNull(a.finishedAt());

        waitUntil("volume row shows the new size", 10, () -> ui.select(robot, "data-01").volume().sizeGb() == 200);

        @SuppressWarnings("unchecked")
        TableView<Activity> activities = robot.lookup("#activityTable").queryAs(TableView.class);
        waitUntil("activity row shows succeeded", 10, () -> activities.getItems().stream()
                .anyMatch(r -> r.id().equals(a.id()) && r.state() == ActivityState.SUCCEEDED));
        assertTrue(robot.lookup(".table-cell").match((Node n) -> n instanceof javafx.scene.control.Labeled l
                && "Succeeded".equals(l.getText())).tryQuery().isPresent(), "no Succeeded cell shown");

        // After success the row offers the guest-OS steps for the disk's device.
        robot.interact(() -> activities.getSelectionModel().select(activities.getItems().stream()
                .filter(r -> r.id().equals(a.id())).findFirst().orElseThrow()));
        robot.clickOn("#guestStepsButton");
        waitUntil("guide shown with the server's OS", 10, () -> robot.lookup("#guideRoot").tryQuery().isPresent()
                && robot.lookup("#osLabel").queryAs(Label.class).getText().contains("Ubuntu"));
        assertEquals("sudo growpart " + a.device() + " 1",
                robot.lookup("#command2").queryAs(TextField.class).getText());
        robot.clickOn("#copyCommand2");
        assertEquals("sudo growpart " + a.device() + " 1", clipboard(robot));
        robot.clickOn("#closeButton");
    }

    private static String clipboard(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        return out[0];
    }

    @Test
    void systemDiskLimitIs1024(FxRobot robot) {
        openDialogFor(robot, "sys-01");
        assertTrue(text(robot, "#roleLabel").contains("System disk"), text(robot, "#roleLabel"));
        type(robot, "1025");
        assertRefused(robot, Rule.SIZE_OVER_SYSTEM_LIMIT, "1024");
        type(robot, "1024");
        assertFalse(confirm(robot).isDisabled(), text(robot, "#validationLabel"));
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc closed the dialog", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        assertTrue(ui.activityFor("sys-01").isEmpty());
    }

    @Test
    void serverInRebootAndSharedInUseDiskAreRefused(FxRobot robot) {
        openDialogFor(robot, "srv-reboot-disk");
        assertEquals("Attached to build-01 (REBOOT)", text(robot, "#attachmentLabel"));
        // The disk's own refusal shows before anything is typed: no size can help.
        assertRefused(robot, Rule.SERVER_STATUS, "build-01", "REBOOT");
        type(robot, "2000");
        assertRefused(robot, Rule.SERVER_STATUS, "build-01", "REBOOT");
        // A reboot passes on its own: Check again reads the disk and server again instead of cancel and reopen.
        Button checkAgain = robot.lookup("#checkAgainButton").queryAs(Button.class);
        assertTrue(checkAgain.isVisible(), "Check again not offered for a rebooting server");
        robot.clickOn(checkAgain);
        waitUntil("facts re-read", 10, () -> !robot.lookup("#factsLabel").queryAs(Label.class).isVisible()
                && !checkAgain.isDisabled());
        assertRefused(robot, Rule.SERVER_STATUS, "REBOOT");
        assertEquals("2000", robot.lookup("#newSizeField").queryAs(TextField.class).getText());
        robot.clickOn("#cancelButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());

        openDialogFor(robot, "shared-01");
        assertEquals("Shared disk attached to web-01 (ACTIVE), web-02 (ACTIVE)", text(robot, "#attachmentLabel"));
        type(robot, "2000");
        assertRefused(robot, Rule.MULTIATTACH_IN_USE);
        assertEquals(Texts.get("resize.refused.sharedInUseOn", "shared-01", "web-01, web-02"),
                text(robot, "#validationLabel"));
        assertFalse(robot.lookup("#checkAgainButton").query().isVisible(), "Check again offered for a shared disk");
        robot.clickOn("#cancelButton");
    }

    @Test
    void yearlyMonthlyIsPricedThenItsOrderPaidFromTheBalanceAndTheDiskGrows(FxRobot robot) {
        openDialogFor(robot, "billing-01");
        assertTrue(text(robot, "#billingLabel").startsWith("Yearly/monthly"));
        assertTrue(robot.lookup("#autoPayCheck").tryQuery().isEmpty(), "the pay-at-once checkbox is gone");
        type(robot, "300");
        assertTrue(text(robot, "#summaryLabel").contains("an order will be created, unpaid"),
                text(robot, "#summaryLabel"));
        waitUntil("estimate shown", 10, () -> text(robot, "#differenceLabel").startsWith("About "));
        assertTrue(text(robot, "#differenceLabel").contains("an estimate"), text(robot, "#differenceLabel"));
        assertEquals("300.00 CNY per month", text(robot, "#beforePriceLabel"));
        assertEquals("450.00 CNY per month", text(robot, "#afterPriceLabel"));

        robot.clickOn("#confirmButton");
        waitUntil("order step with the amount", 20, () -> robot.lookup("#orderBox").query().isVisible()
                && text(robot, "#orderLabel").contains(" CNY to pay"));
        Activity unpaid = ui.activityFor("billing-01").orElseThrow();
        assertEquals(ActivityState.AWAITING_PAYMENT, unpaid.state());
        assertTrue(confirm(robot).isDisabled(), "the expansion can be sent once only");
        String amount = text(robot, "#orderLabel").replaceAll(".*: (\\S+ CNY) to pay.*", "$1");

        robot.clickOn("#payNowButton");
        waitUntil("payment confirmation", 10, () -> robot.lookup("#confirmPayButton").tryQuery().isPresent());
        assertEquals("Pay " + amount, robot.lookup("#confirmPayButton").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#keepOrderButton").queryAs(Button.class).isDefaultButton(),
                "Enter must not pay");
        robot.clickOn("#confirmPayButton");

        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        waitUntil("order completed and disk grown", 30, () -> ui.activityFor("billing-01")
                .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
        Activity a = ui.activityFor("billing-01").orElseThrow();
        assertEquals(unpaid.orderId(), a.orderId());
        assertEquals(Boolean.FALSE, a.autoPay(), "never paid at once by the resize call");
    }

    @Test
    void yearlyMonthlyOrderCancelledFromTheDialogEndsCancelled(FxRobot robot) {
        openDialogFor(robot, "billing-02");
        type(robot, "400");
        robot.clickOn("#confirmButton");
        waitUntil("order step", 20, () -> robot.lookup("#orderBox").query().isVisible()
                && text(robot, "#orderLabel").contains(" CNY to pay"));
        robot.clickOn("#cancelOrderButton");
        waitUntil("cancel confirmation", 10, () -> robot.lookup("#confirmCancelOrderButton").tryQuery().isPresent());
        robot.clickOn("#confirmCancelOrderButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        waitUntil("cancelled", 20, () -> ui.activityFor("billing-02")
                .map(a -> a.state() == ActivityState.CANCELLED).orElse(false));
        assertEquals(300, ui.select(robot, "billing-02").volume().sizeGb());
    }

    @Test
    void anOrderLeftForLaterIsPaidFromItsActivityRow(FxRobot robot) {
        openDialogFor(robot, "billing-02");
        type(robot, "400");
        robot.clickOn("#confirmButton");
        waitUntil("order step", 20, () -> robot.lookup("#orderBox").query().isVisible());
        robot.clickOn("#payLaterButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());
        Activity a = ui.activityFor("billing-02").orElseThrow();
        assertEquals(ActivityState.AWAITING_PAYMENT, a.state());
        waitUntil("row shows the amount and deadline", 20, () -> ui.activityFor("billing-02")
                .map(x -> x.message().contains(" CNY, by ")).orElse(false));

        // The dialog for the same disk says the order blocks it and where to act.
        openDialogFor(robot, "billing-02");
        assertTrue(text(robot, "#unpaidOrderLabel").contains(a.orderId())
                && text(robot, "#unpaidOrderLabel").contains("Activity panel"), text(robot, "#unpaidOrderLabel"));
        robot.clickOn("#cancelButton");
        waitUntil("dialog closed", 10, () -> robot.lookup("#newSizeField").tryQuery().isEmpty());

        @SuppressWarnings("unchecked")
        TableView<Activity> activities = robot.lookup("#activityTable").queryAs(TableView.class);
        robot.interact(() -> activities.getSelectionModel().select(activities.getItems().stream()
                .filter(r -> r.id().equals(a.id())).findFirst().orElseThrow()));
        waitUntil("row actions", 10, () -> robot.lookup("#payOrderButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#cancelOrderRowButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#billingCenterButton").tryQuery().isPresent());
        robot.clickOn("#payOrderButton");
        waitUntil("payment confirmation", 10, () -> robot.lookup("#confirmPayButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#confirmPayButton").queryAs(Button.class).getText().matches("Pay \\S+ CNY"));
        robot.clickOn("#confirmPayButton");
        waitUntil("paid and grown", 30, () -> ui.activityFor("billing-02")
                .map(x -> x.state() == ActivityState.SUCCEEDED).orElse(false));
        waitUntil("row actions gone", 10, () -> robot.lookup("#payOrderButton").tryQuery().isEmpty());
    }

    @Test
    void aFailingJobEndsFailedWithTheReason(FxRobot robot) {
        openDialogFor(robot, "data-fail");
        type(robot, "300");
        robot.clickOn("#confirmButton");
        waitUntil("job failed", 30, () -> ui.activityFor("data-fail")
                .map(a -> a.state() == ActivityState.FAILED).orElse(false));
        Activity a = ui.activityFor("data-fail").orElseThrow();
        assertNotNull(a.failureReason());
        assertFalse(a.failureReason().isBlank());

        // The failed row offers Try again…, which opens the dialog for the same disk with the same target.
        @SuppressWarnings("unchecked")
        TableView<Activity> activities = robot.lookup("#activityTable").queryAs(TableView.class);
        Button tryAgain = robot.lookup("#tryAgainButton").queryAs(Button.class);
        robot.interact(() -> activities.getSelectionModel().clearSelection());
        assertTrue(tryAgain.isDisabled(), "Try again offered with no row selected");
        waitUntil("failed row listed", 10, () -> activities.getItems().stream()
                .anyMatch(r -> r.id().equals(a.id()) && r.state() == ActivityState.FAILED));
        robot.interact(() -> activities.getSelectionModel().select(activities.getItems().stream()
                .filter(r -> r.id().equals(a.id())).findFirst().orElseThrow()));
        assertFalse(tryAgain.isDisabled(), "Try again not offered for a failed row");
        robot.clickOn(tryAgain);
        waitUntil("resize dialog open again", 10, () -> robot.lookup("#newSizeField").tryQuery().isPresent());
        assertEquals("300", robot.lookup("#newSizeField").queryAs(TextField.class).getText());
        assertTrue(text(robot, "#volumeLabel").startsWith("data-fail"), text(robot, "#volumeLabel"));
        robot.clickOn("#cancelButton");
    }

    @Test
    void aSucceededRowDoesNotOfferTryAgain(FxRobot robot) {
        openDialogFor(robot, "sys-01");
        type(robot, "60");
        robot.clickOn("#confirmButton");
        waitUntil("succeeded", 30, () -> ui.activityFor("sys-01")
                .map(a -> a.state() == ActivityState.SUCCEEDED).orElse(false));
        Activity a = ui.activityFor("sys-01").orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<Activity> activities = robot.lookup("#activityTable").queryAs(TableView.class);
        waitUntil("row succeeded", 10, () -> activities.getItems().stream()
                .anyMatch(r -> r.id().equals(a.id()) && r.state() == ActivityState.SUCCEEDED));
        robot.interact(() -> activities.getSelectionModel().select(activities.getItems().stream()
                .filter(r -> r.id().equals(a.id())).findFirst().orElseThrow()));
        assertTrue(robot.lookup("#tryAgainButton").queryAs(Button.class).isDisabled());
    }
}
