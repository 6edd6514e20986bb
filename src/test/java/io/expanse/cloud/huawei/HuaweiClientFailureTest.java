package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.ApiException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Error bodies, retries of reads, unreadable answers and clock skew, through the real HTTP path. */
class HuaweiClientFailureTest extends ClientFixture {

    private static final String VOLUME = "{\"volume\":{\"id\":\"v\",\"status\":\"available\",\"size\":1}}";

    static Stream<Arguments> errorShapes() {
        return Stream.of(
                Arguments.of("EVS error object", 400, "{\"error\":{\"message\":\"bad size\",\"code\":\"EVS.1015\"}}",
                        "hdr-1", Kind.REJECTED, "EVS.1015", "hdr-1", "The new size must be larger than the current size."),
                Arguments.of("Cinder badRequest with service code", 400,
                        "{\"badRequest\":{\"code\":\"EVS.1066\",\"message\":\"server state\"}}", null, Kind.REJECTED,
                        "EVS.1066", null, "The server's state does not allow online expansion "
                                + "(it must be ACTIVE, PAUSED, SUSPENDED or SHUTOFF)."),
                Arguments.of("Cinder itemNotFound with numeric code", 404,
                        "{\"itemNotFound\":{\"code\":404,\"message\":\"Volume v could not be found.\"}}", "hdr-2",
                        Kind.NOT_FOUND, null, "hdr-2", "Volume v could not be found."),
                Arguments.of("Cinder overLimit", 413, "{\"overLimit\":{\"code\":413,\"message\":\"quota exceeded\"}}",
                        null, Kind.QUOTA, null, null, "quota exceeded"),
                Arguments.of("API gateway", 401, "{\"error_msg\":\"Incorrect IAM authentication information: verify "
                                + "aksk signature fail\",\"error_code\":\"APIGW.0301\",\"request_id\":\"gw-9\"}", "hdr-3",
                        Kind.AUTHENTICATION, "APIGW.0301", "gw-9",
                        "The access key or secret key is wrong, or the request signature was rejected."),
                Arguments.of("API gateway expired token", 401,
                        "{\"error_msg\":\"The token must be updated\",\"error_code\":\"APIGW.0307\"}", null,
                        Kind.AUTHENTICATION, "APIGW.0307", null, "The token has expired and must be renewed."),
                Arguments.of("BSS", 403, "{\"error_code\":\"CBC.0150\",\"error_msg\":\"Access denied.\"}", "hdr-4",
                        Kind.PERMISSION, "CBC.0150", "hdr-4", "Access denied."),
                Arguments.of("EVS server error", 500, "{\"error\":{\"message\":\"oops\",\"code\":\"EVS.5500\"}}", null,
                        Kind.SERVER, "EVS.5500", null, "EVS had an internal error; try again later."),
                Arguments.of("unknown EVS code", 400, "{\"error\":{\"message\":\"something new\",\"code\":\"EVS.9999\"}}",
                        null, Kind.REJECTED, "EVS.9999", null, "Huawei Cloud said: \"something new\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorShapes")
    void errorShapeIsMapped(String name, int status, String body, String requestIdHeader, Kind kind, String code,
                            String requestId, String messagePart) throws Exception {
        MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
        if (requestIdHeader != null) {
            response.addHeader("X-Request-Id", requestIdHeader);
        }
        server.enqueue(response.build());
        ApiException e = assertThrows(ApiException.class, () -> clientWithoutRetries().getVolume("v"));
        assertEquals(kind, e.kind());
        assertEquals(code, e.code());
        assertEquals(requestId, e.requestId());
        assertEquals(status, e.httpStatus());
        assertTrue(e.operatorMessage().contains(messagePart), e.operatorMessage());
        takeSigned();
    }

    @Test
    void throttledGetIsRetriedOnceThenSucceeds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
                .body("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}").build());
        server.enqueue(json(200, VOLUME));
        assertEquals("v", client().getVolume("v").id());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
        takeSigned();
        takeSigned();
    }

