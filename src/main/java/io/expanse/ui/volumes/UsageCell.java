package io.expanse.ui.volumes;

import java.util.function.DoubleSupplier;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The Used column: a bar and the percentage. Cheap on purpose, as the table may hold 10,000 rows: one graphic (a
 * {@link UsageBar}: a track and a fill, two regions) made once per cell and reused, the percentage as the cell's
 * own text, pseudo-classes rather than style-class changes for "over the threshold" and "per server", and a tooltip
 * only where there is something to explain.
 */
final class UsageCell extends TableCell<VolumeRow, RowUsage> {

    static final PseudoClass HIGH = PseudoClass.getPseudoClass("high");
    static final PseudoClass PER_SERVER = PseudoClass.getPseudoClass("per-server");

    private final DoubleSupplier threshold;
    private final UsageBar bar = new UsageBar();
    private Tooltip tooltip;

    UsageCell(DoubleSupplier threshold) {
        this.threshold = threshold;
        getStyleClass().add("usage-cell");
        setContentDisplay(ContentDisplay.LEFT);
        setGraphicTextGap(6);
    }

    @Override
    protected void updateItem(RowUsage item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            pseudoClassStateChanged(HIGH, false);
            pseudoClassStateChanged(PER_SERVER, false);
            return;
        }
        Double p = item.percent();
        setText(item.usedText());
        if (p == null) {
            setGraphic(null);
        } else {
            bar.setFraction(p / 100);
            setGraphic(bar);
        }
        pseudoClassStateChanged(HIGH, item.attention(threshold.getAsDouble()));
        pseudoClassStateChanged(PER_SERVER, item.kind() == RowUsage.Kind.PER_SERVER);
        String tip = item.tooltip();
        if (tip == null) {
            setTooltip(null);
        } else {
            if (tooltip == null) {
                tooltip = new Tooltip();
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(420);
            }
            tooltip.setText(tip);
            setTooltip(tooltip);
        }
    }

    /** A track with a fill as wide as the share used; laid out by hand, no binding. */
    static final class UsageBar extends Region {
        static final double WIDTH = 44;
        static final double HEIGHT = 8;
        private final Region fill = new Region();
        private double fraction;

        UsageBar() {
            getStyleClass().add("usage-bar");
            fill.getStyleClass().add("usage-fill");
            fill.setManaged(false);
            getChildren().add(fill);
            setMinSize(WIDTH, HEIGHT);
            setPrefSize(WIDTH, HEIGHT);
            setMaxSize(WIDTH, HEIGHT);
        }

        void setFraction(double f) {
            double clamped = Math.max(0, Math.min(1, f));
            if (clamped != fraction) {
                fraction = clamped;
                requestLayout();
            }
        }

        @Override
        protected void layoutChildren() {
            fill.resizeRelocate(0, 0, Math.round(getWidth() * fraction), getHeight());
        }
    }
}
