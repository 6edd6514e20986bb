package io.expanse.ui.billing;

import io.expanse.text.Texts;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.AccountBilling;
import io.expanse.work.accounts.EvsAccount;
import java.util.Objects;

/**
 * Paying and cancelling the order of an activity row awaiting payment, through the tracker of the account shown
 * (the row's account, region and project must be the one selected). Paying first reads the order, so that the
 * confirmation names its amount as it is now; an order without an amount is not paid from here. The questions and
 * the refusals go through {@link Prompts}, so that this runs in plain JUnit.
 */
public final class OrderActions {

    /** How the operator is asked and told. */
    public interface Prompts {
        /** Asks; true to go ahead. {@code confirmId} names the confirming button. */
        boolean confirm(OrderTexts.Confirmation confirmation, String confirmId);

        /** Says why nothing was done. */
        void refused(String header, String text);
    }

    private final Session session;
    private final ActivityJournal journal;
    private final TaskExecutor tasks;

    public OrderActions(Session session, ActivityJournal journal, TaskExecutor tasks) {
        this.session = Objects.requireNonNull(session, "session");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Whether the row has an order that can be paid or cancelled. */
    public static boolean offers(Activity a) {
        return a != null && Activity.KIND_EVS_RESIZE.equals(a.kind()) && a.state() == ActivityState.AWAITING_PAYMENT
                && a.orderId() != null;
    }

    /** The Billing Center of the account shown, or of the China site when none is. */
    public String billingCenterUrl() {
        EvsAccount account = session.connection();
        return account == null || account.billing() == null ? AccountBilling.CHINA_ORDERS
                : account.billing().billingCenterUrl();
    }

    /** Reads the order, asks with its amount, then pays it; a refusal is told with its reason. */
    public void pay(Activity row, Prompts prompts) {
        ResizeTracker tracker = trackerFor(row, prompts);
        if (tracker == null) {
            return;
        }
        BackgroundTask.wrap(() -> tracker.orderDetail(row.orderId()))
                .onSuccess(detail -> {
                    if (!detail.awaitingPayment()) {
                        prompts.refused(Texts.get("billing.row.notPaidHeader"), Texts.get("billing.row.noLongerAwaiting",
                                row.orderId()));
                        tracker.resume(row.id());
                        return;
                    }
                    if (OrderTexts.amount(detail) == null) {
                        prompts.refused(Texts.get("billing.row.notPaidHeader"), Texts.get("billing.order.noAmount",
                                row.orderId()));
                        return;
                    }
                    if (prompts.confirm(OrderTexts.pay(detail, disksOf(row.orderId()),
                            io.expanse.work.accounts.AccountOpener.shownLabel(session.connection().label())),
                            "confirmPayButton")) {
                        act(tracker, row, true, prompts);
                    }
                })
                .onFailure(e -> prompts.refused(Texts.get("billing.row.notPaidHeader"),
                        Texts.get("billing.row.orderUnreadable", row.orderId(), ErrorText.describe(e))))
                .executeWith(tasks);
    }

    /** Asks, then cancels the order. */
    public void cancel(Activity row, Prompts prompts) {
        ResizeTracker tracker = trackerFor(row, prompts);
        if (tracker == null) {
            return;
        }
        if (prompts.confirm(OrderTexts.cancel(row.orderId(), disksOf(row.orderId())), "confirmCancelOrderButton")) {
            act(tracker, row, false, prompts);
        }
    }

    private void act(ResizeTracker tracker, Activity row, boolean pay, Prompts prompts) {
        BackgroundTask.wrap(() -> pay ? tracker.payOrder(row.id()) : tracker.cancelOrder(row.id()))
                .onFailure(e -> prompts.refused(Texts.get(pay ? "billing.row.notPaidHeader"
                        : "billing.row.notCancelledHeader"), ErrorText.describe(e)))
                .executeWith(tasks);
    }

    /** The disks whose activities share this order (a batch order expands several). */
    private int disksOf(String orderId) {
        long n = journal.unfinished().stream().filter(a -> orderId.equals(a.orderId())).count();
        return (int) Math.max(1, n);
    }

    /** The tracker of the account shown when the row is one of its changes; else the operator is told which. */
    private ResizeTracker trackerFor(Activity row, Prompts prompts) {
        EvsAccount account = session.connection();
        if (account == null || account.tracker() == null || account.billing() == null
                || !Objects.equals(account.label(), row.account()) || !Objects.equals(account.region(), row.region())
                || !Objects.equals(account.projectId(), row.projectId())) {
            prompts.refused(Texts.get("billing.row.otherAccountHeader"), Texts.get("billing.row.otherAccount",
                    row.account(), String.valueOf(row.region())));
            return null;
        }
        return account.tracker();
    }
}
