package io.expanse.work.nas;

import io.expanse.domain.nas.RenewalPeriod;
import java.util.Objects;

/**
 * What the operator asked for: renew one pack for a period.
 *
 * @param packId     pack id
 * @param label      operator's label (may be empty)
 * @param capacityGb capacity as listed (unchanged by a renewal)
 * @param payType    billing mode sent with the order
 * @param period     how long
 * @param account    account label
 * @param region     region
 */
public record NasRenewRequest(String packId, String label, long capacityGb, String payType, RenewalPeriod period,
                              String account, String region) {
    public NasRenewRequest {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(region, "region");
    }
}
