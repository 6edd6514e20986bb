package io.expanse.ui.billing;

import io.expanse.text.Texts;
import io.expanse.ui.activity.RowActions;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import java.util.List;
import javafx.stage.Window;

/** The activity panel's actions on a row awaiting payment: Pay…, Cancel order…, Open Billing Center. */
public final class OrderRowActions implements RowActions {

    private final OrderActions actions;
    private final TaskExecutor tasks;

    public OrderRowActions(OrderActions actions, TaskExecutor tasks) {
        this.actions = actions;
        this.tasks = tasks;
    }

    @Override
    public List<RowAction> actionsFor(Activity a) {
        if (!OrderActions.offers(a)) {
            return List.of();
        }
        return List.of(
                new RowAction("payOrderButton", Texts.get("billing.row.pay"), Texts.get("billing.row.pay.a11y"),
                        owner -> actions.pay(a, prompts(owner))),
                new RowAction("cancelOrderRowButton", Texts.get("billing.row.cancel"),
                        Texts.get("billing.row.cancel.a11y"), owner -> actions.cancel(a, prompts(owner))),
                new RowAction("billingCenterButton", Texts.get("billing.row.billingCenter"),
                        Texts.get("billing.row.billingCenter.a11y"), owner -> {
                    String url = actions.billingCenterUrl();
                    OrderDialogs.openBillingCenter(url, tasks, () -> OrderDialogs.refused(owner,
                            Texts.get("billing.row.billingCenter"), Texts.get("billing.link.copied", url)));
                }));
    }

    private static OrderActions.Prompts prompts(Window owner) {
        return new OrderActions.Prompts() {
            @Override
            public boolean confirm(OrderTexts.Confirmation confirmation, String confirmId) {
                return OrderDialogs.confirm(owner, confirmation, confirmId);
            }

            @Override
            public void refused(String header, String text) {
                OrderDialogs.refused(owner, header, text);
            }
        };
    }
}
