package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resize POST: body shape, signing, and that it reaches the server at most once whatever happens. */
class HuaweiClientResizeTest extends ClientFixture {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null,  '{\"os-extend\":{\"new_size\":100}}'",
            "true,  '{\"os-extend\":{\"new_size\":100},\"bssParam\":{\"isAutoPay\":\"true\"}}'",
            "false, '{\"os-extend\":{\"new_size\":100},\"bssParam\":{\"isAutoPay\":\"false\"}}'"})
    void bodyCarriesBssParamOnlyWhenAutoPayIsGiven(Boolean autoPay, String expectedBody) throws Exception {
        server.enqueue(json(202, "{\"job_id\":\"70a599e0-31e7-49b7-b260-868f441e862b\"}"));
        ResizeAccepted accepted = client().resize("vol-1", 100, autoPay);
        assertEquals("70a599e0-31e7-49b7-b260-868f441e862b", accepted.jobId());
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/v2.1/" + PID + "/cloudvolumes/vol-1/action", r.getUrl().encodedPath());
        assertEquals(expectedBody, r.getBody().utf8());
        assertEquals("application/json;charset=UTF-8", r.getHeaders().get("Content-Type"));
        var auth = SignatureAssert.assertSigned(r, AK, SK);
        assertEquals(java.util.List.of("content-type", "host", "x-project-id", "x-sdk-date"), auth.signedHeaders());
    }

    @Test
    void orderIdIsReturnedForYearlyMonthlyVolumes() throws Exception {
        server.enqueue(json(202, "{\"order_id\":\"CS1711152257C60TL\"}"));
        ResizeAccepted accepted = client().resize("vol-1", 200, true);
        assertEquals("CS1711152257C60TL", accepted.orderId());
        assertNull(accepted.jobId());
    }

    @Test
    void serverThatNeverAnswersGivesOutcomeUnknownAfterExactlyOneRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(json(202, "{\"job_id\":\"second\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().contains("outcome is unknown"), e.operatorMessage());
        assertTrue(e.operatorMessage().contains("reading the volume"), e.operatorMessage());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void connectionDroppedAfterTheRequestGivesOutcomeUnknownAfterExactlyOneRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(202, "{\"job_id\":\"second\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void refusedConnectionIsANetworkErrorBecauseNothingWasSent() throws Exception {
        HuaweiClient client = builder(Credentials.permanent(AK, SK))
                .endpoints(HuaweiEndpoints.single(URI.create("http://127.0.0.1:" + closedPort()))).build();
        ApiException e = assertThrows(ApiException.class, () -> client.resize("vol-1", 100, null));
        assertEquals(Kind.NETWORK, e.kind());
    }

    @Test
    void throttledPostIsNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                .body("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\","
                        + "\"request_id\":\"r-429\"}").build());
        server.enqueue(json(202, "{\"job_id\":\"second\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.THROTTLED, e.kind());
        assertEquals("APIGW.0308", e.code());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void serverErrorOnPostIsNotRetried() {
        server.enqueue(json(500, "{\"error\":{\"code\":\"EVS.2001\",\"message\":\"submit job failed\"}}"));
        server.enqueue(json(202, "{\"job_id\":\"second\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.SERVER, e.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void gatewayTimeoutWithoutServiceCodeIsOutcomeUnknown() {
        server.enqueue(new MockResponse.Builder().code(504).addHeader("Content-Type", "text/html")
                .body("<html><head><title>504 Gateway Time-out</title></head><body>nginx</body></html>").build());
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertEquals(504, e.httpStatus());
    }

    @Test
    void rejectionIsMappedToAnOperatorSentence() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("X-Request-Id", "req-77")
                .body("{\"error\":{\"message\":\"new size must be greater\",\"code\":\"EVS.1015\"}}").build());
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 10, null));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("The new size must be larger than the current size.", e.operatorMessage());
        assertEquals("req-77", e.requestId());
        assertEquals("new size must be greater", e.serverMessage());
    }

    @Test
    void acceptedButUnreadableAnswerIsOutcomeUnknown() {
        server.enqueue(json(202, "{\"job_"));
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().contains("accepted the resize"), e.operatorMessage());
    }

    @Test
    void acceptedAnswerWithoutJobOrOrderIsOutcomeUnknown() {
        server.enqueue(json(202, "{}"));
        ApiException e = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().contains("job_id"), e.operatorMessage());
    }
}
