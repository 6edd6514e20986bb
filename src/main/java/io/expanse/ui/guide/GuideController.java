package io.expanse.ui.guide;

import io.expanse.domain.guest.GrowthGuide.Layout;
import io.expanse.text.Texts;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the guide window to its {@link GuideViewModel}: a row per step, each command with a Copy button. */
public final class GuideController {

    private final GuideViewModel vm;
    private final Runnable close;

    @FXML private Label headerLabel;
    @FXML private Label osLabel;
    @FXML private Label deviceLabel;
    @FXML private Label mbrWarningLabel;
    @FXML private Label kernelLabel;
    @FXML private HBox layoutBox;
    @FXML private ComboBox<Layout> layoutChoice;
    @FXML private VBox stepsBox;
    @FXML private Label copiedLabel;
    @FXML private Button closeButton;

    public GuideController(GuideViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        headerLabel.textProperty().bind(vm.headerProperty());
        osLabel.textProperty().bind(vm.osTextProperty());
        deviceLabel.textProperty().bind(vm.deviceTextProperty());
        mbrWarningLabel.textProperty().bind(vm.mbrWarningProperty());
        var warned = mbrWarningLabel.textProperty().isNotEmpty();
        mbrWarningLabel.visibleProperty().bind(warned);
        mbrWarningLabel.managedProperty().bind(warned);
        kernelLabel.visibleProperty().bind(vm.linuxNotesProperty());
        kernelLabel.managedProperty().bind(vm.linuxNotesProperty());
        layoutChoice.setItems(vm.layouts());
        layoutChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Layout l) {
                return GuideViewModel.layoutName(l);
            }

            @Override
            public Layout fromString(String s) {
                return null;
            }
        });
        layoutChoice.valueProperty().bindBidirectional(vm.layoutProperty());
        var choice = javafx.beans.binding.Bindings.size(vm.layouts()).greaterThan(1);
        layoutBox.visibleProperty().bind(choice);
        layoutBox.managedProperty().bind(choice);
        vm.lines().addListener((ListChangeListener<GuideViewModel.Line>) c -> showLines());
        showLines();
    }

    private void showLines() {
        stepsBox.getChildren().clear();
        copiedLabel.setText(null);
        int n = 1;
        for (GuideViewModel.Line line : vm.lines()) {
            Label what = new Label(Texts.get("guide.stepNumber", n, line.explanation()));
            what.setWrapText(true);
            what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox step = new VBox(4, what);
            step.getStyleClass().add("guide-step");
            if (line.command() != null) {
                TextField command = new TextField(line.command());
                command.setEditable(false);
                command.setId("command" + n);
                command.getStyleClass().add("guide-command");
                command.setAccessibleText(Texts.get("guide.command.a11y", n));
                Button copy = new Button(Texts.get("guide.button.copy"));
                copy.setId("copyCommand" + n);
                copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                copy.setAccessibleText(Texts.get("guide.button.copy.a11y", line.command()));
                copy.setOnAction(e -> copy(line.command()));
                HBox row = new HBox(8, command, copy);
                HBox.setHgrow(command, Priority.ALWAYS);
                step.getChildren().add(row);
            }
            stepsBox.getChildren().add(step);
            n++;
        }
    }

    private void copy(String command) {
        io.expanse.ui.common.Clipboards.putText(command);
        copiedLabel.setText(Texts.get("guide.copied", command));
    }

    @FXML
    private void close() {
        close.run();
    }
}
