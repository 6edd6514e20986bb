package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.Job;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.FxTaskExecutor;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.profiles.LayoutMemory;
import io.expanse.ui.volumes.VolumesController;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.accounts.EvsAccount;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The volumes view's empty and error states, on a scripted API instead of the sandbox. */
@ExtendWith(ApplicationExtension.class)
class VolumesStatesUiTest {

    /** Answers listVolumes from a script: a list, or an exception. */
    static final class ScriptedApi implements EvsApi {
        final Deque<Object> answers = new ArrayDeque<>();

        @Override
        @SuppressWarnings("unchecked")
        public List<Volume> listVolumes() throws ApiException {
            Object next = answers.isEmpty() ? List.of() : answers.poll();
            if (next instanceof ApiException e) {
                throw e;
            }
            return (List<Volume>) next;
        }

        @Override
        public Volume getVolume(String volumeId) throws ApiException {
            throw new ApiException(ApiException.Kind.NOT_FOUND, "no such volume", null);
        }

        @Override
        public ResizeAccepted resize(String volumeId, int newSizeGb, Boolean autoPay) {
            throw new AssertionError("not used");
        }

        @Override
        public Job getJob(String jobId) {
            throw new AssertionError("not used");
        }

        @Override
        public ServerInfo getServer(String serverId) throws ApiException {
            throw new ApiException(ApiException.Kind.NOT_FOUND, "no such server", null);
        }

        @Override
        public Order getOrder(String orderId) {
            throw new AssertionError("not used");
        }

        @Override
        public String projectId() {
            return "p1";
        }

        @Override
        public String region() {
            return "cn-north-4";
        }
    }

    private final ScriptedApi api = new ScriptedApi();
    private final Session session = new Session();
    private VolumesViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new VolumesViewModel(session, new FxTaskExecutor(Executors.newCachedThreadPool()),
                Executors.newFixedThreadPool(2));
        ControllerFactory controllers = new ControllerFactory()
                .register(VolumesController.class, () -> new VolumesController(vm, null,
                        new LayoutMemory(new SettingsStore(settingsFile(), java.time.Clock.systemUTC()), Runnable::run)));
        stage.setScene(new Scene(new Fxml(controllers).load("volumes.fxml").root(), 1000, 600));
        stage.show();
    }

    private static java.nio.file.Path settingsFile() {
        try {
            return java.nio.file.Files.createTempDirectory("expanse-states").resolve("settings.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void connect(FxRobot robot) {
        robot.interact(() -> session.connected(new EvsAccount("Test", false, "cn-north-4", "p1", api, null)));
    }

    private static boolean labelShown(FxRobot robot, String prefix) {
        return robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText() != null && l.getText().startsWith(prefix));
    }

    @Test
    void anEmptyProjectSaysSo(FxRobot robot) {
        api.answers.add(List.of());
        connect(robot);
        waitUntil("empty state", 10, () -> vm.stateProperty().get() == VolumesViewModel.LoadState.EMPTY);
        assertTrue(labelShown(robot, "No volumes in this project and region."));
        assertEquals("Test · cn-north-4 · project p1 · 0 volumes · 0 in use", vm.statusLineProperty().get());
    }

    @Test
    void aFailedLoadShowsTheOperatorMessageAndRetryRecovers(FxRobot robot) {
        ApiException skew = new ApiException(ApiException.Kind.CLOCK_SKEW, 401, "APIGW.0301", "signature expired",
                "req-1", "Your computer's clock is 23 minutes ahead of the server's.", Duration.ofMinutes(23), null);
        api.answers.add(skew);
        api.answers.add(List.of());
        connect(robot);
        waitUntil("error state", 10, () -> vm.stateProperty().get() == VolumesViewModel.LoadState.ERROR);
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        assertTrue(robot.lookup("#errorBanner").query().isVisible());
        assertEquals("Your computer's clock is 23 minutes ahead of the server's.", error.getText(),
                "the sentence leads, without the codes");
        // The codes are in the details, shown on demand and copied as they are.
        assertFalse(robot.lookup("#errorDetailsText").query().isVisible());
        robot.clickOn("#errorDetailsToggle");
        javafx.scene.control.TextField details = robot.lookup("#errorDetailsText").queryAs(
                javafx.scene.control.TextField.class);
        assertTrue(details.isVisible());
        assertEquals("APIGW.0301, HTTP 401, request req-1", details.getText());
        robot.clickOn("#errorDetailsCopy");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("APIGW.0301, HTTP 401, request req-1", clip[0]);

        robot.clickOn("#retryButton");
        waitUntil("recovered", 10, () -> vm.stateProperty().get() == VolumesViewModel.LoadState.EMPTY);
        assertTrue(!robot.lookup("#errorBanner").query().isVisible());
    }
}
