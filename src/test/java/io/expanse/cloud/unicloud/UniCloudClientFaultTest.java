package io.expanse.cloud.unicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted server: request shape, envelopes in both cases, every documented error. */
class UniCloudClientFaultTest {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final UniCloudCredentials CREDS = new UniCloudCredentials("6oPiV0WMJXhxiT65", "testsecret");

    MockWebServer server;
    OkHttpClient http;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final AtomicInteger nonce = new AtomicInteger(1000);
    UniCloudClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(700)).build();
        client = UniCloudClient.builder().http(http).endpoints(UniCloudEndpoints.under(server.url("/").uri()))
                .credentials(CREDS).region("cn-tianjin-yfb").clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .nonces(() -> "n" + nonce.incrementAndGet())
                .retry(new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), sleeps::add, () -> 0.5))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    UpgradeBody body() {
        return UpgradeBody.of("pack-h58kdagr9vsf", 200, "YEAR_MONTH", "cn-tianjin-yfb");
    }

    @Test
    void upgradeIsASignedPostWithTheBodyAndA19DigitOrderIdKeptAsText() throws Exception {
        server.enqueue(json(200, "{\"Status\":true,\"Auth\":true,\"Code\":\"Success\",\"Res\":{\"Ids\":"
                + "[\"pack-h58kdagr9vsf\"],\"OrderId\":1038174306469270849},\"RequestId\":\"r1\"}"));
        UpgradeAccepted a = client.upgrade(body());
        assertEquals("1038174306469270849", a.orderId());
        assertEquals(List.of("pack-h58kdagr9vsf"), a.ids());
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertEquals("POST", r.getMethod());
        HttpUrl url = r.getUrl();
        assertEquals("/openapi/nas", url.encodedPath());
        assertEquals("UpGradeResourcePack", url.queryParameter("Action"));
        assertEquals("cn-tianjin-yfb", url.queryParameter("regionId"));
        assertEquals("2020-07-30", url.queryParameter("Version"));
        assertEquals("2.0", url.queryParameter("SignatureVersion"));
        assertEquals("HMAC-SHA1", url.queryParameter("SignatureMethod"));
        assertEquals("json", url.queryParameter("Format"));
        assertEquals("2025-03-01T10:00:00Z", url.queryParameter("Timestamp"));
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
        // The signature covers the query only and verifies with the secret.
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        assertEquals(UniCloudSigner.sign("POST", params, "testsecret").signature(), url.queryParameter("Signature"));
        var sent = new ObjectMapper().readTree(r.getBody().utf8());
        assertEquals("nasbag.capacity.200G", sent.get("specificationCode").asText());
        assertEquals("200", sent.get("capacity").asText());
    }

    @Test
    void nonceIsUniquePerRequest() throws Exception {
        server.enqueue(json(500, "{\"Status\":false,\"Code\":\"SystemErro\",\"Message\":\"System Error\"}"));
        server.enqueue(json(200, "{\"status\":true,\"code\":\"Success\",\"res\":{\"Order\":{\"OrderStatus\":1}}}"));
        client.orderDetail("1038174306469270849");
        String n1 = server.takeRequest(2, TimeUnit.SECONDS).getUrl().queryParameter("SignatureNonce");
        String n2 = server.takeRequest(2, TimeUnit.SECONDS).getUrl().queryParameter("SignatureNonce");
        assertNotNull(n1);
        assertTrue(!n1.equals(n2), "nonce reused on retry");
    }

    @Test
    void lowerCaseKeysAndMsgAreUnderstood() throws Exception {
        server.enqueue(json(200, "{\"status\":true,\"auth\":true,\"code\":\"Success\",\"res\":{\"ids\":[\"p\"],"
                + "\"orderId\":\"1038174323649126788\"},\"requestId\":\"r\"}"));
        assertEquals("1038174323649126788", client.upgrade(body()).orderId());
        server.enqueue(json(200, "{\"status\":false,\"auth\":true,\"code\":\"UnknownError\",\"msg\":\"Index: 0, Size: 0\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("Index: 0, Size: 0", e.serverMessage());
    }

    @Test
    void successNeedsStatusTrueAndCodeSuccess() {
        server.enqueue(json(200, "{\"Status\":true,\"Code\":\"Pending\",\"Res\":{\"OrderId\":\"1\"}}"));
        ApiException e = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals("Pending", e.code());
        server.enqueue(json(200, "{\"Status\":false,\"Code\":\"Success\",\"Res\":{\"OrderId\":\"1\"}}"));
        assertThrows(ApiException.class, () -> client.upgrade(body()));
    }

    @Test
    void unknownErrorFromTheSeedMeansPackOrSpecNotAccepted() {
        server.enqueue(json(200, "{\"Status\":false,\"Msg\":\"Index: 0, Size: 0\",\"Auth\":true,"
                + "\"Code\":\"UnknownError\",\"RequestId\":\"349f2115-6b74-4583-b8b1-84a4d1082077\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("UnknownError", e.code());
        assertEquals("349f2115-6b74-4583-b8b1-84a4d1082077", e.requestId());
        assertTrue(e.operatorMessage().contains("pack"), e.operatorMessage());
        assertTrue(e.operatorMessage().contains("Index: 0, Size: 0"), e.operatorMessage());
    }

    @Test
    void badSignatureSaysCheckSecretAndClock() {
        server.enqueue(json(400, "{\"Status\":false,\"Auth\":false,\"Code\":\"InvalidParameter\","
                + "\"Message\":\"The specified parameter \\\"Signature\\\" is not valid.\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.operatorMessage().contains("secret") && e.operatorMessage().contains("clock"),
                e.operatorMessage());
    }

    @Test
    void missingParameterAndSystemErro() {
        server.enqueue(json(400, "{\"Status\":false,\"Code\":\"MissingParameter\",\"Message\":"
                + "\"The specified parameter instanceId is mandatory for this request.\"}"));
        ApiException missing = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals(Kind.REJECTED, missing.kind());
        assertTrue(missing.operatorMessage().contains("instanceId"), missing.operatorMessage());
        server.enqueue(json(500, "{\"Status\":false,\"Code\":\"SystemErro\",\"Message\":\"System Error\"}"));
        ApiException system = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals(Kind.SERVER, system.kind());
        assertEquals(0, sleeps.size(), "the POST was retried");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void html502OnAReadIsRetriedThenReported() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                    .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>").build());
        }
        ApiException e = assertThrows(ApiException.class, () -> client.orderDetail("1038174306469270849"));
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.operatorMessage().contains("502 Bad Gateway"), e.operatorMessage());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeps.size());
    }

    @Test
    void html502OnTheUpgradeIsAnUnknownOutcomeAndNotRepeated() {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><title>502 Bad Gateway</title></html>").build());
        ApiException e = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void nonJsonSuccessAndResetAreUnknownOutcomes() {
        server.enqueue(new MockResponse.Builder().code(200).body("OK").build());
        assertEquals(Kind.OUTCOME_UNKNOWN, assertThrows(ApiException.class, () -> client.upgrade(body())).kind());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        assertEquals(Kind.OUTCOME_UNKNOWN, assertThrows(ApiException.class, () -> client.upgrade(body())).kind());
    }

    @Test
    void plainText4xxIsRejectedWithTheBody() {
        server.enqueue(new MockResponse.Builder().code(403).body("forbidden by policy").build());
        ApiException e = assertThrows(ApiException.class, () -> client.upgrade(body()));
        assertEquals(Kind.PERMISSION, e.kind());
        assertTrue(e.operatorMessage().contains("forbidden by policy"), e.operatorMessage());
    }

    @Test
    void orderDetailReadsRawFieldsAtResOrTopLevel() throws Exception {
        server.enqueue(json(200, "{\"Status\":true,\"Code\":\"Success\",\"Res\":{\"Order\":{\"OrderStatus\":7,"
                + "\"PayTime\":null,\"DueTime\":\"2025-03-02 18:00:00\"}}}"));
        OrderDetail d = client.orderDetail("1038174306469270849");
        assertEquals("7", d.orderStatus());
        assertEquals(false, d.paid());
        assertEquals("status 7", d.statusText());
        assertEquals(false, d.expiredUnpaid(NOW));
        assertEquals(true, d.expiredUnpaid(Instant.parse("2025-03-02T10:00:01Z")));
        server.enqueue(json(200, "{\"Status\":true,\"Code\":\"Success\",\"Order\":{\"orderStatus\":\"2\","
                + "\"payTime\":\"2025-03-01 18:00:03\"}}"));
        assertTrue(client.orderDetail("1038174306469270849").paid());
        server.enqueue(json(200, "{\"Status\":true,\"Code\":\"Success\",\"Res\":{\"Order\":{\"OrderStatus\":3,"
                + "\"CancelType\":\"USER\"}}}"));
        assertTrue(client.orderDetail("1038174306469270849").cancelled());
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertEquals("/transaction", r.getUrl().encodedPath());
        assertEquals("OrderDetail", r.getUrl().queryParameter("Action"));
        assertEquals("1038174306469270849", r.getUrl().queryParameter("OrderId"));
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertTrue(!CREDS.toString().contains("testsecret"));
    }
}
