package io.expanse.ui.resize;

import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.billing.PriceRules;
import io.expanse.text.Texts;
import io.expanse.ui.billing.OrderTexts;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.AccountBilling;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The price section of the resize dialog, and its order step.
 *
 * <p><b>Before sending</b>: for an on-demand disk the price per hour at the current and at the new size (one BSS
 * rating with both sizes) and the difference; for a yearly/monthly disk the monthly prices and an estimate of the
 * order, (new − old monthly price) × the period left of the subscription, labelled as an estimate. A price that
 * cannot be had is said plainly and blocks nothing. A disk with an order awaiting payment is named, with the way
 * to its row.
 *
 * <p><b>After sending</b> a yearly/monthly expansion: its order exists unpaid; its amount, currency and payment
 * deadline are read, and the operator pays it from the balance (a confirmation naming the amount), cancels it, or
 * leaves it for the Billing Center. Nothing is paid while the amount is unknown.
 *
 * <p>Blocking calls run on the {@link TaskExecutor}; with a current-thread executor this runs in plain JUnit.
 */
public final class PriceViewModel {

    private final AccountBilling billing;
    private final ResizeTracker tracker;
    private final ActivityJournal journal;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final String account;
    private final Object priceKey = new Object();
    /** The disk and size last priced, so that the same question is not asked twice in a row. */
    private String pricedFor;

    private final ReadOnlyStringWrapper beforeCaption = new ReadOnlyStringWrapper(this, "beforeCaption");
    private final ReadOnlyStringWrapper beforeText = new ReadOnlyStringWrapper(this, "beforeText");
    private final ReadOnlyStringWrapper afterCaption = new ReadOnlyStringWrapper(this, "afterCaption");
    private final ReadOnlyStringWrapper afterText = new ReadOnlyStringWrapper(this, "afterText");
    private final ReadOnlyStringWrapper differenceCaption = new ReadOnlyStringWrapper(this, "differenceCaption");
    private final ReadOnlyStringWrapper differenceText = new ReadOnlyStringWrapper(this, "differenceText");
    private final ReadOnlyStringWrapper priceNote = new ReadOnlyStringWrapper(this, "priceNote");
    private final ReadOnlyBooleanWrapper priced = new ReadOnlyBooleanWrapper(this, "priced");
    private final ReadOnlyStringWrapper unpaidOrder = new ReadOnlyStringWrapper(this, "unpaidOrder");

    private final ReadOnlyBooleanWrapper orderStep = new ReadOnlyBooleanWrapper(this, "orderStep");
    private final ReadOnlyStringWrapper orderText = new ReadOnlyStringWrapper(this, "orderText");
    private final ReadOnlyStringWrapper orderError = new ReadOnlyStringWrapper(this, "orderError");
    private final ReadOnlyBooleanWrapper canPay = new ReadOnlyBooleanWrapper(this, "canPay");
    private final ReadOnlyBooleanWrapper orderBusy = new ReadOnlyBooleanWrapper(this, "orderBusy");
    private Activity orderActivity;
    private EvsBillingApi.OrderDetail order;
    private Runnable onDone = () -> { };

    /**
     * @param billing the account's billing calls, or null (prices are then said to be unavailable)
     * @param account the account's label, named when paying
     */
    public PriceViewModel(AccountBilling billing, ResizeTracker tracker, ActivityJournal journal, TaskExecutor tasks,
                          Clock clock, String account) {
        this.billing = billing;
        this.tracker = tracker;
        this.journal = Objects.requireNonNull(journal, "journal");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.account = account;
    }

    // ------------------------------------------------------------------------------------------ the price

    /**
     * Shows the price of expanding {@code volume} to {@code newSizeGb}; a size the rules refuse (0) clears it.
     * Also says whether the disk has an order awaiting payment.
     */
    public void show(Volume volume, long newSizeGb) {
        if (volume == null) {
            return;
        }
        showUnpaidOrder(volume);
        if (orderStep.get()) {
            return;
        }
        if (newSizeGb <= volume.sizeGb()) {
            pricedFor = null;
            clearPrice();
            // Supersedes a rating still running.
            BackgroundTask.wrap(() -> null).latestWins(priceKey).executeWith(tasks);
            return;
        }
        String key = volume.id() + "@" + volume.sizeGb() + "->" + newSizeGb;
        if (key.equals(pricedFor)) {
            return;
        }
        pricedFor = key;
        clearPrice();
        if (billing == null) {
            priceNote.set(Texts.get("billing.price.notOffered"));
            return;
        }
        boolean yearly = volume.yearlyMonthly();
        priceNote.set(Texts.get("billing.price.asking"));
        EvsBillingApi api = billing.api();
        EvsBillingApi.RatedDisk disk = EvsBillingApi.RatedDisk.of(volume);
        int size = Math.toIntExact(newSizeGb);
        BackgroundTask.wrap(() -> yearly ? periodQuote(api, disk, volume.id(), size) : hourlyQuote(api, disk, size))
                .latestWins(priceKey)
                .onSuccess(this::showQuote)
                .onFailure(e -> {
                    pricedFor = null;
                    priceNote.set(Texts.get("billing.price.unavailable", ErrorText.describe(e)));
                })
                .executeWith(tasks);
    }

