package io.expanse.ui.common;

import io.expanse.text.Texts;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

/**
 * Dialog buttons with the texts of the language in use. JavaFX's own {@code ButtonType.OK}, {@code CANCEL},
 * {@code CLOSE}… take their labels once, when the class loads, in the JVM's default locale: never use them (a
 * Chinese desktop would show 取消 beside an English "Delete", or the reverse).
 */
public final class Buttons {

    private Buttons() {
    }

    public static ButtonType cancel() {
        return new ButtonType(Texts.get("common.cancel"), ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType close() {
        return new ButtonType(Texts.get("common.close"), ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType ok() {
        return new ButtonType(Texts.get("common.ok"), ButtonData.OK_DONE);
    }

    /** A confirming button with the text of {@code key}. */
    public static ButtonType confirm(String key) {
        return new ButtonType(Texts.get(key), ButtonData.OK_DONE);
    }
}
