package io.expanse.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The state of a simulated BSS change order (order_type 3) for a yearly/monthly resize at one instant: one line per
 * disk (a batch expansion puts several disks in one order).
 *
 * @param status                6 awaiting payment, 3 processing, 5 completed, 4 cancelled
 * @param amount                the sum of the lines
 * @param paymentTime           null until paid
 * @param pendingPaymentEndTime until when the order can be paid (kept after payment, as BSS does)
 */
public record SandboxOrder(String orderId, int status, List<Line> lines, BigDecimal amount, Instant createTime,
                           Instant paymentTime, Instant pendingPaymentEndTime) {

    public static final int PROCESSING = 3;
    public static final int CANCELLED = 4;
    public static final int COMPLETED = 5;
    public static final int AWAITING_PAYMENT = 6;

    public SandboxOrder {
        lines = List.copyOf(lines);
    }

    /** One disk of the order. */
    public record Line(String volumeId, long oldSize, long newSize, String volumeType, BigDecimal amount) {
    }

    /** The disk of a single-disk order (the first line). */
    public String volumeId() {
        return lines.get(0).volumeId();
    }
}
