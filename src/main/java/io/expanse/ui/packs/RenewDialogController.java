package io.expanse.ui.packs;

import io.expanse.domain.nas.RenewalPeriod;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;

/** Binds the renew dialog's controls to its {@link RenewViewModel}; closing is left to the opener. */
public final class RenewDialogController {

    private final RenewViewModel vm;
    private final Runnable close;

    @FXML private Label renewPackLabel;
    @FXML private Label renewCurrentExpiryLabel;
    @FXML private Label renewPayTypeLabel;
    @FXML private ComboBox<RenewalPeriod> renewPeriodChoice;
    @FXML private Label renewNewExpiryLabel;
    @FXML private Label renewValidationLabel;
    @FXML private Label renewSummaryLabel;
    @FXML private Label renewSubmitErrorLabel;
    @FXML private io.expanse.ui.common.ErrorDetails renewSubmitErrorDetails;
    @FXML private Button renewCancelButton;
    @FXML private Button renewConfirmButton;

    public RenewDialogController(RenewViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        renewPackLabel.setText(vm.packText());
        renewCurrentExpiryLabel.setText(vm.currentExpiryText());
        renewPayTypeLabel.setText(vm.payTypeText());
        renewPeriodChoice.getItems().setAll(vm.periods());
        renewPeriodChoice.valueProperty().bindBidirectional(vm.periodProperty());
        renewNewExpiryLabel.textProperty().bind(vm.newExpiryProperty());
        renewValidationLabel.textProperty().bind(vm.validationProperty());
        renewSummaryLabel.textProperty().bind(vm.summaryProperty());
        renewSubmitErrorLabel.textProperty().bind(vm.submitErrorProperty());
        renewSubmitErrorDetails.detailsProperty().bind(vm.submitErrorDetailsProperty());
        for (Label l : new Label[] {renewValidationLabel, renewSummaryLabel, renewSubmitErrorLabel}) {
            var has = l.textProperty().isNotEmpty();
            l.visibleProperty().bind(has);
            l.managedProperty().bind(has);
        }
        renewConfirmButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        // Enter must not create an order.
        renewConfirmButton.setDefaultButton(false);
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

    ComboBox<RenewalPeriod> renewPeriodChoice() {
        return renewPeriodChoice;
    }
}
