package io.expanse.ui.resize;

import io.expanse.text.Texts;
import io.expanse.ui.billing.OrderDialogs;
import io.expanse.ui.common.task.TaskExecutor;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Binds the resize dialog's price section and order step ({@code price.fxml}) to its {@link PriceViewModel}. */
public final class PricePane {

    private final PriceViewModel vm;
    private final TaskExecutor tasks;

    @FXML private Label unpaidOrderLabel;
    @FXML private GridPane priceGrid;
    @FXML private Label beforeCaptionLabel;
    @FXML private Label beforePriceLabel;
    @FXML private Label afterCaptionLabel;
    @FXML private Label afterPriceLabel;
    @FXML private Label differenceCaptionLabel;
    @FXML private Label differenceLabel;
    @FXML private Label priceNoteLabel;
    @FXML private VBox orderBox;
    @FXML private Label orderLabel;
    @FXML private Button payNowButton;
    @FXML private Button cancelOrderButton;
    @FXML private Button payLaterButton;
    @FXML private Hyperlink billingCenterLink;
    @FXML private Label orderErrorLabel;

    public PricePane(PriceViewModel vm, TaskExecutor tasks) {
        this.vm = vm;
        this.tasks = tasks;
    }

    @FXML
    private void initialize() {
        bindShown(unpaidOrderLabel);
        unpaidOrderLabel.textProperty().bind(vm.unpaidOrderProperty());
        var showPrice = vm.pricedProperty().and(vm.orderStepProperty().not());
        priceGrid.visibleProperty().bind(showPrice);
        priceGrid.managedProperty().bind(showPrice);
        beforeCaptionLabel.textProperty().bind(vm.beforeCaptionProperty());
        beforePriceLabel.textProperty().bind(vm.beforeTextProperty());
        afterCaptionLabel.textProperty().bind(vm.afterCaptionProperty());
        afterPriceLabel.textProperty().bind(vm.afterTextProperty());
        differenceCaptionLabel.textProperty().bind(vm.differenceCaptionProperty());
        differenceLabel.textProperty().bind(vm.differenceTextProperty());
        priceNoteLabel.textProperty().bind(vm.priceNoteProperty());
        var showNote = vm.priceNoteProperty().isNotEmpty().and(vm.orderStepProperty().not());
        priceNoteLabel.visibleProperty().bind(showNote);
        priceNoteLabel.managedProperty().bind(showNote);
        orderBox.visibleProperty().bind(vm.orderStepProperty());
        orderBox.managedProperty().bind(vm.orderStepProperty());
        orderLabel.textProperty().bind(vm.orderTextProperty());
        payNowButton.disableProperty().bind(vm.canPayProperty().not().or(vm.orderBusyProperty()));
        cancelOrderButton.disableProperty().bind(vm.orderBusyProperty());
        bindShown(orderErrorLabel);
        orderErrorLabel.textProperty().bind(vm.orderErrorProperty());
        String url = vm.billingCenterUrl();
        billingCenterLink.setVisible(url != null);
        billingCenterLink.setManaged(url != null);
        if (url != null) {
            billingCenterLink.setTooltip(new Tooltip(url));
        }
    }

    private static void bindShown(Label label) {
        var has = label.textProperty().isNotEmpty();
        label.visibleProperty().bind(has);
        label.managedProperty().bind(has);
    }

    @FXML
    private void payNow() {
        if (OrderDialogs.confirm(payNowButton.getScene().getWindow(), vm.payConfirmation(), "confirmPayButton")) {
            vm.pay();
        }
    }

    @FXML
    private void cancelOrder() {
        if (OrderDialogs.confirm(cancelOrderButton.getScene().getWindow(), vm.cancelConfirmation(),
                "confirmCancelOrderButton")) {
            vm.cancelOrder();
        }
    }

    @FXML
    private void payLater() {
        vm.payLater();
    }

    @FXML
    private void openBillingCenter() {
        String url = vm.billingCenterUrl();
        if (url != null) {
            OrderDialogs.openBillingCenter(url, tasks, () -> billingCenterLink.setTooltip(
                    new Tooltip(Texts.get("billing.link.copied", url))));
        }
    }
}
