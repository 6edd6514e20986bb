package io.expanse.ui.batch;

import io.expanse.text.Texts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.converter.DefaultStringConverter;

/** Binds the batch expansion dialog ({@code batch.fxml}) to its {@link BatchViewModel}; closing is the opener's. */
public final class BatchDialogController {

    private final BatchViewModel vm;
    private final Runnable close;
    private final int selected;

    @FXML private Label batchTitleLabel;
    @FXML private TextField targetField;
    @FXML private Label targetErrorLabel;
    @FXML private Label factsLabel;
    @FXML private Button batchUseSuggestedButton;
    @FXML private Label batchSuggestionLabel;
    @FXML private TableView<BatchViewModel.Line> linesTable;
    @FXML private TableColumn<BatchViewModel.Line, String> nameColumn;
    @FXML private TableColumn<BatchViewModel.Line, String> currentColumn;
    @FXML private TableColumn<BatchViewModel.Line, String> targetColumn;
    @FXML private TableColumn<BatchViewModel.Line, String> billingColumn;
    @FXML private TableColumn<BatchViewModel.Line, BatchViewModel.Line> outcomeColumn;
    @FXML private Label refusedSummaryLabel;
    @FXML private Label summaryLabel;
    @FXML private Label onDemandPriceLabel;
    @FXML private Label yearlyPriceLabel;
    @FXML private Label resultLabel;
    @FXML private Label submitErrorLabel;
    @FXML private Button batchCancelButton;
    @FXML private Button batchConfirmButton;

    public BatchDialogController(BatchViewModel vm, Runnable close, int selected) {
        this.vm = vm;
        this.close = close;
        this.selected = selected;
    }

    @FXML
    private void initialize() {
        batchTitleLabel.setText(Texts.get("batch.heading", selected));
        targetField.textProperty().bindBidirectional(vm.targetTextProperty());
        for (var pair : java.util.List.of(
                java.util.Map.entry(targetErrorLabel, vm.targetErrorProperty()),
                java.util.Map.entry(factsLabel, vm.factsNoteProperty()),
                java.util.Map.entry(refusedSummaryLabel, vm.refusedSummaryProperty()),
                java.util.Map.entry(summaryLabel, vm.summaryProperty()),
                java.util.Map.entry(onDemandPriceLabel, vm.onDemandPriceProperty()),
                java.util.Map.entry(yearlyPriceLabel, vm.yearlyPriceProperty()),
                java.util.Map.entry(resultLabel, vm.resultProperty()),
                java.util.Map.entry(submitErrorLabel, vm.submitErrorProperty()))) {
            Label label = pair.getKey();
            label.textProperty().bind(pair.getValue());
            var has = label.textProperty().isNotEmpty();
            label.visibleProperty().bind(has);
            label.managedProperty().bind(has);
        }
        batchSuggestionLabel.textProperty().bind(vm.suggestionNoteProperty());
        batchUseSuggestedButton.disableProperty().bind(vm.sentProperty());
        linesTable.setItems(vm.lines());
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        currentColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().current()));
        billingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().billing()));
        targetColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().target()));
        // Double-click (or F2) a new size to give that disk its own; an empty cell goes back to the rule.
        targetColumn.setCellFactory(col -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                BatchViewModel.Line line = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove("overridden");
                if (line != null && line.overridden()) {
                    getStyleClass().add("overridden");
                }
            }
        });
        targetColumn.setOnEditCommit(e -> vm.setOverride(e.getRowValue().volumeId(),
                e.getNewValue() == null ? null : e.getNewValue().replaceAll("(?i)\\s*gb?$", "")));
        outcomeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        outcomeColumn.setCellFactory(col -> new TableCell<>() {
            // The reason a disk is left out or keeps the rule is a sentence: it wraps in the column, not cut.
            private final javafx.scene.text.Text wrapped = new javafx.scene.text.Text();

            {
                wrapped.wrappingWidthProperty().bind(col.widthProperty().subtract(14));
                wrapped.fillProperty().bind(textFillProperty());
                wrapped.fontProperty().bind(fontProperty());
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(BatchViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("status-bad", "status-ok");
                if (empty || line == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(line.outcome());
                wrapped.setText(line.outcome());
                setGraphic(wrapped);
                setTooltip(new javafx.scene.control.Tooltip(line.outcome()));
                getStyleClass().add(line.refused() ? "status-bad" : "status-ok");
            }
        });
        batchConfirmButton.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty())
                .or(vm.readingProperty()));
        batchConfirmButton.setDefaultButton(false);
        // Once sent the rule is no longer changed, and the table makes room for the order step.
        targetField.editableProperty().bind(vm.sentProperty().not());
        linesTable.prefHeightProperty().bind(javafx.beans.binding.Bindings.when(vm.sentProperty()).then(120.0)
                .otherwise(230.0));
    }

    @FXML
    private void confirm() {
        vm.submit();
    }

    @FXML
    private void useSuggested() {
        vm.useSuggestedSizes();
    }

    @FXML
    private void cancel() {
        close.run();
    }

    TextField targetField() {
        return targetField;
    }
}
