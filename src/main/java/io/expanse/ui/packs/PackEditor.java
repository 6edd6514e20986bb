package io.expanse.ui.packs;

import io.expanse.domain.resize.NewSizeParser;
import io.expanse.domain.resize.ParsedSize;
import io.expanse.work.nas.ResourcePack;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The add/edit dialog for one pack, with live validation: Save stays disabled until the ID, capacity (whole GB),
 * expiry (yyyy-MM-dd, optional) and label are valid and the ID is not already listed. Saving itself is left to the
 * caller ({@link PacksViewModel#save}).
 */
final class PackEditor {

    private final Dialog<ResourcePack> dialog = new Dialog<>();
    private final TextField id = field("packIdField", "pack-h58kdagr9vsf", "Pack ID as shown in the UniCloud console");
    private final TextField capacity = field("packCapacityField", "e.g. 100", "Current capacity in GB");
    private final TextField expiry = field("packExpiryField", "yyyy-MM-dd", "Expiry date, yyyy-MM-dd, optional");
    private final TextField label = field("packLabelField", "optional", "Label for this pack");
    private final ComboBox<String> payType = new ComboBox<>();
    private final Label error = new Label();
    private final PacksViewModel vm;
    private final String originalId;

    PackEditor(Window owner, PacksViewModel vm, ResourcePack existing) {
        this.vm = vm;
        this.originalId = existing == null ? null : existing.id();
        dialog.initOwner(owner);
        dialog.setTitle(existing == null ? "Add resource pack" : "Edit " + existing.id());
        dialog.setHeaderText("Copy the pack's ID, capacity and expiry from the UniCloud console (NAS > 资源包)."
                + "\nUniCloud offers no API that lists packs, so Expanse keeps this list for "
                + vm.source().account() + " in " + vm.source().region() + ".");
        payType.getItems().setAll(ResourcePack.PAY_TYPES);
        payType.setEditable(false);
        payType.setId("packPayTypeBox");
        payType.setAccessibleText("Pay type of the pack");
        payType.setValue(ResourcePack.DEFAULT_PAY_TYPE);
        if (existing != null) {
            id.setText(existing.id());
            capacity.setText(Long.toString(existing.capacityGb()));
            expiry.setText(existing.expiresOn() == null ? "" : existing.expiresOn());
            label.setText(existing.label());
            if (!payType.getItems().contains(existing.payType())) {
                payType.getItems().add(existing.payType());
            }
            payType.setValue(existing.payType());
        }
        error.setId("packEditorError");
        error.getStyleClass().add("validation-message");
        error.setWrapText(true);
        error.setAccessibleText("Why the pack cannot be saved");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Pack ID"), id);
        grid.addRow(1, new Label("Capacity (GB)"), capacity);
        grid.addRow(2, new Label("Expires on"), expiry);
        grid.addRow(3, new Label("Label"), label);
        grid.addRow(4, new Label("Pay type"), payType);
        VBox content = new VBox(10, grid, error);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, save);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("packEditorSave");
        saveButton.setAccessibleText("Save the pack");
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("packEditorCancel");
        for (TextField f : List.of(id, capacity, expiry, label)) {
            f.textProperty().addListener((o, a, b) -> validate(saveButton));
        }
        validate(saveButton);
        dialog.setResultConverter(b -> b == save ? build() : null);
    }

    Dialog<ResourcePack> dialog() {
        return dialog;
    }

    private void validate(Button save) {
        List<String> problems = problems();
        error.setText(String.join("\n", problems));
        save.setDisable(!problems.isEmpty());
    }

    private List<String> problems() {
        List<String> out = new ArrayList<>();
        ParsedSize size = NewSizeParser.parse(capacity.getText());
        if (!size.ok()) {
            out.add("Capacity: " + size.error().replace("new size", "capacity"));
        }
        ResourcePack p = new ResourcePack(id.getText().strip(), label.getText(), size.ok() ? size.gb() : 1,
                expiry.getText(), payType.getValue());
        out.addAll(p.problems());
        if (vm.idTaken(p.id(), originalId)) {
            out.add(p.id() + " is already in the list.");
        }
        return out;
    }

    private ResourcePack build() {
        return new ResourcePack(id.getText().strip(), label.getText(), NewSizeParser.parse(capacity.getText()).gb(),
                expiry.getText(), payType.getValue());
    }

    private static TextField field(String fxId, String prompt, String accessible) {
        TextField f = new TextField();
        f.setId(fxId);
        f.setPromptText(prompt);
        f.setAccessibleText(accessible);
        f.setPrefColumnCount(24);
        return f;
    }
}
