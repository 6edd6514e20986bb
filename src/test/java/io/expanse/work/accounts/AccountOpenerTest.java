package io.expanse.work.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.unicloud.UniCloudCredentials;
import io.expanse.cloud.unicloud.UniCloudEndpoints;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SessionSecretStore;
import io.expanse.settings.SettingsStore;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.nas.ResourcePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening accounts of both clouds: profiles checked, secrets from the repository, the IAM project lookup, and the
 * sandboxes started once per run. A profile's "cloud" is the in-process Huawei sandbox; the sandboxes the opener
 * starts come from a provider that counts its starts.
 */
class AccountOpenerTest {

    static final String PROJECT = "0123456789abcdef0123456789abcdef";
    static final String UNREACHABLE = "http://127.0.0.1:9";

    /** Hands out the running test server as "the Huawei sandbox" and a UniCloud sandbox that records adoptions. */
    final class CountingSandboxes implements SandboxProvider {
        int evsStarts;
        int nasStarts;
        boolean closed;
        final List<String> adopted = new ArrayList<>();

        @Override
        public EvsSandbox startEvs() {
            evsStarts++;
            return new EvsSandbox(server.endpoints(), server.credentials(), server.region(), server.projectId());
        }

        @Override
        public NasSandbox startNas() {
            nasStarts++;
            return new NasSandbox() {
                @Override
                public UniCloudEndpoints endpoints() {
                    return UniCloudEndpoints.fromOverride(UNREACHABLE);
                }

                @Override
                public UniCloudCredentials credentials() {
                    return new UniCloudCredentials("UCAKSANDBOX00001", "sandbox-secret");
                }

                @Override
                public String region() {
                    return "cn-tianjin-yfb";
                }

                @Override
                public List<ResourcePack> packs() {
                    return List.of(new ResourcePack("pack-sandbox0001", "seeded", 100, "2027-01-31", null));
                }

                @Override
                public void adopt(ResourcePack pack) {
                    adopted.add(pack.id() + "@" + pack.capacityGb());
                }
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @TempDir
    Path dir;

    private SandboxServer server;
    private final ExecutorService pages = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OkHttpClient http = new OkHttpClient();
    private final CountingSandboxes sandboxes = new CountingSandboxes();
    private ProfileRepository profiles;
    private ActivityJournal journal;
    private AccountOpener opener;

    @BeforeEach
    void setUp() {
        server = SandboxServer.start(new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(),
                SandboxTimings.DEFAULT));
        profiles = new ProfileRepository(new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC()),
                new SessionSecretStore(), new SdkProfiles.Discovery(List.of(), List.of()));
        journal = new ActivityJournal(dir.resolve("activity.json"));
        opener = newOpener();
    }

    private AccountOpener newOpener() {
        return new AccountOpener(profiles, journal, sandboxes, new AccountOpener.Shared(http, Clock.systemUTC(),
                scheduler, pages, PollSchedule.defaults(), Duration.ofSeconds(5), dir));
    }

    @AfterEach
    void tearDown() {
        opener.close();
        server.close();
        scheduler.shutdownNow();
        pages.shutdownNow();
        http.dispatcher().executorService().shutdown();
    }

    private Profile huawei(String id, String projectId, Map<String, String> endpoints) {
        return new Profile(id, id, Profile.Kind.HUAWEI, Profile.Source.SETTINGS, server.region(), Profile.Site.CHINA,
                projectId, null, server.credentials().accessKey(), false, endpoints);
    }

    private static Profile nas(String id, String region) {
        return new Profile(id, id, Profile.Kind.UNICLOUD, Profile.Source.SETTINGS, region, null, null, null,
                "UCAKEXAMPLE00001", false, Map.of("nas", UNREACHABLE));
    }

    private Activity unfinished(String account, String kind, String region) {
        Instant now = Instant.now();
        Activity a = new Activity(UUID.randomUUID().toString(), kind, account, region, "p", "vol-1", "data-01", 10,
                20, false, null, null, ActivityState.SUBMITTED, "job-1", null, now, now, null, "Sent", null, null,
                null);
        journal.record(a);
        return a;
    }

    private ActivityState stateOf(Activity a) {
        return journal.find(a.id()).orElseThrow().state();
    }

