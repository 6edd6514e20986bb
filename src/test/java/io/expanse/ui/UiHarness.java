package io.expanse.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.app.AppContext;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.files.AppDirs;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.Activity;
import io.expanse.work.PollSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, wired by the real composition root, on a fast sandbox: jobs take about a second and the
 * tracker polls every few hundred milliseconds.
 */
public final class UiHarness {

    public static final SandboxTimings FAST_SANDBOX =
            new SandboxTimings(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMillis(600));
    public static final PollSchedule FAST_POLL = new PollSchedule(Duration.ofMillis(200), 1.5, Duration.ofMillis(800),
            Duration.ofMinutes(2), Duration.ofMillis(500), 20, 4, Duration.ofMillis(300));

    private final AppContext context;
    private final Stage stage;
    private final AppDirs dirs;

    private UiHarness(AppContext context, Stage stage, AppDirs dirs) {
        this.context = context;
        this.stage = stage;
        this.dirs = dirs;
    }

    /** The folders of this window's (temporary) home. */
    public AppDirs dirs() {
        return dirs;
    }

    /** Builds the window on the FX thread (call from a TestFX {@code @Start} method). */
    public static UiHarness show(Stage stage) throws Exception {
        return show(stage, 1400, 850);
    }

    /** As {@link #show(Stage)}, with a window of this size. */
    public static UiHarness show(Stage stage, double width, double height) throws Exception {
        // Headless windows rarely hold the focus: desktop notices would pop up over the window under test.
        System.setProperty(io.expanse.ui.main.ChangeNotices.SWITCH, "false");
        Path home = Files.createTempDirectory("expanse-ui-test");
        AppDirs dirs = new AppDirs(home.resolve("data"), home.resolve("config"), home.resolve("logs"));
        AppContext context = new AppContext(dirs, Map.of(),
                new AppContext.Options(true, FAST_SANDBOX, FAST_POLL, Duration.ofMillis(600), false));
        Fxml.View<Object> main = context.fxml().load("main.fxml");
        Scene scene = new Scene(main.root(), width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                UiHarness.class.getResource("/io/expanse/ui/app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return new UiHarness(context, stage, dirs);
    }

    /** Connects to the sandbox off the FX thread and waits until the volume list is loaded. */
    public void connect(FxRobot robot) throws Exception {
        robot.interact(() -> context.evsAccounts().openInitial());
        waitUntil("volumes loaded", 20, () -> context.volumes().stateProperty().get()
                == VolumesViewModel.LoadState.READY);
    }

    public AppContext context() {
        return context;
    }

    public Stage stage() {
        return stage;
    }

    /** Selects the volume with this name in the table. */
    @SuppressWarnings("unchecked")
    public VolumeRow select(FxRobot robot, String name) {
        TableView<VolumeRow> table = robot.lookup("#table").queryAs(TableView.class);
        VolumeRow row = table.getItems().stream().filter(r -> name.equals(r.volume().name())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume named " + name));
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        return row;
    }

    public Optional<Activity> activityFor(String volumeName) {
        return context.journal().recent().stream().filter(a -> volumeName.equals(a.resourceName()))
                .reduce((first, second) -> second);
    }

    public static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(condition.getAsBoolean(), what);
    }

    public void close() {
        context.close();
    }
}
