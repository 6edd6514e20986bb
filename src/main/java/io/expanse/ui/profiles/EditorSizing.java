package io.expanse.ui.profiles;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Keeps the profile editor tall enough for its messages: when a message (the test result, a DNS failure, the keyring
 * notice, the temporary key hint) changes and the form no longer fits, the window grows with it, up to the screen
 * (beyond, the form scrolls); it never shrinks a window. The messages themselves wrap (profile-editor.fxml) rather
 * than end in "…".
 */
final class EditorSizing {

    private EditorSizing() {
    }

    /**
     * Before the window is first shown: makes the scroll pane ask for the form's whole height (within the screen),
     * styled and at its preferred width, so that the window opens with every message whole.
     */
    static void preferWholeForm(javafx.scene.control.ScrollPane scroll, javafx.scene.layout.Region form) {
        scroll.applyCss();
        form.applyCss();
        double height = form.prefHeight(form.prefWidth(-1));
        double screen = Screen.getPrimary().getVisualBounds().getHeight();
        // A little slack: the first layout pass can settle a few pixels taller than this measurement.
        scroll.setPrefViewportHeight(Math.ceil(Math.min(height + 12, screen - 80)));
    }

    /**
     * @param root the scene's root (measured)
     * @param form the editor's form (whose wrapping messages are watched)
     */
    static void install(Stage stage, Parent root, javafx.scene.layout.Region form) {
        Runnable grow = () -> Platform.runLater(() -> fit(stage, root, form));
        form.lookupAll(".label").forEach(n -> {
            if (n instanceof Labeled l && l.isWrapText()) {
                l.textProperty().addListener((o, a, b) -> grow.run());
                l.visibleProperty().addListener((o, a, b) -> grow.run());
            }
        });
        // In the scroll pane the form is always as tall as it needs: when it grows (a message, the fonts and styles
        // applied after the window was sized), so does the window.
        form.heightProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > a.doubleValue()) {
                grow.run();
            }
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> grow.run());
    }

    /**
     * Grows the window to the form's preferred height at the form's current width (wrapped messages are as tall
     * as that width makes them), plus what the root adds around it, within the screen.
     */
    static void fit(Stage stage, Parent root, javafx.scene.layout.Region form) {
        if (stage.getScene() == null || !stage.isShowing()) {
            return;
        }
        double width = form.getWidth() > 0 ? form.getWidth() : -1;
        double around = root instanceof javafx.scene.layout.Region r ? r.snappedTopInset() + r.snappedBottomInset()
                : 0;
        double wanted = Math.ceil(form.prefHeight(width) + around);
        double have = stage.getScene().getHeight();
        if (wanted <= have + 0.5) {
            return;
        }
        // The window's frame: what the stage has beyond its scene (measured, as stage and scene agree, at show).
        double chrome = Math.max(0, Math.min(stage.getHeight() - have, 100));
        Rectangle2D screen = io.expanse.ui.common.Screens.visualBoundsOf(stage);
        double height = Math.min(wanted + chrome, screen.getHeight());
        stage.setHeight(height);
        // Some platforms (an X server without a window manager) apply a new height only with the scene's own size.
        Platform.runLater(() -> {
            if (stage.getScene().getHeight() + 0.5 < Math.min(wanted, screen.getHeight() - chrome)) {
                double w = stage.getWidth();
                stage.sizeToScene();
                stage.setWidth(Math.max(w, stage.getWidth()));
            }
        });
        if (stage.getY() + height > screen.getMaxY()) {
            stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - height));
        }
    }
}
