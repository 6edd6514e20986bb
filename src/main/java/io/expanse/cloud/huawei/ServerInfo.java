package io.expanse.cloud.huawei;

import java.util.List;

/**
 * What Expanse needs to know about the server a volume is attached to. {@code status} comes from the Nova v2.1
 * API (the only one documented to report PAUSED and SUSPENDED); the attached-volume list with {@code bootIndex},
 * the root device and {@code metadata.os_type} come from the ECS v1 detail. Either part may be missing when only
 * one of the two answered.
 *
 * @param osType {@code metadata.os_type} of the ECS v1 detail ("Linux", "Windows"), or null
 * @param imageName {@code metadata.image_name} of the ECS v1 detail (e.g. "CentOS 7.9 64bit"), or null
 */
public record ServerInfo(String id, String name, String status, String rootDeviceName, List<AttachedVolume> volumes,
                         String osType, String imageName) {

    public ServerInfo {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** Without the image name. */
    public ServerInfo(String id, String name, String status, String rootDeviceName, List<AttachedVolume> volumes,
                      String osType) {
        this(id, name, status, rootDeviceName, volumes, osType, null);
    }

    /** Without the OS type. */
    public ServerInfo(String id, String name, String status, String rootDeviceName, List<AttachedVolume> volumes) {
        this(id, name, status, rootDeviceName, volumes, null, null);
    }

    /** The same server with another status. */
    public ServerInfo withStatus(String newStatus) {
        return new ServerInfo(id, name, newStatus, rootDeviceName, volumes, osType, imageName);
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
