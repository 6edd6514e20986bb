package io.expanse.cloud.huawei;

/**
 * The 202 answer to a resize: a job for an on-demand volume, an order for a yearly/monthly one.
 * Exactly one of the two is non-null.
 */
public record ResizeAccepted(String jobId, String orderId) {
    public ResizeAccepted {
        if ((jobId == null) == (orderId == null)) {
            throw new IllegalArgumentException("exactly one of job_id and order_id expected");
        }
    }
}
