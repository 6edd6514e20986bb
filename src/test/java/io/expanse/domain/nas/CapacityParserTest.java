package io.expanse.domain.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pack capacity field shares the disk size parser: the same characters and the same length bound apply. */
class CapacityParserTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("200", null, 200L, null),
                arguments("１００ＧＢ", null, 100L, null),
                arguments("１００　ＧＢ", null, 100L, null),
                arguments("100 GB", null, 100L, null),
                arguments("+", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "whole number of GB"),
                arguments("10\u00B2", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "digits 0 to 9"),
                arguments("500\u00B2", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "digits 0 to 9"),
                arguments("\u2469\u24EA", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "digits 0 to 9"),
                arguments("\uD835\uDFD3\uD835\uDFCE\uD835\uDFCE", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "digits 0 to 9"),
                arguments("\u2075\u2070\u2070", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "digits 0 to 9"),
                arguments("100\u3387", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "digits 0 to 9"),
                arguments("1" + " ".repeat(16_000) + "x", NasRule.CAPACITY_NOT_A_NUMBER, -1L, "too long"),
                arguments(" ".repeat(30_000), NasRule.CAPACITY_NOT_A_NUMBER, -1L, "too long"));
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource("cases")
    void parses(String text, NasRule rule, long gb, String mention) {
        UpgradeDecision d = CapacityParser.parse(text, CapacityRules.DEFAULT);
        assertEquals(rule, d.failedRule(), d::reason);
        assertEquals(gb, d.targetGb());
        if (mention != null) {
            assertTrue(d.reason().contains(mention), d.reason());
        }
    }
}
