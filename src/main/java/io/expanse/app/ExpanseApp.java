package io.expanse.app;

import io.expanse.ui.common.Fonts;
import atlantafx.base.theme.PrimerLight;
import io.expanse.app.instance.SingleInstance;
import io.expanse.files.AppDirs;
import io.expanse.files.FolderCheck;
import io.expanse.ui.common.AccountChoice;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.main.StartupProblemWindow;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application. {@link #init()} (launcher thread) builds the composition root, which reads the journal
 * from disk; {@link #start(Stage)} only builds the scene and shows it, then connects in the background.
 *
 * <p>Arguments: {@code --sandbox} (or {@code EXPANSE_SANDBOX=1}) ignores a configured account; {@code --smoke} exits with 0 once the main
 * window is shown and the volume list has loaded, and with 1 and the reason otherwise.
 */
public final class ExpanseApp extends Application {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExpanseApp.class);

    private AppContext context;
    private boolean smoke;
    /** Folders that cannot be used, found before anything was read or written; empty when all is well. */
    private List<FolderCheck.Problem> folderProblems = List.of();
    /** Any other failure while building the application, or null. */
    private Exception startFailure;

    @Override
    public void init() throws Exception {
        List<String> args = getParameters().getRaw();
        smoke = args.contains("--smoke");
        AppDirs dirs = AppDirs.detect();
        folderProblems = FolderCheck.check(dirs);
        if (!folderProblems.isEmpty()) {
            return;
        }
        try {
            context = new AppContext(dirs, System.getenv(), AppContext.Options.standard(args.contains("--sandbox")
                    || "1".equals(System.getenv("EXPANSE_SANDBOX"))));
        } catch (Exception e) {
            LOG.error("Expanse could not start", e);
            startFailure = e;
        }
    }

    /** Instead of the main window: why Expanse cannot start. */
    private void showStartupProblem() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        String sentence = startFailure == null ? null : "Expanse could not read or create its files.";
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
        if (context == null) {
            showStartupProblem();
            return;
        }
        context.appearance().applyTheme();
        Fxml.View<Object> main = context.fxml().load("main.fxml");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(main.root(), Math.min(1480, screen.getWidth() * 0.95),
                Math.min(860, screen.getHeight() * 0.92));
        scene.getStylesheets().add(Objects.requireNonNull(
                ExpanseApp.class.getResource("/io/expanse/ui/app.css")).toExternalForm());
        Fonts.apply(scene);
        stage.setScene(scene);
        // Centred by default; a remembered geometry (applied below) wins.
        stage.centerOnScreen();
        stage.setTitle("Expanse");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = ExpanseApp.class.getResource("/io/expanse/icons/expanse-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        context.layout().window(stage);
        stage.show();
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
        }
        SingleInstance instance = Launcher.instance();
        if (instance != null) {
            instance.close();
        }
    }
}
