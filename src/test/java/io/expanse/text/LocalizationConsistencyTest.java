package io.expanse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two bundles and the sources agree (JabRef's LocalizationConsistencyTest is the model): the same keys in both
 * languages, every key used and every used key present, no literal text in FXML attributes or in the usual
 * setters of the Java views, and placeholders that balance and match between the languages.
 */
class LocalizationConsistencyTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path BUNDLES = RESOURCES.resolve("io/expanse/i18n");
    private static final Path JAVA = Path.of("src/main/java");

    /**
     * Keys built at run time from a fixed prefix and a value (an enum's name, a status from the API). Only keys
     * under these prefixes may look unused; each prefix must be used in the sources as {@code "prefix.} + ….
     */
    static final Set<String> DYNAMIC_PREFIXES = Set.of(
            "activity.state.",
            "guide.layout.",
            "guide.step.",
            "volume.status.",
            "server.status.",
            "resize.statusWords.",
            "work.tracker.",
            "cloud.huawei.error.",
            "cloud.bss.error.");

    /** Literal strings that may be passed to a text setter: not words a reader reads. */
    static final Set<String> LITERAL_ALLOW_LIST = Set.of(
            "Expanse",   // the product's name, the window title in every language
            "",
            " ");

    /** A key passed straight to the facade (a literal followed by + is a prefix, not a key). */
    private static final Pattern JAVA_KEY = Pattern.compile("Texts\\.(?:get|has)\\(\\s*\"([^\"]+)\"(?!\\s*\\+)");
    private static final Pattern JAVA_KEY_IN_TEXTS = Pattern.compile("\\bget\\(\\s*\"([^\"]+)\"(?!\\s*\\+)");
    /** Any string literal: a key chosen by a condition ({@code Texts.get(ok ? "a" : "b")}) or handed to a helper. */
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([A-Za-z0-9_.\\-]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private static final Pattern FXML_TEXT_ATTRIBUTE =
            Pattern.compile("\\s(text|promptText|accessibleText|title|accessibleHelp)=\"([^\"]*)\"");
    private static final Pattern JAVA_TEXT_LITERAL = Pattern.compile(
            "(\\.setText|\\.setPromptText|\\.setTitle|\\.setHeaderText|\\.setContentText|\\.setAccessibleText"
                    + "|\\.setAccessibleHelp|new Label|new Button|new CheckBox|new MenuItem|new Menu|new Tab"
                    + "|new Tooltip|new ButtonType|new TableColumn<[^>]*>|new Hyperlink|new RadioMenuItem"
                    + "|new CheckMenuItem)\\(\\s*\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    static Map<String, String> bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    static List<Path> files(Path root, String ending) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(ending)).sorted().collect(Collectors.toList());
        }
    }

    private static Set<String> keysUsedInJava() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path f : files(JAVA, ".java")) {
            String src = Files.readString(f);
            Matcher m = (f.endsWith("Texts.java") ? JAVA_KEY_IN_TEXTS : JAVA_KEY).matcher(src);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    private static Set<String> keysUsedInFxml() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path f : files(RESOURCES, ".fxml")) {
            Matcher m = FXML_KEY.matcher(Files.readString(f));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> en = bundle("messages.properties").keySet();
        Set<String> zh = bundle("messages_zh_CN.properties").keySet();
        Set<String> onlyEnglish = new TreeSet<>(en);
        onlyEnglish.removeAll(zh);
        Set<String> onlyChinese = new TreeSet<>(zh);
        onlyChinese.removeAll(en);
        assertEquals(Set.of(), onlyEnglish, "keys missing from messages_zh_CN.properties");
        assertEquals(Set.of(), onlyChinese, "keys missing from messages.properties");
    }

    @Test
    void everyKeyUsedInTheSourcesExists() throws IOException {
        Set<String> en = bundle("messages.properties").keySet();
        Set<String> missing = new TreeSet<>(keysUsedInJava());
        missing.addAll(keysUsedInFxml());
        missing.removeAll(en);
        assertEquals(Set.of(), missing, "keys used in the sources but in no bundle");
    }

    /** Every string literal of the Java sources that could be a key. */
    private static Set<String> literalsInJava() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Path f : files(JAVA, ".java")) {
            Matcher m = JAVA_LITERAL.matcher(Files.readString(f));
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    @Test
    void everyKeyIsUsed() throws IOException {
        Set<String> used = new TreeSet<>(keysUsedInJava());
        used.addAll(keysUsedInFxml());
        used.addAll(literalsInJava());
        Set<String> unused = new TreeSet<>();
        for (String key : bundle("messages.properties").keySet()) {
            if (!used.contains(key) && DYNAMIC_PREFIXES.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused, "bundle keys no source uses (a key built at run time needs a prefix in"
                + " DYNAMIC_PREFIXES)");
    }

    @Test
    void everyDynamicPrefixIsBuiltSomewhere() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path f : files(JAVA, ".java")) {
            all.append(Files.readString(f));
        }
        for (String prefix : DYNAMIC_PREFIXES) {
            assertTrue(all.indexOf("\"" + prefix + "\"") >= 0, "no source builds a key from \"" + prefix + "\"");
        }
    }

    @Test
    void fxmlAttributesNameKeysNotText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path f : files(RESOURCES, ".fxml")) {
            Matcher m = FXML_TEXT_ATTRIBUTE.matcher(Files.readString(f));
            while (m.find()) {
                String value = m.group(2);
                if (!value.startsWith("%") && !value.startsWith("$") && value.chars().anyMatch(Character::isLetter)) {
                    literal.add(f.getFileName() + ": " + m.group(1) + "=\"" + value + "\"");
                }
            }
        }
        assertEquals(List.of(), literal, "FXML text attributes must be %key");
    }

    @Test
    void javaViewsPassNoLiteralTextToTheTextSetters() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path f : files(JAVA, ".java")) {
            if (f.toString().contains("/sandbox/")) {
                continue;
            }
            Matcher m = JAVA_TEXT_LITERAL.matcher(Files.readString(f));
            while (m.find()) {
                if (!LITERAL_ALLOW_LIST.contains(m.group(2))) {
                    literal.add(f.getFileName() + ": " + m.group(1) + "(\"" + m.group(2) + "\"");
                }
            }
        }
        assertEquals(List.of(), literal, "text shown to the operator comes from Texts.get");
    }

    @Test
    void placeholdersBalanceAndMatchAcrossLanguages() throws IOException {
        Map<String, String> en = bundle("messages.properties");
        Map<String, String> zh = bundle("messages_zh_CN.properties");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : en.entrySet()) {
            String key = e.getKey();
            check(problems, "en " + key, e.getValue());
            String other = zh.get(key);
            if (other == null) {
                continue;
            }
            check(problems, "zh " + key, other);
            if (!placeholders(e.getValue()).equals(placeholders(other))) {
                problems.add(key + ": {n} differ: " + placeholders(e.getValue()) + " vs " + placeholders(other));
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void check(List<String> problems, String where, String pattern) {
        try {
            new MessageFormat(pattern);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": not a MessageFormat pattern: " + e.getMessage());
            return;
        }
        String unquoted = pattern.replace("''", "");
        if (unquoted.replaceAll("'[{}]'", "").indexOf('\'') >= 0) {
            problems.add(where + ": a single ' (write '' for an apostrophe)");
        }
        long open = unquoted.replaceAll("'[{}]'", "").chars().filter(c -> c == '{').count();
        long close = unquoted.replaceAll("'[{}]'", "").chars().filter(c -> c == '}').count();
        if (open != close) {
            problems.add(where + ": unbalanced braces");
        }
    }

    static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern.replace("''", "").replaceAll("'[{}]'", ""));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