    /** What the price section shows once the prices are known. */
    record Quote(String beforeCaption, String before, String afterCaption, String after, String differenceCaption,
                 String difference, String note) {
    }

    private Quote hourlyQuote(EvsBillingApi api, EvsBillingApi.RatedDisk disk, int newSizeGb) throws Exception {
        EvsBillingApi.OnDemandPrice p = api.rateOnDemand(disk, newSizeGb);
        PriceRules.HourlyDifference d = PriceRules.onDemandDifference(p.oldPerHour(), p.newPerHour(), p.currency());
        return new Quote(Texts.get("billing.price.nowPerHour"), perHour(p.oldPerHour(), p.currency()),
                Texts.get("billing.price.afterPerHour"), perHour(p.newPerHour(), p.currency()),
                Texts.get("billing.price.difference"), d.label(), null);
    }

    private static String perHour(java.math.BigDecimal amount, String currency) {
        return Texts.get("billing.price.perHour", PriceRules.money(amount.stripTrailingZeros(), currency));
    }

    private static String perMonth(java.math.BigDecimal amount, String currency) {
        return Texts.get("billing.price.perMonth", PriceRules.money(amount, currency));
    }

    private Quote periodQuote(EvsBillingApi api, EvsBillingApi.RatedDisk disk, String volumeId, int newSizeGb)
            throws Exception {
        EvsBillingApi.PeriodPrice before = api.rateMonthly(disk, disk.sizeGb());
        EvsBillingApi.PeriodPrice after = api.rateMonthly(disk, newSizeGb);
        String beforeText = perMonth(before.amount(), before.currency());
        String afterText = perMonth(after.amount(), after.currency());
        EvsBillingApi.Subscription sub = api.subscriptions(List.of(volumeId)).stream()
                .filter(s -> volumeId.equals(s.resourceId()) && s.expireTime() != null).findFirst().orElse(null);
        String caption = Texts.get("billing.price.estimate");
        if (sub == null) {
            return new Quote(Texts.get("billing.price.nowPerMonth"), beforeText, Texts.get("billing.price.afterPerMonth"),
                    afterText, caption, Texts.get("billing.price.noExpiry"), null);
        }
        // Huawei bills the China site in Beijing time; the international site is taken the same way (its billing
        // zone is not documented), which can shift the remaining period by a day at most.
        PriceRules.PeriodEstimate e = PriceRules.periodExpansion(before.amount(), after.amount(), after.currency(),
                clock.instant(), sub.expireTime(), PriceRules.CHINA);
        String estimate = e.expired() ? Texts.get("billing.price.expired")
                : Texts.sentences(e.label(), Texts.get("billing.price.remaining", Long.toString(e.remainingDays()),
                Texts.date(sub.expireTime().atZone(ZoneId.systemDefault()).toLocalDate())));
        return new Quote(Texts.get("billing.price.nowPerMonth"), beforeText, Texts.get("billing.price.afterPerMonth"),
                afterText, caption, estimate, Texts.get("billing.price.orderDecides"));
    }

    private void showQuote(Quote q) {
        beforeCaption.set(q.beforeCaption());
        beforeText.set(q.before());
        afterCaption.set(q.afterCaption());
        afterText.set(q.after());
        differenceCaption.set(q.differenceCaption());
        differenceText.set(q.difference());
        priceNote.set(q.note());
        priced.set(true);
    }

    private void clearPrice() {
        priced.set(false);
        for (ReadOnlyStringWrapper w : List.of(beforeCaption, beforeText, afterCaption, afterText, differenceCaption,
                differenceText, priceNote)) {
            w.set(null);
        }
    }

    /** An unfinished change of this disk awaiting payment blocks another one: say so and where to act on it. */
    private void showUnpaidOrder(Volume volume) {
        Activity unpaid = journal.unfinished().stream()
                .filter(a -> volume.id().equals(a.resourceId()) && a.state() == ActivityState.AWAITING_PAYMENT)
                .findFirst().orElse(null);
        boolean ours = unpaid != null && orderActivity != null && unpaid.id().equals(orderActivity.id());
        unpaidOrder.set(unpaid == null || ours ? null : Texts.get("billing.price.unpaidOrder", volume.name(),
                String.valueOf(unpaid.orderId())));
    }

    // ------------------------------------------------------------------------------------------ the order step

