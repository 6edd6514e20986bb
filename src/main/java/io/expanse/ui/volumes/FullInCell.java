package io.expanse.ui.volumes;

import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** The Full in column: "about 12 days", or a short word where there is no figure (the reason in a tooltip). */
final class FullInCell extends TableCell<VolumeRow, RowUsage> {

    /** Within a week of full. */
    static final PseudoClass SOON = PseudoClass.getPseudoClass("soon");
    static final int SOON_DAYS = 7;

    private Tooltip tooltip;

    FullInCell() {
        getStyleClass().add("full-in-cell");
    }

    @Override
    protected void updateItem(RowUsage item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.usage() == null) {
            setText(null);
            setTooltip(null);
            pseudoClassStateChanged(SOON, false);
            return;
        }
        setText(item.fullInText());
        Integer days = item.fullInDays();
        pseudoClassStateChanged(SOON, days != null && days <= SOON_DAYS);
        String why = item.usage().trend() == null ? null : item.usage().trend().reason();
        if (why == null) {
            setTooltip(null);
        } else {
            if (tooltip == null) {
                tooltip = new Tooltip();
            }
            tooltip.setText(why);
            setTooltip(tooltip);
        }
    }
}
