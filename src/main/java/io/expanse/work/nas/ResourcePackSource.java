package io.expanse.work.nas;

import io.expanse.cloud.ApiException;
import io.expanse.domain.nas.RenewalPeriod;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the packs view gets its list, for one account in one region. Today the only source is the operator's
 * {@link PackInventory} (UniCloud publishes no API that lists or describes packs); a source backed by such an API can
 * replace it without touching the view.
 */
public interface ResourcePackSource {

    /** The account label. */
    String account();

    /** The region, e.g. {@code cn-tianjin-yfb}. */
    String region();

    /** The packs, in display order. May block (call off the FX thread). */
    List<ResourcePack> list() throws ApiException;

    /** Told by the tracker after an upgrade order was paid: the pack now has {@code newCapacityGb}. */
    void upgradeCompleted(String packId, long newCapacityGb);

    /**
     * Told by the tracker after a renewal order was paid: the pack's expiry moves on by {@code period}
     * ({@link RenewalPeriod#extend}).
     *
     * @return the new expiry, or null when the pack is no longer listed
     */
    LocalDate renewalCompleted(String packId, RenewalPeriod period, LocalDate today);

    /** Called (on any thread) after the list changed. */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);
}
