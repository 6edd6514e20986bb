package io.expanse.work;

import java.util.Objects;

/**
 * What the operator asked for: grow one EVS volume. Validation of the size rules happens before this is built;
 * the tracker only sends it.
 *
 * @param volumeId      volume id
 * @param volumeName    display name
 * @param oldSizeGb     current size as last listed
 * @param newSizeGb     requested size
 * @param yearlyMonthly whether the volume is billed yearly/monthly
 * @param autoPay       yearly/monthly only: pay the order at once from the balance; null for on-demand volumes
 * @param device        guest device (e.g. /dev/vdb), or null when detached or unknown
 * @param account       account or profile label
 * @param region        region of the volume
 * @param projectId     project of the volume
 */
public record ResizeRequest(String volumeId, String volumeName, long oldSizeGb, long newSizeGb,
                            boolean yearlyMonthly, Boolean autoPay, String device, String account, String region,
                            String projectId) {
    public ResizeRequest {
        Objects.requireNonNull(volumeId, "volumeId");
        if (newSizeGb <= 0 || newSizeGb > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("newSizeGb out of range: " + newSizeGb);
        }
    }
}
