package io.expanse.app;

import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.ui.packs.NasModule;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.settings.AppDirs;
import io.expanse.settings.HuaweiAccount;
import io.expanse.ui.activity.ActivityController;
import io.expanse.ui.activity.ActivityViewModel;
import io.expanse.ui.common.Background;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.Session;
import io.expanse.ui.main.MainController;
import io.expanse.ui.resize.ResizeDialogs;
import io.expanse.ui.volumes.VolumesController;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.Connection;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: creates every long-lived object once and hands each its collaborators through
 * constructors. Nothing else in the app calls {@code new} on a service.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppDirs dirs;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService io = Executors.newCachedThreadPool(daemon("expanse-io"));
    private final ExecutorService lookups = Executors.newFixedThreadPool(6, daemon("expanse-lookup"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("expanse-follow"));
    private final OkHttpClient http;
    private final ActivityJournal journal;
    private final ResizePolicy policy = new ResizePolicy();
    private final Session session = new Session();
    private final Background background = new Background(io);
    private final ControllerFactory controllers = new ControllerFactory();
    private final Fxml fxml = new Fxml(controllers);
    private final VolumesViewModel volumesViewModel;
    private final ActivityViewModel activityViewModel;
    private final Optional<HuaweiAccount> account;
    private final Options options;
    private final NasModule nas;
    private SandboxServer sandbox;

    /**
     * Start-up choices.
     *
     * @param forceSandbox    use the sandbox even when an account is configured
     * @param sandboxTimings  how fast the simulated cloud works
     * @param pollSchedule    how jobs and orders are followed
     * @param nasPaidAfter    how long the UniCloud sandbox takes to mark an order paid
     */
    public record Options(boolean forceSandbox, SandboxTimings sandboxTimings, PollSchedule pollSchedule,
                          Duration nasPaidAfter) {
        public static Options standard(boolean forceSandbox) {
            return new Options(forceSandbox, SandboxTimings.DEFAULT, PollSchedule.defaults(),
                    UniCloudSandbox.DEFAULT_PAID_AFTER);
        }
    }

    /** Does disk I/O (the journal): call it off the FX thread, e.g. from {@code Application.init()}. */
    public AppContext(AppDirs dirs, Map<String, String> env, Options options) throws IOException {
        this.dirs = dirs;
        this.options = options;
        Files.createDirectories(dirs.data());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(new io.expanse.logging.HttpLogging())
                .build();
        this.account = options.forceSandbox() ? Optional.empty() : HuaweiAccount.fromEnvironment(env);
        this.journal = new ActivityJournal(account.isPresent() ? dirs.data().resolve("activity.json")
                : freshSandboxJournal(dirs));
        this.volumesViewModel = new VolumesViewModel(session, background, lookups);
        this.activityViewModel = new ActivityViewModel(journal);
        rereadVolumesOnStateChanges();
        ResizeDialogs resizeDialogs = new ResizeDialogs(session, journal, policy, background, fxml);
        controllers.register(MainController.class, () -> new MainController(session, volumesViewModel))
                .register(VolumesController.class, () -> new VolumesController(volumesViewModel, resizeDialogs))
                .register(ActivityController.class, () -> new ActivityController(activityViewModel));
        // UniCloud has no account configuration yet: the NAS view always runs on its sandbox, and says so.
        this.nas = NasModule.forSandbox(new NasModule.Shared(journal, background, controllers, fxml, scheduler, clock,
                http, dirs.data(), options.pollSchedule(), NasUpgradeTracker.DEFAULT_PAYMENT_GRACE),
                options.nasPaidAfter());
    }

    /**
     * The sandbox starts from the same simulated cloud on every run, so its activity from an earlier run would
     * describe disks that no longer look that way (and jobs it no longer knows). That history is kept beside the
     * new one as {@code activity-sandbox.previous.json}, never mixed with a real account's journal.
     */
    private static java.nio.file.Path freshSandboxJournal(AppDirs dirs) throws IOException {
        java.nio.file.Path file = dirs.data().resolve("activity-sandbox.json");
        if (Files.exists(file)) {
            Files.move(file, dirs.data().resolve("activity-sandbox.previous.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** When an expansion changes state, its volume's row is read again so the table shows the new status and size. */
    private void rereadVolumesOnStateChanges() {
        Map<String, ActivityState> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
        journal.addListener(a -> {
            ActivityState before = lastSeen.put(a.id(), a.state());
            if (Activity.KIND_EVS_RESIZE.equals(a.kind()) && before != a.state()
                    && a.state() != ActivityState.SUBMITTING) {
                Background.onFx(() -> volumesViewModel.reread(a.resourceId()));
            }
        });
    }

    /**
     * Connects to the configured account, or starts the sandbox when there is none. Blocks on the network:
     * call it in the background.
     */
    public Connection connect() throws Exception {
        if (account.isPresent()) {
            HuaweiAccount a = account.get();
            String projectId = a.projectId() != null ? a.projectId()
                    : builder(a.endpoints(), a.credentials(), a.region()).lookupProjectId(a.region());
            EvsApi api = builder(a.endpoints(), a.credentials(), a.region()).projectId(projectId).build();
            return new Connection(a.label(), false, a.region(), projectId, api);
        }
        sandbox = SandboxServer.start(new SandboxCloud(SandboxSeed.standard(), clock, options.sandboxTimings()));
        LOG.info("No account configured: sandbox started on {}", sandbox.baseUri());
        EvsApi api = builder(sandbox.endpoints(), sandbox.credentials(), sandbox.region())
                .projectId(sandbox.projectId()).build();
        return new Connection("Sandbox", true, sandbox.region(), sandbox.projectId(), api);
    }

    private HuaweiClient.Builder builder(HuaweiEndpoints endpoints, Credentials credentials, String region) {
        return HuaweiClient.builder().http(http).endpoints(endpoints).credentials(credentials).region(region)
                .clock(clock).pageExecutor(io);
    }

    /** A tracker for a connection, resuming what an earlier run left unfinished for the same project. */
    public ResizeTracker trackerFor(Connection connection) {
        ResizeTracker tracker = new ResizeTracker(connection.api(), journal, scheduler, clock, options.pollSchedule());
        tracker.resumeUnfinished();
        return tracker;
    }

    public Session session() {
        return session;
    }

    public Fxml fxml() {
        return fxml;
    }

    public Background background() {
        return background;
    }

    public ActivityJournal journal() {
        return journal;
    }

    public VolumesViewModel volumes() {
        return volumesViewModel;
    }

    public AppDirs dirs() {
        return dirs;
    }

    @Override
    public void close() {
        if (session.tracker() != null) {
            session.tracker().shutdown();
        }
        nas.close();
        scheduler.shutdownNow();
        lookups.shutdownNow();
        io.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
