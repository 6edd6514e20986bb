package io.expanse.ui.main;

import io.expanse.text.Texts;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the main window, in the order Help → Keyboard shortcuts lists them. The one table: the
 * menu items take their accelerators from it ({@link #accelerator(BooleanSupplier)}), and the dialog lists it, so
 * the two cannot disagree.
 */
public enum Shortcut {

    REFRESH("shortcuts.refresh", new KeyCodeCombination(KeyCode.F5),
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN)),
    FILTER("shortcuts.filter", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN)),
    CLEAR_FILTER("shortcuts.filterEsc", new KeyCodeCombination(KeyCode.ESCAPE)),
    FILTER_TO_TABLE("shortcuts.filterDown", "\u2193"),
    ROWS("shortcuts.rows", "\u2191 \u2193"),
    EXPAND("shortcuts.expand", new KeyCodeCombination(KeyCode.ENTER)),
    COPY_ID("shortcuts.copy", new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN)),
    /** Alt and the underlined letter of each menu of the bar, read from the menus' texts. */
    MENUS("shortcuts.menus", ""),
    MNEMONIC("shortcuts.mnemonic", ""),
    TAB("shortcuts.tab", "Tab / Shift+Tab"),
    /** Esc as JavaFX names it in the menus ("Escape"), so that both rows of Esc read the same. */
    DIALOG_ESC("shortcuts.dialogEsc", "");

    /** The bundle keys of the menu bar's menus, in their order. */
    static final List<String> MENU_KEYS = List.of("main.menu.file", "main.menu.edit", "main.menu.view",
            "main.menu.help");

    private final String descriptionKey;
    private final List<KeyCombination> combinations;
    private final String keysText;

    Shortcut(String descriptionKey, KeyCombination... combinations) {
        this.descriptionKey = descriptionKey;
        this.combinations = List.of(combinations);
        this.keysText = null;
    }

    Shortcut(String descriptionKey, String keysText) {
        this.descriptionKey = descriptionKey;
        this.combinations = List.of();
        this.keysText = keysText;
    }

    /** What the shortcut does, in the language in use. */
    public String description() {
        return Texts.get(descriptionKey);
    }

    /** The keys as the menus and the dialog show them: "F5 / Ctrl+R", "Alt+F / Alt+E / Alt+V / Alt+H". */
    public String keys() {
        if (!combinations.isEmpty()) {
            return display(combinations);
        }
        return switch (this) {
            case MENUS -> MENU_KEYS.stream().map(k -> "Alt+" + mnemonic(Texts.get(k))).collect(Collectors.joining(
                    " / "));
            case MNEMONIC -> "Alt+" + Texts.get("shortcuts.key.underlined");
            case DIALOG_ESC -> display(new KeyCodeCombination(KeyCode.ESCAPE));
            default -> keysText;
        };
    }

    /** Whether a menu item carries this shortcut as its accelerator. */
    public boolean isAccelerator() {
        return !combinations.isEmpty();
    }

    /**
     * The accelerator of this shortcut's menu item: any of its key combinations, acting only while {@code active}
     * holds (Enter expands only from the volume table, not from a text field or the activity list). When it does
     * not hold the key goes on to the focused control's neighbours as if there were no accelerator.
     */
    public KeyCombination accelerator(BooleanSupplier active) {
        if (combinations.isEmpty()) {
            throw new IllegalStateException(name() + " is not a menu accelerator");
        }
        return new Accelerator(combinations, active);
    }

    /** The letter after the first {@code _} of a text: F of "_File" and of "文件(_F)". */
    static String mnemonic(String text) {
        int at = text.indexOf('_');
        return at < 0 || at + 1 >= text.length() ? "?" : text.substring(at + 1, at + 2).toUpperCase(java.util.Locale.ROOT);
    }

    private static String display(List<KeyCombination> combinations) {
        return combinations.stream().map(Shortcut::display).collect(Collectors.joining(" / "));
    }

    /** JavaFX's own name of a key ("Ctrl+C", "F5", "Esc"), but Enter in words rather than ↵. */
    private static String display(KeyCombination combination) {
        if (combination instanceof KeyCodeCombination k && k.getCode() == KeyCode.ENTER
                && k.getShortcut() == KeyCombination.ModifierValue.UP && k.getControl() == KeyCombination.ModifierValue.UP
                && k.getAlt() == KeyCombination.ModifierValue.UP && k.getShift() == KeyCombination.ModifierValue.UP
                && k.getMeta() == KeyCombination.ModifierValue.UP) {
            return Texts.get("shortcuts.key.enter");
        }
        return combination.getDisplayText();
    }

    /**
     * One or more key combinations with a condition, shown in its menu as "F5 / Ctrl+R". Equal only to itself: the
     * scene keeps accelerators in a map, where two of these must never replace each other.
     */
    static final class Accelerator extends KeyCombination {
        private final List<KeyCombination> combinations;
        private final BooleanSupplier active;

        Accelerator(List<KeyCombination> combinations, BooleanSupplier active) {
            this.combinations = combinations;
            this.active = active;
        }

        List<KeyCombination> combinations() {
            return combinations;
        }

        @Override
        public boolean match(KeyEvent event) {
            return combinations.stream().anyMatch(c -> c.match(event)) && active.getAsBoolean();
        }

        @Override
        public String getDisplayText() {
            return display(combinations);
        }

        @Override
        public String getName() {
            return combinations.stream().map(KeyCombination::getName).collect(Collectors.joining(" / "));
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return getName();
        }
    }
}
