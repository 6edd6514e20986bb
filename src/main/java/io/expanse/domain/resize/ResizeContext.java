package io.expanse.domain.resize;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.List;
import java.util.Objects;

/**
 * Facts the policy decides on.
 *
 * @param server         the server the volume is attached to; may be null (unattached, or its status could not be read)
 * @param role           the disk's role; null is taken as {@link DiskRole#UNKNOWN}
 * @param resizeInFlight whether Expanse already has a resize of this volume running (job or unpaid order)
 * @param attachedServerNames the names (or ids, when a name could not be read) of every server a shared disk is
 *                       attached to, in attachment order; empty when not known, and then a refusal does not name them
 */
public record ResizeContext(Volume volume, ServerInfo server, DiskRole role, boolean resizeInFlight,
                            List<String> attachedServerNames) {

    public ResizeContext {
        Objects.requireNonNull(volume, "volume");
        role = role == null ? DiskRole.UNKNOWN : role;
        attachedServerNames = attachedServerNames == null ? List.of() : List.copyOf(attachedServerNames);
    }

    /** Without the names of the servers a shared disk is attached to. */
    public ResizeContext(Volume volume, ServerInfo server, DiskRole role, boolean resizeInFlight) {
        this(volume, server, role, resizeInFlight, List.of());
    }
}
