package io.expanse.ui.volumes;

import javafx.scene.control.SkinBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.skin.TableRowSkin;

/**
 * A row of the volume table that makes its cells only once it shows a volume.
 *
 * <p>A table fills the space below its last item with empty rows, and the first frame that has any item makes all
 * of them at once: a row and a cell per column for each, with their skins and CSS (on a cold JVM about 300 ms
 * for a 30-row table, the longest wait of a first load). An empty row here has a skin without children instead
 * (the themes draw empty rows and their cells transparent, so nothing is lost), and turns into a real row the
 * first time it is given a volume. The rows a frame makes then follow the slices the list goes in by, which
 * {@link VolumesViewModel} sizes by the time their frames take. Once real, a row stays real.
 */
final class VolumeTableRow extends TableRow<VolumeRow> {

    /** The height of the rows that show volumes, shared by the empty ones; 0 until a row has been laid out. */
    private final double[] rowHeight;

    /**
     * @param rowHeight one slot shared by the table's rows: the height of its last laid-out real row
     */
    VolumeTableRow(double[] rowHeight) {
        this.rowHeight = rowHeight;
        heightProperty().addListener((o, a, b) -> {
            if (!(getSkin() instanceof EmptyRowSkin) && b.doubleValue() > 0) {
                rowHeight[0] = b.doubleValue();
            }
        });
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
        return isEmpty() || getItem() == null ? new EmptyRowSkin(this) : new TableRowSkin<>(this);
    }

    @Override
    protected void updateItem(VolumeRow item, boolean empty) {
        super.updateItem(item, empty);
        if (!empty && item != null && getSkin() instanceof EmptyRowSkin) {
            setSkin(new TableRowSkin<>(this));
        }
    }

    /** The skin of a row that has never shown a volume: no cells, the height of the real rows. */
    static final class EmptyRowSkin extends SkinBase<TableRow<VolumeRow>> {

        EmptyRowSkin(VolumeTableRow row) {
            super(row);
        }

        private double height() {
            double known = ((VolumeTableRow) getSkinnable()).rowHeight[0];
            // Before any real row was laid out: about what a dense row of the current font takes.
            return known > 0 ? known : Math.ceil(getSkinnable().getFont().getSize() * 2.0);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            return height();
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return height();
        }

        @Override
        protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
            return height();
        }
    }
}
