package io.expanse.ui.packs;

import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.Buttons;
import io.expanse.text.Texts;
import io.expanse.domain.resize.NewSizeParser;
import io.expanse.domain.resize.ParsedSize;
import io.expanse.work.nas.ResourcePack;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
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
    private final TextField id = field("packIdField", Texts.get("packEditor.id.prompt"),
            Texts.get("packEditor.id.a11y"));
    private final TextField capacity = field("packCapacityField", Texts.get("packEditor.capacity.prompt"),
            Texts.get("packEditor.capacity.a11y"));
    private final TextField expiry = field("packExpiryField", "yyyy-MM-dd",
            Texts.get("packEditor.expiry.a11y"));
    private final TextField label = field("packLabelField", Texts.get("packEditor.label.prompt"),
            Texts.get("packEditor.label.a11y"));
    private final ComboBox<String> payType = new ComboBox<>();
    private final Label error = new Label();
    private final PacksViewModel vm;
    private final String originalId;

    PackEditor(Window owner, PacksViewModel vm, ResourcePack existing) {
        this.vm = vm;
        this.originalId = existing == null ? null : existing.id();
        dialog.initOwner(owner);
        Fonts.apply(dialog);
        dialog.setTitle(existing == null ? Texts.get("packEditor.title.add") : Texts.get("packEditor.title.edit",
                existing.id()));
        dialog.setHeaderText(Texts.get("packEditor.header", vm.source().account(), vm.source().region()));
        payType.getItems().setAll(ResourcePack.PAY_TYPES);
        payType.setEditable(false);
        payType.setId("packPayTypeBox");
        payType.setAccessibleText(Texts.get("packEditor.payType.a11y"));
        payType.setValue(ResourcePack.DEFAULT_PAY_TYPE);
        payType.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return PackTexts.payType(code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
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
        error.setAccessibleText(Texts.get("packEditor.error.a11y"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, labelFor(Texts.get("packs.column.packId"), id), id);
        grid.addRow(1, labelFor(Texts.get("packs.column.packCapacity"), capacity), capacity);
        grid.addRow(2, labelFor(Texts.get("packEditor.expiry"), expiry), expiry);
        grid.addRow(3, labelFor(Texts.get("packs.column.packLabel"), label), label);
        grid.addRow(4, labelFor(Texts.get("upgrade.payType"), payType), payType);
        VBox content = new VBox(10, grid, error);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        ButtonType save = Buttons.confirm("profile.button.save");
        ButtonType cancelType = Buttons.cancel();
        dialog.getDialogPane().getButtonTypes().setAll(cancelType, save);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("packEditorSave");
        saveButton.setAccessibleText(Texts.get("packEditor.save.a11y"));
        Button cancel = (Button) dialog.getDialogPane().lookupButton(cancelType);
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
        ParsedSize size = NewSizeParser.parse(capacity.getText(), Texts.get("size.noun.capacity"));
        if (!size.ok()) {
            out.add(Texts.get("packEditor.capacityProblem", size.error()));
        }
        ResourcePack p = new ResourcePack(id.getText().strip(), label.getText(), size.ok() ? size.gb() : 1,
                expiry.getText(), payType.getValue());
        out.addAll(p.problems());
        if (vm.idTaken(p.id(), originalId)) {
            out.add(Texts.get("packEditor.idTaken", p.id()));
        }
        return out;
    }

    private ResourcePack build() {
        return new ResourcePack(id.getText().strip(), label.getText(), NewSizeParser.parse(capacity.getText()).gb(),
                expiry.getText(), payType.getValue());
    }

    /** A label that names its field for screen readers and moves focus to it on its mnemonic. */
    private static Label labelFor(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
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
