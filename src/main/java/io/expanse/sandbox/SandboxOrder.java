package io.expanse.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The state of a simulated BSS change order (order_type 3) for a yearly/monthly resize at one instant.
 *
 * @param status      6 awaiting payment, 3 processing, 5 completed
 * @param paymentTime null until paid
 */
public record SandboxOrder(String orderId, int status, String volumeId, long oldSize, long newSize,
                           String volumeType, BigDecimal amount, Instant createTime, Instant paymentTime) {

    public static final int PROCESSING = 3;
    public static final int COMPLETED = 5;
    public static final int AWAITING_PAYMENT = 6;
}
