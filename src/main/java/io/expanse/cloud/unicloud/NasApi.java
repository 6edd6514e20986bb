package io.expanse.cloud.unicloud;

import io.expanse.cloud.ApiException;
import java.time.Instant;
import java.util.List;

/** The UniCloud calls Expanse makes for NAS resource packs, for one account in one region. */
public interface NasApi {

    /** The region, e.g. {@code cn-tianjin-yfb}. */
    String region();

    /**
     * {@code UpGradeResourcePack}, sent exactly once. A lost answer raises {@link ApiException.Kind#OUTCOME_UNKNOWN}.
     */
    UpgradeAccepted upgrade(UpgradeBody body) throws ApiException;

    /**
     * A renewal order for a pack ({@link RenewBody}: UNCONFIRMED whether UniCloud accepts it), sent exactly once. A lost
     * answer raises {@link ApiException.Kind#OUTCOME_UNKNOWN}.
     */
    UpgradeAccepted renew(RenewBody body) throws ApiException;

    /** {@code OrderDetail}; retried on throttling, 5xx and network failures. */
    OrderDetail orderDetail(String orderId) throws ApiException;

    /**
     * {@code QueryOrders} from {@code since} until now (first page, newest orders), to look for an order created by
     * an unanswered upgrade.
     */
    List<OrderSummary> recentOrders(Instant since) throws ApiException;
}
