package io.expanse.ui.packs;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Binds the upgrade dialog's controls to its {@link UpgradeViewModel}; closing is left to the opener. */
public final class UpgradeDialogController {

    private final UpgradeViewModel vm;
    private final Runnable close;

    @FXML private Label upgradePackLabel;
    @FXML private Label upgradeCurrentLabel;
    @FXML private Label upgradePayTypeLabel;
    @FXML private Label upgradeAllowedLabel;
    @FXML private TextField targetCapacityField;
    @FXML private Label specCodeLabel;
    @FXML private Label upgradeValidationLabel;
    @FXML private Label upgradeSummaryLabel;
    @FXML private Label upgradeSubmitErrorLabel;
    @FXML private Button upgradeCancelButton;
    @FXML private Button upgradeConfirmButton;

    public UpgradeDialogController(UpgradeViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        upgradePackLabel.setText(vm.packText());
        upgradeCurrentLabel.setText(vm.currentText());
        upgradePayTypeLabel.setText(vm.payTypeText());
        upgradeAllowedLabel.setText(vm.allowedText());
        targetCapacityField.textProperty().bindBidirectional(vm.targetTextProperty());
        specCodeLabel.textProperty().bind(vm.specCodeProperty());
        upgradeValidationLabel.textProperty().bind(vm.validationProperty());
        upgradeSummaryLabel.textProperty().bind(vm.summaryProperty());
        upgradeSubmitErrorLabel.textProperty().bind(vm.submitErrorProperty());
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
    private void cancel() {
        close.run();
    }

    TextField targetCapacityField() {
        return targetCapacityField;
    }
}
