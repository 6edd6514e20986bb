package io.expanse.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh standard sandbox on a fake clock per test. */
abstract class SandboxHttpTestBase {

    static final Instant START = Instant.parse("2025-11-24T07:30:00Z");
    static final String PID = SandboxCloud.PROJECT_ID;

    MutableClock clock;
    SandboxCloud cloud;
    SandboxServer server;
    SignedClient client;

    @BeforeEach
    void startSandbox() {
        clock = new MutableClock(START);
        cloud = SandboxCloud.standard(clock);
        server = SandboxServer.start(cloud);
        client = new SignedClient(server.baseUri(), server.credentials(), clock);
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }

    static String id(String volumeName) {
        return SandboxSeed.volumeId(volumeName);
    }

    SignedClient.Reply resize(String volumeName, String body) {
        return client.post("/v2.1/" + PID + "/cloudvolumes/" + id(volumeName) + "/action", body);
    }

    SignedClient.Reply resize(String volumeName, long newSize) {
        return resize(volumeName, "{\"os-extend\":{\"new_size\":" + newSize + "}}");
    }

    JsonNode volume(String volumeName) {
        return client.get("/v2/" + PID + "/cloudvolumes/" + id(volumeName)).json().get("volume");
    }

    JsonNode job(String jobId) {
        return client.get("/v1/" + PID + "/jobs/" + jobId).json();
    }

    JsonNode order(String orderId) {
        return client.get("/v2/orders/customer-orders/details/" + orderId).json();
    }

    void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }
}
