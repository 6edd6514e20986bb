package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The code table, driven from the reference's list, and the parsing of every body shape. */
class HuaweiErrorsTest {

    /** Every code of huawei-evs.md §4 with the kind it must map to. */
    static Stream<Arguments> referenceCodes() {
        return Stream.of(
                "EVS.1015 REJECTED", "EVS.1014 REJECTED", "EVS.1048 REJECTED", "EVS.1064 REJECTED",
                "EVS.1065 REJECTED", "EVS.1066 REJECTED", "EVS.2026 REJECTED", "EVS.2068 REJECTED",
                "EVS.2089 REJECTED", "EVS.2093 REJECTED", "EVS.1011 REJECTED", "EVS.1002 REJECTED",
                "EVS.5400 REJECTED", "EVS.5404 NOT_FOUND", "EVS.1042 QUOTA", "EVS.5413 QUOTA", "EVS.1017 REJECTED",
                "EVS.1067 REJECTED", "EVS.1068 REJECTED", "EVS.2147 REJECTED", "EVS.2133 REJECTED",
                "EVS.2085 REJECTED", "EVS.5401 AUTHENTICATION", "EVS.5403 PERMISSION", "EVS.1027 PERMISSION",
                "EVS.2056 PERMISSION", "EVS.2144 PERMISSION", "EVS.2145 PERMISSION", "EVS.2001 SERVER",
                "EVS.2002 SERVER", "EVS.5500 SERVER", "EVS.5503 SERVER",
                "APIGW.0301 AUTHENTICATION", "APIGW.0302 PERMISSION", "APIGW.0305 AUTHENTICATION",
                "APIGW.0306 PERMISSION", "APIGW.0307 AUTHENTICATION", "APIGW.0308 THROTTLED", "APIGW.0310 PERMISSION",
                "APIGW.0101 NOT_FOUND", "APIGW.0201 REJECTED",
                // §1: listing limits
                "EVS.1023 REJECTED", "EVS.2142 REJECTED", "EVS.1024 REJECTED")
                .map(s -> s.split(" "))
                .map(p -> Arguments.of(p[0], Kind.valueOf(p[1])));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("referenceCodes")
    void everyReferenceCodeHasAKindAndASentence(String code, Kind kind) {
        HuaweiErrors.Meaning meaning = HuaweiErrors.describe(code);
        assertNotNull(meaning, code + " is missing from the table");
        assertEquals(kind, meaning.kind());
        assertTrue(meaning.sentence().endsWith("."), meaning.sentence());
        assertFalse(meaning.sentence().contains(code), "the sentence explains rather than repeats the code");
    }

    @Test
    void tableHasNothingBeyondTheReference() {
        assertEquals(referenceCodes().count(), HuaweiErrors.CODES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableEntries")
    void everyTableEntryIsUsedForEachBodyShape(String code, HuaweiErrors.Meaning meaning) {
        String[] bodies = code.startsWith("APIGW")
                ? new String[] {"{\"error_code\":\"" + code + "\",\"error_msg\":\"m\",\"request_id\":\"r\"}"}
                : new String[] {"{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"}}",
                        "{\"badRequest\":{\"code\":\"" + code + "\",\"message\":\"m\"}}"};
        for (String body : bodies) {
            ApiException e = HuaweiErrors.fromResponse(400, "application/json", "hdr", body);
            assertEquals(meaning.kind(), e.kind(), body);
            assertEquals(meaning.sentence(), e.operatorMessage(), body);
            assertEquals(code, e.code());
            assertEquals("m", e.serverMessage());
        }
    }

    static Stream<Arguments> tableEntries() {
        return HuaweiErrors.CODES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest
    @CsvSource({
            "'{\"error\":{\"code\":\"EVS.1015\",\"message\":\"msg\"}}', EVS.1015, msg, ",
            "'{\"itemNotFound\":{\"code\":404,\"message\":\"msg\"}}', , msg, ",
            "'{\"overLimit\":{\"message\":\"msg\",\"code\":413,\"retryAfter\":\"0\"}}', , msg, ",
            "'{\"error_code\":\"APIGW.0308\",\"error_msg\":\"msg\",\"request_id\":\"rid\"}', APIGW.0308, msg, rid",
            "'{\"error_code\":\"CBC.0101\",\"error_msg\":\"msg\"}', CBC.0101, msg, ",
            "'{\"error\":\"msg\"}', , msg, "})
    void parsesEveryShape(String body, String code, String message, String requestId) {
        HuaweiErrors.ParsedError parsed = HuaweiErrors.parse(body);
        assertNotNull(parsed);
        assertEquals(new HuaweiErrors.ParsedError(code, message, requestId), parsed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[1,2]", "{\"volumes\":[]}", "''", "{\"a\":1,\"b\":2}"})
    void nonErrorBodiesAreNotParsed(String body) {
        assertEquals(null, HuaweiErrors.parse(body));
    }

    @Test
    void bodyRequestIdWinsOverHeader() {
        ApiException e = HuaweiErrors.fromResponse(429, null, "hdr",
                "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"x\",\"request_id\":\"body\"}");
        assertEquals("body", e.requestId());
        assertTrue(e.retryableForReads());
    }

    @Test
    void unknownCodeKeepsTheServerMessage() {
        ApiException e = HuaweiErrors.fromResponse(409, null, null,
                "{\"error\":{\"code\":\"EVS.4242\",\"message\":\"volume busy with snapshot\"}}");
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("Huawei Cloud rejected the request. Huawei Cloud said: \"volume busy with snapshot\"",
                e.operatorMessage());
    }

    @Test
    void emptyBodyFallsBackOnStatus() {
        ApiException e = HuaweiErrors.fromResponse(503, null, "rid", "");
        assertEquals(Kind.SERVER, e.kind());
        assertEquals("rid", e.requestId());
        assertTrue(e.operatorMessage().contains("HTTP 503 (Service Unavailable) with an empty body"),
                e.operatorMessage());
    }

    @Test
    void statusKinds() {
        Map<Integer, Kind> expected = Map.of(400, Kind.REJECTED, 401, Kind.AUTHENTICATION, 403, Kind.PERMISSION,
                404, Kind.NOT_FOUND, 409, Kind.REJECTED, 413, Kind.QUOTA, 429, Kind.THROTTLED, 500, Kind.SERVER,
                502, Kind.SERVER, 504, Kind.SERVER);
        expected.forEach((status, kind) -> assertEquals(kind, HuaweiErrors.kindForStatus(status), "HTTP " + status));
    }
}
