package io.expanse.ui.billing;

import io.expanse.text.Texts;
import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The confirmations before paying or cancelling an order, and the Billing Center link. */
public final class OrderDialogs {

    private OrderDialogs() {
    }

    /**
     * Asks; true only when the operator chose the confirming button ({@code confirmId} is its fx:id). The keeping
     * button is the default, so Enter never pays or cancels.
     */
    public static boolean confirm(Window owner, OrderTexts.Confirmation c, String confirmId) {
        ButtonType yes = new ButtonType(c.confirm(), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(c.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, yes, no);
        Fonts.apply(alert);
        javafx.scene.control.Label text = new javafx.scene.control.Label(c.text());
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setPrefWidth(440);
        text.setId("orderConfirmationText");
        alert.getDialogPane().setContent(text);
        alert.initOwner(owner);
        alert.setTitle(c.title());
        alert.setHeaderText(c.header());
        alert.getDialogPane().setId("orderConfirmation");
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        yesButton.setId(confirmId);
        yesButton.setDefaultButton(false);
        yesButton.setAccessibleText(c.confirm());
        Button noButton = (Button) alert.getDialogPane().lookupButton(no);
        noButton.setId("keepOrderButton");
        noButton.setDefaultButton(true);
        noButton.setAccessibleText(c.keep());
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    /** Shows why a payment or cancellation did not happen. */
    public static void refused(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING, text, io.expanse.ui.common.Buttons.ok());
        Fonts.apply(alert);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("billing.refused.title"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId("orderRefused");
        alert.show();
    }

    /**
     * Opens the Billing Center's order list in the browser, off the FX thread; where no browser can be started the
     * address is copied to the clipboard instead and {@code copied} runs.
     */
    public static void openBillingCenter(String url, TaskExecutor tasks, Runnable copied) {
        BackgroundTask.wrap(() -> {
            new ProcessBuilder(command(System.getProperty("os.name"), url)).inheritIO().start();
            return null;
        }).onFailure(e -> {
            io.expanse.ui.common.Clipboards.putText(url);
            copied.run();
        }).executeWith(tasks);
    }

    /** The command that opens {@code url} in the default browser on the OS named {@code osName}. */
    static List<String> command(String osName, String url) {
        String os = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        if (os.contains("mac")) {
            return List.of("open", url);
        }
        return List.of("xdg-open", url);
    }
}
