package io.expanse.domain.resize;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.Objects;

/** Tells a system disk (limit 1024 GB) from a data disk (limit 32768 GB). */
public final class DiskRoles {

    private DiskRoles() {
    }

    /**
     * The role of {@code volume} on {@code server}.
     * <ol>
     *   <li>Authoritative: the ECS detail's {@code bootIndex} for this volume, "0" → SYSTEM, any other value → DATA.</li>
     *   <li>Unattached volume → DATA. UNCONFIRMED which limit EVS applies to a detached former system disk; we follow
     *       the attachment, as the API's notion of "system disk" is the boot position.</li>
     *   <li>Attached but {@code server == null} → UNKNOWN.</li>
     *   <li>Heuristic: bootable and attached at the server's root device → SYSTEM; not bootable, or attached at
     *       another device → DATA ({@code bootable} alone is not enough: a disk made from an image is bootable even
     *       as a data disk). Bootable but the device or root device name is missing → UNKNOWN.</li>
     * </ol>
     *
     * @param server the server the volume is attached to, or null when unattached or not read
     */
    public static DiskRole of(Volume volume, ServerInfo server) {
        Objects.requireNonNull(volume, "volume");
        String bootIndex = server == null ? null : bootIndexOf(server, volume.id());
        if (bootIndex != null && !bootIndex.isBlank()) {
            return "0".equals(bootIndex.trim()) ? DiskRole.SYSTEM : DiskRole.DATA;
        }
        if (volume.attachments().isEmpty()) {
            return DiskRole.DATA;
        }
        if (server == null) {
            return DiskRole.UNKNOWN;
        }
        if (!volume.bootable()) {
            return DiskRole.DATA;
        }
        String device = trimmed(attachmentOn(volume, server.id()).device());
        String root = trimmed(server.rootDeviceName());
        if (device == null || root == null) {
            return DiskRole.UNKNOWN;
        }
        return device.equals(root) ? DiskRole.SYSTEM : DiskRole.DATA;
    }

    /** Same as {@link ServerInfo#bootIndexOf(String)}, which throws on an entry with a null id or bootIndex. */
    private static String bootIndexOf(ServerInfo server, String volumeId) {
        if (volumeId == null) {
            return null;
        }
        return server.volumes().stream().filter(v -> volumeId.equals(v.id())).findFirst()
                .map(ServerInfo.AttachedVolume::bootIndex).orElse(null);
    }

    /** The attachment to {@code serverId}, else the first one (the volume list is not always consistent). */
    private static Volume.Attachment attachmentOn(Volume volume, String serverId) {
        return volume.attachments().stream().filter(a -> serverId != null && serverId.equals(a.serverId()))
                .findFirst().orElse(volume.attachments().get(0));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
