package io.expanse.ui.packs;

import io.expanse.work.nas.ResourcePack;
import java.time.Instant;

/**
 * One row of the packs table.
 *
 * @param pack          the pack
 * @param region        its region
 * @param lastUpgrade   the state of its latest upgrade ("Succeeded", "Awaiting payment" …), or empty
 * @param lastUpgradeAt when that upgrade last changed (finished, or its latest news), or null when there is none
 * @param when          {@code lastUpgradeAt} as the operator reads it (date, time and zone), or empty
 * @param daysLeft      days until the pack expires (0 on its last day, negative once expired), or null when its
 *                      expiry is not recorded
 */
public record PackRow(ResourcePack pack, String region, String lastUpgrade, Instant lastUpgradeAt, String when,
                      Long daysLeft) {

    /** How close to its expiry a pack is flagged. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    /** Whether the pack has expired. */
    public boolean expired() {
        return daysLeft != null && daysLeft < 0;
    }

    /** Whether the pack expires within {@link #EXPIRY_WARNING_DAYS} days (and has not yet). */
    public boolean expiresSoon() {
        return daysLeft != null && daysLeft >= 0 && daysLeft <= EXPIRY_WARNING_DAYS;
    }

    /** The pay type in words. */
    public String payTypeText() {
        return PackTexts.payType(pack.payType());
    }

    /** The last upgrade column: its state and when, or empty. */
    public String lastUpgradeText() {
        return lastUpgrade.isEmpty() ? "" : when.isEmpty() ? lastUpgrade
                : io.expanse.text.Texts.get("packs.lastUpgrade", lastUpgrade, when);
    }
}
