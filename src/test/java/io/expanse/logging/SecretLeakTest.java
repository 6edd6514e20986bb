package io.expanse.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.Volume;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SessionSecretStore;
import io.expanse.settings.SettingsStore;
import io.expanse.work.Activity;
import io.expanse.work.ActivityCsv;
import io.expanse.work.ActivityJournal;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeRequest;
import io.expanse.work.ResizeTracker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Sends requests signed with known secrets through the whole stack (profile and secret store, HTTP client with
 * logging at TRACE, the real logback.xml writing to a temporary log directory, journal, tracker, CSV export, a
 * failing call and a careless log line), then reads every file on disk: none contains the secret key or token.
 */
class SecretLeakTest {

    static final String AK = "HPUALEAKTESTAK000001";
    static final String SK = "LeakTestSecretKey0123456789abcdefGHIJKLM";
    static final String TOKEN = "LeakTestSecurityToken-9f8e7d6c5b4a-token";

    @TempDir
    Path home;

    private LoggerContext logging;

    @BeforeEach
    void logToFilesAtTrace() throws Exception {
        System.setProperty(LogDirDefiner.PROPERTY, home.resolve("logs").toString());
        System.setProperty("expanse.httpLog", "TRACE");
        logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(SecretLeakTest.class.getResource("/logback.xml"));
        logging.getLogger("io.expanse").setLevel(Level.TRACE);
    }

    @AfterEach
    void restoreLogging() throws Exception {
        System.clearProperty(LogDirDefiner.PROPERTY);
        System.clearProperty("expanse.httpLog");
        logging.reset();
        new ContextInitializer(logging).autoConfig();
    }

    @Test
    void noSecretReachesAnyFile() throws Exception {
        SandboxTimings fast = new SandboxTimings(Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new HttpLogging()).build();
        try (SandboxServer sandbox = SandboxServer.start(new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(),
                fast), 0, new Credentials(AK, SK, TOKEN))) {
            SettingsStore settings = new SettingsStore(home.resolve("config/settings.json"), Clock.systemUTC());
            ProfileRepository profiles = new ProfileRepository(settings, new SessionSecretStore(),
                    new SdkProfiles.Discovery(List.of(), List.of()));
            Profile profile = new Profile("leak", "Leak test", Profile.Kind.HUAWEI, Profile.Source.SETTINGS,
                    sandbox.region(), null, null, null, AK, true, Map.of("all", sandbox.baseUri().toString()));
            profiles.save(profile, SK, TOKEN);
            profiles.select("leak");

            ConnectionTester tester = new ConnectionTester(http, pool, Clock.systemUTC());
            assertTrue(tester.testHuawei(profile, profiles.huaweiCredentials(profile).orElseThrow()).ok());
            ConnectionTester.Result wrong = tester.testHuawei(profile, new Credentials(AK, SK, TOKEN + "x"));
            assertFalse(wrong.ok());
            assertFalse(wrong.message().contains(TOKEN), wrong.message());

            HuaweiClient.Builder builder = HuaweiClient.builder().http(http).endpoints(profile.huaweiEndpoints())
                    .credentials(profiles.huaweiCredentials(profile).orElseThrow()).region(profile.region())
                    .pageExecutor(pool);
            HuaweiClient client = builder.projectId(builder.lookupProjectId(profile.region())).build();
            Volume volume = client.listVolumes().stream().filter(v -> "data-01".equals(v.name())).findFirst()
                    .orElseThrow();
            try {
                client.getVolume("no-such-volume");
            } catch (ApiException e) {
                LoggerFactory.getLogger(SecretLeakTest.class).warn("Expected failure", e);
            }

            ActivityJournal journal = new ActivityJournal(home.resolve("data/activity.json"));
            ResizeTracker tracker = new ResizeTracker(client, journal, scheduler, Clock.systemUTC(),
                    new PollSchedule(Duration.ofMillis(100), 1.5, Duration.ofMillis(400), Duration.ofMinutes(1),
                            Duration.ofMillis(500), 20, 4, Duration.ofMillis(100)));
            Activity started = tracker.submit(new ResizeRequest(volume.id(), volume.name(), volume.sizeGb(),
                    volume.sizeGb() + 10, false, null, null, profile.label(), client.region(), client.projectId()));
            long deadline = System.currentTimeMillis() + 20_000;
            while (!journal.find(started.id()).orElseThrow().finished() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(journal.find(started.id()).orElseThrow().finished());
            ActivityCsv.export(journal.recent(), home.resolve("data/export.csv"));

            // A careless line and exception: the logging pipeline itself must mask them.
            LoggerFactory.getLogger("io.expanse.careless").error("Signing with sk={} token {}", SK, TOKEN,
                    new IllegalStateException("secret " + SK + " / X-Security-Token: " + TOKEN));
        } finally {
            scheduler.shutdownNow();
            pool.shutdownNow();
            http.connectionPool().evictAll();
            logging.stop();
        }

        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(home)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("expanse.log")), files.toString());
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("settings.json")), files.toString());
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("activity.json")), files.toString());
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(SK), "secret key in " + f);
            assertFalse(text.contains(TOKEN), "security token in " + f);
            if (!f.getFileName().toString().startsWith("settings.json")) {
                // The AK is an identifier kept in the profile; everywhere else it is shortened to 4 characters.
                assertFalse(text.contains(AK), "full access key in " + f);
            }
        }
        String log = Files.readString(home.resolve("logs/expanse.log"));
        assertTrue(log.contains("GET http://127.0.0.1"), "HTTP calls are logged");
        assertTrue(log.contains("POST http://127.0.0.1"), "the resize is logged");
        assertTrue(log.contains("X-Security-Token: ****"), "headers are logged at TRACE, masked");
        assertTrue(log.contains("Authorization: ****"), "headers are logged at TRACE, masked");
        assertTrue(log.contains("Signing with sk=****"), "a careless line is masked");
        assertEquals(1, count(log, "IllegalStateException: secret ****"), "the exception message is masked");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
