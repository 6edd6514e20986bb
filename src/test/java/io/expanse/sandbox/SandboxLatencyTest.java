package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The latency option holds every answer back, concurrent ones included. */
class SandboxLatencyTest {

    @Test
    void everyAnswerIsHeldBack() throws Exception {
        Duration latency = Duration.ofMillis(300);
        try (SandboxServer server = SandboxServer.start(SandboxCloud.standard(Clock.systemUTC()), 0, null, latency)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest unsigned = HttpRequest.newBuilder(URI.create(server.baseUri() + "/v2/x/cloudvolumes/detail"))
                    .build();
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(http.sendAsync(unsigned, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                assertEquals(401, call.get().statusCode(), "unsigned requests are refused, after the latency");
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= latency.toMillis(), "answered after " + elapsedMs + " ms");
        }
    }
}
