package io.expanse.ui.volumes;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/**
 * Marks a table row whose disk is at or over the attention threshold ({@code :attention}), whichever columns are
 * shown. One listener pair per row (a few dozen rows exist at any time, whatever the row count).
 */
final class UsageRowMarker {

    static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    private UsageRowMarker() {
    }

    static void mark(TableRow<VolumeRow> row, UsageColumnModel usage) {
        Runnable update = () -> {
            VolumeRow item = row.getItem();
            RowUsage u = item == null || row.isEmpty() ? null : item.usage();
            row.pseudoClassStateChanged(ATTENTION, u != null && u.attention(usage.threshold()));
        };
        InvalidationListener onUsage = o -> update.run();
        ChangeListener<VolumeRow> onItem = (o, old, now) -> {
            if (old != null) {
                old.usageProperty().removeListener(onUsage);
            }
            if (now != null) {
                now.usageProperty().addListener(onUsage);
            }
            update.run();
        };
        row.itemProperty().addListener(onItem);
        row.emptyProperty().addListener(o -> update.run());
        // The threshold outlives the rows (a refresh makes new ones): held weakly, kept alive by its row.
        InvalidationListener onThreshold = o -> update.run();
        row.getProperties().put(UsageRowMarker.class, onThreshold);
        usage.thresholdProperty().addListener(new javafx.beans.WeakInvalidationListener(onThreshold));
    }
}
