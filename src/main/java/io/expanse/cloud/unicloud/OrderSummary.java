package io.expanse.cloud.unicloud;

/**
 * One order of {@code QueryOrders} (UniCloud's order list of the transaction service), fields raw.
 *
 * @param id            {@code Id} (or {@code OrderNo} when there is no {@code Id})
 * @param orderCategory raw {@code OrderCategory}
 * @param orderStatus   raw {@code OrderStatus}
 * @param instanceId    {@code InstanceId}, documented for renewals only ("续费时对应的资源Id")
 * @param createTime    raw {@code CreateTime}, when present
 */
public record OrderSummary(String id, String orderCategory, String orderStatus, String instanceId,
                           String createTime) {
}
