package io.expanse.app;

import io.expanse.ui.common.Fonts;
import java.util.Locale;
import io.expanse.settings.UiChoicesPeek;
import io.expanse.ui.main.Appearance;
import io.expanse.ui.common.Buttons;
import io.expanse.text.Texts;
import io.expanse.app.instance.SingleInstance;
import io.expanse.files.AppDirs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;

/**
 * Entry point on the class path. JavaFX refuses to start an {@code Application} subclass as the main class
 * when its modules are not on the module path, so this plain class starts it instead.
 *
 * <p>Only one Expanse runs per data folder (two would overwrite each other's history and settings, and could
 * send the same change twice): a second launch hands its arguments to the first, which brings its window forward
 * (and switches to the sandbox when {@code --sandbox} was given), and ends.
 */
public final class Launcher {

    private static volatile SingleInstance instance;
    /** The composition root being built beside the toolkit's start, or null when not started through here. */
    private static volatile Startup.Begun startup;

    private Launcher() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        List<String> arguments = List.of(args);
        // Before any text is made and before the toolkit starts: JavaFX's own texts follow the default locale.
        String remembered;
        try {
            // Not through SettingsStore: that class's logger would set up logging first, on this critical path.
            remembered = UiChoicesPeek.peek(AppDirs.detect()).language();
        } catch (RuntimeException e) {
            remembered = null;
        }
        Appearance.useLanguage(Appearance.startupLocale(remembered, Appearance.osLocale(System.getenv(),
                Locale.getDefault())));
        StartupTrace.mark("language chosen");
        SingleInstance.Claim claim;
        try {
            claim = SingleInstance.claim(AppDirs.detect().data(), arguments, Duration.ofSeconds(10));
        } catch (IOException | RuntimeException e) {
            // The data folder cannot be used at all: start anyway, so that start-up explains which folder and why.
            claim = null;
        }
        if (claim instanceof SingleInstance.HandedOver handedOver) {
            if (arguments.contains("--smoke")) {
                System.err.println("smoke: another Expanse (process " + handedOver.otherPid() + ") is running on "
                        + "this data folder");
                System.exit(1);
            }
            System.out.println(Texts.get("launcher.handedOver", Long.toString(handedOver.otherPid())));
            return;
        }
        if (claim instanceof SingleInstance.Unreachable unreachable) {
            System.err.println(unreachable.reason());
            if (!arguments.contains("--smoke")) {
                explain(unreachable.reason());
            }
            System.exit(3);
        }
        instance = claim instanceof SingleInstance.Primary primary ? primary.instance() : null;
        StartupTrace.mark("data folder claimed");
        // Only now, with the folder ours: the journal and settings in it are read while the toolkit starts.
        startup = Startup.begin(arguments);
        Application.launch(ExpanseApp.class, args);
    }

    /** This process's hold on the data folder, or null when the folder could not be claimed. */
    static SingleInstance instance() {
        return instance;
    }

    /** What {@link #main} began building, or null when the application was started some other way. */
    static Startup.Begun startup() {
        return startup;
    }

    /** A window for an operator who started Expanse from a menu and would never see the console. */
    private static void explain(String reason) {
        try {
            Platform.startup(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, reason, Buttons.ok());
                Fonts.apply(alert);
                alert.setTitle("Expanse");
                alert.setHeaderText(Texts.get("launcher.alreadyRunning"));
                alert.showAndWait();
                Platform.exit();
            });
        } catch (RuntimeException e) {
            // No display: the console message above is all there is.
        }
    }
}
