package io.expanse.ui.packs;

import io.expanse.cloud.unicloud.NasApi;
import io.expanse.cloud.unicloud.UniCloudClient;
import io.expanse.cloud.unicloud.UniCloudCredentials;
import io.expanse.cloud.unicloud.UniCloudEndpoints;
import io.expanse.domain.nas.UpgradePolicy;
import io.expanse.sandbox.unicloud.SandboxPack;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.ui.common.Background;
import io.expanse.ui.common.ControllerFactory;
import io.expanse.ui.common.Fxml;
import io.expanse.work.ActivityJournal;
import io.expanse.work.PollSchedule;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.PackInventory;
import io.expanse.work.nas.ResourcePack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * Everything NAS, built from the app's shared objects: the UniCloud client (or the UniCloud sandbox), the pack
 * inventory, the upgrade tracker (unfinished upgrades resumed), the view model, and the packs view's controller
 * registered in the shared {@link ControllerFactory}. After construction, {@code fxml.load("packs.fxml")} gives the
 * view. Construction does disk I/O (the inventory): build it off the FX thread, like the AppContext.
 */
public final class NasModule implements AutoCloseable {

    /**
     * The app's shared objects.
     *
     * @param dataDir      where the inventory files go (the app's data directory)
     * @param pollSchedule how orders are followed (the EVS schedule is fine)
     * @param paymentGrace how long a new unpaid order counts as "being paid" before AWAITING_PAYMENT
     */
    public record Shared(ActivityJournal journal, Background background, ControllerFactory controllers, Fxml fxml,
                         ScheduledExecutorService scheduler, Clock clock, OkHttpClient http, Path dataDir,
                         PollSchedule pollSchedule, Duration paymentGrace) {
        public Shared {
            Objects.requireNonNull(journal);
            Objects.requireNonNull(background);
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

    private final NasApi api;
    private final PackInventory inventory;
    private final NasUpgradeTracker tracker;
    private final PacksViewModel packs;
    private final UniCloudSandbox sandbox;

    private NasModule(Shared s, NasApi api, PackInventory inventory, UniCloudSandbox sandbox) {
        this.api = api;
        this.inventory = inventory;
        this.sandbox = sandbox;
        this.tracker = new NasUpgradeTracker(api, s.journal(), inventory, s.scheduler(), s.clock(), s.pollSchedule(),
                s.paymentGrace());
        this.packs = new PacksViewModel(inventory, s.journal(), s.background());
        UpgradeDialogs dialogs = new UpgradeDialogs(tracker, new UpgradePolicy(), s.background(), s.fxml(), inventory);
        s.controllers().register(PacksController.class, () -> new PacksController(packs, dialogs));
        tracker.resumeUnfinished();
    }

    /**
     * A real UniCloud account.
     *
     * @param account label of the account (names the inventory file and the activities)
     * @param endpoints {@link UniCloudEndpoints#publicCloud()} unless a private deployment
     */
    public static NasModule forAccount(Shared s, String account, UniCloudCredentials credentials, String region,
                                       UniCloudEndpoints endpoints) {
        NasApi api = UniCloudClient.builder().http(s.http()).endpoints(endpoints).credentials(credentials)
                .region(region).clock(s.clock()).build();
        return new NasModule(s, api, PackInventory.open(s.dataDir(), account, region), null);
    }

    /**
     * The UniCloud sandbox on loopback: orders paid after {@code paidAfter}, the inventory pre-filled with the
     * sandbox's packs on first start, and packs the operator adds made known to the sandbox.
     */
    public static NasModule forSandbox(Shared s, Duration paidAfter) {
        UniCloudSandbox sandbox = UniCloudSandbox.start(SandboxPack.standard(), s.clock(), paidAfter);
        PackInventory inventory = PackInventory.open(s.dataDir(), "Sandbox", sandbox.region());
        inventory.fillIfNew(SandboxPack.standard().stream()
                .map(p -> new ResourcePack(p.id(), p.label(), p.capacityGb(), p.expiresOn(), null)).toList());
        // The sandbox forgets upgrades on exit while the inventory keeps them: the sandbox adopts the listed capacity.
        Runnable mirror = () -> inventory.list().forEach(p -> sandbox.adopt(p.id(), p.label(), p.capacityGb(),
                p.expiresOn()));
        mirror.run();
        inventory.addListener(mirror);
        NasApi api = UniCloudClient.builder().http(s.http()).endpoints(sandbox.endpoints())
                .credentials(sandbox.credentials()).region(sandbox.region()).clock(s.clock()).build();
        return new NasModule(s, api, inventory, sandbox);
    }

    public PackInventory inventory() {
        return inventory;
    }

    public NasUpgradeTracker tracker() {
        return tracker;
    }

    public PacksViewModel packs() {
        return packs;
    }

    public NasApi api() {
        return api;
    }

    /** The running UniCloud sandbox, or null for a real account. */
    public UniCloudSandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        tracker.shutdown();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
