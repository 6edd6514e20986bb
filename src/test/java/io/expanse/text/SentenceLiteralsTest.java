package io.expanse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No English sentence is written into the main code: every text the operator may read comes from the bundles
 * through {@link Texts}, so that it exists in both languages. {@link LocalizationConsistencyTest} checks the text
 * setters of the views; this test checks every other string literal, wherever it goes (an exception's message, an
 * activity's details, a notice, a CSV header), so that the next sentence written in code is caught here.
 *
 * <p>A literal counts as a sentence when it has at least three words and starts with a capital letter ("The answer
 * for "), when it is a piece of a sentence glued to others with {@code +} (it starts or ends with a space and has
 * three words: " and was left as it is in "), or when it has four words or more ("it is not valid JSON"). Not counted: log calls (logs stay English), the messages of program
 * errors ({@code IllegalArgumentException} and the like, which the views never show: they show a plain sentence and
 * log the error), start-up trace marks and smoke-test output, SQL, and the technical strings of
 * {@link #ALLOWED}. The simulated clouds ({@code sandbox}) speak as the real clouds do, in English.
 */
class SentenceLiteralsTest {

    private static final Path JAVA = Path.of("src/main/java");

    /** Literals that look like sentences but are names or protocol text, each with why it may stay. */
    static final Map<String, String> ALLOWED = Map.of(
            "Noto Sans CJK SC", "a font family's name",
            "WenQuanYi Micro Hei", "a font family's name",
            "Too Many Requests", "an HTTP reason phrase, shown beside the status code as the server would send it",
            "Internal Server Error", "an HTTP reason phrase, shown beside the status code as the server would send it",
            "Cannot load view ", "a view's FXML missing from the build: a program error, never shown",
            "no usable hand-over message", "the running instance's log line about a second launch's message",
            "(moved to the secret store)", "a marker in the backup of old settings, where a secret was",
            "sudo xfs_growfs <mount point>", "a shell command the operator copies, the same in every language",
            "sudo lvextend -r -l +100%FREE /dev/<volume group>/<logical volume>", "a shell command, as above",
            "sudo btrfs filesystem resize max <mount point>", "a shell command, as above");

    /**
     * Files other branches are putting into the bundles at the same time (billing prices, disk usage from Cloud
     * Eye): their sentences are checked once those branches are in. Remove an entry when its file is done.
     */
    static final Map<String, String> IN_PROGRESS = Map.of();

    /** Calls whose literals are never shown to the operator. */
    private static final Pattern NOT_SHOWN = Pattern.compile(
            "(?:\\b(?:LOG|log|logger|LOGGER)|getLogger\\([^)]*\\))\\s*\\.\\s*(?:trace|debug|info|warn|error)\\s*\\("
                    + "|new\\s+(?:IllegalArgumentException|IllegalStateException|NullPointerException"
                    + "|UnsupportedOperationException|AssertionError|ArithmeticException)\\s*\\("
                    + "|StartupTrace\\.mark\\s*\\(|System\\.(?:err|out)\\.print|Objects\\.requireNonNull\\s*\\("
                    + "|handleWeirdStringValue\\s*\\("
                    // the smoke test's exit line (CI reads it); ServerBatch's reasons for a fallback (logged only)
                    + "|exitSmoke\\s*\\(|new\\s+Unsupported\\s*\\(");
    private static final Pattern SQL = Pattern.compile("^(?:CREATE|SELECT|INSERT|UPDATE|DELETE|PRAGMA|ALTER|DROP"
            + "|WITH|BEGIN)\\b");
    /** The rest of an SQL statement written in several literals. */
    private static final Pattern SQL_BEFORE = Pattern.compile("\"\\s*(?:CREATE|SELECT|INSERT|UPDATE|DELETE)\\s");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’\\-]*");

    /** A string literal found in a source, with the statement it belongs to up to the literal. */
    record Literal(Path file, int line, String value, String statement) {
    }

    /** Every string literal of a Java source outside comments (text blocks included), with its statement. */
    static List<Literal> literals(Path file, String src) {
        List<Literal> out = new ArrayList<>();
        int statementStart = 0;
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                out.add(new Literal(file, line, src.substring(i + 3, end), src.substring(statementStart, i)));
                line += count(src, i, end);
                i = end + 3;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != '"') {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        value.append(src.charAt(j + 1) == 'n' ? '\n' : src.charAt(j + 1));
                        j += 2;
                    } else {
                        value.append(src.charAt(j++));
                    }
                }
                out.add(new Literal(file, line, value.toString(), src.substring(statementStart, i)));
                i = j + 1;
            } else {
                if (c == ';' || c == '{' || c == '}') {
                    statementStart = i + 1;
                }
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Whether a literal reads as (a piece of) an English sentence. */
    static boolean sentenceLike(String value) {
        // Words are separated by white space and hold a letter: "OS-EXT-SRV-ATTR:root_device_name" is one.
        List<String> words = new ArrayList<>();
        for (String token : value.strip().split("\\s+")) {
            if (WORD.matcher(token).find()) {
                words.add(token);
            }
        }
        if (words.size() < 3 || SQL.matcher(value.strip()).find()) {
            return false;
        }
        long code = words.stream().filter(w -> w.contains("_") || w.contains("=") || w.endsWith(",")).count();
        if (code * 2 >= words.size()) {
            return false; // column lists and assignments: "old_size_gb, new_size_gb, yearly_monthly"
        }
        long shouting = words.stream().filter(w -> w.length() > 1 && w.equals(w.toUpperCase(java.util.Locale.ROOT)))
                .count();
        if (shouting * 2 >= words.size()) {
            return false; // SQL, constants: "CREATE INDEX activity_by_state ON activity(state)"
        }
        String stripped = value.strip();
        boolean capital = !stripped.isEmpty() && Character.isUpperCase(stripped.codePointAt(0));
        boolean piece = value.startsWith(" ") || value.endsWith(" ");
        // A reason that goes into a sentence: "it is not valid JSON", "the disk is full".
        boolean phrase = words.size() >= 4;
        return capital || piece || phrase;
    }

    static boolean shown(Literal literal) {
        return !NOT_SHOWN.matcher(literal.statement()).find() && !SQL_BEFORE.matcher(literal.statement()).find();
    }

    @Test
    void noEnglishSentenceIsWrittenInTheMainCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : LocalizationConsistencyTest.files(JAVA, ".java")) {
            if (f.toString().contains("/sandbox/") || IN_PROGRESS.containsKey(JAVA.relativize(f).toString())) {
                continue;
            }
            for (Literal l : literals(f, Files.readString(f))) {
                if (sentenceLike(l.value()) && shown(l) && !ALLOWED.containsKey(l.value())) {
                    found.add(JAVA.relativize(l.file()) + ":" + l.line() + " \"" + l.value() + "\"");
                }
            }
        }
        assertEquals(List.of(), found, "sentences in code: put them in messages.properties and"
                + " messages_zh_CN.properties and use Texts.get (or, if never shown, allow them here)");
    }

    /** The scanner itself: it finds what it must and leaves alone what it may. */
    @Test
    void theScannerTellsSentencesFromTheRest() {
        String src = """
                class X {
                    // "A comment is not a sentence in code"
                    void a() throws Exception {
                        LOG.warn("The log stays in English, {}", x);
                        throw new IllegalStateException("A program error is never shown");
                    }
                    String b() {
                        return "The answer for " + what + " lacks a value.";
                    }
                    String c(int n) {
                        return n + " disks are visible";
                    }
                    String d() {
                        return Texts.get("cloud.huawei.json.lacks", "an object", "CREATE INDEX x ON y(z)");
                    }
                    char e = '"';
                    String f = "Still found after a quote character";
                }
                """;
        List<String> found = literals(Path.of("X.java"), src).stream()
                .filter(l -> sentenceLike(l.value()) && shown(l)).map(Literal::value).toList();
        assertEquals(List.of("The answer for ", " lacks a value.", " disks are visible",
                "Still found after a quote character"), found);
        assertTrue(literals(Path.of("X.java"), src).stream().anyMatch(l -> l.line() == 17 && l.value()
                .startsWith("Still")), "line numbers count from 1 and follow comments and strings");
    }
}
