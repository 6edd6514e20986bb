package io.expanse.domain.usage;

import io.expanse.cloud.huawei.DiskUsageApi.AgentDimension;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import io.expanse.cloud.huawei.ServerInfo.AttachedVolume;
import io.expanse.text.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which EVS volume a Cloud Eye mount point is on (reference §14; Huawei documents no mapping, so these rules are
 * Expanse's). Pure.
 * <ol>
 *   <li>{@code /} or {@code C:\} → the boot volume ({@code bootIndex "0"}).</li>
 *   <li>The other mount points go to the data volumes through the agent's {@code disk} list: a disk {@code vdb} is
 *       the volume whose attachment device ends in {@code /vdb}. One data mount point and one data disk pair up;
 *       several of each pair up only when each file system's size ({@code disk_total}) fits exactly one volume
 *       ({@link #fits}).</li>
 *   <li>Everything else is ambiguous, with the reason, and its usage is shown per server: LVM
 *       ({@code /dev/mapper/…}, {@code dm-N}), disks named in a way the attachments do not show (SCSI/NVMe or
 *       Windows naming), fewer file systems than disks (one over several disks, or a disk not mounted), more file
 *       systems than disks (partitions), sizes that do not tell the disks apart, no disk list.</li>
 * </ol>
 */
public final class MountMapping {

    /** Why a mount point could not be put on one volume. */
    public enum Ambiguity {
        NO_BOOT_VOLUME,
        LVM,
        UNKNOWN_DEVICE_NAMING,
        NO_DISK_LIST,
        SEVERAL_DISKS,
        PARTITIONS,
        SIZES_DO_NOT_TELL;

        /** Why, in words, in the language in use. */
        public String sentence() {
            return switch (this) {
                case NO_BOOT_VOLUME -> Texts.get("usage.ambiguity.noBootVolume");
                case LVM -> Texts.get("usage.ambiguity.lvm");
                case UNKNOWN_DEVICE_NAMING -> Texts.get("usage.ambiguity.unknownDeviceNaming");
                case NO_DISK_LIST -> Texts.get("usage.ambiguity.noDiskList");
                case SEVERAL_DISKS -> Texts.get("usage.ambiguity.severalDisks");
                case PARTITIONS -> Texts.get("usage.ambiguity.partitions");
                case SIZES_DO_NOT_TELL -> Texts.get("usage.ambiguity.sizesDoNotTell");
            };
        }
    }

    /**
     * Where one mount point is.
     *
     * @param volumeId  the volume, or null when ambiguous
     * @param ambiguity why there is no volume, or null
     */
    public record Target(String mountValue, String mountPoint, String volumeId, Ambiguity ambiguity) {
        public boolean mapped() {
            return volumeId != null;
        }
    }

    private MountMapping() {
    }

    /**
     * @param agent     the agent's mount points and disks of one server
     * @param attached  the server's attached volumes (device, bootIndex)
     * @param totalGb   {@code disk_total} per mount point value, where read (for the size rule); may be empty
     * @param sizeGb    size per volume id, where known (for the size rule); may be empty
     * @param formerGb  size before a recent expansion, per volume id: a file system not grown yet fits that one
     * @return one target per mount point, in the agent's order
     */
    public static List<Target> map(AgentDimensions agent, List<AttachedVolume> attached, Map<String, Double> totalGb,
                                   Map<String, Long> sizeGb, Map<String, Long> formerGb) {
        Objects.requireNonNull(agent, "agent");
        AttachedVolume boot = attached.stream().filter(AttachedVolume::systemDisk).findFirst().orElse(null);
        Map<String, Target> out = new LinkedHashMap<>();
        List<AgentDimension> dataMounts = new ArrayList<>();
        for (AgentDimension m : agent.mountPoints()) {
            if (AgentDimensions.systemMount(m.originValue())) {
                out.put(m.value(), boot == null || boot.id() == null
                        ? new Target(m.value(), m.originValue(), null, Ambiguity.NO_BOOT_VOLUME)
                        : new Target(m.value(), m.originValue(), boot.id(), null));
            } else {
                out.put(m.value(), null);
                dataMounts.add(m);
            }
        }
        if (!dataMounts.isEmpty()) {
            Map<AgentDimension, String> data = dataMappings(dataMounts, agent.disks(), attached, boot, totalGb,
                    sizeGb, formerGb);
            Ambiguity why = data != null ? null : Objects.requireNonNullElse(
                    ambiguity(dataMounts, agent.disks(), attached, boot), Ambiguity.SIZES_DO_NOT_TELL);
            for (AgentDimension m : dataMounts) {
                out.put(m.value(), data != null ? new Target(m.value(), m.originValue(), data.get(m), null)
                        : new Target(m.value(), m.originValue(), null, why));
            }
        }
        return List.copyOf(out.values());
    }

    /** Data mount point → volume, or null when any of them is ambiguous (then all are). */
    private static Map<AgentDimension, String> dataMappings(List<AgentDimension> mounts, List<AgentDimension> disks,
                                                            List<AttachedVolume> attached, AttachedVolume boot,
                                                            Map<String, Double> totalGb, Map<String, Long> sizeGb,
                                                            Map<String, Long> formerGb) {
        if (ambiguity(mounts, disks, attached, boot) != null) {
            return null;
        }
        List<String> dataVolumes = dataDiskVolumes(disks, attached, boot);
        Map<AgentDimension, String> out = new HashMap<>();
        if (mounts.size() == 1) {
            out.put(mounts.get(0), dataVolumes.get(0));
            return out;
        }
        for (AgentDimension m : mounts) {
            Double total = totalGb.get(m.value());
            String only = null;
            for (String v : dataVolumes) {
                Long size = sizeGb.get(v);
                Long former = formerGb.get(v);
                if (total != null && (size != null && fits(total, size) || former != null && fits(total, former))) {
                    if (only != null) {
                        return null;
                    }
                    only = v;
                }
            }
            if (only == null || out.containsValue(only)) {
                return null;
            }
            out.put(m, only);
        }
        return out;
    }

    private static Ambiguity ambiguity(List<AgentDimension> mounts, List<AgentDimension> disks,
                                       List<AttachedVolume> attached, AttachedVolume boot) {
        if (disks.isEmpty()) {
            return Ambiguity.NO_DISK_LIST;
        }
        if (disks.stream().anyMatch(d -> lvm(d.originValue()))) {
            return Ambiguity.LVM;
        }
        for (AgentDimension d : disks) {
            if (volumeOf(d.originValue(), attached) == null) {
                return Ambiguity.UNKNOWN_DEVICE_NAMING;
            }
        }
        int dataDisks = dataDiskVolumes(disks, attached, boot).size();
        if (mounts.size() < dataDisks) {
            return Ambiguity.SEVERAL_DISKS;
        }
        if (mounts.size() > dataDisks) {
            return Ambiguity.PARTITIONS;
        }
        return null;
    }

    /** The disk list's volumes other than the boot one, once each. */
    private static List<String> dataDiskVolumes(List<AgentDimension> disks, List<AttachedVolume> attached,
                                                AttachedVolume boot) {
        List<String> out = new ArrayList<>();
        for (AgentDimension d : disks) {
            AttachedVolume v = volumeOf(d.originValue(), attached);
            if (v != null && v != boot && v.id() != null && !out.contains(v.id())) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** LVM device-mapper names: {@code /dev/mapper/vg-lv}, {@code mapper/…}, {@code dm-0}. */
    static boolean lvm(String origin) {
        String o = origin == null ? "" : origin.strip().toLowerCase(Locale.ROOT);
        return o.startsWith("/dev/mapper/") || o.startsWith("mapper/") || o.matches("(/dev/)?dm-\\d+");
    }

    /** The attachment whose device ends in the disk's name ({@code vdb} → {@code /dev/vdb}), or null. */
    static AttachedVolume volumeOf(String diskOrigin, List<AttachedVolume> attached) {
        if (diskOrigin == null || diskOrigin.isBlank()) {
            return null;
        }
        String name = diskOrigin.strip();
        name = name.substring(name.lastIndexOf('/') + 1);
        for (AttachedVolume v : attached) {
            String device = v.device() == null ? "" : v.device().strip();
            if (device.equals(name) || device.endsWith("/" + name)) {
                return v;
            }
        }
        return null;
    }

    /**
     * Whether a file system of {@code totalGb} can be the whole of a {@code sizeGb} disk: at most the disk plus
     * 1 GB of rounding, at least 85 % of it (file-system overhead, a small boot partition).
     */
    static boolean fits(double totalGb, long sizeGb) {
        return totalGb <= sizeGb + 1 && totalGb >= 0.85 * sizeGb;
    }
}
