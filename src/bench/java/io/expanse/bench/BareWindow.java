package io.expanse.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline for packaging/linux/measure-startup.sh: the smallest JavaFX window (one label), run on the app's own
 * jlinked runtime, so "cold start of Expanse" can be compared with "cold start of JavaFX itself".
 * Not part of the app: the measuring script compiles it on its own.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare JavaFX window");
        stage.setScene(new Scene(new StackPane(new Label("Hello")), 640, 400));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
