package io.expanse.cloud.huawei;

/**
 * A BSS customer order ({@code GET /v2/orders/customer-orders/details/{order_id}}).
 * Status codes: 1 pending review, 2 (pending, seen by Terraform), 3 processing, 4 cancelled, 5 completed,
 * 6 awaiting payment, 9 awaiting confirmation. Unknown codes are kept as they are and shown raw.
 */
public record Order(String orderId, int status, int orderType, String amount, String currency, String createTime,
                    String paymentTime) {

    public static final int PENDING_REVIEW = 1;
    public static final int PROCESSING = 3;
    public static final int CANCELLED = 4;
    public static final int COMPLETED = 5;
    public static final int AWAITING_PAYMENT = 6;
    public static final int AWAITING_CONFIRMATION = 9;

    public boolean completed() {
        return status == COMPLETED;
    }

    public boolean cancelled() {
        return status == CANCELLED;
    }

    public boolean awaitingPayment() {
        return status == AWAITING_PAYMENT;
    }

    public String statusText() {
        return switch (status) {
            case PENDING_REVIEW -> "pending review";
            case 2 -> "pending";
            case PROCESSING -> "processing";
            case CANCELLED -> "cancelled";
            case COMPLETED -> "completed";
            case AWAITING_PAYMENT -> "awaiting payment";
            case AWAITING_CONFIRMATION -> "awaiting confirmation";
            default -> "status " + status;
        };
    }
}
