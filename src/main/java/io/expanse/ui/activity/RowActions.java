package io.expanse.ui.activity;

import io.expanse.work.Activity;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * What the operator can do with one activity row beyond copying its reference: each feature that acts on rows
 * (orders awaiting payment, …) registers one of these with {@link ActivityController#addRowActions}, and the panel
 * shows the actions of the selected row as buttons and in the row's context menu.
 */
@FunctionalInterface
public interface RowActions {

    /** The actions for this row, in the order shown; empty when none applies. */
    List<RowAction> actionsFor(Activity activity);

    /**
     * One action.
     *
     * @param id             the button's stable id (e.g. {@code payOrderButton})
     * @param text           its label, with a mnemonic where wanted
     * @param accessibleText what a screen reader says
     * @param run            runs on the FX thread with the panel's window (for dialogs)
     */
    record RowAction(String id, String text, String accessibleText, Consumer<Window> run) {
        public RowAction {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(run, "run");
        }
    }
}
