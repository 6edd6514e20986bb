package io.expanse.cloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * A scripted server on loopback and an OkHttp client for the client tests of both clouds; retries sleep into
 * {@link #sleeps}, not for real.
 */
public abstract class LoopbackFixture {

    protected MockWebServer server;
    protected OkHttpClient http;
    protected final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** The client's settings; override for other timeouts. */
    protected OkHttpClient.Builder httpSettings() {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(700));
    }

    @BeforeEach
    void startLoopback() throws Exception {
        server = new MockWebServer();
        server.start();
        http = httpSettings().build();
    }

    @AfterEach
    void stopLoopback() throws Exception {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    /** Exponential backoff from 500 ms, at most 8 s, jitter fixed at 0.5, sleeping into {@link #sleeps}. */
    protected RetryPolicy retries(int attempts) {
        return new RetryPolicy(attempts, Duration.ofMillis(500), Duration.ofSeconds(8), sleeps::add, () -> 0.5);
    }

    protected static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** A loopback port nothing listens on. */
    protected static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Scripts a redirect with {@code status} to a second loopback server, runs {@code call}, and checks that the
     * second server received nothing and that the sentence names the target (without its query).
     */
    protected ApiException assertRedirectNotFollowed(int status, String path, ApiException.Kind kind, Executable call)
            throws IOException {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            other.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            server.enqueue(new MockResponse.Builder().code(status).addHeader("Location", other.url(path)).build());
            ApiException e = assertThrows(ApiException.class, call);
            assertEquals(kind, e.kind());
            // The target is named without its query, which may carry someone else's tokens.
            assertTrue(e.operatorMessage().contains("answered with a redirect (HTTP " + status + ") to "
                    + other.url(path).newBuilder().query(null).build() + ";"), e.operatorMessage());
            assertTrue(e.operatorMessage().contains("Expanse does not follow redirects"), e.operatorMessage());
            assertEquals(0, other.getRequestCount(), "a request went to the redirect target");
            assertEquals(1, server.getRequestCount());
            return e;
        }
    }

    /**
     * Scripts {@code answer} (a huge body or a gzip bomb), runs the read {@code call}, and checks that it failed as
     * {@link ApiException.Kind#BAD_RESPONSE} "too large" after a single request, within the test's memory.
     */
    protected ApiException assertReadTooLarge(MockResponse answer, Executable call) {
        server.enqueue(answer);
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(ApiException.Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("was too large (more than "), e.operatorMessage());
        assertEquals(1, server.getRequestCount(), "a too large answer was asked for again");
        return e;
    }
}
