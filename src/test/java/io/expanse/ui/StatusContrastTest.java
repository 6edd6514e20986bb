package io.expanse.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The status colours app.css defines (the text of status-ok, -busy, -wait, -bad cells, the validation message)
 * keep a contrast of at least 4.5:1 (WCAG AA for text) against the table's backgrounds (plain and striped rows) in
 * both themes, light and dark; and a selected row's text against the selection colour. The colours are read from
 * app.css and from the AtlantaFX theme stylesheets themselves, so a change of either is checked.
 */
class StatusContrastTest {

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("(-color-[a-z0-9-]+)\\s*:\\s*([^;]+);");

    @Test
    void statusColoursReadOnBothThemesBackgrounds() throws IOException {
        Map<String, String> statusColours = statusColours();
        assertFalse(statusColours.isEmpty(), "no status colours found in app.css");
        List<String> problems = new ArrayList<>();
        for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
            Map<String, String> vars = variables(theme);
            double[] bg = color(vars, "-color-bg-default", null);
            for (String background : List.of("-color-bg-default", "-color-bg-subtle")) {
                double[] back = color(vars, background, bg);
                statusColours.forEach((selector, variable) -> {
                    double ratio = contrast(color(vars, variable, back), back);
                    if (ratio < 4.5) {
                        problems.add(String.format("%s: %s (%s) on %s is %.2f:1", theme.getName(), selector,
                                variable, background, ratio));
                    }
                });
            }
            // A selected row: the row's own text colour on the selection colour app.css sets.
            double[] selected = color(vars, "-color-accent-subtle", bg);
            double ratio = contrast(color(vars, "-color-fg-default", selected), selected);
            if (ratio < 4.5) {
                problems.add(String.format("%s: a selected row's text is %.2f:1", theme.getName(), ratio));
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * A selected row keeps its status colour (its meaning stays visible while the row is selected): each status
     * colour, on a selected row, reads at 4.5:1 or more on the selection colour in both themes.
     */
    @Test
    void statusColoursStayReadableOnASelectedRow() throws IOException {
        Map<String, String> onSelected = selectedStatusColours();
        assertEquals(4, onSelected.size(), "app.css colours the four statuses of a selected row: " + onSelected);
        List<String> problems = new ArrayList<>();
        for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
            Map<String, String> vars = variables(theme);
            double[] bg = color(vars, "-color-bg-default", null);
            double[] selected = color(vars, "-color-accent-subtle", bg);
            onSelected.forEach((selector, variable) -> {
                double ratio = contrast(cssColor(vars, variable, selected), selected);
                if (ratio < 4.5) {
                    problems.add(String.format("%s: %s (%s) on a selected row is %.2f:1", theme.getName(), selector,
                            variable, ratio));
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    /** Selector → text colour variable of the status cells of a selected row. */
    static Map<String, String> selectedStatusColours() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/io/expanse/ui/app.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = RULE.matcher(css);
        while (m.find()) {
            for (String selector : m.group(1).split(",")) {
                selector = selector.strip();
                if (selector.contains(":selected") && selector.contains("status-")) {
                    Matcher fill = Pattern.compile("-fx-text-fill\\s*:\\s*((?:derive\\()?-color-[a-z0-9-]+"
                            + "(?:\\s*,\\s*-?\\d+%\\))?)").matcher(m.group(2));
                    if (fill.find()) {
                        found.put(selector, fill.group(1));
                    }
                }
            }
        }
        return found;
    }

    private static final Pattern DERIVE = Pattern.compile("derive\\((-color-[a-z0-9-]+)\\s*,\\s*(-?\\d+)%\\)");

    /** A colour as app.css writes it: a variable, or {@code derive(variable, -10%)} as JavaFX computes it. */
    private static double[] cssColor(Map<String, String> vars, String value, double[] under) {
        Matcher d = DERIVE.matcher(value);
        if (!d.matches()) {
            return color(vars, value, under);
        }
        double[] c = color(vars, d.group(1), under);
        double amount = Integer.parseInt(d.group(2)) / 100.0;
        // javafx.scene.paint.Color and com.sun.javafx.util.Utils.deriveColor: darker scales the HSB brightness.
        double base = 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2];
        if (amount < 0 && base < 0.2) {
            amount *= 0.6;
        }
        if (amount > 0) {
            throw new IllegalArgumentException("only darker derive() is computed here: " + value);
        }
        java.awt.Color awt = new java.awt.Color((float) c[0], (float) c[1], (float) c[2]);
        float[] hsb = java.awt.Color.RGBtoHSB(awt.getRed(), awt.getGreen(), awt.getBlue(), null);
        int rgb = java.awt.Color.HSBtoRGB(hsb[0], hsb[1], (float) (hsb[2] * (1 + amount)));
        return new double[] {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0};
    }

    /** Selector → the -color-* variable of its -fx-text-fill, for the status classes and validation messages. */
    static Map<String, String> statusColours() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/io/expanse/ui/app.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = RULE.matcher(css);
        while (m.find()) {
            String selector = m.group(1).strip();
            if (!(selector.contains("status-") || selector.contains("validation-message"))
                    || selector.contains(":selected")) {
                continue;
            }
            Matcher fill = Pattern.compile("-fx-text-fill\\s*:\\s*(-color-[a-z0-9-]+)").matcher(m.group(2));
            if (fill.find()) {
                found.put(selector, fill.group(1));
            }
        }
        return found;
    }

    private static Map<String, String> variables(Theme theme) throws IOException {
        String path = theme.getUserAgentStylesheet().replaceFirst("\\.bss$", ".css");
        String resource = path.startsWith("/") ? path : "/" + path;
        Map<String, String> vars = new LinkedHashMap<>();
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no stylesheet " + resource);
            }
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int root = css.indexOf(".root");
            Matcher m = VARIABLE.matcher(css.substring(root, css.indexOf('}', root)));
            while (m.find()) {
                vars.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        return vars;
    }

    /** The colour of a variable (following references), as sRGB from 0 to 1; a translucent one over {@code under}. */
    private static double[] color(Map<String, String> vars, String name, double[] under) {
        String v = name;
        for (int i = 0; i < 10 && v.startsWith("-color-"); i++) {
            v = vars.get(v);
            if (v == null) {
                throw new IllegalArgumentException("no " + name);
            }
        }
        double[] rgba;
        if (v.startsWith("#")) {
            String h = v.substring(1);
            rgba = new double[] {Integer.parseInt(h.substring(0, 2), 16), Integer.parseInt(h.substring(2, 4), 16),
                Integer.parseInt(h.substring(4, 6), 16), 1};
        } else {
            String[] p = v.replaceAll("rgba?\\(|\\)", "").split(",");
            rgba = new double[] {Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()),
                Double.parseDouble(p[2].strip()), p.length > 3 ? Double.parseDouble(p[3].strip()) : 1};
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgba[i] / 255.0;
            if (rgba[3] < 1 && under != null) {
                c = c * rgba[3] + under[i] * (1 - rgba[3]);
            }
            out[i] = c;
        }
        return out;
    }

    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] srgb) {
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = srgb[i];
            lin[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }
}
