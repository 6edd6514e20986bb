package io.expanse.cloud.huawei;

import io.expanse.cloud.http.LoopbackFixture;
import io.expanse.cloud.http.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A scripted Huawei Cloud on loopback and a client pointed at it; retries sleep into a list, not for real. */
abstract class ClientFixture extends LoopbackFixture {

    static final String AK = "HPUAEXAMPLEAK0000001";
    static final String SK = "exampleSecretKey0123456789abcdefghijklmn";
    static final String TOKEN = "gQpjbi1ub3J0aC00SECRETTOKEN";
    static final String PID = "0b9e2a6f1c3d4e5f8a7b6c5d4e3f2a1b";
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    ExecutorService pages;

    @BeforeEach
    void startPages() {
        pages = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stopPages() throws Exception {
        pages.shutdownNow();
        pages.awaitTermination(5, TimeUnit.SECONDS);
    }

    HuaweiClient.Builder builder(Credentials credentials) {
        return HuaweiClient.builder()
                .http(http)
                .endpoints(HuaweiEndpoints.single(server.url("/").uri()))
                .credentials(credentials)
                .region("cn-north-4")
                .projectId(PID)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .retry(retries(4))
                .pageExecutor(pages)
                .pageSize(2);
    }

    HuaweiClient client() {
        return builder(Credentials.permanent(AK, SK)).build();
    }

    HuaweiClient clientWithoutRetries() {
        return builder(Credentials.permanent(AK, SK)).retry(RetryPolicy.none()).build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    RecordedRequest takeSigned() throws InterruptedException {
        RecordedRequest r = take();
        SignatureAssert.assertSigned(r, AK, SK);
        return r;
    }

    static String volumeJson(String id, String size) {
        return "{\"id\":\"" + id + "\",\"name\":\"disk-" + id + "\",\"status\":\"in-use\",\"size\":" + size
                + ",\"bootable\":\"false\",\"multiattach\":false,\"volume_type\":\"SSD\","
                + "\"availability_zone\":\"cn-north-4a\",\"metadata\":{\"__system__encrypted\":\"0\"},"
                + "\"attachments\":[{\"server_id\":\"srv-1\",\"attachment_id\":\"att-1\",\"device\":\"/dev/vdb\","
                + "\"host_name\":\"h\",\"attached_at\":\"2025-01-01T00:00:00.000000\"}]}";
    }
}
