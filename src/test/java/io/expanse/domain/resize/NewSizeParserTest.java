package io.expanse.domain.resize;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NewSizeParserTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("200", 200L),
                arguments(" 200 ", 200L),
                arguments("\t200\n", 200L),
                arguments("\r\n 200 \t", 200L),
                arguments("\u00A0200\u00A0", 200L),          // no-break spaces from a web console
                arguments("200GB", 200L),
                arguments("200 gb", 200L),
                arguments("200 Gb", 200L),
                arguments("200G", 200L),
                arguments("200g", 200L),
                arguments("200GiB", 200L),
                arguments("200 GiB", 200L),
                arguments("00200", 200L),
                arguments("1", 1L),
                arguments("32769", 32769L),                   // above every limit, but the policy says so per role
                arguments("1000000", NewSizeParser.MAX_PLAUSIBLE_GB),
                // Decision: full-width forms from a CJK input method are accepted (NFKC-normalised).
                arguments("２００", 200L),
                arguments("２００ＧＢ", 200L),
                arguments("\u3000２００\u3000", 200L),
                arguments("１００ＧＢ", 100L),
                arguments("１００　ＧＢ", 100L),              // the IME's full-width space between number and unit
                arguments("１００ｇｂ", 100L),
                arguments("100GB", 100L),
                arguments("100 GB", 100L),
                // Exactly the longest text looked at.
                arguments("0".repeat(NewSizeParser.MAX_LENGTH - 3) + "200", 200L),
                arguments(" ".repeat(NewSizeParser.MAX_LENGTH - 6) + "200 GB", 200L));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("accepted")
    void accepts(String text, long gb) {
        ParsedSize p = NewSizeParser.parse(text);
        assertAll(() -> assertTrue(p.ok(), () -> "refused: " + p.error()),
                () -> assertEquals(gb, p.gb()),
                () -> assertNull(p.error()),
                () -> assertNull(p.rule()));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(null, Rule.SIZE_MISSING, new String[] {"Enter the new size in GB"}),
                arguments("", Rule.SIZE_MISSING, new String[] {"Enter the new size in GB"}),
                arguments("  ", Rule.SIZE_MISSING, new String[] {"Enter the new size in GB"}),
                arguments("\t\n", Rule.SIZE_MISSING, new String[] {"Enter the new size in GB"}),
                arguments("abc", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB", "200"}),
                arguments("GB", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB"}),
                arguments("1e3", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB"}),
                arguments("0x100", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB"}),
                arguments("20 0", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB"}),
                arguments("200 GB GB", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB"}),
                arguments("\u0662\u0660\u0660", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB"}), // Arabic-Indic 200
                arguments("+200", Rule.SIZE_NOT_A_NUMBER, new String[] {"sign", "200", "increase"}),
                arguments("2TB", Rule.SIZE_NOT_A_NUMBER, new String[] {"GB", "TB", "1024"}),
                arguments("500 MB", Rule.SIZE_NOT_A_NUMBER, new String[] {"GB", "MB"}),
                arguments("1,024", Rule.SIZE_NOT_A_NUMBER, new String[] {"1024", "separators"}),
                arguments("1 024", Rule.SIZE_NOT_A_NUMBER, new String[] {"1024", "separators"}),
                arguments("1'024 GB", Rule.SIZE_NOT_A_NUMBER, new String[] {"1024"}),
                arguments("32,768", Rule.SIZE_NOT_A_NUMBER, new String[] {"32768"}),
                arguments("100.5", Rule.SIZE_DECIMAL, new String[] {"whole GB", "100.5", "to 100", "cut"}),
                arguments("100,5", Rule.SIZE_DECIMAL, new String[] {"whole GB", "100,5", "to 100", "cut"}),
                arguments("100.5 GB", Rule.SIZE_DECIMAL, new String[] {"100.5", "to 100"}),
                arguments("100.0", Rule.SIZE_DECIMAL, new String[] {"to 100"}),
                arguments(".5", Rule.SIZE_DECIMAL, new String[] {"to 0"}),
                arguments("1.024", Rule.SIZE_DECIMAL, new String[] {"to 1", "1024"}),
                arguments("１００．５", Rule.SIZE_DECIMAL, new String[] {"100.5", "to 100"}),
                arguments("-5", Rule.SIZE_NOT_POSITIVE, new String[] {"positive", "-5"}),
                arguments("-5 GB", Rule.SIZE_NOT_POSITIVE, new String[] {"positive"}),
                arguments("-0", Rule.SIZE_NOT_POSITIVE, new String[] {"positive"}),
                arguments("-2.5", Rule.SIZE_NOT_POSITIVE, new String[] {"positive"}),
                arguments("0", Rule.SIZE_NOT_POSITIVE, new String[] {"positive", "0"}),
                arguments("000", Rule.SIZE_NOT_POSITIVE, new String[] {"positive"}),
                arguments("0GB", Rule.SIZE_NOT_POSITIVE, new String[] {"positive"}),
                arguments("1000001", Rule.SIZE_OVER_DATA_LIMIT, new String[] {"1000001", "far above", "32768"}),
                arguments("9223372036854775807", Rule.SIZE_OVER_DATA_LIMIT, new String[] {"far above", "32768"}),
                arguments("9223372036854775808", Rule.SIZE_OVER_DATA_LIMIT, new String[] {"far above", "32768"}),
                arguments("99999999999999999999", Rule.SIZE_OVER_DATA_LIMIT, new String[] {"99999999999999999999", "far above", "32768"}),
                arguments("1,024,000,000", Rule.SIZE_OVER_DATA_LIMIT, new String[] {"far above", "32768"}),
                arguments("9".repeat(30), Rule.SIZE_OVER_DATA_LIMIT, new String[] {"30-digit", "far above"}),
                arguments("+", Rule.SIZE_NOT_A_NUMBER, new String[] {"whole number of GB", "200"}));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @MethodSource("refused")
    void refuses(String text, Rule rule, String[] mentions) {
        ParsedSize p = NewSizeParser.parse(text);
        assertAll(() -> assertEquals(rule, p.rule(), () -> "error: " + p.error()),
                () -> assertTrue(!p.ok()),
                () -> assertEquals(-1, p.gb()));
        for (String m : mentions) {
            assertTrue(p.error().contains(m), () -> "\"" + p.error() + "\" should mention \"" + m + "\"");
        }
    }

    /**
     * Characters that a Unicode normalisation would fold into digits or a unit: each one would turn into a size the
     * field does not show (10² became 102, 500² became 5002). They are refused, with the sentence that says which
     * characters a size is written with.
     */
    static Stream<Arguments> notPlainDigits() {
        return Stream.of(
                arguments("10\u00B2"),                    // 10² (NFKC: 102)
                arguments("500\u00B2"),                   // 500² (NFKC: 5002)
                arguments("\u2469\u24EA"),                // ⑩⓪ (NFKC: 100)
                arguments("\uD835\uDFD3\uD835\uDFCE\uD835\uDFCE"), // 𝟓𝟎𝟎 mathematical bold (NFKC: 500)
                arguments("\u2075\u2070\u2070"),          // ⁵⁰⁰ superscripts (NFKC: 500)
                arguments("100\u3387"),                   // 100㎇ (NFKC: 100GB)
                arguments("\u0662\u0660\u0660"),          // Arabic-Indic 200
                arguments("200\u2007GB"));                // figure space
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @MethodSource("notPlainDigits")
    void refusesLookAlikeDigitsAndUnits(String text) {
        ParsedSize p = NewSizeParser.parse(text);
        assertEquals(Rule.SIZE_NOT_A_NUMBER, p.rule(), () -> "error: " + p.error());
        assertEquals(NewSizeParser.notPlainDigits(), p.error());
        assertEquals(-1, p.gb());
    }

    /**
     * Text past {@link NewSizeParser#MAX_LENGTH} is refused before any pattern sees it: "1", 16,000 spaces and "x"
     * used to take seconds of backtracking on every keystroke.
     */
    static Stream<Arguments> tooLong() {
        return Stream.of(
                arguments("1" + " ".repeat(16_000) + "x"),
                arguments(" ".repeat(30_000)),
                arguments("200" + " ".repeat(30_000)),
                arguments("1".repeat(16_000) + ".5"),
                arguments("0".repeat(NewSizeParser.MAX_LENGTH - 2) + "200"),
                arguments(" ".repeat(NewSizeParser.MAX_LENGTH - 2) + "200"),
                arguments("２".repeat(NewSizeParser.MAX_LENGTH + 1)),
                arguments("\u00B2".repeat(40)));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("tooLong")
    void refusesOverlongTextWithoutLookingAtIt(String text) {
        ParsedSize p = NewSizeParser.parse(text);
        assertEquals(Rule.SIZE_NOT_A_NUMBER, p.rule(), () -> "error: " + p.error());
        assertEquals(NewSizeParser.tooLong(), p.error());
        assertTrue(p.error().contains(String.valueOf(NewSizeParser.MAX_LENGTH)), p.error());
    }

    @Test
    void leadingZerosDoNotCountTowardsTheDigitLimit() {
        assertEquals(200, NewSizeParser.parse("0000000000000000000000200").gb());
    }

    @Test
    void parsedSizeKeepsItsInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new ParsedSize(200, "oops", null));
        assertThrows(IllegalArgumentException.class, () -> new ParsedSize(200, null, Rule.SIZE_DECIMAL));
        assertThrows(IllegalArgumentException.class, () -> new ParsedSize(0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ParsedSize(5, "x", Rule.SIZE_DECIMAL));
        assertTrue(ParsedSize.accepted(5).ok());
        assertEquals(-1, ParsedSize.refused(Rule.SIZE_MISSING, "x").gb());
    }
}
