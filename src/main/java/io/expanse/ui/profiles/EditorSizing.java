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
     * @param root the scene's root (measured)
     * @param form the editor's form (whose wrapping messages are watched)
     */
    static void install(Stage stage, Parent root, Parent form) {
        Runnable grow = () -> Platform.runLater(() -> fit(stage, root));
        form.lookupAll(".label").forEach(n -> {
            if (n instanceof Labeled l && l.isWrapText()) {
                l.textProperty().addListener((o, a, b) -> grow.run());
                l.visibleProperty().addListener((o, a, b) -> grow.run());
            }
        });
    }

    /** Grows the window to the form's preferred height at its current width, within the screen. */
    static void fit(Stage stage, Parent root) {
        if (stage.getScene() == null || !stage.isShowing()) {
            return;
        }
        double width = stage.getScene().getWidth();
        double wanted = root.prefHeight(width);
        double have = stage.getScene().getHeight();
        if (wanted <= have + 0.5) {
            return;
        }
        double chrome = stage.getHeight() - have;
        Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double height = Math.min(wanted + chrome, screen.getHeight());
        stage.setHeight(height);
        if (stage.getY() + height > screen.getMaxY()) {
            stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - height));
        }
    }
}
