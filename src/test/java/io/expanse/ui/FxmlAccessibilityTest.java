package io.expanse.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every FXML view, read as XML (no window): each control the operator can reach has a stable {@code fx:id} and an
 * accessible text from the bundles in both languages; each menu, menu item and tab has an {@code fx:id} and a text
 * key; each button, check box and menu has a mnemonic ({@code _F}, 文件(_F)) in both languages, and the mnemonics
 * that can be pressed together (the buttons of one view, the items of one menu, the menus of the bar) differ.
 */
class FxmlAccessibilityTest {

    private static final Path VIEWS = Path.of("src/main/resources/io/expanse/ui");
    private static final Path BUNDLES = Path.of("src/main/resources/io/expanse/i18n");
    private static final String FX = "http://javafx.com/fxml/1";

    /** Controls that take the keyboard focus: they need an fx:id and an accessibleText. */
    static final Set<String> FOCUSABLE = Set.of("Button", "ToggleButton", "CheckBox", "RadioButton", "Hyperlink",
            "TextField", "PasswordField", "TextArea", "ComboBox", "ChoiceBox", "Spinner", "DatePicker", "Slider",
            "ListView", "TableView", "TreeView", "TreeTableView", "TabPane", "MenuBar", "MenuButton",
            "SplitMenuButton", "ColorPicker");
    /** Not nodes, read by their text: they need an fx:id and a text key. */
    static final Set<String> ITEMS = Set.of("Menu", "MenuItem", "RadioMenuItem", "CheckMenuItem", "Tab");
    /** What carries a mnemonic. */
    static final Set<String> MNEMONIC = Set.of("Button", "ToggleButton", "CheckBox", "RadioButton", "Menu",
            "MenuItem", "RadioMenuItem", "CheckMenuItem");

    private static Map<String, String> bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> s = Files.list(VIEWS)) {
            return s.filter(p -> p.toString().endsWith(".fxml")).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> elements(Document doc) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            // <TableView fx:constant="CONSTRAINED_RESIZE_POLICY"/> names a constant, not a control
            if (!e.hasAttributeNS(FX, "constant")) {
                out.add(e);
            }
        }
        return out;
    }

    private static String tag(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** The bundle key of a {@code %key} attribute, or null. */
    private static String key(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        return v.startsWith("%") ? v.substring(1) : null;
    }

    @Test
    void everyControlHasAnIdAndAnAccessibleTextInBothLanguages() throws Exception {
        Map<String, String> en = bundle("messages.properties");
        Map<String, String> zh = bundle("messages_zh_CN.properties");
        List<String> problems = new ArrayList<>();
        int controls = 0;
        for (Path view : views()) {
            for (Element e : elements(parse(view))) {
                String tag = tag(e);
                String where = view.getFileName() + " <" + tag + " fx:id=\"" + e.getAttributeNS(FX, "id") + "\">";
                if (FOCUSABLE.contains(tag)) {
                    controls++;
                    if (e.getAttributeNS(FX, "id").isEmpty()) {
                        problems.add(where + ": no fx:id");
                    }
                    String a11y = key(e, "accessibleText");
                    if (a11y == null) {
                        problems.add(where + ": no accessibleText=\"%key\"");
                    } else if (blank(en.get(a11y)) || blank(zh.get(a11y))) {
                        problems.add(where + ": accessibleText " + a11y + " missing from a bundle");
                    }
                } else if (ITEMS.contains(tag)) {
                    controls++;
                    if (e.getAttributeNS(FX, "id").isEmpty()) {
                        problems.add(where + ": no fx:id");
                    }
                    String text = key(e, "text");
                    if (text == null || blank(en.get(text)) || blank(zh.get(text))) {
                        problems.add(where + ": no text=\"%key\" in both bundles");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(controls > 60, "the scan found the views' controls (" + controls + ")");
    }

    @Test
    void buttonsAndMenusHaveDistinctMnemonicsInBothLanguages() throws Exception {
        Map<String, Map<String, String>> languages = Map.of("en", bundle("messages.properties"),
                "zh", bundle("messages_zh_CN.properties"));
        List<String> problems = new ArrayList<>();
        for (Path view : views()) {
            Document doc = parse(view);
            for (Map.Entry<String, Map<String, String>> language : languages.entrySet()) {
                // Pressed together: the buttons and check boxes of one view; the children of one menu (bar).
                Map<Node, Map<Character, String>> groups = new HashMap<>();
                for (Element e : elements(doc)) {
                    String tag = tag(e);
                    String text = key(e, "text");
                    if (!MNEMONIC.contains(tag) || text == null || "false".equals(e.getAttribute("mnemonicParsing"))) {
                        continue;
                    }
                    String value = language.getValue().getOrDefault(text, "");
                    String where = view.getFileName() + " " + language.getKey() + " " + text + "=" + value;
                    int at = value.indexOf('_');
                    if (at < 0 || at + 1 >= value.length()) {
                        problems.add(where + ": no mnemonic (_)");
                        continue;
                    }
                    Node group = tag.contains("Menu") ? e.getParentNode() : doc;
                    char letter = Character.toUpperCase(value.charAt(at + 1));
                    String before = groups.computeIfAbsent(group, g -> new HashMap<>()).put(letter, text);
                    // The same key twice (Copy in three rows of About) is one action each: allowed.
                    if (before != null && !before.equals(text)) {
                        problems.add(where + ": mnemonic " + letter + " also used by " + before);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void chineseMnemonicsFollowTheTextInBracketsWithTheEnglishLetter() throws Exception {
        // 文件(_F): the letter in brackets after the Chinese words, as Chinese Windows and GNOME write it, and the
        // same letter as in English, so that a key learnt in one language works in the other.
        Map<String, String> en = bundle("messages.properties");
        Map<String, String> zh = bundle("messages_zh_CN.properties");
        List<String> problems = new ArrayList<>();
        for (Path view : views()) {
            for (Element e : elements(parse(view))) {
                String text = key(e, "text");
                if (!MNEMONIC.contains(tag(e)) || text == null || "false".equals(e.getAttribute("mnemonicParsing"))) {
                    continue;
                }
                String chinese = zh.getOrDefault(text, "");
                String english = en.getOrDefault(text, "");
                int zhAt = chinese.indexOf('_');
                int enAt = english.indexOf('_');
                if (zhAt < 0 || enAt < 0 || chinese.codePoints().noneMatch(c -> c >= 0x2e80)) {
                    continue;
                }
                if (!chinese.matches(".*\\(_[A-Za-z0-9]\\).*")) {
                    problems.add(text + "=" + chinese + ": write the mnemonic as (_X)");
                } else if (Character.toUpperCase(chinese.charAt(zhAt + 1))
                        != Character.toUpperCase(english.charAt(enAt + 1))) {
                    problems.add(text + ": " + chinese + " but " + english);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
