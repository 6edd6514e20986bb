package io.expanse.app;

import io.expanse.ui.main.Appearance;
import io.expanse.domain.nas.UpgradePolicy;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.logging.HttpLogging;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.files.AppDirs;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.DeferredSecretStore;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SecretStores;
import io.expanse.settings.SessionSecretStore;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.activity.ActivityAction;
import io.expanse.ui.activity.ActivityController;
import io.expanse.ui.guide.GuideWindows;
import io.expanse.ui.activity.ActivityViewModel;
import io.expanse.ui.batch.BatchDialogs;
import io.expanse.ui.billing.OrderActions;
import io.expanse.ui.billing.OrderRowActions;
import io.expanse.ui.common.AccountSelector;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.FxTaskExecutor;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.main.MainController;
import io.expanse.ui.packs.PacksController;
import io.expanse.ui.packs.PacksViewModel;
import io.expanse.ui.packs.UpgradeDialogs;
import io.expanse.ui.profiles.LayoutMemory;
import io.expanse.ui.profiles.ProfilesModule;
import io.expanse.ui.resize.ResizeDialogs;
import io.expanse.ui.volumes.VolumesController;
import io.expanse.ui.volumes.UsageColumnModel;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.accounts.AccountOpener;
import io.expanse.work.accounts.AccountProfiles;
import io.expanse.work.accounts.EvsAccount;
import io.expanse.work.accounts.NasAccount;
import io.expanse.work.nas.NasUpgradeTracker;
import java.io.IOException;
import java.nio.file.Files;
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

/**
 * The composition root: creates every long-lived object once and hands each its collaborators through
 * constructors. Its only code besides that gathers the start-up notices and has a volume re-read when its
 * expansion changes state. Short-lived objects are made where they are needed:
 * {@link AccountOpener} builds each opened account's client and tracker, the dialog openers
 * ({@code ResizeDialogs}, {@code UpgradeDialogs}, {@code ProfilesModule}) build a view model per dialog, and the
 * controllers are made by the factories registered here.
 */
public final class AppContext implements AutoCloseable {

    private final Clock clock = Clock.systemUTC();
    private final ExecutorService io = Executors.newCachedThreadPool(daemon("expanse-io"));
    private final ExecutorService lookups = Executors.newFixedThreadPool(6, daemon("expanse-lookup"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("expanse-follow"));
    private final ExecutorService settingsWriter = Executors.newSingleThreadExecutor(daemon("expanse-settings"));
    private final OkHttpClient http;
    private final ActivityJournal journal;
    private final ResizePolicy policy = new ResizePolicy();
    private final Session session = new Session();
    private final TaskExecutor tasks = new FxTaskExecutor(io);
    private final ControllerFactory controllers = new ControllerFactory();
    private final Fxml fxml = new Fxml(controllers);
    private final SecretStores.Choice secrets;
    private final SettingsStore settingsStore;
    private final ProfileRepository profiles;
    private final ProfilesModule profilesModule;
    private final LayoutMemory layout;
    private final AccountOpener accounts;
    private final AccountSelector<EvsAccount> evsAccounts;
    private final AccountSelector<NasAccount> nasAccounts;
    private final VolumesViewModel volumesViewModel;
    private final ActivityViewModel activityViewModel;
    private final PacksViewModel packsViewModel;
    private final Appearance appearance;

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
        this(dirs, env, options, layout -> { });
    }

