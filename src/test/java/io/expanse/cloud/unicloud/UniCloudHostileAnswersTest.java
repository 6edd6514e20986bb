package io.expanse.cloud.unicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.HostileServers;
import io.expanse.cloud.http.HostileServers.DripServer;
import io.expanse.cloud.http.LoopbackFixture;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * UniCloud answers meant to hurt: held back, huge, redirected elsewhere, with a distant clock. The upgrade is never
 * sent twice, and what may have created an order is an unknown outcome.
 */
class UniCloudHostileAnswersTest extends LoopbackFixture {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final String ORDER = "1038174306469270849";
    static final String ORDER_OK = "{\"Status\":true,\"Code\":\"Success\",\"Res\":{\"Order\":{\"OrderStatus\":1}}}";

    @Override
    protected OkHttpClient.Builder httpSettings() {
        // The read timeout cannot fire before the 1 s call deadline of the slow tests.
        return new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10));
    }

    UniCloudClient.Builder builder(URI base) {
        return UniCloudClient.builder().http(http).endpoints(UniCloudEndpoints.under(base))
                .credentials(new UniCloudCredentials("6oPiV0WMJXhxiT65", "testsecret")).region("cn-tianjin-yfb")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .retry(retries(3));
    }

    UniCloudClient client() {
        return builder(server.url("/").uri()).build();
    }

    static UpgradeBody body() {
        return UpgradeBody.of("pack-h58kdagr9vsf", 200, "YEAR_MONTH", "cn-tianjin-yfb");
    }

    @Test
    void aReadWhoseHeadersDripPastTheDeadlineFailsInTime() throws Exception {
        try (DripServer drip = DripServer.slowHeaders(ORDER_OK, Duration.ofSeconds(2))) {
            UniCloudClient client = builder(drip.uri()).callTimeout(Duration.ofSeconds(1)).build();
            long start = System.nanoTime();
            ApiException e = assertThrows(ApiException.class, () -> client.orderDetail(ORDER));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Kind.NETWORK, e.kind());
            assertTrue(e.operatorMessage().contains("did not finish answering within 1 s"), e.operatorMessage());
            assertTrue(tookMs < 5000, "took " + tookMs + " ms");
            assertEquals(1, drip.requests());
        }
    }

    @Test
    void anUpgradeAnsweredPastTheDeadlineHasAnUnknownOutcomeAndIsSentOnce() throws Exception {
        try (DripServer drip = DripServer.slowHeaders("{\"Status\":true,\"Code\":\"Success\",\"Res\":{\"OrderId\":"
                + ORDER + "}}", Duration.ofSeconds(2))) {
            UniCloudClient client = builder(drip.uri()).callTimeout(Duration.ofSeconds(1)).build();
            ApiException e = assertThrows(ApiException.class, () -> client.upgrade(body()));
            assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
            assertEquals("127.0.0.1 did not finish answering within 1 s after the request was sent, so its outcome "
                    + "is unknown; whether an order was created will be checked in the order list.",
                    e.operatorMessage());
            assertEquals(1, drip.requests());
        }
    }

    @Test
    void aFiftyMegabyteAnswerIsTooLarge() {
        assertReadTooLarge(HostileServers.hugeBody(200, 50L * 1024 * 1024), () -> client().orderDetail(ORDER));
    }

    @Test
    void aGzipBombOnAReadIsCappedOnItsDecodedSize() {
        assertReadTooLarge(HostileServers.gzipBomb(200, 1024), () -> client().orderDetail(ORDER));
    }

    @Test
    void anAcceptedUpgradeWithAHugeAnswerHasAnUnknownOutcome() {
        server.enqueue(HostileServers.gzipBomb(200, 64));
        ApiException e = assertThrows(ApiException.class,
                () -> builder(server.url("/").uri()).maxBodyBytes(1 << 20).build().upgrade(body()));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().contains("too large (more than 1 MB)"), e.operatorMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aReadRedirectedToAnotherHostTakesNoSignatureThere() throws Exception {
        assertRedirectNotFollowed(302, "/transaction", Kind.BAD_RESPONSE, () -> client().orderDetail(ORDER));
    }

    @Test
    void anUpgradeRedirectedElsewhereIsNotResent() throws Exception {
        ApiException e = assertRedirectNotFollowed(308, "/openapi/nas", Kind.OUTCOME_UNKNOWN,
                () -> client().upgrade(body()));
        assertTrue(e.operatorMessage().endsWith("will be checked in the order list."), e.operatorMessage());
    }

    @Test
    void throttledThenSuccessHonoursRetryAfterAsAnHttpDate() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", httpDate(NOW.plusSeconds(6)))
                .build());
        server.enqueue(new MockResponse.Builder().code(200).body(ORDER_OK).build());
        assertEquals("1", client().orderDetail(ORDER).orderStatus());
        assertEquals(List.of(Duration.ofSeconds(6)), sleeps);
    }

    @Test
    void aRefusedConnectionMeansTheUpgradeWasNotSent() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort());
        ApiException e = assertThrows(ApiException.class, () -> builder(nowhere).build().upgrade(body()));
        assertEquals(Kind.NETWORK, e.kind());
        assertFalse(e.operatorMessage().contains("Exception"), e.operatorMessage());
    }

    @Test
    void aResetAfterSendingIsExplainedWithoutAnExceptionName() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        ApiException e = assertThrows(ApiException.class, () -> client().upgrade(body()));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertFalse(e.operatorMessage().contains("Exception"), e.operatorMessage());
        assertTrue(e.operatorMessage().contains("failed after the request was sent"), e.operatorMessage());
    }

    @Test
    void clockSkewIsMeasuredOnTheInjectedClock() {
        String refused = "{\"Status\":false,\"Auth\":false,\"Code\":\"InvalidParameter\","
                + "\"Message\":\"The specified parameter \\\"Signature\\\" is not valid.\"}";
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Date", httpDate(NOW.minusSeconds(20 * 60)))
                .body(refused).build());
        ApiException skew = assertThrows(ApiException.class, () -> client().upgrade(body()));
        assertEquals(Kind.CLOCK_SKEW, skew.kind());
        assertEquals(Duration.ofMinutes(20), skew.clockSkew());
        assertEquals("Your computer's clock is 20 minutes ahead of the server's; UniCloud did not accept the request "
                + "signature. Correct the system time and try again.", skew.operatorMessage());
        // The server's Date equals the injected clock (years from the real one): no skew, a plain refusal.
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Date", httpDate(NOW)).body(refused).build());
        assertEquals(Kind.AUTHENTICATION, assertThrows(ApiException.class, () -> client().upgrade(body())).kind());
    }
}
