package io.expanse.cloud.huawei;

import java.util.List;
import java.util.Map;

/**
 * An EVS volume as listed by {@code GET /v2/{project_id}/cloudvolumes[/detail]}. Parsed leniently: {@code size}
 * may arrive as a string, {@code bootable} is the string "true"/"false".
 *
 * @param sizeGb size in GB
 * @param metadata raw metadata; {@code orderID} non-empty marks a yearly/monthly volume
 */
public record Volume(
        String id,
        String name,
        String status,
        long sizeGb,
        String volumeType,
        String availabilityZone,
        boolean bootable,
        boolean multiattach,
        List<Attachment> attachments,
        Map<String, String> metadata,
        String enterpriseProjectId,
        String createdAt,
        String updatedAt) {

    public Volume {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The yearly/monthly order behind this volume, or null for an on-demand volume. */
    public String orderId() {
        String id = metadata.get("orderID");
        return id == null || id.isBlank() ? null : id;
    }

    public boolean yearlyMonthly() {
        return orderId() != null;
    }

    /** Server of the first attachment, or null when detached. */
    public String firstServerId() {
        return attachments.isEmpty() ? null : attachments.get(0).serverId();
    }

    /** Device of the first attachment (e.g. /dev/vdb), or null. */
    public String firstDevice() {
        return attachments.isEmpty() ? null : attachments.get(0).device();
    }

    /** A copy with another status and size, as a read-back after a resize would show. */
    public Volume withStatusAndSize(String newStatus, long newSize) {
        return new Volume(id, name, newStatus, newSize, volumeType, availabilityZone, bootable, multiattach,
                attachments, metadata, enterpriseProjectId, createdAt, updatedAt);
    }

    /** One attachment of a volume to a server. */
    public record Attachment(String serverId, String attachmentId, String device, String hostName, String attachedAt) {
    }
}
