package io.expanse.app;

import javafx.application.Application;

/**
 * Entry point on the class path. JavaFX refuses to start an {@code Application} subclass as the main class
 * when its modules are not on the module path, so this plain class starts it instead.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ExpanseApp.class, args);
    }
}
