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
                arguments("\u3000２００\u3000", 200L));
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
                arguments("9".repeat(40), Rule.SIZE_OVER_DATA_LIMIT, new String[] {"40-digit", "far above"}));
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
