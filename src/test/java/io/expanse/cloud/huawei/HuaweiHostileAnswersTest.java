package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.HostileServers;
import io.expanse.cloud.http.HostileServers.DripServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Answers meant to hurt: held back, huge, redirected elsewhere, implausible. None may hang a call, exhaust memory,
 * carry credentials to another host or be shown as if it were sound.
 */
class HuaweiHostileAnswersTest extends ClientFixture {

    private static final String VOLUME = "{\"volume\":{\"id\":\"v\",\"status\":\"available\",\"size\":1}}";

    /** A client whose read timeout (10 s) cannot fire before a 1 s call deadline. */
    private HuaweiClient.Builder patient() {
        OkHttpClient slowReads = http.newBuilder().readTimeout(Duration.ofSeconds(10)).build();
        return builder(Credentials.permanent(AK, SK)).http(slowReads).callTimeout(Duration.ofSeconds(1));
    }

    // 1. Deadlines

    @Test
    void aReadWhoseHeadersDripPastTheDeadlineFailsInTime() throws Exception {
        try (DripServer drip = DripServer.slowHeaders(VOLUME, Duration.ofSeconds(2))) {
            HuaweiClient client = patient().endpoints(HuaweiEndpoints.single(drip.uri())).build();
            long start = System.nanoTime();
            ApiException e = assertThrows(ApiException.class, () -> client.getVolume("v"));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Kind.NETWORK, e.kind());
            assertEquals("127.0.0.1 did not finish answering within 1 s; the network or the service may be slow. "
                    + "Try again.", e.operatorMessage());
            assertTrue(tookMs < 5000, "took " + tookMs + " ms");
            assertEquals(1, drip.requests(), "a read past its deadline is not repeated");
            assertTrue(sleeps.isEmpty());
        }
    }

    @Test
    void aReadWhoseBodyDripsPastTheDeadlineFailsInTime() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(VOLUME).throttleBody(1, 200, TimeUnit.MILLISECONDS).build());
        ApiException e = assertThrows(ApiException.class, () -> patient().build().getVolume("v"));
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.operatorMessage().contains("did not finish answering within 1 s"), e.operatorMessage());
    }

    @Test
    void aResizeAnsweredPastTheDeadlineHasAnUnknownOutcomeAndIsSentOnce() throws Exception {
        try (DripServer drip = DripServer.slowHeaders("{\"job_id\":\"j\"}", Duration.ofSeconds(2))) {
            HuaweiClient client = patient().endpoints(HuaweiEndpoints.single(drip.uri())).build();
            ApiException e = assertThrows(ApiException.class, () -> client.resize("vol-1", 100, null));
            assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
            assertEquals("127.0.0.1 did not finish answering within 1 s after the request was sent, so its outcome "
                    + "is unknown; it will be checked by reading the volume.", e.operatorMessage());
            assertEquals(1, drip.requests());
        }
    }

    // 2. Unbounded bodies

    @Test
    void aFiftyMegabyteListIsTooLargeAndNotAskedForAgain() {
        ApiException e = assertReadTooLarge(HostileServers.hugeBody(200, 50L * 1024 * 1024),
                () -> client().listVolumes());
        assertTrue(e.operatorMessage().contains("(more than 16 MB)"), e.operatorMessage());
    }

    @Test
    void aGzipBombIsCappedOnItsDecodedSize() {
        // About 1 MB on the wire, 1 GiB inflated; OkHttp asked for gzip and inflates it transparently.
        assertReadTooLarge(HostileServers.gzipBomb(200, 1024), () -> client().getVolume("v"));
    }

    @Test
    void aResizeAcceptedWithAHugeAnswerHasAnUnknownOutcome() {
        server.enqueue(HostileServers.gzipBomb(202, 64));
        ApiException e = assertThrows(ApiException.class,
                () -> builder(Credentials.permanent(AK, SK)).maxBodyBytes(1 << 20).build().resize("vol-1", 100, null));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().contains("accepted the request (HTTP 202) but the answer was too large "
                + "(more than 1 MB)"), e.operatorMessage());
        assertTrue(e.operatorMessage().endsWith("it will be checked by reading the volume."), e.operatorMessage());
        assertEquals(1, server.getRequestCount());
    }

    // 3. Redirects

    @Test
    void aReadRedirectedToAnotherHostTakesNoCredentialThere() throws Exception {
        assertRedirectNotFollowed(302, "/v2/" + PID + "/cloudvolumes/v", Kind.BAD_RESPONSE,
                () -> builder(new Credentials(AK, SK, TOKEN)).build().getVolume("v"));
    }

    @Test
    void aResizeRedirectedElsewhereIsNotResentAndHasAnUnknownOutcome() throws Exception {
        ApiException e = assertRedirectNotFollowed(307, "/x", Kind.OUTCOME_UNKNOWN,
                () -> client().resize("vol-1", 100, null));
        assertTrue(e.operatorMessage().endsWith("it will be checked by reading the volume."), e.operatorMessage());
    }

    // 4. Implausible data

    @Test
    void zeroAndNegativeSizesAreRefusedNamingTheField() {
        for (String size : new String[] {"0", "-5", "\"-1\""}) {
            server.enqueue(json(200, "{\"volume\":{\"id\":\"v\",\"status\":\"available\",\"size\":" + size + "}}"));
            ApiException e = assertThrows(ApiException.class, () -> client().getVolume("v"));
            assertEquals(Kind.BAD_RESPONSE, e.kind());
            assertTrue(e.operatorMessage().contains("'size'"), e.operatorMessage());
            assertTrue(e.operatorMessage().contains("not a possible size"), e.operatorMessage());
        }
    }

    @Test
    void withoutACountAPageOfVolumesAlreadyListedStopsTheListing() {
        // The service ignores the offset: every page is the first one, full, for ever.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(200, "{\"volumes\":[" + volumeJson("a", "1") + "," + volumeJson("b", "1") + "]}");
            }
        });
        ApiException e = assertThrows(ApiException.class, () -> client().listVolumes());
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("offset 2 repeats only volumes already listed"), e.operatorMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void withoutACountEndlessFullPagesStopAtTheBound() {
        AtomicInteger next = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(200, "{\"volumes\":[" + volumeJson("v" + next.incrementAndGet(), "1") + ","
                        + volumeJson("v" + next.incrementAndGet(), "1") + "]}");
            }
        });
        ApiException e = assertThrows(ApiException.class, () -> client().listVolumes());
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("after 100 pages (200 volumes)"), e.operatorMessage());
        assertTrue(e.operatorMessage().contains("may be incomplete"), e.operatorMessage());
        assertEquals(HuaweiClient.MAX_PAGES_WITHOUT_COUNT, server.getRequestCount());
    }

    @Test
    void withoutACountAPartlyRepeatedPageIsAShiftNotAnError() throws Exception {
        server.enqueue(json(200, "{\"volumes\":[" + volumeJson("a", "1") + "," + volumeJson("b", "1") + "]}"));
        server.enqueue(json(200, "{\"volumes\":[" + volumeJson("b", "1") + "," + volumeJson("c", "1") + "]}"));
        server.enqueue(json(200, "{\"volumes\":[]}"));
        assertEquals(List.of("a", "b", "c"), client().listVolumes().stream().map(Volume::id).toList());
    }

    // 5. Kept behaviour through the shared layer

    @Test
    void throttledThenSuccessHonoursRetryAfterAsAnHttpDate() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", httpDate(NOW.plusSeconds(4)))
                .body("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}").build());
        server.enqueue(json(200, VOLUME));
        assertEquals("v", client().getVolume("v").id());
        assertEquals(List.of(Duration.ofSeconds(4)), sleeps);
    }

    @Test
    void aDroppedConnectionIsExplainedWithoutAnExceptionName() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        ApiException e = assertThrows(ApiException.class, () -> clientWithoutRetries().getVolume("v"));
        assertEquals(Kind.NETWORK, e.kind());
        assertFalse(e.operatorMessage().contains("Exception"), e.operatorMessage());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        ApiException w = assertThrows(ApiException.class, () -> client().resize("vol-1", 100, null));
        assertEquals(Kind.OUTCOME_UNKNOWN, w.kind());
        assertFalse(w.operatorMessage().contains("Exception"), w.operatorMessage());
    }
}
