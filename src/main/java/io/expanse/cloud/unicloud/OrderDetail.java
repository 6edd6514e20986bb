package io.expanse.cloud.unicloud;

import io.expanse.text.Texts;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What {@code OrderDetail} says about an order (UniCloud's transaction service). The integer {@code OrderStatus} codes are not
 * documented, so they are never interpreted: {@link #orderStatus()} is shown raw. UNCONFIRMED reading, stated
 * here once: an order is paid when it has a {@code PayTime}, cancelled when it has a {@code CancelType}, and past
 * its payment deadline when {@code DueTime} has passed without a {@code PayTime}.
 *
 * @param orderId       the order id (text)
 * @param orderStatus   raw {@code OrderStatus}, or null
 * @param payTime       raw {@code PayTime}, or null
 * @param dueTime       raw {@code DueTime} (超时时间), or null
 * @param cancelType    raw {@code CancelType}, or null
 * @param paidAmount    raw {@code PaidAmount}, or null
 * @param orderCategory raw {@code OrderCategory}, or null
 */
public record OrderDetail(String orderId, String orderStatus, String payTime, String dueTime, String cancelType,
                          String paidAmount, String orderCategory) {

    /** UNCONFIRMED: UniCloud is in China; a zone-less time is taken as China Standard Time. */
    static final ZoneId SERVER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public boolean paid() {
        return present(payTime);
    }

    public boolean cancelled() {
        return !paid() && present(cancelType);
    }

    /** Whether the payment deadline has passed unpaid; false when the deadline is unknown or unreadable. */
    public boolean expiredUnpaid(Instant now) {
        Instant due = parseTime(dueTime);
        return !paid() && due != null && now.isAfter(due);
    }

    /** "status 1" or "status unknown": the raw code, never a guessed meaning. */
    public String statusText() {
        return orderStatus == null ? Texts.get("cloud.unicloud.order.noStatus")
                : Texts.get("cloud.unicloud.order.status", orderStatus);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank() && !"0".equals(s.strip()) && !"null".equalsIgnoreCase(s.strip());
    }

    /** Epoch milliseconds, ISO-8601, or {@code yyyy-MM-dd HH:mm:ss} in {@link #SERVER_ZONE}; else null. */
    public static Instant parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            if (t.matches("\\d{10,15}")) {
                long n = Long.parseLong(t);
                return t.length() <= 10 ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t, PLAIN).atZone(SERVER_ZONE).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