    /**
     * As {@link #AppContext(AppDirs, Map, Options)}, handing {@code layoutReady} the window and table memory as soon
     * as the settings are read (on this thread, before the journal and the rest): the window can be placed and
     * shown while the rest is built.
     */
    AppContext(AppDirs dirs, Map<String, String> env, Options options,
               java.util.function.Consumer<LayoutMemory> layoutReady) throws IOException {
        Files.createDirectories(dirs.data());
        // Opening the journal loads SQLite's native library and reads the database: it runs beside the HTTP client,
        // the settings and the keyring probe, which load classes and native libraries of their own.
        CompletableFuture<ActivityJournal> journalOpening = CompletableFuture.supplyAsync(
                () -> ActivityJournal.openIn(dirs.data()), io);
        // The HTTP client loads a few hundred classes (about 200 ms on a cold JVM): it is built beside the settings,
        // which the window needs first.
        CompletableFuture<OkHttpClient> httpBuilding = CompletableFuture.supplyAsync(() -> new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(new HttpLogging())
                .build(), io);
        // The keyring probe loads native libraries (about half a second): it runs beside the rest of start-up.
        CompletableFuture<SecretStores.Choice> secretChoice = options.useKeyring()
                ? CompletableFuture.supplyAsync(SecretStores::chooseForThisSystem, io)
                : CompletableFuture.completedFuture(new SecretStores.Choice(new SessionSecretStore(), null));
        this.settingsStore = SettingsStore.in(dirs);
        this.profiles = new ProfileRepository(settingsStore, new DeferredSecretStore(secretChoice),
                SdkProfiles.discover(env, dirs.home()));
        this.layout = new LayoutMemory(settingsStore, settingsWriter);
        layoutReady.accept(layout);
        this.appearance = new Appearance(settingsStore, io);
        StartupTrace.mark("context: settings, profiles");
        this.journal = joined(journalOpening);
        StartupTrace.mark("context: journal");
        this.http = joined(httpBuilding);
        StartupTrace.mark("context: http client");
        this.volumesViewModel = new VolumesViewModel(session, tasks, lookups);
        this.activityViewModel = new ActivityViewModel(journal, tasks);
        this.packsViewModel = new PacksViewModel(journal, tasks);
        this.accounts = new AccountOpener(profiles, journal,
                new AppSandboxes(clock, options.sandboxTimings(), options.nasPaidAfter()),
                new AccountOpener.Shared(http, clock, scheduler, io, options.pollSchedule(),
                        NasUpgradeTracker.DEFAULT_PAYMENT_GRACE, dirs.data()));
        this.evsAccounts = new AccountSelector<>(new AccountProfiles(profiles, Profile.Kind.HUAWEI,
                options.forceSandbox()), accounts::openEvs, tasks, session);
        this.nasAccounts = new AccountSelector<>(new AccountProfiles(profiles, Profile.Kind.UNICLOUD,
                options.forceSandbox()), accounts::openNas, tasks, AccountSelector.Listener.of(
                packsViewModel::connecting, packsViewModel::show, packsViewModel::failed));
        rereadVolumesOnStateChanges();
        wireUsage();
        new io.expanse.ui.main.ChangeNotices(journal, tasks);
        ResizeDialogs resizeDialogs = new ResizeDialogs(session, journal, policy, tasks, fxml);
        resizeDialogs.usageThreshold(volumesViewModel.usage()::threshold);
        GuideWindows guides = new GuideWindows(session, tasks, fxml);
        UpgradeDialogs upgradeDialogs = new UpgradeDialogs(packsViewModel, new UpgradePolicy(), tasks, fxml);
        controllers.register(MainController.class, () -> new MainController(session, volumesViewModel, evsAccounts,
                        profilesModule(), nasAccounts::profileSaved, dirs, startupNotices(),
                        keyringNotice(), tasks, fxml,
                        appearance))
                .register(VolumesController.class, () -> new VolumesController(volumesViewModel, resizeDialogs,
                        layout, new BatchDialogs(session, journal, policy, tasks, fxml)))
                .register(ActivityController.class, () -> withOrderActions(new ActivityController(
                        activityViewModel, tasks, layout, List.of(new ActivityAction("tryAgainButton",
                        "activity.button.tryAgain", "activity.button.tryAgain.a11y", ResizeDialogs::canTryAgain,
                        (a, owner) -> resizeDialogs.openAgain(owner, a)),
                        new ActivityAction("guestStepsButton", "activity.button.guestSteps",
                        "activity.button.guestSteps.a11y", GuideWindows::offeredFor,
                        (a, owner) -> guides.open(owner, a))), session.flash())))
                .register(PacksController.class, () -> new PacksController(packsViewModel, upgradeDialogs,
                        nasAccounts, (owner, profile) -> profilesModule().openEditor(owner, profile,
                        nasAccounts::profileSaved)));
        StartupTrace.mark("context: wired");
        this.secrets = secretChoice.join();
        StartupTrace.mark("context: keyring");
        this.profilesModule = new ProfilesModule(fxml, profiles, new ConnectionTester(http, io, clock), tasks,
                secrets.notice());
    }

