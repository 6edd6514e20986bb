package io.expanse.ui.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.text.Font;

/**
 * The font every window uses: the first installed of the families app.css names (each has a bold face for Latin
 * and Chinese text). JavaFX CSS takes only the first name of a {@code -fx-font-family} list, and the fallback it
 * uses for Chinese characters has no bold face, so bold Chinese text would not show; the family found here goes
 * into a small stylesheet added to every scene and dialog.
 */
public final class Fonts {

    /** As in app.css: Windows, macOS, Linux (fonts-noto-cjk), older Linux. */
    static final List<String> FAMILIES = List.of("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "WenQuanYi Micro Hei");

    private static String stylesheet;
    private static boolean looked;

    private Fonts() {
    }

    /** A data: stylesheet setting the family, or null when none of the families is installed. FX thread. */
    public static synchronized String stylesheet() {
        if (!looked) {
            looked = true;
            for (String family : FAMILIES) {
                if (family.equals(Font.font(family, 12).getFamily())) {
                    String css = ".root { -fx-font-family: \"" + family + "\"; }";
                    stylesheet = "data:text/css;base64,"
                            + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
                    break;
                }
            }
        }
        return stylesheet;
    }

    public static void apply(Scene scene) {
        String css = stylesheet();
        if (css != null && !scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }

    public static void apply(Dialog<?> dialog) {
        String css = stylesheet();
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css);
        }
    }
}
