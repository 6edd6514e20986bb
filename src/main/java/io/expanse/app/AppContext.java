package io.expanse.app;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.logging.HttpLogging;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.settings.AppDirs;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.DeferredSecretStore;
import io.expanse.settings.HuaweiAccount;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SecretStores;
import io.expanse.settings.SessionSecretStore;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.activity.ActivityController;
import io.expanse.ui.activity.ActivityViewModel;
import io.expanse.ui.common.Background;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.FxTaskExecutor;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.main.AccountSwitcher;
import io.expanse.ui.main.MainController;
import io.expanse.ui.packs.NasModule;
import io.expanse.ui.profiles.LayoutMemory;
import io.expanse.ui.profiles.ProfilesModule;
import io.expanse.ui.resize.ResizeDialogs;
import io.expanse.ui.volumes.VolumesController;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.Connection;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeTracker;
import io.expanse.work.nas.NasUpgradeTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Options options;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService io = Executors.newCachedThreadPool(daemon("expanse-io"));
    private final ExecutorService lookups = Executors.newFixedThreadPool(6, daemon("expanse-lookup"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("expanse-follow"));
    private final ExecutorService settingsWriter = Executors.newSingleThreadExecutor(daemon("expanse-settings"));
    private final OkHttpClient http;
    private final ActivityJournal journal;
    private final ResizePolicy policy = new ResizePolicy();
    private final Session session = new Session();
    private final Background background = new Background(io);
    private final TaskExecutor tasks = new FxTaskExecutor(io);
    private final ControllerFactory controllers = new ControllerFactory();
    private final Fxml fxml = new Fxml(controllers);
    private final SecretStores.Choice secrets;
    private final SettingsStore settingsStore;
    private final ProfileRepository profiles;
    private final ProfilesModule profilesModule;
    private final LayoutMemory layout;
    private final AccountSwitcher switcher;
    private final VolumesViewModel volumesViewModel;
    private final ActivityViewModel activityViewModel;
    private final NasModule nas;
    private SandboxServer sandbox;

    /**
     * Start-up choices.
     *
     * @param forceSandbox    start on the sandbox even when an account is configured
     * @param sandboxTimings  how fast the simulated cloud works
     * @param pollSchedule    how jobs and orders are followed
     * @param nasPaidAfter    how long the UniCloud sandbox takes to mark an order paid
     * @param useKeyring      probe the OS keyring for secrets; false keeps them for this run only (tests)
     */
    public record Options(boolean forceSandbox, SandboxTimings sandboxTimings, PollSchedule pollSchedule,
                          Duration nasPaidAfter, boolean useKeyring) {
        public static Options standard(boolean forceSandbox) {
            return new Options(forceSandbox, SandboxTimings.DEFAULT, PollSchedule.defaults(),
                    UniCloudSandbox.DEFAULT_PAID_AFTER, true);
        }
    }

    /**
     * Reads settings and the journal and may probe the keyring (up to a few seconds): call it off the FX thread,
     * e.g. from {@code Application.init()}.
     */
    public AppContext(AppDirs dirs, Map<String, String> env, Options options) throws IOException {
        this.dirs = dirs;
        this.options = options;
        Files.createDirectories(dirs.data());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(new HttpLogging())
                .build();
        // The keyring probe loads native libraries (about half a second): it runs beside the rest of start-up.
        CompletableFuture<SecretStores.Choice> secretChoice = options.useKeyring()
                ? CompletableFuture.supplyAsync(SecretStores::chooseForThisSystem, io)
                : CompletableFuture.completedFuture(new SecretStores.Choice(new SessionSecretStore(), null));
        this.settingsStore = SettingsStore.in(dirs);
        this.profiles = new ProfileRepository(settingsStore, new DeferredSecretStore(secretChoice),
                SdkProfiles.discover(env, Path.of(System.getProperty("user.home"))));
        this.layout = new LayoutMemory(settingsStore, settingsWriter);
        this.journal = new ActivityJournal(dirs.data().resolve("activity.json"));
        this.volumesViewModel = new VolumesViewModel(session, tasks, lookups);
        this.activityViewModel = new ActivityViewModel(journal, tasks);
        this.switcher = new AccountSwitcher(profiles, background, session, this::connect);
        switcher.reloadChoices(huaweiProfiles());
        rereadVolumesOnStateChanges();
        ResizeDialogs resizeDialogs = new ResizeDialogs(session, journal, policy, tasks, fxml);
        controllers.register(MainController.class, () -> new MainController(session, volumesViewModel, switcher,
                        profilesModule(), this::huaweiProfiles, this::uniCloudProfileSaved, this::deleteProfile, dirs,
                        startupNotices(), tasks))
                .register(VolumesController.class, () -> new VolumesController(volumesViewModel, resizeDialogs,
                        layout))
                .register(ActivityController.class, () -> new ActivityController(activityViewModel, tasks,
                        layout));
        this.nas = new NasModule(new NasModule.Shared(journal, background, tasks, controllers, fxml, scheduler, clock,
                http, dirs.data(), options.pollSchedule(), NasUpgradeTracker.DEFAULT_PAYMENT_GRACE),
                options.nasPaidAfter(), profiles, options.forceSandbox(),
                (owner, profile) -> profilesModule().openEditor(owner, profile, this::uniCloudProfileSaved));
        this.secrets = secretChoice.join();
        this.profilesModule = new ProfilesModule(fxml, profiles, new ConnectionTester(http, io, clock), tasks,
                secrets.notice());
    }

    /** The profile editor; made at the end of start-up, once the keyring probe has answered. */
    private ProfilesModule profilesModule() {
        return profilesModule;
    }

    /** Deletes a profile and its stored secrets off the FX thread, then refreshes the account selector. */
    private void deleteProfile(Profile profile) {
        background.run(() -> {
            profiles.delete(profile.id());
            return null;
        }, ok -> switcher.reloadChoices(huaweiProfiles()),
                error -> session.failed("Could not delete the profile " + profile.label() + ": "
                        + VolumesViewModel.describe(error)));
    }

    /** Huawei profiles, the SDK's ready-made ones included. */
    public List<Profile> huaweiProfiles() {
        return profiles.all().stream().filter(p -> p.kind() == Profile.Kind.HUAWEI).toList();
    }

    /** A saved profile reaches the packs view's selector; the UniCloud account shown is reopened when it was edited. */
    private void uniCloudProfileSaved(Profile saved) {
        nas.switcher().profileSaved(saved, profiles.uniCloud());
    }

    /** The NAS side: the packs view's accounts. */
    public NasModule nas() {
        return nas;
    }

    /** Where the window starts: the sandbox when forced, else the last choice, else an SDK profile, else the sandbox. */
    public AccountSwitcher.Choice initialChoice() {
        if (options.forceSandbox()) {
            return new AccountSwitcher.Choice(null);
        }
        return profiles.lastSelected().filter(p -> p.kind() == Profile.Kind.HUAWEI)
                .or(() -> huaweiProfiles().stream().filter(p -> p.source() != Profile.Source.SETTINGS).findFirst())
                .map(AccountSwitcher.Choice::new)
                .orElse(new AccountSwitcher.Choice(null));
    }

    /** Problems found while reading files at start, for the notice bar. */
    private List<String> startupNotices() {
        List<String> notices = new ArrayList<>();
        settingsStore.loadProblem().ifPresent(notices::add);
        journal.loadProblem().ifPresent(notices::add);
        notices.addAll(profiles.sdkProblems());
        if (secrets.notice() != null) {
            notices.add(secrets.notice());
        }
        return notices;
    }

    /** When an expansion changes state, its volume's row is read again so the table shows the new status and size. */
    private void rereadVolumesOnStateChanges() {
        Map<String, ActivityState> lastSeen = new ConcurrentHashMap<>();
        journal.addListener(a -> {
            ActivityState before = lastSeen.put(a.id(), a.state());
            if (Activity.KIND_EVS_RESIZE.equals(a.kind()) && before != a.state()
                    && a.state() != ActivityState.SUBMITTING) {
                Background.onFx(() -> volumesViewModel.reread(a.resourceId()));
            }
        });
    }

    /**
     * Connects to a Huawei profile, or to the sandbox for null, and starts a tracker that resumes what was left
     * unfinished for that project. Blocks on the network: call it in the background.
     */
    public AccountSwitcher.Connected connect(Profile profile) throws Exception {
        Connection c = profile == null ? sandboxConnection() : profileConnection(profile);
        ResizeTracker tracker = new ResizeTracker(c.api(), journal, scheduler, clock, options.pollSchedule());
        tracker.resumeUnfinished();
        return new AccountSwitcher.Connected(c, tracker);
    }

    private Connection profileConnection(Profile profile) throws ApiException {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new ApiException(ApiException.Kind.REJECTED, "The profile " + profile.label()
                    + " is incomplete: " + String.join("; ", problems) + ". Edit the profile to fix it.", null);
        }
        Credentials credentials = profiles.huaweiCredentials(profile).orElseThrow(() -> new ApiException(
                ApiException.Kind.AUTHENTICATION, "No secret key is stored for " + profile.label()
                + " (it may have been kept for one run only). Edit the profile and enter it again.", null));
        HuaweiAccount a = HuaweiAccount.of(profile, credentials);
        String projectId = a.projectId() != null ? a.projectId()
                : builder(a.endpoints(), a.credentials(), a.region()).lookupProjectId(a.region());
        EvsApi api = builder(a.endpoints(), a.credentials(), a.region()).projectId(projectId)
                .enterpriseProject(profile.enterpriseProjectId()).build();
        return new Connection(profile.label(), false, a.region(), projectId, api);
    }

    /**
     * The sandbox, started once per run. It forgets its simulated cloud on exit, so resizes a previous run left
     * unfinished on it can never finish: they are closed as cancelled, with the reason, when it starts.
     */
    private synchronized Connection sandboxConnection() {
        if (sandbox == null) {
            sandbox = SandboxServer.start(new SandboxCloud(SandboxSeed.standard(), clock, options.sandboxTimings()));
            LOG.info("Sandbox started on {}", sandbox.baseUri());
            for (Activity a : journal.unfinished()) {
                if (Activity.KIND_EVS_RESIZE.equals(a.kind()) && SANDBOX_LABEL.equals(a.account())) {
                    journal.record(a.withState(ActivityState.CANCELLED, "The sandbox was restarted; its simulated "
                            + "jobs and orders from the previous run no longer exist.", clock.instant()));
                }
            }
        }
        EvsApi api = builder(sandbox.endpoints(), sandbox.credentials(), sandbox.region())
                .projectId(sandbox.projectId()).build();
        return new Connection(SANDBOX_LABEL, true, sandbox.region(), sandbox.projectId(), api);
    }

    /** The account name of the sandbox in the status line and in the journal. */
    public static final String SANDBOX_LABEL = "Sandbox";

    private HuaweiClient.Builder builder(HuaweiEndpoints endpoints, Credentials credentials, String region) {
        return HuaweiClient.builder().http(http).endpoints(endpoints).credentials(credentials).region(region)
                .clock(clock).pageExecutor(io);
    }

    public Session session() {
        return session;
    }

    public AccountSwitcher switcher() {
        return switcher;
    }

    public Fxml fxml() {
        return fxml;
    }

    public Background background() {
        return background;
    }

    /** Runs blocking work off the FX thread and its continuations on it. */
    public TaskExecutor tasks() {
        return tasks;
    }

    public ActivityJournal journal() {
        return journal;
    }

    public VolumesViewModel volumes() {
        return volumesViewModel;
    }

    public ProfileRepository profiles() {
        return profiles;
    }

    public LayoutMemory layout() {
        return layout;
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
        // Let the last layout write (made when the window closed) reach the disk.
        settingsWriter.shutdown();
        try {
            settingsWriter.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
        lookups.shutdownNow();
        io.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        synchronized (this) {
            if (sandbox != null) {
                sandbox.close();
            }
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
