package io.expanse.domain.resize;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.Objects;

/**
 * Facts the policy decides on.
 *
 * @param server         the server the volume is attached to; may be null (unattached, or its status could not be read)
 * @param role           the disk's role; null is taken as {@link DiskRole#UNKNOWN}
 * @param resizeInFlight whether Expanse already has a resize of this volume running (job or unpaid order)
 */
public record ResizeContext(Volume volume, ServerInfo server, DiskRole role, boolean resizeInFlight) {

    public ResizeContext {
        Objects.requireNonNull(volume, "volume");
        role = role == null ? DiskRole.UNKNOWN : role;
    }
}