    @Test
    void anIncompleteProfileIsRefusedWithWhatIsMissing() {
        Profile noRegion = new Profile("half", "half", Profile.Kind.HUAWEI, Profile.Source.SETTINGS, null,
                Profile.Site.CHINA, null, null, null, false, Map.of());
        ApiException e = assertThrows(ApiException.class, () -> opener.openEvs(noRegion));
        assertEquals(ApiException.Kind.REJECTED, e.kind());
        assertEquals("The profile half is incomplete: Choose a region. Enter the access key (AK). Edit the profile "
                + "to fix it.", e.getMessage());

        ApiException nasError = assertThrows(ApiException.class, () -> opener.openNas(nas("nas-half", "nowhere")));
        assertTrue(nasError.getMessage().startsWith("The profile nas-half is incomplete: \"nowhere\" does not look"),
                nasError.getMessage());
        assertEquals(0, sandboxes.evsStarts + sandboxes.nasStarts);
    }

    @Test
    void aProfileWithoutItsSecretSaysSo() {
        Profile p = huawei("nosecret", PROJECT, Map.of("all", server.baseUri().toString()));
        profiles.save(p, null, null);
        ApiException e = assertThrows(ApiException.class, () -> opener.openEvs(p));
        assertEquals(ApiException.Kind.AUTHENTICATION, e.kind());
        assertEquals("No secret is stored for nosecret (it may have been kept for one run only); edit the profile "
                + "and enter it again.", e.getMessage());

        Profile n = nas("nas-nosecret", "cn-tianjin-yfb");
        profiles.save(n, null, null);
        assertTrue(assertThrows(ApiException.class, () -> opener.openNas(n)).getMessage()
                .startsWith("No secret is stored for nas-nosecret"));
    }

    @Test
    void aProfileWithoutProjectIdHasItLookedUpThroughIam() throws Exception {
        Profile p = huawei("lookup", null, Map.of("all", server.baseUri().toString()));
        profiles.save(p, server.credentials().secretKey(), null);
        try (EvsAccount account = opener.openEvs(p)) {
            assertEquals(server.projectId(), account.projectId());
            assertEquals(server.projectId(), account.api().projectId());
            assertEquals("lookup", account.label());
            assertFalse(account.sandbox());
            assertEquals(50, account.api().listVolumes().size());
        }
        // Without a reachable IAM the lookup is what fails.
        Profile noIam = huawei("no-iam", null, Map.of("all", server.baseUri().toString(), "iam", UNREACHABLE));
        profiles.save(noIam, server.credentials().secretKey(), null);
        assertThrows(ApiException.class, () -> opener.openEvs(noIam));
        assertEquals(0, sandboxes.evsStarts, "a profile started the sandbox");
    }

    @Test
    void aGivenProjectIdIsUsedWithoutAskingIam() throws Exception {
        Profile p = huawei("given", PROJECT, Map.of("all", server.baseUri().toString(), "iam", UNREACHABLE));
        profiles.save(p, server.credentials().secretKey(), null);
        try (EvsAccount account = opener.openEvs(p)) {
            assertEquals(PROJECT, account.projectId());
            assertEquals(PROJECT, account.api().projectId());
        }
    }

    @Test
    void theHuaweiSandboxStartsOnceAndCancelsThePreviousRunsResizesOnce() throws Exception {
        Activity leftOnSandbox = unfinished(AccountOpener.SANDBOX_LABEL, Activity.KIND_EVS_RESIZE, "cn-other-1");
        Activity onAProfile = unfinished("ops-prod", Activity.KIND_EVS_RESIZE, "cn-other-1");
        Activity anUpgrade = unfinished(AccountOpener.SANDBOX_LABEL, Activity.KIND_NAS_UPGRADE, "cn-other-1");

        EvsAccount first = opener.openEvs(null);
        assertTrue(first.sandbox());
        assertEquals(AccountOpener.SANDBOX_LABEL, first.label());
        assertEquals(server.projectId(), first.projectId());
        assertEquals(ActivityState.CANCELLED, stateOf(leftOnSandbox));
        assertEquals(AccountOpener.sandboxRestarted(), journal.find(leftOnSandbox.id()).orElseThrow().message());
        assertEquals(ActivityState.SUBMITTED, stateOf(onAProfile));
        assertEquals(ActivityState.SUBMITTED, stateOf(anUpgrade));

        // A resize of this run (another region, so the new tracker leaves it alone) survives the next opening.
        Activity thisRun = unfinished(AccountOpener.SANDBOX_LABEL, Activity.KIND_EVS_RESIZE, "cn-other-1");
        first.close();
        try (EvsAccount second = opener.openEvs(null)) {
            assertEquals(1, sandboxes.evsStarts);
            assertEquals(ActivityState.SUBMITTED, stateOf(thisRun));
            assertTrue(second.tracker() != first.tracker());
        }
        opener.close();
        assertTrue(sandboxes.closed);
    }

