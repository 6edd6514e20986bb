package io.expanse.cloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The shared exchange on its own: no signing, a handler that returns the body of a 2xx. */
class HttpExchangeTest extends LoopbackFixture {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final String SECRET = "s3cr3t-value-never-shown";

    @Override
    protected OkHttpClient.Builder httpSettings() {
        return new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10));
    }

    HttpExchange exchange(OkHttpClient client, HttpExchange.Limits limits) {
        return new HttpExchange(client, Clock.fixed(NOW, ZoneOffset.UTC),
                retries(3), limits,
                List.of(SECRET));
    }

    HttpExchange exchange() {
        return exchange(http, HttpExchange.Limits.defaults());
    }

    String read(HttpExchange exchange) throws ApiException {
        return exchange.read("the test", () -> new Request.Builder().url(server.url("/r")).build(), answer -> {
            if (!answer.successful()) {
                throw new ApiException(Kind.forHttpStatus(answer.status()), answer.status(), null, answer.body(),
                        null, "failed", null, null);
            }
            return answer.body();
        });
    }

    Request post() {
        return new Request.Builder().url(server.url("/w")).post(RequestBody.create(new byte[] {'{', '}'})).build();
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredOnTheInjectedClock() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", httpDate(NOW.plusSeconds(7)))
                .build());
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").build());
        server.enqueue(ok("fine"));
        assertEquals("fine", read(exchange()));
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void skewIsMeasuredOnTheInjectedClock() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Date", httpDate(NOW.minusSeconds(20 * 60)))
                .body("x").build());
        HttpExchange exchange = exchange();
        read(exchange);
        assertEquals(Duration.ofMinutes(20), exchange.lastObservedSkew());
    }

    @Test
    void gzipRequestedByTheCallerIsDecodedAndCappedToo() throws Exception {
        // With its own Accept-Encoding, OkHttp leaves the body encoded: the exchange must decode it itself.
        OkHttpClient asksForGzip = http.newBuilder().addInterceptor(chain -> chain.proceed(chain.request()
                .newBuilder().header("Accept-Encoding", "gzip").build())).build();
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Encoding", "gzip")
                .body(gzip("{\"ok\":true}")).build());
        assertEquals("{\"ok\":true}", read(exchange(asksForGzip, HttpExchange.Limits.defaults())));
        assertEquals("gzip", server.takeRequest().getHeaders().get("Accept-Encoding"));

        server.enqueue(HostileServers.gzipBomb(200, 64));
        ApiException e = assertThrows(ApiException.class,
                () -> read(exchange(asksForGzip, HttpExchange.Limits.defaults().withMaxBodyBytes(1 << 20))));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("too large (more than 1 MB)"), e.operatorMessage());
    }

    @Test
    void aBodyAtTheCapIsReadAndOneByteMoreIsNot() throws Exception {
        server.enqueue(ok("x".repeat(100)));
        server.enqueue(ok("x".repeat(101)));
        HttpExchange exchange = exchange(http, HttpExchange.Limits.defaults().withMaxBodyBytes(100));
        assertEquals(100, read(exchange).length());
        assertEquals(Kind.BAD_RESPONSE, assertThrows(ApiException.class, () -> read(exchange)).kind());
        assertEquals(2, server.getRequestCount(), "a too large answer is not asked for again");
    }

    @Test
    void errorBodiesAreCutAt64KbAndSecretsAreRedacted() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).body("echo " + SECRET + " " + "y".repeat(200_000))
                .build());
        ApiException e = assertThrows(ApiException.class, () -> read(exchange()));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals(HttpExchange.MAX_ERROR_BODY, e.serverMessage().length() + SECRET.length() - "****".length());
        assertFalse(e.serverMessage().contains(SECRET));
    }

    @Test
    void aRedirectIsNotFollowedAndNamesItsTargetWithoutTheQuery() throws Exception {
        ApiException e = assertRedirectNotFollowed(302, "/steal?token=abc", Kind.BAD_RESPONSE,
                () -> read(exchange()));
        assertEquals(302, e.httpStatus());
        assertFalse(e.operatorMessage().contains("token=abc"), e.operatorMessage());
    }

    @Test
    void aBodyDrippingPastTheDeadlineEndsTheReadWithoutRetry() {
        server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(100))
                .throttleBody(1, 500, TimeUnit.MILLISECONDS).build());
        long start = System.nanoTime();
        ApiException e = assertThrows(ApiException.class,
                () -> read(exchange(http, HttpExchange.Limits.defaults().withCallTimeout(Duration.ofSeconds(1)))));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.operatorMessage().contains("did not finish answering within 1 s"), e.operatorMessage());
        assertTrue(tookMs < 5000, "took " + tookMs + " ms");
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aWriteIsSentOnceAndAFailureAfterSendingIsAnUnknownOutcome() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("second"));
        ApiException e = assertThrows(ApiException.class, () -> exchange().sendOnce(post(), "settle it."));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().endsWith("so its outcome is unknown; settle it."), e.operatorMessage());
        assertFalse(e.operatorMessage().contains("Exception"), e.operatorMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aWriteThatCannotConnectIsANetworkFailure() throws Exception {
        Request request = new Request.Builder().url("http://127.0.0.1:" + closedPort() + "/w")
                .post(RequestBody.create(new byte[0])).build();
        ApiException e = assertThrows(ApiException.class, () -> exchange().sendOnce(request, "settle it."));
        assertEquals(Kind.NETWORK, e.kind());
        assertEquals("Could not connect to 127.0.0.1; check the network connection, proxy and firewall.",
                e.operatorMessage());
    }

    @Test
    void sentencesForResetsNameNoExceptionClass() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        ApiException e = assertThrows(ApiException.class, () -> new HttpExchange(http,
                Clock.fixed(NOW, ZoneOffset.UTC), RetryPolicy.none(), HttpExchange.Limits.defaults(), List.of())
                .read("the test", () -> new Request.Builder().url(server.url("/r")).build(), a -> a.body()));
        assertEquals(Kind.NETWORK, e.kind());
        assertFalse(e.operatorMessage().contains("Exception"), e.operatorMessage());
        assertTrue(e.operatorMessage().contains(server.getHostName()), e.operatorMessage());
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new HttpExchange.Limits(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new HttpExchange.Limits(Duration.ofSeconds(1), 0));
        assertNull(HttpExchange.retryAfter(new okhttp3.Response.Builder()
                .request(new Request.Builder().url("http://x/").build()).protocol(okhttp3.Protocol.HTTP_1_1)
                .code(429).message("").header("Retry-After", "soon").build(), NOW));
    }

    private static Buffer gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new Buffer().write(out.toByteArray());
    }
}
