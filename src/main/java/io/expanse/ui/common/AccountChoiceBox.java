package io.expanse.ui.common;

import javafx.scene.control.ComboBox;

/** Ties a combo box to an {@link AccountSelector}: it lists the choices, follows the current one and switches. */
public final class AccountChoiceBox {

    private AccountChoiceBox() {
    }

    public static void bind(ComboBox<AccountChoice> box, AccountSelector<?> selector) {
        boolean[] following = new boolean[1];
        box.setItems(selector.choices());
        box.setValue(selector.currentProperty().get());
        selector.currentProperty().addListener((o, a, b) -> {
            following[0] = true;
            box.setValue(b);
            following[0] = false;
        });
        box.valueProperty().addListener((o, a, b) -> {
            if (!following[0] && b != null && !b.equals(selector.currentProperty().get())) {
                selector.switchTo(b);
            }
        });
    }
}
