package io.expanse.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;

/**
 * Tables that fit their window: no column narrower than its heading (so a constrained resize policy never cuts
 * "Server status" to "Server sta…"), and a cell whose text is cut off shows the whole text in a tooltip.
 */
public final class TableFit {

    /** Room for the header's own padding beside the heading's text. */
    private static final double HEADER_EXTRA = 10;
    /** Room for the sort arrow of a column the table is sorted by. */
    private static final double SORT_ARROW = 14;

    private TableFit() {
    }

    /**
     * Once the table's headers exist, gives every column the width of its heading as its minimum; again whenever
     * the table gets a new skin (after a language switch the headings change). The headings are measured right
     * after a layout pulse, as that pulse styled and laid them out: measuring them in an event of its own would make
     * the whole table, with the rows that have just arrived, work out its CSS and layout there and then, a second
     * time in that frame.
     */
    public static void headingsNeverCut(TableView<?> table) {
        Scene[] registeredOn = new Scene[1];
        Runnable[] afterLayout = new Runnable[1];
        afterLayout[0] = () -> {
            registeredOn[0].removePostLayoutPulseListener(afterLayout[0]);
            registeredOn[0] = null;
            setMinimums(table);
        };
        Runnable apply = () -> {
            Scene scene = table.getScene();
            if (scene == null || registeredOn[0] == scene) {
                return;
            }
            if (registeredOn[0] != null) {
                registeredOn[0].removePostLayoutPulseListener(afterLayout[0]);
            }
            registeredOn[0] = scene;
            scene.addPostLayoutPulseListener(afterLayout[0]);
            Platform.requestNextPulse();
        };
        table.skinProperty().addListener((o, a, b) -> apply.run());
        table.getSortOrder().addListener((javafx.beans.InvalidationListener) o -> apply.run());
        table.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                apply.run();
            }
        });
        if (table.getSkin() != null) {
            apply.run();
        }
        // Once more when the first rows arrive: the first frames (a placeholder, fonts settling) may have been
        // measured before the headings had their final look.
        javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
        once[0] = o -> {
            if (!table.getItems().isEmpty()) {
                table.getItems().removeListener(once[0]);
                apply.run();
            }
        };
        table.getItems().addListener(once[0]);
    }

    /** Each heading's width as its column's minimum, measured as the last layout pulse left the headers. */
    private static void setMinimums(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.getTableColumn().getColumns().isEmpty()
                    && header.lookup(".label") instanceof Label label) {
                double text = label.prefWidth(-1);
                if (text > 0) {
                    boolean sorted = table.getSortOrder().contains(header.getTableColumn());
                    header.getTableColumn().setMinWidth(Math.ceil(text + HEADER_EXTRA + (sorted ? SORT_ARROW : 0)));
                }
            }
        }
    }

    /** Shows the whole text of a cell whose text is cut off ("…") when the pointer rests on it. */
    public static void tooltipsForCutCells(TableView<?> table) {
        Tooltip shared = new Tooltip();
        shared.setWrapText(true);
        shared.setMaxWidth(640);
        TableCell<?, ?>[] current = new TableCell<?, ?>[1];
        table.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            TableCell<?, ?> cell = cellOf(e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode());
            if (cell == current[0]) {
                return;
            }
            if (current[0] != null && current[0].getTooltip() == shared) {
                current[0].setTooltip(null);
            }
            current[0] = cell;
            if (cell != null && cell.getTooltip() == null && isTruncated(cell)) {
                shared.setText(cell.getText());
                cell.setTooltip(shared);
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_EXITED, e -> {
            if (current[0] != null && current[0].getTooltip() == shared) {
                current[0].setTooltip(null);
            }
            current[0] = null;
        });
    }

    private static TableCell<?, ?> cellOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> cell) {
                return cell.isEmpty() ? null : cell;
            }
            if (n instanceof TableView<?>) {
                return null;
            }
        }
        return null;
    }

    /** Whether the labeled shows less than its text: its skin's text node holds the shortened "…" form. */
    public static boolean isTruncated(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return false;
        }
        if (labeled.isMnemonicParsing()) {
            // The skin shows the text without the underscore that marks the mnemonic ("__" is a plain "_").
            int i = full.indexOf('_');
            if (i >= 0 && i + 1 < full.length()) {
                full = full.substring(0, i) + full.substring(i + 1);
            }
        }
        for (Node n : labeled.getChildrenUnmodifiable()) {
            if (n instanceof Text shown && n.getStyleClass().contains("text")) {
                return !full.equals(shown.getText());
            }
        }
        return false;
    }
}
