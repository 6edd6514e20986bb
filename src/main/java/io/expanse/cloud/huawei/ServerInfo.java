package io.expanse.cloud.huawei;

import java.util.List;

/**
 * What Expanse needs to know about the server a volume is attached to. {@code status} comes from the Nova v2.1
 * API (the only one that reports PAUSED and SUSPENDED); the attached-volume list with {@code bootIndex} comes from
 * the ECS v1 detail. Either part may be missing when only one call was made.
 */
public record ServerInfo(String id, String name, String status, String rootDeviceName, List<AttachedVolume> volumes) {

    public ServerInfo {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** An entry of {@code os-extended-volumes:volumes_attached}; bootIndex "0" is the system disk. */
    public record AttachedVolume(String id, String device, String bootIndex) {
        public boolean systemDisk() {
            return "0".equals(bootIndex);
        }
    }

    /** The boot index of a volume on this server, or null when the ECS detail did not list it. */
    public String bootIndexOf(String volumeId) {
        for (AttachedVolume v : volumes) {
            if (v.id() != null && v.id().equals(volumeId)) {
                return v.bootIndex();
            }
        }
        return null;
    }
}
