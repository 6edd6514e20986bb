package io.expanse.ui.resize;

import io.expanse.text.Texts;
import io.expanse.ui.usage.UsageChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The usage section of the resize dialog ({@code usage-pane.fxml}), placed by {@code resize.fxml} as
 * {@code <UsagePane fx:id="usagePane"/>} and given its {@link UsagePaneViewModel} by {@link ResizeDialogs}: the
 * chart, the sentences, and "Use suggested size". Hidden until it has a model with usage to show.
 */
public final class UsagePane extends VBox {

    @FXML private Label usedLabel;
    @FXML private Label trendLabel;
    @FXML private Label suggestionLabel;
    @FXML private Label noteLabel;
    @FXML private UsageChart chart;
    @FXML private HBox figureBox;
    @FXML private Button useSuggestedButton;
    private UsagePaneViewModel vm;

    private static final String FXML = "usage-pane.fxml";

    public UsagePane() {
        FXMLLoader loader = new FXMLLoader(UsagePane.class.getResource("/io/expanse/ui/" + FXML),
                Texts.bundle());
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + FXML, e);
        }
        setVisible(false);
        setManaged(false);
    }

    /** Shows the model's usage; call once, on the FX thread. */
    public void show(UsagePaneViewModel model) {
        this.vm = model;
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(model.shownProperty());
        figureBox.visibleProperty().bind(model.hasFigureProperty());
        figureBox.managedProperty().bind(model.hasFigureProperty());
        usedLabel.textProperty().bind(model.usedTextProperty());
        trendLabel.textProperty().bind(model.trendTextProperty());
        suggestionLabel.textProperty().bind(model.suggestionTextProperty());
        noteLabel.textProperty().bind(model.noteProperty());
        for (Label l : new Label[] {suggestionLabel, noteLabel}) {
            var has = l.textProperty().isNotEmpty();
            l.visibleProperty().bind(has);
            l.managedProperty().bind(has);
        }
        var suggested = model.suggestedGbProperty().isNotNull();
        useSuggestedButton.visibleProperty().bind(suggested);
        useSuggestedButton.managedProperty().bind(suggested);
        model.suggestedGbProperty().addListener((o, a, b) -> label());
        label();
        chart.show(model.lastWeek(), model.trend(), model.threshold());
    }

    private void label() {
        Long gb = vm.suggestedGbProperty().get();
        useSuggestedButton.setText(gb == null ? Texts.get("usage.pane.useSuggested")
                : Texts.get("usage.pane.useSuggestedGb", gb));
    }

    @FXML
    private void useSuggested() {
        if (vm != null) {
            vm.useSuggestion();
        }
    }
}
