package io.expanse.work.accounts;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.DiskUsageApi;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import io.expanse.cloud.unicloud.NasApi;
import io.expanse.cloud.unicloud.UniCloudClient;
import io.expanse.cloud.unicloud.UniCloudCredentials;
import io.expanse.cloud.unicloud.UniCloudEndpoints;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeTracker;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.PackInventory;
import io.expanse.work.usage.DimensionCacheFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens accounts of both clouds: a profile (checked, its secret from the {@link ProfileRepository}) or, for a null
 * profile, the built-in sandbox of that cloud, started once per run. An opened account has its client and a
 * tracker that has resumed what the journal holds unfinished for it. Opening blocks on the network (the IAM
 * project lookup of a Huawei profile without a project id) and on disk (inventories, the journal): call it in the
 * background. Closing the opener stops the sandboxes; the accounts it opened are their holders' to close.
 */
public final class AccountOpener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountOpener.class);

    /** The account name of both sandboxes in the status line, the journal and the inventory file name. */
    public static final String SANDBOX_LABEL = "Sandbox";

    /**
     * An account's label as the operator reads it: the sandbox's in the language in use ({@link #SANDBOX_LABEL}
     * itself stays what the history and the files name it by), any other as it was given.
     */
    public static String shownLabel(String label) {
        return SANDBOX_LABEL.equals(label) ? Texts.get("accounts.sandbox.shown") : label;
    }

    /**
     * Cloud Eye calls in flight at once for one account. The first usage read asks every attached server for its
     * agent's mount points and disks (two GETs a server, cached afterwards): 1,250 servers are 2,500 calls, about
     * 8 s at 100 ms a call with 32 in flight (16 would double it). Cloud Eye documents no limit for these GETs; the
     * metric reads stay few (a few dozen calls for 10,000 disks, well under 500 a minute), and a 429 is waited out.
     */
    public static final int USAGE_CONCURRENCY = 32;

    /** Why a change a previous run left unfinished on a sandbox was closed. */
    public static String sandboxRestarted() {
        return Texts.get("accounts.sandboxRestarted");
    }

    /**
     * The app's shared objects that opened accounts use.
     *
     * @param pageExecutor where the Huawei client reads further pages of a list
     * @param pollSchedule how jobs and orders are followed
     * @param paymentGrace how long a new unpaid UniCloud order counts as "being paid" before AWAITING_PAYMENT
     * @param dataDir      where the pack inventories are kept
     */
    public record Shared(OkHttpClient http, Clock clock, ScheduledExecutorService scheduler, Executor pageExecutor,
                         PollSchedule pollSchedule, Duration paymentGrace, Path dataDir) {
        public Shared {
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(pageExecutor, "pageExecutor");
            Objects.requireNonNull(pollSchedule, "pollSchedule");
            Objects.requireNonNull(paymentGrace, "paymentGrace");
            Objects.requireNonNull(dataDir, "dataDir");
        }
    }

    private final ProfileRepository profiles;
    private final ActivityJournal journal;
    private final SandboxProvider sandboxes;
    private final Shared shared;
    /** One inventory per account and region for the whole run, so that every view of it sees the same list. */
    private final Map<String, PackInventory> inventories = new HashMap<>();
    private SandboxProvider.EvsSandbox evsSandbox;
    private SandboxProvider.NasSandbox nasSandbox;

    public AccountOpener(ProfileRepository profiles, ActivityJournal journal, SandboxProvider sandboxes,
                         Shared shared) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /**
     * Opens a Huawei profile, or the Huawei sandbox for null. The project id is the profile's, else looked up
     * through IAM for the profile's region.
     *
     * @throws ApiException when the profile is incomplete, its secret is not stored, or the lookup failed
     */
    public EvsAccount openEvs(Profile profile) throws ApiException {
        if (profile == null) {
            SandboxProvider.EvsSandbox s = evsSandbox();
            HuaweiClient.Builder b = huawei(s.endpoints(), s.credentials(), s.region()).projectId(s.projectId());
            return evsAccount(SANDBOX_LABEL, true, s.region(), s.projectId(), b.build(),
                    billing(s.endpoints(), s.credentials(), s.region(), s.projectId()),
                    cloudEye(b, SANDBOX_LABEL, s.projectId()));
        }
        Credentials credentials = profiles.huaweiCredentials(checked(profile, Profile.Kind.HUAWEI))
                .orElseThrow(() -> noSecret(profile));
        HuaweiEndpoints endpoints = profile.huaweiEndpoints();
        String projectId = profile.projectId() != null ? profile.projectId()
                : huawei(endpoints, credentials, profile.region()).lookupProjectId(profile.region());
        HuaweiClient.Builder b = huawei(endpoints, credentials, profile.region()).projectId(projectId)
                .enterpriseProject(profile.enterpriseProjectId());
        return evsAccount(profile.label(), false, profile.region(), projectId, b.build(),
                billing(endpoints, credentials, profile.region(), projectId),
                cloudEye(b, "profile-" + profile.id(), projectId));
    }

    /**
     * Opens a UniCloud profile, or the UniCloud sandbox for null. A profile's inventory starts empty (UniCloud has
     * no API that lists packs) and is named by the profile's id, so that renaming the profile keeps its list; the
     * sandbox's is pre-filled with the sandbox's packs on first start.
     *
     * @throws ApiException when the profile is incomplete or its secret is not stored
     */
    public NasAccount openNas(Profile profile) throws ApiException {
        if (profile == null) {
            SandboxProvider.NasSandbox s = nasSandbox();
            return nasAccount(SANDBOX_LABEL, true, nas(s.endpoints(), s.credentials(), s.region()), sandboxInventory(s));
        }
        String secret = profiles.secretKey(checked(profile, Profile.Kind.UNICLOUD))
                .orElseThrow(() -> noSecret(profile));
        NasApi api = nas(profile.uniCloudEndpoints(), new UniCloudCredentials(profile.accessKeyId(), secret),
                profile.region());
        Path file = shared.dataDir().resolve("nas-packs-profile-" + profile.id().replaceAll("[^A-Za-z0-9._-]", "_")
                + "@" + profile.region() + ".json");
        PackInventory inventory;
        synchronized (inventories) {
            inventory = inventories.computeIfAbsent(file + "|" + profile.label(),
                    k -> new PackInventory(file, profile.label(), profile.region()));
        }
        return nasAccount(profile.label(), false, api, inventory);
    }

    private static Profile checked(Profile profile, Profile.Kind kind) throws ApiException {
        if (profile.kind() != kind) {
            throw new IllegalArgumentException("not a " + kind + " profile: " + profile.id());
        }
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new ApiException(ApiException.Kind.REJECTED, Texts.get("accounts.incomplete", profile.label(),
                    Texts.sentences(problems.toArray(String[]::new))), null);
        }
        return profile;
    }

    private static ApiException noSecret(Profile profile) {
        return new ApiException(ApiException.Kind.AUTHENTICATION, Texts.get("accounts.noSecret", profile.label()),
                null);
    }

    /**
     * The Huawei sandbox, started once per run. It forgets its simulated cloud on exit, so resizes a previous run
     * left unfinished on it can never finish: they are closed as cancelled, with the reason, when it starts.
     */
    private synchronized SandboxProvider.EvsSandbox evsSandbox() {
        if (evsSandbox == null) {
            evsSandbox = sandboxes.startEvs();
            LOG.info("Huawei sandbox started in {}", evsSandbox.region());
            for (Activity a : journal.unfinished()) {
                if (Activity.KIND_EVS_RESIZE.equals(a.kind()) && SANDBOX_LABEL.equals(a.account())) {
                    journal.record(a.withState(ActivityState.CANCELLED, sandboxRestarted(), shared.clock().instant()));
                }
            }
        }
        return evsSandbox;
    }

    /**
     * The UniCloud sandbox, started once per run. Like the Huawei one it forgets its orders on exit, so upgrades a
     * previous run left unfinished on it are closed as cancelled, with the reason, when it starts.
     */
    private synchronized SandboxProvider.NasSandbox nasSandbox() {
        if (nasSandbox == null) {
            nasSandbox = sandboxes.startNas();
            LOG.info("UniCloud sandbox started in {}", nasSandbox.region());
            for (Activity a : journal.unfinished()) {
                if (a.nasPack() && SANDBOX_LABEL.equals(a.account())) {
                    journal.record(a.withState(ActivityState.CANCELLED, sandboxRestarted(), shared.clock().instant()));
                }
            }
        }
        return nasSandbox;
    }

    /**
     * The sandbox's inventory: pre-filled with its packs when new, and every pack listed made known to the sandbox,
     * which forgets upgrades on exit while the inventory keeps them.
     */
    private PackInventory sandboxInventory(SandboxProvider.NasSandbox sandbox) {
        synchronized (inventories) {
            return inventories.computeIfAbsent(SANDBOX_LABEL, k -> {
                PackInventory created = PackInventory.open(shared.dataDir(), SANDBOX_LABEL, sandbox.region());
                created.fillIfNew(sandbox.packs());
                Runnable mirror = () -> created.list().forEach(sandbox::adopt);
                mirror.run();
                created.addListener(mirror);
                return created;
            });
        }
    }

    private EvsAccount evsAccount(String label, boolean sandbox, String region, String projectId, EvsApi api,
                                  AccountBilling billing, DiskUsageApi usage) {
        ResizeTracker tracker = new ResizeTracker(api, billing.api(), journal, shared.scheduler(), shared.clock(),
                shared.pollSchedule());
        tracker.resumeUnfinished();
        return new EvsAccount(label, sandbox, region, projectId, api, tracker, billing, usage);
    }

    /** The account's price, order and batch calls, from the same endpoints and credentials as its EVS client. */
    private AccountBilling billing(HuaweiEndpoints endpoints, Credentials credentials, String region,
                                   String projectId) {
        return new AccountBilling(huawei(endpoints, credentials, region).projectId(projectId).buildBilling(),
                AccountBilling.billingCenterFor(endpoints));
    }

    /**
     * The account's Cloud Eye client, for how full its disks are: the same credentials and project, its calls on
     * the page executor, at most {@link #USAGE_CONCURRENCY} at once; it keeps each server's agent dimensions in a
     * file of the data folder per account and project ({@link DimensionCacheFile}), so that a restart does not ask
     * them again.
     */
    private DiskUsageApi cloudEye(HuaweiClient.Builder builder, String account, String projectId) {
        return builder.buildCloudEye(shared.pageExecutor(), USAGE_CONCURRENCY,
                DimensionCacheFile.of(shared.dataDir(), account, projectId));
    }

    private NasAccount nasAccount(String label, boolean sandbox, NasApi api, PackInventory inventory) {
        NasUpgradeTracker tracker = new NasUpgradeTracker(api, journal, inventory, shared.scheduler(),
                shared.clock(), shared.pollSchedule(), shared.paymentGrace());
        tracker.resumeUnfinished();
        return new NasAccount(label, sandbox, api, inventory, tracker);
    }

    private HuaweiClient.Builder huawei(HuaweiEndpoints endpoints, Credentials credentials, String region) {
        return HuaweiClient.builder().http(shared.http()).endpoints(endpoints).credentials(credentials)
                .region(region).clock(shared.clock()).pageExecutor(shared.pageExecutor());
    }

    private NasApi nas(UniCloudEndpoints endpoints, UniCloudCredentials credentials, String region) {
        return UniCloudClient.builder().http(shared.http()).endpoints(endpoints).credentials(credentials)
                .region(region).clock(shared.clock()).build();
    }

    /** Stops the sandboxes that were started. */
    @Override
    public void close() {
        sandboxes.close();
    }
}
