package io.expanse.domain.nas;

import io.expanse.text.Texts;
import java.util.Objects;

/**
 * Facts about the pack the policy decides on.
 *
 * @param packId            the pack id
 * @param label             the operator's label, or null
 * @param currentCapacityGb the capacity as last known
 * @param upgradeInFlight   whether Expanse already follows an unfinished upgrade of this pack
 */
public record UpgradeContext(String packId, String label, long currentCapacityGb, boolean upgradeInFlight) {

    public UpgradeContext {
        Objects.requireNonNull(packId, "packId");
    }

    /** "label (pack-…)" or the id alone. */
    public String name() {
        return label == null || label.isBlank() ? packId : Texts.get("upgrade.packWithLabel", label.strip(), packId);
    }
}
