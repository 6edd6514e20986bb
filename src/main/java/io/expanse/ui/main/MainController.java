package io.expanse.ui.main;

import io.expanse.ui.common.Session;
import io.expanse.ui.volumes.VolumesController;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.Connection;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window frame: sandbox badge, connection, status line and the global shortcuts. */
public final class MainController {

    private final Session session;
    private final VolumesViewModel volumes;

    @FXML private Label sandboxBadge;
    @FXML private Label connectionLabel;
    @FXML private Label statusLabel;
    @FXML private VolumesController volumesController;

    public MainController(Session session, VolumesViewModel volumes) {
        this.session = session;
        this.volumes = volumes;
    }

    @FXML
    private void initialize() {
        var sandbox = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> session.connection() != null && session.connection().sandbox(), session.connectionProperty());
        sandboxBadge.visibleProperty().bind(sandbox);
        sandboxBadge.managedProperty().bind(sandbox);
        connectionLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Connection c = session.connection();
            if (c == null) {
                return session.problemProperty().get() == null ? "Connecting…" : "Not connected";
            }
            return "Huawei Cloud · " + c.label() + " · " + c.region();
        }, session.connectionProperty(), session.problemProperty()));
        statusLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String problem = session.problemProperty().get();
            return problem != null ? problem : volumes.statusLineProperty().get();
        }, session.problemProperty(), volumes.statusLineProperty()));
        statusLabel.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private void installShortcuts(Scene scene) {
        Runnable refresh = volumes::refresh;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> Platform.runLater(volumesController::focusFilter));
    }
}