    /**
     * The expansion was accepted. For an order awaiting payment the order step starts (its amount is read) and
     * true is returned; otherwise there is nothing to decide here (false: the dialog closes).
     */
    public boolean accepted(Activity activity) {
        if (activity.state() != ActivityState.AWAITING_PAYMENT || activity.orderId() == null || billing == null
                || tracker == null) {
            return false;
        }
        orderActivity = activity;
        orderStep.set(true);
        unpaidOrder.set(null);
        canPay.set(false);
        orderText.set(Texts.get("billing.order.reading", activity.orderId()));
        readOrder();
        return true;
    }

    /** Reads the order again (its amount and deadline). */
    public void readOrder() {
        String orderId = orderActivity.orderId();
        orderBusy.set(true);
        BackgroundTask.wrap(() -> tracker.orderDetail(orderId))
                .onSuccess(detail -> {
                    order = detail;
                    orderText.set(OrderTexts.summary(detail));
                    canPay.set(OrderTexts.amount(detail) != null && detail.awaitingPayment());
                    orderError.set(null);
                })
                .onFailure(e -> {
                    orderText.set(Texts.get("billing.order.unreadable", orderId, ErrorText.describe(e)));
                    canPay.set(false);
                })
                .onFinished(() -> orderBusy.set(false))
                .executeWith(tasks);
    }

    /** The question before paying; it names the amount. Only while {@link #canPayProperty()} is true. */
    public OrderTexts.Confirmation payConfirmation() {
        if (!canPay.get() || order == null) {
            throw new IllegalStateException("no amount to pay");
        }
        return OrderTexts.pay(order, disksOfOrder(), account);
    }

    /** The question before cancelling. */
    public OrderTexts.Confirmation cancelConfirmation() {
        return OrderTexts.cancel(orderActivity.orderId(), disksOfOrder());
    }

    /** The disks whose changes share the order (a batch order expands several). */
    private int disksOfOrder() {
        String orderId = orderActivity.orderId();
        return (int) Math.max(1, journal.unfinished().stream().filter(a -> orderId.equals(a.orderId())).count());
    }

    /** Pays (after the confirmation); accepted or unanswered, the dialog is done; refused, the reason is shown. */
    public void pay() {
        if (!canPay.get() || orderBusy.get()) {
            return;
        }
        act(true);
    }

    /** Cancels (after the confirmation). */
    public void cancelOrder() {
        if (orderBusy.get()) {
            return;
        }
        act(false);
    }

    private void act(boolean pay) {
        String id = orderActivity.id();
        orderBusy.set(true);
        orderError.set(null);
        BackgroundTask.wrap(() -> pay ? tracker.payOrder(id) : tracker.cancelOrder(id))
                .onSuccess(outcome -> onDone.run())
                .onFailure(e -> orderError.set(Texts.get(pay ? "billing.order.payFailed" : "billing.order.cancelFailed",
                        ErrorText.describe(e))))
                .onFinished(() -> orderBusy.set(false))
                .executeWith(tasks);
    }

    /** Leaves the order unpaid: the activity row keeps following it, and it can be paid there or online. */
    public void payLater() {
        onDone.run();
    }

    /** The Billing Center's order list on the account's site, or null. */
    public String billingCenterUrl() {
        return billing == null ? null : billing.billingCenterUrl();
    }

    public void setOnDone(Runnable action) {
        onDone = Objects.requireNonNull(action, "action");
    }

    public ReadOnlyStringProperty beforeCaptionProperty() {
        return beforeCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty beforeTextProperty() {
        return beforeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty afterCaptionProperty() {
        return afterCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty afterTextProperty() {
        return afterText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty differenceCaptionProperty() {
        return differenceCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty differenceTextProperty() {
        return differenceText.getReadOnlyProperty();
    }

    /** Asking, unavailable (with why, and that it blocks nothing), or what the estimate is not; else null. */
    public ReadOnlyStringProperty priceNoteProperty() {
        return priceNote.getReadOnlyProperty();
    }

    /** Whether prices are shown. */
    public ReadOnlyBooleanProperty pricedProperty() {
        return priced.getReadOnlyProperty();
    }

    /** The disk's order awaiting payment, and where to pay or cancel it; else null. */
    public ReadOnlyStringProperty unpaidOrderProperty() {
        return unpaidOrder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty orderStepProperty() {
        return orderStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty orderTextProperty() {
        return orderText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty orderErrorProperty() {
        return orderError.getReadOnlyProperty();
    }

    /** Whether the order can be paid from here: its amount is known and it awaits payment. */
    public ReadOnlyBooleanProperty canPayProperty() {
        return canPay.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty orderBusyProperty() {
        return orderBusy.getReadOnlyProperty();
    }
}
