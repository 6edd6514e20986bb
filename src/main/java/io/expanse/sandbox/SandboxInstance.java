package io.expanse.sandbox;

import java.time.Instant;

/**
 * A simulated ECS server. Its attached volumes are derived from the volumes' attachments.
 *
 * @param status         Nova v2.1 status (ACTIVE, SHUTOFF, PAUSED, SUSPENDED, REBOOT, RESIZE, …)
 * @param rootDeviceName {@code /dev/vda} (VBD) or {@code /dev/sda} (SCSI)
 */
public record SandboxInstance(String id, String name, String status, String availabilityZone,
                              String enterpriseProjectId, String flavor, String rootDeviceName, Instant createdAt) {

    /** The status the ECS v1 API reports: it has no PAUSED or SUSPENDED and shows those servers as SHUTOFF. */
    public String ecsV1Status() {
        return switch (status) {
            case "PAUSED", "SUSPENDED" -> "SHUTOFF";
            default -> status;
        };
    }

    /** The Nova {@code OS-EXT-STS:vm_state} matching the status. */
    public String vmState() {
        return switch (status) {
            case "ACTIVE", "REBOOT", "HARD_REBOOT", "MIGRATING" -> "active";
            case "SHUTOFF" -> "stopped";
            case "PAUSED" -> "paused";
            case "SUSPENDED" -> "suspended";
            case "RESIZE", "REVERT_RESIZE" -> "resized";
            default -> status.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** {@code Windows} for a server whose name says so, else {@code Linux}. */
    public String osType() {
        return name.toLowerCase(java.util.Locale.ROOT).contains("win") ? "Windows" : "Linux";
    }

    /** The image the server was made from, as ECS metadata names it. */
    public String imageName() {
        return "Windows".equals(osType()) ? "Windows Server 2022 Datacenter 64bit English"
                : "Ubuntu 22.04 server 64bit";
    }

    /** The Nova {@code OS-EXT-STS:task_state}, null when no task runs. */
    public String taskState() {
        return switch (status) {
            case "REBOOT" -> "rebooting";
            case "HARD_REBOOT" -> "rebooting_hard";
            case "RESIZE" -> "resize_migrating";
            default -> null;
        };
    }
}
