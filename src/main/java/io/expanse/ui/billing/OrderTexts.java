package io.expanse.ui.billing;

import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.text.Texts;
import io.expanse.work.ResizeTracker;
import java.time.ZoneId;

/**
 * What the operator reads before paying or cancelling an order, from the resize dialog or from an activity row:
 * the amount always named, nothing charged without it. No JavaFX: tested in plain JUnit.
 */
public final class OrderTexts {

    private OrderTexts() {
    }

    /**
     * A confirmation: the window title, its question, the explanation, and the texts of the button that does it and
     * of the one that does not.
     */
    public record Confirmation(String title, String header, String text, String confirm, String keep) {
    }

    /** "123.45 CNY" from an order's amount after discount (else its list price); null when BSS gave neither. */
    public static String amount(EvsBillingApi.OrderDetail order) {
        String amount = order.toOrder().amount();
        return amount == null ? null : ResizeTracker.amountText(amount, order.currency());
    }

    /** "Order X: 123.45 CNY to pay, by <deadline>. Nothing has been charged yet." */
    public static String summary(EvsBillingApi.OrderDetail order) {
        String amount = amount(order);
        if (amount == null) {
            return Texts.get("billing.order.noAmount", order.orderId());
        }
        return order.pendingPaymentEndTime() == null
                ? Texts.get("billing.order.summary", order.orderId(), amount)
                : Texts.get("billing.order.summaryBy", order.orderId(), amount,
                Texts.dateTime(order.pendingPaymentEndTime(), ZoneId.systemDefault()));
    }

    /**
     * Paying names the amount, the order and how many disks it expands.
     *
     * @param disks the disks of the order (a batch order has several)
     * @throws IllegalArgumentException when the order has no amount: it is not paid from here then
     */
    public static Confirmation pay(EvsBillingApi.OrderDetail order, int disks, String account) {
        String amount = amount(order);
        if (amount == null) {
            throw new IllegalArgumentException("an order without an amount is not paid from here");
        }
        return new Confirmation(Texts.get("billing.pay.title"), Texts.get("billing.pay.header", amount),
                Texts.get("billing.pay.text", order.orderId(), account, disks),
                Texts.get("billing.pay.confirm", amount), Texts.get("billing.pay.keep"));
    }

    /** Cancelling says the disks stay as they are and nothing is charged. */
    public static Confirmation cancel(String orderId, int disks) {
        return new Confirmation(Texts.get("billing.cancel.title"), Texts.get("billing.cancel.header", orderId),
                Texts.get("billing.cancel.text", disks), Texts.get("billing.cancel.confirm"),
                Texts.get("billing.cancel.keep"));
    }
}
