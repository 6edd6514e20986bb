package io.expanse.sandbox;

import java.time.Instant;

/**
 * One attachment of a sandbox volume to a sandbox server.
 *
 * @param bootIndex as ECS v1 reports it in {@code os-extended-volumes:volumes_attached}: "0" for the system disk,
 *                  "-1" for a data disk
 */
public record SandboxAttachment(String serverId, String attachmentId, String device, String bootIndex,
                                Instant attachedAt) {

    public boolean systemDisk() {
        return "0".equals(bootIndex);
    }
}
