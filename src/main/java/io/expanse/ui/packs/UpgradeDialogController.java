package io.expanse.ui.packs;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Binds the upgrade dialog's controls to its {@link UpgradeViewModel}; closing is left to the opener. */
public final class UpgradeDialogController {

    private final UpgradeViewModel vm;
    private final Runnable close;
    private final Runnable renew;

    @FXML private Label upgradePackLabel;
    @FXML private Label upgradeCurrentLabel;
    @FXML private Label upgradePayTypeLabel;
    @FXML private Label upgradeAllowedLabel;
    @FXML private TextField targetCapacityField;
    @FXML private Label specCodeLabel;
    @FXML private Label upgradeValidationLabel;
    @FXML private Label upgradeSummaryLabel;
    @FXML private Label upgradeSubmitErrorLabel;
    @FXML private io.expanse.ui.common.ErrorDetails upgradeSubmitErrorDetails;
    @FXML private Button upgradeCancelButton;
    @FXML private Button upgradeConfirmButton;

    @FXML private HBox upgradeExpiryBox;
    @FXML private Label upgradeExpiryLabel;
    @FXML private Button upgradeRenewButton;

    public UpgradeDialogController(UpgradeViewModel vm, Runnable close) {
        this(vm, close, null);
    }

    /** @param renew closes this dialog and opens the renewal of the same pack; null offers no Renew… */
    public UpgradeDialogController(UpgradeViewModel vm, Runnable close, Runnable renew) {
        this.vm = vm;
        this.close = close;
        this.renew = renew;
    }

    @FXML
    private void initialize() {
        upgradePackLabel.setText(vm.packText());
        upgradeCurrentLabel.setText(vm.currentText());
        upgradePayTypeLabel.setText(vm.payTypeText());
        upgradeAllowedLabel.setText(vm.allowedText());
        boolean warn = vm.expiryWarning() != null;
        upgradeExpiryBox.setVisible(warn);
        upgradeExpiryBox.setManaged(warn);
        upgradeExpiryLabel.setText(vm.expiryWarning());
        upgradeExpiryBox.getStyleClass().add(vm.expired() ? "expired" : "expiring");
        upgradeRenewButton.setVisible(renew != null);
        upgradeRenewButton.setManaged(renew != null);
        targetCapacityField.textProperty().bindBidirectional(vm.targetTextProperty());
        specCodeLabel.textProperty().bind(vm.specCodeProperty());
        upgradeValidationLabel.textProperty().bind(vm.validationProperty());
        upgradeSummaryLabel.textProperty().bind(vm.summaryProperty());
        upgradeSubmitErrorLabel.textProperty().bind(vm.submitErrorProperty());
        upgradeSubmitErrorDetails.detailsProperty().bind(vm.submitErrorDetailsProperty());
        for (Label l : new Label[] {upgradeValidationLabel, upgradeSummaryLabel, upgradeSubmitErrorLabel}) {
            var has = l.textProperty().isNotEmpty();
            l.visibleProperty().bind(has);
            l.managedProperty().bind(has);
        }
        upgradeConfirmButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        // Enter in the capacity field must not create an order.
        upgradeConfirmButton.setDefaultButton(false);
        vm.setOnSubmitted(close);
    }

    @FXML
    private void confirm() {
        vm.submit();
    }

    @FXML
    private void renew() {
        if (renew != null) {
            renew.run();
        }
    }

    @FXML
    private void cancel() {
        close.run();
    }

    TextField targetCapacityField() {
        return targetCapacityField;
    }
}
