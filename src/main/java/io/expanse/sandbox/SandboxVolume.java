package io.expanse.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one simulated EVS volume. {@link SandboxCloud} replaces it on every change.
 *
 * @param bootable       "true" for volumes made from an image (system disks)
 * @param metadata       EVS metadata; a non-empty {@code orderID} marks a yearly/monthly volume
 * @param failsOnExtend  a sandbox-only flag: every resize job of this volume ends in FAIL
 */
public record SandboxVolume(String id, String name, String status, long size, String volumeType,
                            String availabilityZone, boolean bootable, boolean multiattach,
                            List<SandboxAttachment> attachments, Map<String, String> metadata,
                            String enterpriseProjectId, String description, Instant createdAt, Instant updatedAt,
                            boolean failsOnExtend) {

    public SandboxVolume {
        attachments = List.copyOf(attachments);
        metadata = Map.copyOf(metadata);
    }

    /** The order behind a yearly/monthly volume, or null for an on-demand one. */
    public String orderId() {
        String id = metadata.get("orderID");
        return id == null || id.isEmpty() ? null : id;
    }

    public boolean yearlyMonthly() {
        return orderId() != null;
    }

    /** System disk when its (first) attachment has bootIndex "0"; an unattached volume is a data disk. */
    public boolean systemDisk() {
        return !attachments.isEmpty() && attachments.get(0).systemDisk();
    }

    SandboxVolume withStatus(String newStatus, Instant at) {
        return new SandboxVolume(id, name, newStatus, size, volumeType, availabilityZone, bootable, multiattach,
                attachments, metadata, enterpriseProjectId, description, createdAt, at, failsOnExtend);
    }

    SandboxVolume withSizeAndStatus(long newSize, String newStatus, Instant at) {
        return new SandboxVolume(id, name, newStatus, newSize, volumeType, availabilityZone, bootable, multiattach,
                attachments, metadata, enterpriseProjectId, description, createdAt, at, failsOnExtend);
    }
}
