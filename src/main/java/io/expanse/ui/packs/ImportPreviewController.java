package io.expanse.ui.packs;

import io.expanse.work.nas.PackImport;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the import preview dialog to its {@link ImportPreviewViewModel}; importing and closing are the opener's. */
public final class ImportPreviewController {

    private final ImportPreviewViewModel vm;
    private final Runnable onImport;
    private final Runnable onCancel;

    @FXML private Label importSummaryLabel;
    @FXML private Label importNotesLabel;
    @FXML private TableView<PackImport.Row> importPreviewTable;
    @FXML private TableColumn<PackImport.Row, Integer> importLineColumn;
    @FXML private TableColumn<PackImport.Row, String> importPackColumn;
    @FXML private TableColumn<PackImport.Row, String> importOutcomeColumn;
    @FXML private TableColumn<PackImport.Row, String> importDetailColumn;
    @FXML private Label importErrorLabel;
    @FXML private Button importCancelButton;
    @FXML private Button importConfirmButton;

    public ImportPreviewController(ImportPreviewViewModel vm, Runnable onImport, Runnable onCancel) {
        this.vm = vm;
        this.onImport = onImport;
        this.onCancel = onCancel;
    }

    @FXML
    private void initialize() {
        importSummaryLabel.setText(vm.summaryText());
        importNotesLabel.setText(vm.notesText());
        importLineColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        importPackColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().packId()));
        importOutcomeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                ImportPreviewViewModel.outcomeText(c.getValue())));
        importDetailColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().detail()));
        importOutcomeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("import-refused");
                if (!empty && PackImport.Outcome.REFUSED.label().equals(item)) {
                    getStyleClass().add("import-refused");
                }
            }
        });
        importPreviewTable.setItems(vm.rows());
        importErrorLabel.textProperty().bind(vm.errorProperty());
        var hasError = vm.errorProperty().isNotEmpty();
        importErrorLabel.visibleProperty().bind(hasError);
        importErrorLabel.managedProperty().bind(hasError);
        importConfirmButton.setText(vm.importButtonText());
        importConfirmButton.setDisable(!vm.canImport());
        if (vm.canImport()) {
            importConfirmButton.disableProperty().bind(vm.busyProperty());
        }
        importConfirmButton.setDefaultButton(false);
    }

    @FXML
    private void confirm() {
        if (vm.canImport() && !vm.busyProperty().get()) {
            vm.started();
            onImport.run();
        }
    }

    @FXML
    private void cancel() {
        onCancel.run();
    }
}
