package io.expanse.work.nas;

import java.util.Objects;

/**
 * What the operator asked for: upgrade one pack. The rules were checked before this is built.
 *
 * @param packId        pack id
 * @param label         operator's label (may be empty)
 * @param oldCapacityGb capacity as listed
 * @param newCapacityGb target capacity
 * @param payType       billing mode sent with the order
 * @param account       account label
 * @param region        region
 */
public record NasUpgradeRequest(String packId, String label, long oldCapacityGb, long newCapacityGb, String payType,
                                String account, String region) {
    public NasUpgradeRequest {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(region, "region");
        if (newCapacityGb <= oldCapacityGb) {
            throw new IllegalArgumentException("the target must be larger than the current capacity");
        }
    }
}
