package io.expanse.sandbox;

import java.time.Instant;

/**
 * The yearly/monthly subscription of a seeded disk, as the BSS subscription query reports it.
 *
 * @param orderId          the order that bought it (the volume's {@code metadata.orderID})
 * @param parentResourceId the server it was bought with, or null for a disk bought on its own (a main resource)
 */
public record SandboxSubscription(String resourceId, String orderId, Instant effectiveTime, Instant expireTime,
                                  String parentResourceId) {

    public boolean mainResource() {
        return parentResourceId == null;
    }
}
