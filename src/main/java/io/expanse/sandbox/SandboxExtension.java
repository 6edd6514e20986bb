package io.expanse.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accepted resize: either an on-demand job or a yearly/monthly order. Every phase is computed from its
 * timestamps, so nothing runs in the background. Guarded by the owning {@link SandboxCloud}.
 */
final class SandboxExtension {

    static final String FAIL_CODE = "EVS.2002";

    final String volumeId;
    final long oldSize;
    final long newSize;
    final String oldStatus;
    final boolean fails;
    final String jobId;
    final String orderId;
    final BigDecimal amount;
    final String volumeType;
    final String failReason;
    final Instant createdAt;
    private final SandboxTimings timings;
    private Instant paidAt;
    private Instant cancelledAt;

    private SandboxExtension(SandboxVolume v, long newSize, String jobId, String orderId, BigDecimal amount,
                             Instant createdAt, Instant paidAt, SandboxTimings timings) {
        this.volumeId = v.id();
        this.oldSize = v.size();
        this.newSize = newSize;
        this.oldStatus = v.status();
        this.fails = jobId != null && v.failsOnExtend();
        this.failReason = fails ? "Extend volume " + v.id() + " failed: the storage pool of " + v.availabilityZone()
                + " has insufficient capacity for " + newSize + " GB." : null;
        this.volumeType = v.volumeType();
        this.jobId = jobId;
        this.orderId = orderId;
        this.amount = amount;
        this.createdAt = createdAt;
        this.paidAt = paidAt;
        this.timings = timings;
    }

    static SandboxExtension job(SandboxVolume v, long newSize, String jobId, Instant now, SandboxTimings t) {
        return new SandboxExtension(v, newSize, jobId, null, null, now, null, t);
    }

    static SandboxExtension order(SandboxVolume v, long newSize, String orderId, BigDecimal amount, boolean paid,
                                  Instant now, SandboxTimings t) {
        return new SandboxExtension(v, newSize, null, orderId, amount, now, paid ? now : null, t);
    }

    Instant paidAt() {
        return paidAt;
    }

    void pay(Instant now) {
        paidAt = now;
    }

    /** When the volume turns {@code extending}; null while an order is unpaid. */
    Instant extendStart() {
        if (jobId != null) {
            return createdAt;
        }
        return paidAt == null ? null : paidAt.plus(timings.orderProcessing());
    }

    /** When the volume reaches its final size and status; null while an order is unpaid. */
    Instant extendEnd() {
        if (jobId != null) {
            return createdAt.plus(timings.jobInit()).plus(timings.extend());
        }
        Instant start = extendStart();
        return start == null ? null : start.plus(timings.extend());
    }

    SandboxJob jobAt(Instant now) {
        Instant end = extendEnd();
        boolean done = !now.isBefore(end);
        String status;
        if (done) {
            status = fails ? "FAIL" : "SUCCESS";
        } else {
            status = now.isBefore(createdAt.plus(timings.jobInit())) ? "INIT" : "RUNNING";
        }
        return new SandboxJob(jobId, status, volumeId, newSize, createdAt, done ? end : null,
                done && fails ? FAIL_CODE : null, done && fails ? failReason : null);
    }

    /** The order status of this disk's part at {@code now}: 4 once cancelled, 6 until paid, then 3 and 5. */
    int orderStatusAt(Instant now) {
        if (cancelledAt != null) {
            return SandboxOrder.CANCELLED;
        }
        if (paidAt == null) {
            return SandboxOrder.AWAITING_PAYMENT;
        }
        return now.isBefore(extendStart()) ? SandboxOrder.PROCESSING : SandboxOrder.COMPLETED;
    }

    SandboxOrder.Line line() {
        return new SandboxOrder.Line(volumeId, oldSize, newSize, volumeType, amount);
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    void cancel(Instant now) {
        cancelledAt = now;
    }
}
