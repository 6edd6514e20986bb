package io.expanse.work.accounts;

import io.expanse.cloud.huawei.DiskUsageApi;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.work.ResizeTracker;

/**
 * One opened Huawei Cloud account in one region: what the volume list reads and what resizes are sent through,
 * and the tracker that follows its resizes. Closing it stops the tracker; the journal keeps the activities, and
 * unfinished ones are resumed the next time the account is opened.
 *
 * @param label     shown in the status line and written in the journal ("Sandbox", "ops-prod", …)
 * @param sandbox   whether this is the built-in simulated cloud
 * @param tracker   null only where nothing is resized (view tests)
 * @param billing   prices, orders and batch expansion of the account; null where none is wired (view tests)
 * @param usage     Cloud Eye, for how full the disks are; null where usage is not read (view tests)
 */
public record EvsAccount(String label, boolean sandbox, String region, String projectId, EvsApi api,
                         ResizeTracker tracker, AccountBilling billing, DiskUsageApi usage) implements AutoCloseable {

    /** An account whose disk usage is not read. */
    public EvsAccount(String label, boolean sandbox, String region, String projectId, EvsApi api,
                      ResizeTracker tracker, AccountBilling billing) {
        this(label, sandbox, region, projectId, api, tracker, billing, null);
    }

    /** An account without billing calls (prices and orders are then said to be unavailable). */
    public EvsAccount(String label, boolean sandbox, String region, String projectId, EvsApi api,
                      ResizeTracker tracker, DiskUsageApi usage) {
        this(label, sandbox, region, projectId, api, tracker, null, usage);
    }

    /** An account without billing calls whose disk usage is not read. */
    public EvsAccount(String label, boolean sandbox, String region, String projectId, EvsApi api,
                      ResizeTracker tracker) {
        this(label, sandbox, region, projectId, api, tracker, null, null);
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.shutdown();
        }
    }
}
