package io.expanse.ui.activity;

import io.expanse.work.Activity;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.stage.Window;

/**
 * Something the operator can do with one activity row, offered as a button of the panel's toolbar and an item of
 * the row's context menu while the selected row qualifies. Features outside the panel (the resize dialog, billing)
 * add theirs in the composition root, so the panel needs to know none of them.
 *
 * @param id        the button's fx:id (the menu item gets {@code id + "Item"})
 * @param labelKey  bundle key of the button's text (with its mnemonic)
 * @param a11yKey   bundle key of its accessible text
 * @param offered   whether the selected row qualifies
 * @param run       what it does, with the row and the panel's window as owner of any dialog
 */
public record ActivityAction(String id, String labelKey, String a11yKey, Predicate<Activity> offered,
                             BiConsumer<Activity, Window> run) {

    public ActivityAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(a11yKey, "a11yKey");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(run, "run");
    }

    /** Whether the action applies to {@code a} (null: no row selected). */
    public boolean offeredFor(Activity a) {
        return a != null && offered.test(a);
    }
}
