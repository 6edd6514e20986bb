package io.expanse.ui.packs;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Gives the packs view's action buttons an icon and a tooltip, shows their text while the whole tool bar fits, and
 * only their icons when it does not; what still does not fit goes to the {@link ToolBar}'s own overflow menu (which
 * lists the buttons by their text). A button is never shown cut to "…".
 */
final class PackToolbar {

    /** Icon size in pixels, for buttons and menu items alike. */
    static final int ICON_SIZE = 15;

    private final ToolBar bar;
    private final Map<ButtonBase, Ikon> buttons;
    /** The tool bar's preferred width with every text shown, measured while it was shown so; 0 before. */
    private double textWidth;
    private boolean compact;

    private PackToolbar(ToolBar bar, Map<ButtonBase, Ikon> buttons) {
        this.bar = bar;
        this.buttons = new LinkedHashMap<>(buttons);
    }

    /** Installs icons, tooltips and the compact mode on {@code bar}'s {@code buttons}. */
    static PackToolbar install(ToolBar bar, Map<ButtonBase, Ikon> buttons) {
        PackToolbar t = new PackToolbar(bar, buttons);
        t.buttons.forEach((button, ikon) -> {
            button.setGraphic(icon(ikon));
            Tooltip tip = new Tooltip(plain(button.getText()));
            tip.setShowDelay(Duration.millis(400));
            button.setTooltip(tip);
            button.textProperty().addListener((o, a, b) -> tip.setText(plain(b)));
        });
        bar.widthProperty().addListener((o, a, b) -> t.fit());
        return t;
    }

    /** An icon for a menu item with the same action as a button. */
    static void decorate(MenuItem item, Ikon ikon) {
        item.setGraphic(icon(ikon));
    }

    private static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(ICON_SIZE);
        icon.getStyleClass().add("packs-toolbar-icon");
        return icon;
    }

    /** Whether the buttons show only their icons now. */
    boolean compact() {
        return compact;
    }

    private void fit() {
        if (!compact) {
            textWidth = bar.prefWidth(-1);
        }
        boolean next = textWidth > 0 && bar.getWidth() < textWidth;
        if (next != compact) {
            compact = next;
            ContentDisplay display = compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            buttons.keySet().forEach(b -> b.setContentDisplay(display));
        }
    }

    /** The text without its mnemonic marker ("_Add…" reads "Add…", "添加(_A)…" reads "添加…"). */
    static String plain(String text) {
        return text == null ? "" : text.replaceFirst("\\(_.\\)", "").replaceFirst("_(?=.)", "");
    }
}
