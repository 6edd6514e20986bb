package io.expanse.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import io.expanse.text.Texts;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the FXML views, all through the one controller factory, with the bundle of the language in use
 * ({@link Texts#bundle()}): the views name their texts {@code %key}.
 */
public final class Fxml {

    private final ControllerFactory controllers;

    public Fxml(ControllerFactory controllers) {
        this.controllers = controllers;
    }

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    /** Loads a view whose FXML names its controller; the controller comes from the factory. */
    public <C> View<C> load(String resource) {
        return load(new FXMLLoader(url(resource), Texts.bundle(), null, controllers), resource);
    }

    /**
     * Loads a view without {@code fx:controller} around a controller made by the caller, for views that are
     * opened many times with different arguments (one dialog per volume).
     */
    public <C> View<C> load(String resource, C controller) {
        FXMLLoader loader = new FXMLLoader(url(resource), Texts.bundle());
        loader.setController(controller);
        return load(loader, resource);
    }

    /** As {@link #load(String, Object)}, for views opened where no {@code Fxml} is at hand (no factory is used). */
    public static <C> View<C> loadWith(String resource, C controller) {
        FXMLLoader loader = new FXMLLoader(url(resource), Texts.bundle());
        loader.setController(controller);
        return load(loader, resource);
    }

    private static URL url(String resource) {
        return Objects.requireNonNull(Fxml.class.getResource("/io/expanse/ui/" + resource), resource);
    }

    private static <C> View<C> load(FXMLLoader loader, String resource) {
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + resource, e);
        }
    }
}
