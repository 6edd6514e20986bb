package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.text.Texts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Region ids and endpoint host names that no connection could use are named before a test is tried. */
class ProfileHostNameTest {

    private static final String LABEL_63 = "a".repeat(63);
    private static final String LABEL_64 = "a".repeat(64);

    private static Profile huawei(String region, Map<String, String> endpoints) {
        return new Profile("p1", "Test", Profile.Kind.HUAWEI, Profile.Source.SETTINGS, region, Profile.Site.CHINA,
                null, null, "AKAKAKAKAKAK", false, endpoints);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', value = {
            "https://evs.cn-north-4.myhuaweicloud.com|ok",
            "https://" + "LABEL63" + ".example.com|ok",
            "https://" + "LABEL64" + ".example.com|host",
            "https://a..example.com|url",
            "https://example.com.|ok",
            "http://[::1]:8443|ok",
            "ftp://example.com|url"})
    void anEndpointHostIsCheckedPartByPart(String url, String expected) {
        String u = url.replace("LABEL63", LABEL_63).replace("LABEL64", LABEL_64);
        List<String> problems = huawei("cn-north-4", Map.of("evs", u)).problems();
        List<String> want = switch (expected) {
            case "ok" -> List.of();
            case "host" -> List.of(Texts.get("profile.problem.endpointHost", "evs"));
            default -> List.of(Texts.get("profile.problem.endpointUrl", "evs"));
        };
        assertEquals(want, problems);
    }

    @ParameterizedTest(name = "{index}: {0} characters")
    @CsvSource({"63, 0", "64, 1"})
    void aRegionIdIsOnePartOfAHostName(int length, int problems) {
        String region = "cn-" + "x".repeat(length - 3);
        assertEquals(problems, huawei(region, Map.of()).problems().size());
    }

    @ParameterizedTest
    @CsvSource({"example.com, true", "'', false", "a..b, false", "x.example.com., true"})
    void hostNames(String host, boolean valid) {
        assertEquals(valid, Profile.validHost(host));
    }
}