    @Test
    void serverErrorsExhaustTheRetriesWithGrowingBackoff() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(503, "{\"error\":{\"message\":\"busy\",\"code\":\"EVS.5503\"}}"));
        }
        ApiException e = assertThrows(ApiException.class, () -> client().getVolume("v"));
        assertEquals(Kind.SERVER, e.kind());
        assertEquals(4, server.getRequestCount());
        // Equal jitter with random 0.5: half the exponential step plus a quarter of it.
        assertEquals(List.of(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500)), sleeps);
    }

    @Test
    void droppedConnectionOnAGetIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, VOLUME));
        assertEquals("v", client().getVolume("v").id());
        assertEquals(1, sleeps.size());
    }

    @Test
    void rejectionsAreNotRetried() {
        server.enqueue(json(404, "{\"error\":{\"message\":\"gone\",\"code\":\"EVS.5404\"}}"));
        ApiException e = assertThrows(ApiException.class, () -> client().getVolume("v"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void htmlErrorPageIsDescribedNotDumped() {
        String html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway"
                + "</h1><hr><center>nginx</center>" + "x".repeat(5000) + "</body></html>";
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());
        ApiException e = assertThrows(ApiException.class, () -> clientWithoutRetries().getVolume("v"));
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.operatorMessage().contains("HTTP 502"), e.operatorMessage());
        assertTrue(e.operatorMessage().contains("web page instead of JSON"), e.operatorMessage());
        assertFalse(e.getMessage().contains("<html"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void htmlOnSuccessIsABadResponse() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>Please log in to the proxy</body></html>").build());
        ApiException e = assertThrows(ApiException.class, () -> client().getVolume("v"));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("web page instead of JSON"), e.operatorMessage());
        assertFalse(e.getMessage().contains("<html"));
    }

    @Test
    void truncatedJsonOnSuccessIsABadResponse() {
        server.enqueue(json(200, "{\"volume\":{\"id\":\"v\",\"status\":\"avail"));
        ApiException e = assertThrows(ApiException.class, () -> client().getVolume("v"));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("cut off or is not valid JSON"), e.operatorMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void missingRequiredFieldIsABadResponseNamingIt() {
        server.enqueue(json(200, "{\"volume\":{\"id\":\"v\",\"status\":\"available\"}}"));
        ApiException e = assertThrows(ApiException.class, () -> client().getVolume("v"));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("'size'"), e.operatorMessage());
    }

    @Test
    void missingVolumesListIsABadResponse() {
        server.enqueue(json(200, "{\"count\":3}"));
        ApiException e = assertThrows(ApiException.class, () -> client().listVolumes());
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("'volumes'"), e.operatorMessage());
    }

    @Test
    void failingLaterPageFailsTheListing() {
        server.enqueue(json(200, "{\"volumes\":[" + volumeJson("a", "1") + "," + volumeJson("b", "1") + "],\"count\":3}"));
        server.enqueue(json(403, "{\"error\":{\"message\":\"deny\",\"code\":\"EVS.5403\"}}"));
        ApiException e = assertThrows(ApiException.class, () -> client().listVolumes());
        assertEquals(Kind.PERMISSION, e.kind());
    }

    @Test
    void unauthorizedWithServerClock23MinutesBehindIsClockSkew() {
        HuaweiClient client = clientWithoutRetries();
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Date", httpDate(NOW.minusSeconds(23 * 60)))
                .body("{\"error_msg\":\"Incorrect IAM authentication information: verify aksk signature fail\","
                        + "\"error_code\":\"APIGW.0301\",\"request_id\":\"gw-1\"}").build());
        ApiException e = assertThrows(ApiException.class, () -> client.getVolume("v"));
        assertEquals(Kind.CLOCK_SKEW, e.kind());
        assertEquals(Duration.ofMinutes(23), e.clockSkew());
        assertEquals("Your computer's clock is 23 minutes ahead of the server's; Huawei Cloud rejects signed "
                + "requests more than 15 minutes off. Correct the system time and try again.", e.operatorMessage());
        assertEquals("APIGW.0301", e.code());
        assertEquals("gw-1", e.requestId());
        assertEquals(Duration.ofMinutes(23), client.lastObservedSkew());
    }

    @Test
    void clockBehindIsReportedAsBehind() {
        server.enqueue(new MockResponse.Builder().code(401)
                .addHeader("Date", httpDate(NOW.plusSeconds(2 * 3600 + 5 * 60))).body("{}").build());
        ApiException e = assertThrows(ApiException.class, () -> clientWithoutRetries().getVolume("v"));
        assertEquals(Kind.CLOCK_SKEW, e.kind());
        assertTrue(e.operatorMessage().startsWith("Your computer's clock is 2 hours 5 minutes behind the server's"),
                e.operatorMessage());
    }

    @Test
    void signatureExpiredWithoutDateIsClockSkewWithUnknownAmount() {
        server.enqueue(json(401, "{\"error_msg\":\"Incorrect IAM authentication information: calc ak sk signature "
                + "fail:signature expired\",\"error_code\":\"APIGW.0301\"}"));
        ApiException e = assertThrows(ApiException.class, () -> clientWithoutRetries().getVolume("v"));
        assertEquals(Kind.CLOCK_SKEW, e.kind());
        assertNull(e.clockSkew());
    }

    @Test
    void smallSkewLeavesAnAuthenticationError() {
        HuaweiClient client = clientWithoutRetries();
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Date", httpDate(NOW.minusSeconds(60)))
                .body("{\"error_msg\":\"verify aksk signature fail\",\"error_code\":\"APIGW.0301\"}").build());
        ApiException e = assertThrows(ApiException.class, () -> client.getVolume("v"));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertEquals(Duration.ofMinutes(1), client.lastObservedSkew());
    }

    @Test
    void secretsEchoedByTheGatewayAreRedacted() {
        server.enqueue(json(401, "{\"error_msg\":\"verify aksk signature fail, canonicalRequest: GET|/v2/|"
                + "x-security-token:" + TOKEN + "|ak " + AK + " sk " + SK + "\",\"error_code\":\"APIGW.0301\"}"));
        ApiException e = assertThrows(ApiException.class,
                () -> builder(new Credentials(AK, SK, TOKEN)).retry(RetryPolicy.none()).build().getVolume("v"));
        for (String text : new String[] {e.getMessage(), e.serverMessage(), e.operatorMessage()}) {
            assertFalse(text.contains(TOKEN), text);
            assertFalse(text.contains(SK), text);
            assertFalse(text.contains(AK), text);
        }
    }
}
