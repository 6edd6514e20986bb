package io.expanse.app;

import io.expanse.text.Texts;
import atlantafx.base.theme.PrimerLight;
import io.expanse.app.instance.SingleInstance;
import io.expanse.files.FolderCheck;
import io.expanse.ui.common.AccountChoice;
import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.main.StartupProblemWindow;
import io.expanse.ui.profiles.LayoutMemory;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The JavaFX application. The composition root, which reads the settings and the journal from disk and probes the
 * keyring, is built on a thread of its own ({@link Startup}) while the toolkit starts; {@link #start(Stage)} sets the
 * theme, takes the composition root, builds the scene and shows it, then connects in the background.
 *
 * <p>Arguments: {@code --sandbox} (or {@code EXPANSE_SANDBOX=1}) ignores a configured account; {@code --smoke} exits with 0 once the main
 * window is shown and the volume list has loaded, and with 1 and the reason otherwise.
 */
public final class ExpanseApp extends Application {

    private AppContext context;
    private boolean smoke;
    /** The composition root, built off the FX thread while the toolkit starts. */
    private Startup.Begun startup;
    /** Folders that cannot be used, found before anything was read or written; empty when all is well. */
    private List<FolderCheck.Problem> folderProblems = List.of();
    /** Any other failure while building the application, or null. */
    private Exception startFailure;

    @Override
    public void init() {
        StartupTrace.mark("init");
        List<String> args = getParameters().getRaw();
        smoke = args.contains("--smoke");
        // Started through the Launcher, the composition root is already being built; otherwise it starts here.
        startup = Launcher.startup() != null ? Launcher.startup() : Startup.begin(args);
    }

    /** Instead of the main window: why Expanse cannot start. */
    private void showStartupProblem() {
        String sentence = startFailure == null ? null : Texts.get("startup.filesFailed");
        if (smoke) {
            System.err.println("smoke: " + (folderProblems.isEmpty() ? sentence + " " + startFailure.getMessage()
                    : folderProblems.get(0).sentence()));
            Platform.exit();
            System.exit(1);
        }
        Alert alert = folderProblems.isEmpty()
                ? StartupProblemWindow.forFailure(sentence, String.valueOf(startFailure.getMessage()))
                : StartupProblemWindow.forFolders(folderProblems);
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("start");
        // The window is made while the start-up thread goes on: still empty (no control, so no stylesheet is needed
        // yet), at a default size; it is placed and shown once the settings are read.
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new Pane(), Math.min(1480, screen.getWidth() * 0.95),
                Math.min(860, screen.getHeight() * 0.92));
        stage.setTitle("Expanse");
        // Six PNGs take about 100 ms to decode on a cold JVM: off this thread, and on the window once they are in.
        Thread icons = new Thread(() -> {
            List<Image> decoded = new java.util.ArrayList<>();
            for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
                var icon = ExpanseApp.class.getResource("/io/expanse/icons/expanse-" + size + ".png");
                if (icon != null) {
                    decoded.add(new Image(icon.toExternalForm()));
                }
            }
            Platform.runLater(() -> stage.getIcons().setAll(decoded));
        }, "expanse-icons");
        icons.setDaemon(true);
        icons.start();
        // Placed and shown once the settings are read (they come first on the start-up thread, while the toolkit
        // starts, so as a rule they are in by now); the journal, the HTTP client and the rest are not waited for:
        // the main view follows them. The UI thread waits for neither.
        startup.layout().whenComplete((layout, e) -> Platform.runLater(() -> show(stage, scene, layout)));
    }

    /** The window at its remembered place and size, still empty; then the rest once it is built (UI thread). */
    private void show(Stage stage, Scene scene, LayoutMemory layout) {
        StartupTrace.mark("window memory taken");
        if (layout != null) {
            stage.setScene(scene);
            // Centred by default; a remembered geometry (applied below) wins.
            stage.centerOnScreen();
            layout.window(stage);
            stage.show();
            StartupTrace.mark("window shown");
        }
        startup.done().whenComplete((built, e) -> Platform.runLater(() -> took(built != null ? built
                : new Startup(List.of(), null, e instanceof Exception x ? x : new IllegalStateException(e)),
                stage, scene)));
    }

    /** The composition root is in (UI thread): the main view, or why Expanse cannot start. */
    private void took(Startup built, Stage stage, Scene scene) {
        StartupTrace.mark("composition root taken");
        context = built.context();
        folderProblems = built.folderProblems();
        startFailure = built.failure();
        if (context == null) {
            if (stage.isShowing()) {
                stage.hide();
            }
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            showStartupProblem();
            return;
        }
        showMainView(stage, scene);
    }

    /** The theme, the main view with its loading states, then the connection and its first list. */
    private void showMainView(Stage stage, Scene scene) {
        context.appearance().applyTheme();
        StartupTrace.mark("theme set");
        Fxml.View<Object> main = context.fxml().load("main.fxml");
        StartupTrace.mark("main.fxml loaded");
        scene.getStylesheets().add(Objects.requireNonNull(
                ExpanseApp.class.getResource("/io/expanse/ui/app.css")).toExternalForm());
        Fonts.apply(scene);
        if (StartupTrace.on()) {
            scene.addPostLayoutPulseListener(new Runnable() {
                private boolean done;

                @Override
                public void run() {
                    if (!done) {
                        done = true;
                        StartupTrace.mark("main view laid out");
                    }
                }
            });
            context.volumes().stateProperty().addListener((o, old, state) -> StartupTrace.mark("volumes " + state));
        }
        scene.setRoot(main.root());
        if (smoke) {
            watchForSmoke();
        }
        context.evsAccounts().openInitial();
        SingleInstance instance = Launcher.instance();
        if (instance != null) {
            instance.onHandover(args -> Platform.runLater(() -> bringForward(stage, args)));
        }
    }

    /** Another launch handed over: show this window, and switch to the sandbox when it was asked for. */
    private void bringForward(Stage stage, List<String> args) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        if (args.contains("--sandbox") && !AccountChoice.SANDBOX.sameAccount(context.evsAccounts()
                .currentProperty().get())) {
            context.evsAccounts().switchTo(AccountChoice.SANDBOX);
        }
    }

    private void watchForSmoke() {
        context.volumes().stateProperty().addListener((o, old, state) -> {
            switch (state) {
                case READY, EMPTY -> exitSmoke(0, "main window shown, " + context.volumes().allRows().size()
                        + " volumes loaded");
                case ERROR -> exitSmoke(1, context.volumes().errorMessageProperty().get());
                default -> { }
            }
        });
    }

    private void exitSmoke(int code, String message) {
        (code == 0 ? System.out : System.err).println("smoke: " + message);
        context.close();
        Platform.exit();
        System.exit(code);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        } else if (startup != null) {
            // Closed before the composition root came in: close it as soon as it does (or now, if it just did).
            startup.done().thenAccept(built -> {
                if (built.context() != null) {
                    built.context().close();
                }
            });
        }
        SingleInstance instance = Launcher.instance();
        if (instance != null) {
            instance.close();
        }
    }
}
