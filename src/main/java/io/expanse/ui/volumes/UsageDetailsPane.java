package io.expanse.ui.volumes;

import io.expanse.text.Texts;
import io.expanse.ui.usage.UsageChart;
import io.expanse.ui.usage.UsageTexts;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under the volumes table: how full the selected disk is, its last seven days as a chart with the trend and the
 * threshold, when it will be full and the size to grow it to; and the attention threshold, which the operator sets
 * here. Made in code (its texts from the bundles) and placed by {@code volumes.fxml}.
 */
public final class UsageDetailsPane extends VBox {

    private final Label title = new Label();
    private final Label used = new Label();
    private final Label trend = new Label();
    private final Label suggestion = new Label();
    private final Label note = new Label();
    private final UsageChart chart = new UsageChart();
    private final Spinner<Integer> threshold = new Spinner<>();
    private final HBox body;
    private ObservableValue<VolumeRow> selected;
    private UsageColumnModel usage;
    private VolumeRow shown;
    private final javafx.beans.InvalidationListener onUsage = o -> update();

    public UsageDetailsPane() {
        getStyleClass().add("usage-details");
        setId("usageDetails");
        setSpacing(4);
        setPadding(new Insets(6, 10, 6, 10));
        title.getStyleClass().add("title-4");
        title.setId("usageDetailsTitle");
        Label thresholdLabel = new Label(Texts.get("usage.details.threshold"));
        thresholdLabel.setLabelFor(threshold);
        threshold.setId("usageThresholdSpinner");
        threshold.setEditable(true);
        threshold.setPrefWidth(80);
        threshold.setAccessibleText(Texts.get("usage.details.threshold.a11y"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, thresholdLabel, threshold, new Label(Texts.get("usage.details.percentSign")));
        header.setAlignment(Pos.CENTER_LEFT);
        for (Label l : new Label[] {used, trend, suggestion, note}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        used.setId("usageDetailsUsed");
        trend.setId("usageDetailsTrend");
        suggestion.setId("usageDetailsSuggestion");
        note.setId("usageDetailsNote");
        note.getStyleClass().add("text-muted");
        suggestion.getStyleClass().add("summary");
        VBox texts = new VBox(4, used, trend, suggestion);
        HBox.setHgrow(texts, Priority.ALWAYS);
        chart.setId("usageDetailsChart");
        chart.setPrefSize(300, 110);
        body = new HBox(12, chart, texts);
        getChildren().addAll(header, body, note);
    }

    /** Follows the selected row; the threshold spinner edits the model's threshold. Call once. */
    void follow(ObservableValue<VolumeRow> selectedRow, UsageColumnModel model) {
        this.selected = selectedRow;
        this.usage = model;
        threshold.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                (int) UsageColumnModel.MIN_THRESHOLD, (int) UsageColumnModel.MAX_THRESHOLD,
                (int) Math.round(model.threshold())));
        threshold.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != Math.round(model.threshold())) {
                model.thresholdProperty().set(b);
            }
        });
        model.thresholdProperty().addListener((o, a, b) -> {
            threshold.getValueFactory().setValue((int) Math.round(b.doubleValue()));
            update();
        });
        model.stateProperty().addListener(o -> update());
        selectedRow.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        VolumeRow row = selected == null ? null : selected.getValue();
        if (row != shown) {
            if (shown != null) {
                shown.usageProperty().removeListener(onUsage);
            }
            if (row != null) {
                row.usageProperty().addListener(onUsage);
            }
            shown = row;
        }
        RowUsage u = row == null ? null : row.usage();
        if (row == null) {
            title.setText(Texts.get("usage.details.title"));
        } else {
            title.setText(Texts.get("usage.details.titleOf", row.volume().name() == null || row.volume().name()
                    .isBlank() ? row.volume().id() : row.volume().name()));
        }
        boolean figure = u != null && u.usage() != null;
        body.setVisible(figure);
        body.setManaged(figure);
        if (figure) {
            chart.show(u.usage().lastWeek(), u.usage().trend(), usage.threshold());
            used.setText(UsageTexts.used(u.usage()));
            trend.setText(UsageTexts.trend(u.usage().trend()));
            suggestion.setText(u.kind() == RowUsage.Kind.MAPPED ? UsageTexts.suggestion(u.usage().suggestion())
                    : "");
            suggestion.setVisible(!suggestion.getText().isEmpty());
            suggestion.setManaged(suggestion.isVisible());
        }
        String noteText;
        if (row == null) {
            noteText = Texts.get("usage.details.select");
        } else if (u == null) {
            noteText = row.volume().firstServerId() == null ? Texts.get("usage.details.notAttached")
                    : usage.stateProperty().get() == UsageColumnModel.State.READING ? Texts.get("usage.summary.reading")
                    : Texts.get("usage.details.unknown");
        } else if (u.kind() == RowUsage.Kind.MAPPED) {
            noteText = "";
        } else {
            noteText = u.tooltip();
        }
        note.setText(noteText);
        note.setVisible(noteText != null && !noteText.isEmpty());
        note.setManaged(note.isVisible());
    }
}
