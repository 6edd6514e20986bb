package io.expanse.ui.resize;

import javafx.application.Platform;
import javafx.fxml.FXML;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Binds the resize dialog's controls to its {@link ResizeViewModel}; closing is left to the opener. */
public final class ResizeDialogController {

    private final ResizeViewModel vm;
    private final Runnable close;

    @FXML private Label volumeLabel;
    @FXML private javafx.scene.layout.VBox priceBox;
    @FXML private UsagePane usagePane;
    @FXML private Label attachmentLabel;
    @FXML private Button checkAgainButton;
    @FXML private Label currentSizeLabel;
    @FXML private Label roleLabel;
    @FXML private Label billingLabel;
    @FXML private TextField newSizeField;
    @FXML private Label factsLabel;
    @FXML private Label validationLabel;
    @FXML private Label summaryLabel;
    @FXML private Label warningLabel;
    @FXML private Label submitErrorLabel;
    @FXML private io.expanse.ui.common.ErrorDetails submitErrorDetails;
    @FXML private Button cancelButton;
    @FXML private Button confirmButton;

    public ResizeDialogController(ResizeViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        volumeLabel.textProperty().bind(vm.volumeTextProperty());
        attachmentLabel.textProperty().bind(vm.attachmentTextProperty());
        checkAgainButton.visibleProperty().bind(vm.checkAgainOfferedProperty());
        checkAgainButton.managedProperty().bind(vm.checkAgainOfferedProperty());
        checkAgainButton.disableProperty().bind(vm.busyProperty());
        currentSizeLabel.textProperty().bind(vm.currentSizeTextProperty());
        roleLabel.textProperty().bind(vm.roleTextProperty());
        billingLabel.textProperty().bind(vm.billingTextProperty());
        newSizeField.textProperty().bindBidirectional(vm.newSizeTextProperty());
        newSizeField.editableProperty().bind(vm.acceptedProperty().not());
        showWhenText(factsLabel);
        factsLabel.textProperty().bind(vm.factsNoteProperty());
        validationLabel.textProperty().bind(vm.validationProperty());
        // The rule behind the sentence, for tests and tools that look at the refusal rather than its words.
        validationLabel.setUserData(vm.failedRuleProperty().get());
        vm.failedRuleProperty().addListener((o, a, rule) -> validationLabel.setUserData(rule));
        summaryLabel.textProperty().bind(vm.summaryProperty());
        showWhenText(summaryLabel);
        showWhenText(validationLabel);
        warningLabel.textProperty().bind(vm.warningProperty());
        showWhenText(warningLabel);
        submitErrorLabel.textProperty().bind(vm.submitErrorProperty());
        submitErrorDetails.detailsProperty().bind(vm.submitErrorDetailsProperty());
        showWhenText(submitErrorLabel);
        confirmButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty())
                .or(vm.acceptedProperty()));
        // Enter in the size field must not confirm a billing-affecting action.
        confirmButton.setDefaultButton(false);
        vm.setOnSubmitted(close);
        decorateSizeField();
    }

    @FXML
    private void quickTenPercent() {
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.PLUS_10_PERCENT);
    }

    @FXML
    private void quickHalf() {
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.PLUS_50_PERCENT);
    }

    @FXML
    private void quickHundred() {
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.PLUS_100_GB);
    }

    @FXML
    private void quickDouble() {
        vm.applyQuickTarget(ResizeViewModel.QuickTarget.DOUBLE);
    }

    /**
     * Marks the size field with a ControlsFX validation decoration while the policy refuses the size; the sentence
     * itself stays in the label under the field, where it can be read without hovering.
     */
    private void decorateSizeField() {
        ValidationSupport support = new ValidationSupport();
        // The "error" style class (red border, app.css) rather than an icon: it does not cover the typed digits.
        support.setValidationDecorator(new StyleClassValidationDecoration());
        Validator<String> rule = (control, text) -> ValidationResult.fromErrorIf(control,
                vm.validationProperty().get(), !vm.validProperty().get() && !text.isBlank());
        // Decorations need the field in a scene: register once it is shown, and re-check whenever the decision
        // changes without a keystroke (the disk's facts were read again).
        Platform.runLater(() -> support.registerValidator(newSizeField, false, rule));
        vm.validProperty().addListener((o, a, b) -> support.revalidate());
        vm.validationProperty().addListener((o, a, b) -> support.revalidate());
    }

    private static void showWhenText(Label label) {
        var has = label.textProperty().isNotEmpty();
        label.visibleProperty().bind(has);
        label.managedProperty().bind(has);
    }

    @FXML
    private void checkAgain() {
        vm.checkAgain();
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

    /** Where the price section goes. */
    javafx.scene.layout.VBox priceBox() {
        return priceBox;
    }

    /** The usage section. */
    UsagePane usagePane() {
        return usagePane;
    }
}