    /** The activity panel with the actions on rows awaiting payment (pay, cancel, Billing Center). */
    private ActivityController withOrderActions(ActivityController controller) {
        controller.addRowActions(new OrderRowActions(new OrderActions(session, journal, tasks), tasks));
        return controller;
    }

    /** The value of a start-up step run beside the others; its failure is thrown as it was thrown there. */
    private static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The profile editor; made at the end of start-up, once the keyring probe has answered. */
    private ProfilesModule profilesModule() {
        return profilesModule;
    }

    /** The notice that no keyring is available, for the main window (which shows it only off the sandbox). */
    private io.expanse.ui.main.KeyringNotice keyringNotice() {
        return new io.expanse.ui.main.KeyringNotice(secrets.notice(), settingsStore, tasks);
    }

    /** Problems found while reading files at start, for the notice bar. */
    private List<String> startupNotices() {
        List<String> notices = new ArrayList<>();
        settingsStore.loadProblem().ifPresent(notices::add);
        journal.loadProblem().ifPresent(notices::add);
        notices.addAll(profiles.sdkProblems());
        // The keyring notice is MainController's KeyringNotice: not on the sandbox, and remembered once dismissed.
        return notices;
    }

    /** When an expansion changes state, its volume's row is read again so the table shows the new status and size. */
    private void rereadVolumesOnStateChanges() {
        Map<String, ActivityState> lastSeen = new ConcurrentHashMap<>();
        journal.addListener(a -> {
            ActivityState before = lastSeen.put(a.id(), a.state());
            if (Activity.KIND_EVS_RESIZE.equals(a.kind()) && before != a.state()
                    && a.state() != ActivityState.SUBMITTING) {
                tasks.runOnUiThread(() -> volumesViewModel.reread(a.resourceId()));
            }
        });
    }

    /**
     * Disk usage: the expansions checked for a file system that has not grown come from the journal, and those
     * found go to the activity panel; the attention threshold is remembered in the settings.
     */
    private void wireUsage() {
        var usage = volumesViewModel.usage();
        usage.useClock(clock);
        usage.expansionsFrom(journal);
        Double threshold = settingsStore.current().usageThreshold();
        if (threshold != null) {
            usage.thresholdProperty().set(Math.max(UsageColumnModel.MIN_THRESHOLD,
                    Math.min(UsageColumnModel.MAX_THRESHOLD, threshold)));
        }
        usage.thresholdProperty().addListener((o, a, b) -> settingsWriter.execute(
                () -> settingsStore.update(s -> s.withUsageThreshold(b.doubleValue()))));
        usage.notGrownActivitiesProperty().addListener((o, a, b) -> activityViewModel.fileSystemNotGrown(b));
        // An hour after an expansion succeeded usage is read again, to tell whether its file system grew.
        usage.rereadWith((delay, task) -> scheduler.schedule(() -> io.execute(task), delay.toMillis(),
                TimeUnit.MILLISECONDS));
        java.util.Set<String> succeeded = ConcurrentHashMap.newKeySet();
        journal.addListener(a -> {
            if (Activity.KIND_EVS_RESIZE.equals(a.kind()) && a.state() == ActivityState.SUCCEEDED
                    && succeeded.add(a.id())) {
                usage.expansionSucceeded();
            }
        });
    }

    public Session session() {
        return session;
    }

    /** The EVS tab's accounts: the Huawei sandbox and profiles. */
    public AccountSelector<EvsAccount> evsAccounts() {
        return evsAccounts;
    }

    /** The packs tab's accounts: the UniCloud sandbox and profiles. */
    public AccountSelector<NasAccount> nasAccounts() {
        return nasAccounts;
    }

    public Fxml fxml() {
        return fxml;
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

    /** The language and theme (View menu). */
    public Appearance appearance() {
        return appearance;
    }

    @Override
    public void close() {
        evsAccounts.close();
        nasAccounts.close();
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
        accounts.close();
        journal.close();
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
