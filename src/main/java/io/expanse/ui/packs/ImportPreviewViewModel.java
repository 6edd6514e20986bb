package io.expanse.ui.packs;

import io.expanse.text.Texts;
import io.expanse.work.nas.PackImport;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import preview's state: the rows of the file with what would happen to each, a summary, and whether there is
 * anything to import. Import is handed to the caller; while it runs the dialog is busy, and a failure is shown in
 * it. FX thread only.
 */
public final class ImportPreviewViewModel {

    private final PackImport.Preview preview;
    private final String fileName;
    private final ObservableList<PackImport.Row> rows;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ImportPreviewViewModel(PackImport.Preview preview, String fileName) {
        this.preview = preview;
        this.fileName = fileName;
        this.rows = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(preview.rows()));
    }

    public PackImport.Preview preview() {
        return preview;
    }

    public ObservableList<PackImport.Row> rows() {
        return rows;
    }

    /** "pack.csv: 2 to add, 1 to update, 0 unchanged, 1 refused." */
    public String summaryText() {
        return Texts.get("import.summary", fileName, preview.summary());
    }

    /** Remarks about the whole file, one a line; and what Import will do, or that there is nothing to import. */
    public String notesText() {
        String action = Texts.get(canImport() ? "import.notes.action" : "import.notes.nothing");
        return String.join("\n", concat(preview.notes(), action));
    }

    /** "Import 3 packs". */
    public String importButtonText() {
        int n = preview.changes().size();
        return Texts.get("import.button.count", n);
    }

    /** Whether any row adds or updates a pack. */
    public boolean canImport() {
        return !preview.changes().isEmpty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the import failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The import was started. */
    void started() {
        busy.set(true);
        error.set("");
    }

    /** The import failed: the dialog stays open and says why. */
    void failed(String message) {
        busy.set(false);
        error.set(message);
    }

    /** The text of the outcome column. */
    static String outcomeText(PackImport.Row row) {
        return row.outcome().label();
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }
}
