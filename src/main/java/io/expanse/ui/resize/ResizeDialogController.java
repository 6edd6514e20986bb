package io.expanse.ui.resize;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the resize dialog's controls to its {@link ResizeViewModel}; closing is left to the opener. */
public final class ResizeDialogController {

    private final ResizeViewModel vm;
    private final Runnable close;

    @FXML private Label volumeLabel;
    @FXML private Label currentSizeLabel;
    @FXML private Label roleLabel;
    @FXML private Label billingLabel;
    @FXML private TextField newSizeField;
    @FXML private Label factsLabel;
    @FXML private Label validationLabel;
    @FXML private VBox autoPayBox;
    @FXML private CheckBox autoPayCheck;
    @FXML private Label summaryLabel;
    @FXML private Label submitErrorLabel;
    @FXML private Button cancelButton;
    @FXML private Button confirmButton;

    public ResizeDialogController(ResizeViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        volumeLabel.textProperty().bind(vm.volumeTextProperty());
        currentSizeLabel.textProperty().bind(vm.currentSizeTextProperty());
        roleLabel.textProperty().bind(vm.roleTextProperty());
        billingLabel.textProperty().bind(vm.billingTextProperty());
        newSizeField.textProperty().bindBidirectional(vm.newSizeTextProperty());
        autoPayCheck.selectedProperty().bindBidirectional(vm.autoPayProperty());
        autoPayBox.visibleProperty().bind(vm.yearlyMonthlyProperty());
        autoPayBox.managedProperty().bind(vm.yearlyMonthlyProperty());
        showWhenText(factsLabel);
        factsLabel.textProperty().bind(vm.factsNoteProperty());
        validationLabel.textProperty().bind(vm.validationProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        showWhenText(summaryLabel);
        showWhenText(validationLabel);
        submitErrorLabel.textProperty().bind(vm.submitErrorProperty());
        showWhenText(submitErrorLabel);
        confirmButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        // Enter in the size field must not confirm a billing-affecting action.
        confirmButton.setDefaultButton(false);
        vm.setOnSubmitted(close);
    }

    private static void showWhenText(Label label) {
        var has = label.textProperty().isNotEmpty();
        label.visibleProperty().bind(has);
        label.managedProperty().bind(has);
    }

    @FXML
    private void confirm() {
        vm.submit();
    }

    @FXML
    private void cancel() {
        close.run();
    }

    TextField newSizeField() {
        return newSizeField;
    }
}
