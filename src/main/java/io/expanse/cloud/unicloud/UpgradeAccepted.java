package io.expanse.cloud.unicloud;

import java.util.List;
import java.util.Objects;

/**
 * A successful {@code UpGradeResourcePack} answer.
 *
 * @param orderId   the order created, kept as text (19 digits, beyond a double's exact range)
 * @param ids       {@code Res.Ids} as returned (the document's example returns a different id than requested)
 * @param requestId the request id, or null
 */
public record UpgradeAccepted(String orderId, List<String> ids, String requestId) {
    public UpgradeAccepted {
        Objects.requireNonNull(orderId, "orderId");
        ids = List.copyOf(ids);
    }
}
