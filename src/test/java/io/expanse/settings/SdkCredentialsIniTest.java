package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the SDK credentials file is read, line shape by line shape. */
class SdkCredentialsIniTest {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("plain", "[prod]\nak = AKPLAIN\nsk = skplain\n", "prod", "AKPLAIN", "skplain"),
                Arguments.of("double quotes", "[prod]\nak = \"AKQ\"\nsk=\"s k\"\n", "prod", "AKQ", "s k"),
                Arguments.of("single quotes", "[prod]\nak = 'AKQ'\nsk = 'skq'\n", "prod", "AKQ", "skq"),
                Arguments.of("back quotes", "[prod]\nak = `AKQ`\nsk = `skq`\n", "prod", "AKQ", "skq"),
                Arguments.of("trailing # comment", "[prod]\nak = AKC # the ops key\nsk = skc ; rotated May\n",
                        "prod", "AKC", "skc"),
                Arguments.of("quoted value then comment", "[prod]\nak = \"AK#1\" # note\nsk = 'sk;2' ; note\n",
                        "prod", "AK#1", "sk;2"),
                Arguments.of("# inside a value is kept", "[prod]\nak = AK#X\nsk = s;k\n", "prod", "AK#X", "s;k"),
                Arguments.of("byte-order mark", "\uFEFF[prod]\nak = AKBOM\nsk = skbom\n", "prod", "AKBOM", "skbom"),
                Arguments.of("CRLF", "[prod]\r\nak = AKCRLF\r\nsk = skcrlf\r\n", "prod", "AKCRLF", "skcrlf"),
                Arguments.of("CR only", "[prod]\rak = AKCR\rsk = skcr\r", "prod", "AKCR", "skcr"),
                Arguments.of("comment lines", "# top\n; also\n[prod]\n  # indented\nak=AKX\nsk=skx\n", "prod",
                        "AKX", "skx"),
                Arguments.of("colon separator", "[prod]\nak: AKCOL\nsk: skcol\n", "prod", "AKCOL", "skcol"),
                Arguments.of("upper-case keys", "[prod]\nAK = AKUP\nSK = skup\n", "prod", "AKUP", "skup"),
                Arguments.of("section with comment", "[prod] # production\nak = AKS\nsk = sks\n", "prod", "AKS",
                        "sks"),
                Arguments.of("keys before any section", "ak = AKD\nsk = skd\n", "default", "AKD", "skd"),
                Arguments.of("last value wins", "[prod]\nak = OLD\nak = AKNEW\nsk = sk\n", "prod", "AKNEW", "sk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsTheKeysAsTheOperatorWroteThem(String name, String text, String section, String ak, String sk) {
        Map<String, Map<String, String>> sections = SdkProfiles.parseIni(text);
        Map<String, String> keys = sections.get(section);
        assertEquals(ak, keys.get("ak"), name);
        assertEquals(sk, keys.get("sk"), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void noStraySectionAppears(String name, String text, String section, String ak, String sk) {
        assertEquals(java.util.Set.of(section), SdkProfiles.parseIni(text).keySet(), name);
    }

    @org.junit.jupiter.api.Test
    void aBomDoesNotFileTheFirstSectionsKeysUnderDefault() {
        Map<String, Map<String, String>> sections =
                SdkProfiles.parseIni("\uFEFF[first]\r\nak = A1\r\nsk = S1\r\n[second]\r\nak = A2\r\nsk = S2\r\n");
        assertEquals(java.util.List.of("first", "second"), java.util.List.copyOf(sections.keySet()));
        assertEquals("A1", sections.get("first").get("ak"));
        assertEquals("S2", sections.get("second").get("sk"));
    }
}
