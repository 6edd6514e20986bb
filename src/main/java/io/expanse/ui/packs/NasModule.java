package io.expanse.ui.packs;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.unicloud.NasApi;
import io.expanse.cloud.unicloud.UniCloudClient;
import io.expanse.cloud.unicloud.UniCloudCredentials;
import io.expanse.domain.nas.UpgradePolicy;
import io.expanse.sandbox.unicloud.SandboxPack;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.ui.common.Background;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.ActivityJournal;
import io.expanse.work.PollSchedule;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.PackInventory;
import io.expanse.work.nas.ResourcePack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * Everything NAS, built from the app's shared objects: one long-lived {@link PacksViewModel} and
 * {@link PacksAccountSwitcher}, the packs view's controller registered in the shared {@link ControllerFactory},
 * and the opener of a {@link NasAccount} per choice: the built-in UniCloud sandbox (started once, its inventory
 * pre-filled with its packs on first start) or a UniCloud profile (its credentials from the secret store, its
 * endpoints the public ones or its {@code nas} override, an inventory that starts empty because UniCloud has no
 * API that lists packs). After construction, {@code fxml.load("packs.fxml")} gives the view, which opens
 * {@link #initialChoice()} in the background.
 */
public final class NasModule implements AutoCloseable {

    /** The sandbox's account label, in the journal and the inventory file name. */
    public static final String SANDBOX_LABEL = "Sandbox";

    /**
     * The app's shared objects.
     *
     * @param dataDir      where the inventory files go (the app's data directory)
     * @param pollSchedule how orders are followed (the EVS schedule is fine)
     * @param paymentGrace how long a new unpaid order counts as "being paid" before AWAITING_PAYMENT
     */
    public record Shared(ActivityJournal journal, Background background, TaskExecutor tasks,
                         ControllerFactory controllers, Fxml fxml,
                         ScheduledExecutorService scheduler, Clock clock, OkHttpClient http, Path dataDir,
                         PollSchedule pollSchedule, Duration paymentGrace) {
        public Shared {
            Objects.requireNonNull(journal);
            Objects.requireNonNull(background);
            Objects.requireNonNull(tasks);
            Objects.requireNonNull(controllers);
            Objects.requireNonNull(fxml);
            Objects.requireNonNull(scheduler);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(http);
            Objects.requireNonNull(dataDir);
            Objects.requireNonNull(pollSchedule);
            Objects.requireNonNull(paymentGrace);
        }
    }

    private final Shared shared;
    private final Duration sandboxPaidAfter;
    private final ProfileRepository profiles;
    private final boolean forceSandbox;
    private final PacksViewModel packs;
    private final PacksAccountSwitcher switcher;
    private final Map<String, PackInventory> inventories = new HashMap<>();
    private UniCloudSandbox sandbox;

    /**
     * @param sandboxPaidAfter how long the UniCloud sandbox takes to mark an order paid
     * @param profiles         where UniCloud profiles, their secrets and the last choice are kept
     * @param forceSandbox     start on the sandbox even when a UniCloud profile was chosen last
     * @param editor           opens the profile editor for a UniCloud profile (the packs toolbar's Edit…)
     */
    public NasModule(Shared shared, Duration sandboxPaidAfter, ProfileRepository profiles, boolean forceSandbox,
                     PacksController.AccountEditor editor) {
        this.shared = shared;
        this.sandboxPaidAfter = Objects.requireNonNull(sandboxPaidAfter, "sandboxPaidAfter");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.forceSandbox = forceSandbox;
        this.packs = new PacksViewModel(shared.journal(), shared.tasks());
        this.switcher = new PacksAccountSwitcher(this::open, shared.background(), packs, profiles::selectUniCloud);
        switcher.reloadChoices(profiles.uniCloud());
        UpgradeDialogs dialogs = new UpgradeDialogs(packs, new UpgradePolicy(), shared.tasks(), shared.fxml());
        shared.controllers().register(PacksController.class, () -> new PacksController(packs, dialogs, switcher,
                this::initialChoice, editor));
    }

    /** Where the packs view starts: the sandbox when forced, else the UniCloud profile chosen last, else the sandbox. */
    public PackAccountChoice initialChoice() {
        if (forceSandbox) {
            return PackAccountChoice.SANDBOX;
        }
        return profiles.lastUniCloud().map(PackAccountChoice::new).orElse(PackAccountChoice.SANDBOX);
    }

    /**
     * Opens the NAS pieces of a UniCloud profile, or of the sandbox for null, and resumes the account's unfinished
     * upgrades. Reads the inventory from disk: call it in the background.
     *
     * @throws ApiException when the profile is incomplete or its secret is not stored
     */
    public NasAccount open(Profile profile) throws ApiException {
        return profile == null ? openSandbox() : openProfile(profile);
    }

    private NasAccount openProfile(Profile profile) throws ApiException {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new ApiException(ApiException.Kind.REJECTED, "The profile " + profile.label() + " is incomplete: "
                    + String.join(" ", problems) + " Edit the profile to fix it.", null);
        }
        String secret = profiles.secretKey(profile).orElseThrow(() -> new ApiException(
                ApiException.Kind.AUTHENTICATION, "No secret is stored for " + profile.label() + " (it may have"
                + " been kept for one run only); edit the profile and enter it again.", null));
        NasApi api = UniCloudClient.builder().http(shared.http()).endpoints(profile.uniCloudEndpoints())
                .credentials(new UniCloudCredentials(profile.accessKeyId(), secret)).region(profile.region())
                .clock(shared.clock()).build();
        // Named by the profile's id, so that renaming the profile keeps its list.
        Path file = shared.dataDir().resolve("nas-packs-profile-" + profile.id().replaceAll("[^A-Za-z0-9._-]", "_")
                + "@" + profile.region() + ".json");
        PackInventory inventory;
        synchronized (inventories) {
            String key = file + "|" + profile.label();
            inventory = inventories.computeIfAbsent(key, k -> new PackInventory(file, profile.label(),
                    profile.region()));
        }
        return account(profile.label(), false, api, inventory);
    }

    /**
     * The UniCloud sandbox on loopback, started once per run: orders paid after {@code sandboxPaidAfter}, the
     * inventory pre-filled with the sandbox's packs on first start, and packs the operator adds made known to it.
     */
    private NasAccount openSandbox() {
        PackInventory inventory;
        synchronized (inventories) {
            if (sandbox == null) {
                sandbox = UniCloudSandbox.start(SandboxPack.standard(), shared.clock(), sandboxPaidAfter);
            }
            UniCloudSandbox running = sandbox;
            inventory = inventories.computeIfAbsent(SANDBOX_LABEL, k -> {
                PackInventory created = PackInventory.open(shared.dataDir(), SANDBOX_LABEL, running.region());
                created.fillIfNew(SandboxPack.standard().stream()
                        .map(p -> new ResourcePack(p.id(), p.label(), p.capacityGb(), p.expiresOn(), null)).toList());
                // The sandbox forgets upgrades on exit while the inventory keeps them: it adopts the listed capacity.
                Runnable mirror = () -> created.list().forEach(p -> running.adopt(p.id(), p.label(), p.capacityGb(),
                        p.expiresOn()));
                mirror.run();
                created.addListener(mirror);
                return created;
            });
        }
        NasApi api = UniCloudClient.builder().http(shared.http()).endpoints(sandbox.endpoints())
                .credentials(sandbox.credentials()).region(sandbox.region()).clock(shared.clock()).build();
        return account(SANDBOX_LABEL, true, api, inventory);
    }

    private NasAccount account(String label, boolean isSandbox, NasApi api, PackInventory inventory) {
        NasUpgradeTracker tracker = new NasUpgradeTracker(api, shared.journal(), inventory, shared.scheduler(),
                shared.clock(), shared.pollSchedule(), shared.paymentGrace());
        tracker.resumeUnfinished();
        return new NasAccount(label, isSandbox, api, inventory, tracker);
    }

    public PacksViewModel packs() {
        return packs;
    }

    public PacksAccountSwitcher switcher() {
        return switcher;
    }

    /** The account the view shows, or null while one is opening or after a failure. */
    public NasAccount current() {
        return packs.account();
    }

    /** The running UniCloud sandbox, or null until the sandbox was first opened. */
    public UniCloudSandbox sandbox() {
        synchronized (inventories) {
            return sandbox;
        }
    }

    @Override
    public void close() {
        NasAccount shown = packs.account();
        if (shown != null) {
            shown.close();
        }
        synchronized (inventories) {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
