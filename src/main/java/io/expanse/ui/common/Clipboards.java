package io.expanse.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the system clipboard: the one way every Copy button and menu item of the console does it. */
public final class Clipboards {

    private Clipboards() {
    }

    /** Replaces the clipboard's content with {@code text}; call on the FX thread. */
    public static void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
