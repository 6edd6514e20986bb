package io.expanse.ui;

import static io.expanse.ui.UiHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SessionSecretStore;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.task.FxTaskExecutor;
import io.expanse.ui.profiles.ProfilesModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The profile editor, headless: connection tests against the sandbox and a scripted gateway, keyring fallback. */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorUiTest {

    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String SK = "EditorSecretKey0123456789abcdefGHIJKLMNO";

    private SandboxServer sandbox;
    private MockWebServer scripted;
    private ExecutorService pool;
    private OkHttpClient http;
    private Path home;
    private SettingsStore settings;
    private ProfileRepository repository;
    private final AtomicReference<Profile> saved = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(SandboxCloud.standard(Clock.systemUTC()));
        scripted = new MockWebServer();
        scripted.start();
        pool = Executors.newCachedThreadPool();
        http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).build();
        home = Files.createTempDirectory("expanse-profiles-ui");
        settings = new SettingsStore(home.resolve("settings.json"), Clock.systemUTC());
        repository = new ProfileRepository(settings, new SessionSecretStore(),
                new SdkProfiles.Discovery(List.of(), List.of()));
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
        scripted.close();
        pool.shutdownNow();
        http.connectionPool().evictAll();
    }

    private void open(FxRobot robot, String keyringNotice) {
        ProfilesModule module = new ProfilesModule(new Fxml(new ControllerFactory()), repository,
                new ConnectionTester(http, pool, Clock.systemUTC()), new FxTaskExecutor(pool), keyringNotice);
        robot.interact(() -> module.openEditor(null, null, saved::set));
        waitUntil("editor open", 10, () -> robot.lookup("#testButton").tryQuery().isPresent());
    }

    private static void set(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private void fillHuawei(FxRobot robot, String endpoint, String ak, String sk) {
        fillHuawei(robot, endpoint, ak, sk, false);
    }

    /** With {@code typeSecret} the secret is typed key by key into the password field (slow, so only once). */
    private void fillHuawei(FxRobot robot, String endpoint, String ak, String sk, boolean typeSecret) {
        set(robot, "#labelField", "Editor test");
        set(robot, "#regionField", "cn-north-4");
        set(robot, "#accessKeyField", ak);
        if (typeSecret) {
            robot.clickOn("#secretKeyField").write(sk);
        } else {
            set(robot, "#secretKeyField", sk);
        }
        set(robot, "#endpointField", endpoint);
    }

    private static String testResult(FxRobot robot) {
        String t = robot.lookup("#testResultLabel").queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    private static String awaitResult(FxRobot robot) {
        robot.clickOn("#testButton");
        waitUntil("test result", 20, () -> !robot.lookup("#testButton").queryAs(Button.class).isDisabled()
                && !testResult(robot).isEmpty() && !testResult(robot).startsWith("Testing"));
        return testResult(robot);
    }

    @Test
    void aSandboxConnectionSucceedsShowsTheProjectAndSavesWithoutTheSecret(FxRobot robot) throws Exception {
        open(robot, null);
        assertFalse(robot.lookup("#keyringBox").query().isVisible());
        assertTrue(robot.lookup("#saveButton").queryAs(Button.class).isDisabled(), "empty profile saved");
        fillHuawei(robot, sandbox.baseUri().toString(), sandbox.credentials().accessKey(),
                sandbox.credentials().secretKey(), true);
        String result = awaitResult(robot);
        assertTrue(result.startsWith("Connected to region cn-north-4, project " + sandbox.projectId()), result);
        assertTrue(robot.lookup("#testResultLabel").queryAs(Label.class).getStyleClass().contains("success"));

        assertFalse(robot.lookup("#saveButton").queryAs(Button.class).isDisabled(),
                robot.lookup("#problemsLabel").queryAs(Label.class).getText());
        robot.clickOn("#saveButton");
        waitUntil("saved", 5, () -> saved.get() != null);
        Profile p = saved.get();
        assertEquals("Editor test", p.label());
        assertEquals(sandbox.baseUri().toString(), p.endpoints().get("all"));
        assertEquals(sandbox.credentials().secretKey(), repository.huaweiCredentials(p).orElseThrow().secretKey());
        String file = Files.readString(settings.file());
        assertTrue(file.contains("Editor test"));
        assertFalse(file.contains(sandbox.credentials().secretKey()), "secret in the settings file");
    }

    @Test
    void aSignatureRejectedByAServerTwentyMinutesBehindExplainsTheClock(FxRobot robot) {
        scripted.enqueue(new MockResponse.Builder().code(401)
                .addHeader("Date", HTTP_DATE.format(Instant.now().minus(Duration.ofMinutes(20))))
                .addHeader("Content-Type", "application/json")
                .body("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                        + "verify aksk signature fail\",\"request_id\":\"5f3c\"}").build());
        open(robot, null);
        fillHuawei(robot, scripted.url("/").toString(), "HPUAEXAMPLEAK0000001", SK);
        String result = awaitResult(robot);
        assertTrue(result.contains("clock is 20 minutes ahead"), result);
        assertTrue(result.contains("Correct the system time"), result);
        assertTrue(robot.lookup("#testResultLabel").queryAs(Label.class).getStyleClass().contains("danger"));
    }

    @Test
    void aBadKeyIsExplainedInPlainWords(FxRobot robot) {
        scripted.enqueue(new MockResponse.Builder().code(401)
                .addHeader("Date", HTTP_DATE.format(Instant.now()))
                .addHeader("Content-Type", "application/json")
                .body("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                        + "Get secretKey failed\",\"request_id\":\"77aa\"}").build());
        open(robot, null);
        fillHuawei(robot, scripted.url("/").toString(), "HPUAEXAMPLEAK0000001", SK);
        String result = awaitResult(robot);
        assertTrue(result.startsWith("The access key or secret key is wrong"), result);
        assertFalse(result.contains(SK));
    }

    @Test
    void withoutAKeyringSecretsAreKeptForThisRunOnlyAfterTheOperatorAgrees(FxRobot robot) {
        open(robot, "No keyring is available on this system (test). Secrets can be kept for this run only.");
        assertTrue(robot.lookup("#keyringBox").query().isVisible());
        assertTrue(robot.lookup("#keyringNoticeLabel").queryAs(Label.class).getText().contains("No keyring"));
        fillHuawei(robot, sandbox.baseUri().toString(), sandbox.credentials().accessKey(),
                sandbox.credentials().secretKey());
        Button save = robot.lookup("#saveButton").queryAs(Button.class);
        assertTrue(save.isDisabled());
        assertTrue(robot.lookup("#problemsLabel").queryAs(Label.class).getText().contains("this run only"));
        robot.clickOn("#keepForRunCheck");
        assertTrue(robot.lookup("#keepForRunCheck").queryAs(CheckBox.class).isSelected());
        assertFalse(save.isDisabled());
        robot.clickOn(save);
        waitUntil("saved", 5, () -> saved.get() != null);
        assertNotNull(repository.huaweiCredentials(saved.get()).orElse(null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUniCloudProfileIsTestedWithASignedCallAndAWrongSecretIsExplained(FxRobot robot) {
        try (UniCloudSandbox uc = UniCloudSandbox.start()) {
            open(robot, null);
            ComboBox<Profile.Kind> kind = robot.lookup("#kindChoice").queryAs(ComboBox.class);
            robot.interact(() -> kind.setValue(Profile.Kind.UNICLOUD));
            assertFalse(robot.lookup("#projectField").query().isVisible(), "Huawei-only field shown for UniCloud");
            assertEquals("AccessKeyId", robot.lookup("#accessKeyLabel").queryAs(Label.class).getText());
            set(robot, "#regionField", uc.region());
            set(robot, "#accessKeyField", uc.credentials().accessKeyId());
            set(robot, "#endpointField", uc.baseUri().toString());
            set(robot, "#secretKeyField", "not-the-secret");
            String wrong = awaitResult(robot);
            assertTrue(wrong.contains("AccessKey secret is wrong"), wrong);
            assertTrue(robot.lookup("#testResultLabel").queryAs(Label.class).getStyleClass().contains("danger"));

            set(robot, "#secretKeyField", uc.credentials().accessKeySecret());
            String ok = awaitResult(robot);
            assertTrue(ok.startsWith("Connected to UniCloud " + uc.region()), ok);
            assertTrue(robot.lookup("#testResultLabel").queryAs(Label.class).getStyleClass().contains("success"));
        }
    }

    /** The label shows all of its text: as tall as its wrapped text needs, and inside the window. */
    private static void assertWhole(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        assertTrue(l.isWrapText(), id + " does not wrap");
        double needed = l.prefHeight(l.getWidth());
        assertTrue(l.getHeight() + 0.5 >= needed, id + " is cut: " + l.getHeight() + " < " + needed);
        javafx.geometry.Bounds b = l.localToScene(l.getBoundsInLocal());
        assertTrue(b.getMaxY() <= l.getScene().getHeight() + 0.5, id + " runs below the window: " + b.getMaxY()
                + " > " + l.getScene().getHeight());
        assertTrue(b.getMaxX() <= l.getScene().getWidth() + 0.5, id + " runs off the window");
    }

    @Test
    void longMessagesWrapAndTheWindowGrowsForThem(FxRobot robot) {
        String notice = "No keyring is available on this system (no keyring service is running). Secrets can be"
                + " kept for this run only: you will have to enter them again after Expanse restarts. ".repeat(3);
        open(robot, notice.strip());
        javafx.stage.Stage stage = (javafx.stage.Stage) robot.lookup("#testButton").query().getScene().getWindow();
        assertTrue(stage.isResizable(), "the editor cannot grow");
        // The operator made the window short; a new message makes it as tall as the form needs again.
        robot.interact(() -> stage.setHeight(420));
        waitUntil("window made short", 10, () -> stage.getHeight() <= 421);
        // A host name that cannot be resolved: the DNS failure is a long sentence with the host in it.
        fillHuawei(robot, "https://a-rather-long-host-name-that-does-not-exist.in-a-private-region"
                + ".expanse-test.invalid/", "HPUAEXAMPLEAK0000001",
                SK);
        robot.clickOn("#keepForRunCheck");
        String result = awaitResult(robot);
        assertTrue(result.contains("name could not be found"), result);
        waitUntil("window grown", 10, () -> stage.getHeight() > 520);
        robot.interact(() -> { });
        assertWhole(robot, "#keyringNoticeLabel");
        assertWhole(robot, "#testResultLabel");
        assertWhole(robot, "#problemsLabel");
    }
}
