package io.expanse.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Where a window may go: the visual bounds of the screen it is on, and keeping a dialog within them. */
public final class Screens {

    private Screens() {
    }

    /** The usable part (without task bars) of the screen the stage is on, else of the primary screen. */
    public static Rectangle2D visualBoundsOf(Stage stage) {
        return Screen.getScreensForRectangle(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()),
                Math.max(1, stage.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /**
     * Keeps the stage within its screen's visual bounds: never taller than the screen (its content then scrolls
     * or shrinks) and moved up where its bottom would be below the screen's.
     */
    public static void keepOnScreen(Stage stage) {
        Rectangle2D screen = visualBoundsOf(stage);
        if (stage.getHeight() > screen.getHeight()) {
            stage.setHeight(screen.getHeight());
            stage.setY(screen.getMinY());
        } else if (stage.getY() + stage.getHeight() > screen.getMaxY()) {
            stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - stage.getHeight()));
        }
    }
}