    @Test
    void theUniCloudSandboxCancelsThePreviousRunsUpgradesOnce() throws Exception {
        Activity leftOnSandbox = unfinished(AccountOpener.SANDBOX_LABEL, Activity.KIND_NAS_UPGRADE, "cn-other-1");
        Activity onAProfile = unfinished("ops-nas", Activity.KIND_NAS_UPGRADE, "cn-other-1");
        Activity aResize = unfinished(AccountOpener.SANDBOX_LABEL, Activity.KIND_EVS_RESIZE, "cn-other-1");
        NasAccount first = opener.openNas(null);
        assertEquals(ActivityState.CANCELLED, stateOf(leftOnSandbox));
        assertEquals(AccountOpener.sandboxRestarted(), journal.find(leftOnSandbox.id()).orElseThrow().message());
        assertEquals(ActivityState.SUBMITTED, stateOf(onAProfile));
        assertEquals(ActivityState.SUBMITTED, stateOf(aResize));
        Activity thisRun = unfinished(AccountOpener.SANDBOX_LABEL, Activity.KIND_NAS_UPGRADE, "cn-other-1");
        first.close();
        opener.openNas(null).close();
        assertEquals(ActivityState.SUBMITTED, stateOf(thisRun));
    }

    @Test
    void theUniCloudSandboxStartsOnceWithAPrefilledInventoryMirroredIntoIt() throws Exception {
        NasAccount first = opener.openNas(null);
        assertTrue(first.sandbox());
        assertEquals(AccountOpener.SANDBOX_LABEL, first.label());
        assertEquals("cn-tianjin-yfb", first.region());
        assertEquals(List.of("pack-sandbox0001"), first.inventory().list().stream().map(ResourcePack::id).toList());
        assertEquals(List.of("pack-sandbox0001@100"), sandboxes.adopted);

        first.inventory().add(new ResourcePack("pack-added000001", "added", 200, null, null));
        assertTrue(sandboxes.adopted.contains("pack-added000001@200"), "a listed pack was not made known");
        first.close();
        NasAccount second = opener.openNas(null);
        assertEquals(1, sandboxes.nasStarts);
        assertSame(first.inventory(), second.inventory());
        second.close();
    }

    @Test
    void aUniCloudProfileGetsAnEmptyInventoryNamedByItsId() throws Exception {
        Profile p = nas("nas/two", "cn-tianjin-yfb");
        profiles.save(p, "secret-of-two", null);
        try (NasAccount account = opener.openNas(p)) {
            assertFalse(account.sandbox());
            assertEquals("nas/two", account.label());
            assertTrue(account.inventory().list().isEmpty());
            account.inventory().add(new ResourcePack("pack-two00000001", "two", 100, null, null));
            assertTrue(Files.exists(dir.resolve("nas-packs-profile-nas_two@cn-tianjin-yfb.json")));
            try (NasAccount again = opener.openNas(p)) {
                assertSame(account.inventory(), again.inventory());
            }
        }
        assertEquals(0, sandboxes.nasStarts, "a profile started the sandbox");
    }

    @Test
    void theSandboxIsShownInTheLanguageInUseAndStoredAsItIs() {
        try {
            io.expanse.text.Texts.use(io.expanse.text.Texts.CHINESE);
            assertEquals("沙箱", AccountOpener.shownLabel(AccountOpener.SANDBOX_LABEL));
            assertEquals("ops-prod", AccountOpener.shownLabel("ops-prod"));
            assertEquals("Sandbox", AccountOpener.SANDBOX_LABEL, "the history and the files keep the stored label");
        } finally {
            io.expanse.text.Texts.use(io.expanse.text.Texts.ENGLISH);
        }
        assertEquals("Sandbox", AccountOpener.shownLabel(AccountOpener.SANDBOX_LABEL));
    }
}
