package io.expanse.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Base of the UI tests: a fresh main window on a fresh fast sandbox for every test. TestFX only looks for
 * {@code @Start} on the test class itself, so each subclass declares one that calls {@link #show(Stage)}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SandboxWindowTest {

    protected UiHarness ui;

    protected void show(Stage stage) throws Exception {
        ui = UiHarness.show(stage);
    }

    @BeforeEach
    void connect(FxRobot robot) throws Exception {
        ui.connect(robot);
    }

    @AfterEach
    void close() {
        ui.close();
    }
}
