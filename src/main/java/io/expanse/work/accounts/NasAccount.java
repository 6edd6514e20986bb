package io.expanse.work.accounts;

import io.expanse.text.Texts;
import io.expanse.cloud.unicloud.NasApi;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.PackInventory;
import java.util.Objects;

/**
 * The NAS pieces of one account in one region: its client, its pack inventory and the tracker that follows its
 * upgrades. Closing it stops the tracker; the journal keeps its activities, and unfinished ones are resumed the
 * next time the account is opened.
 */
public final class NasAccount implements AutoCloseable {

    private final String label;
    private final boolean sandbox;
    private final NasApi api;
    private final PackInventory inventory;
    private final NasUpgradeTracker tracker;

    /** Wraps the pieces; the caller has made the tracker (see {@link AccountOpener}) and resumes it. */
    public NasAccount(String label, boolean sandbox, NasApi api, PackInventory inventory,
                      NasUpgradeTracker tracker) {
        this.label = Objects.requireNonNull(label, "label");
        this.sandbox = sandbox;
        this.api = Objects.requireNonNull(api, "api");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    /** The account label, as written in the journal. */
    public String label() {
        return label;
    }

    /** Whether this is the built-in UniCloud sandbox. */
    public boolean sandbox() {
        return sandbox;
    }

    public String region() {
        return inventory.region();
    }

    public NasApi api() {
        return api;
    }

    public PackInventory inventory() {
        return inventory;
    }

    public NasUpgradeTracker tracker() {
        return tracker;
    }

    /** What the packs toolbar says about the source of the list. */
    public String describe() {
        return sandbox ? Texts.get("nas.source.sandbox", region()) : Texts.get("nas.source.account", label, region());
    }

    @Override
    public void close() {
        tracker.shutdown();
    }
}
