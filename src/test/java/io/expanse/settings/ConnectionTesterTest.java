package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.Credentials;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.settings.ConnectionTester.Outcome;
import io.expanse.settings.ConnectionTester.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each failure the connection test must explain, against the sandbox and a scripted server. */
class ConnectionTesterTest {

    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String AK = "HPUAEXAMPLEAK0000001";
    static final String SK = "ExampleSecretKey0123456789abcdefGHIJKLMN";

    private SandboxServer sandbox;
    private MockWebServer scripted;
    private ExecutorService pool;
    private OkHttpClient http;
    private ConnectionTester tester;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxServer.start(SandboxCloud.standard(Clock.systemUTC()));
        scripted = new MockWebServer();
        scripted.start();
        pool = Executors.newFixedThreadPool(2);
        http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5))
                .build();
        tester = new ConnectionTester(http, pool, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
        scripted.close();
        pool.shutdownNow();
        http.connectionPool().evictAll();
    }

    static Profile profile(String endpoint, String region, String projectId) {
        return new Profile("t", "Test", Profile.Kind.HUAWEI, Profile.Source.SETTINGS, region, Profile.Site.CHINA,
                projectId, null, AK, false, Map.of("all", endpoint));
    }

    private Result againstScripted(MockResponse response) {
        scripted.enqueue(response);
        return tester.testHuawei(profile(scripted.url("/").toString(), "cn-north-4",
                "0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c"), Credentials.permanent(AK, SK));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void theSandboxAnswersWithTheProjectFoundThroughIam() {
        Result r = tester.testHuawei(profile(sandbox.baseUri().toString(), sandbox.region(), null),
                sandbox.credentials());
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertEquals(sandbox.projectId(), r.projectId());
        assertTrue(r.message().contains(sandbox.projectId()) && r.message().contains("cn-north-4"), r.message());
        assertTrue(r.message().contains("found through IAM"), r.message());
    }

    @Test
    void anEndpointWhoseHostCannotBeLookedUpIsNamedWithoutACall() {
        String host = "evs-" + "x".repeat(64) + ".example.com";
        Result r = tester.testHuawei(profile("https://" + host, sandbox.region(), null), sandbox.credentials());
        assertEquals(Outcome.INCOMPLETE, r.outcome(), r.message());
        assertTrue(r.message().startsWith("The host name of the all endpoint cannot be looked up"), r.message());
    }

    @Test
    void aRegionWithoutProjectIsUnknown() {
        Result r = tester.testHuawei(profile(sandbox.baseUri().toString(), "xx-nowhere-1", null),
                sandbox.credentials());
        assertEquals(Outcome.UNKNOWN_REGION_OR_PROJECT, r.outcome(), r.message());
        assertTrue(r.message().contains("xx-nowhere-1"), r.message());
    }

    @Test
    void aWrongSecretKeyIsAWrongKey() {
        Result r = tester.testHuawei(profile(sandbox.baseUri().toString(), sandbox.region(), null),
                Credentials.permanent(sandbox.credentials().accessKey(), SK));
        assertEquals(Outcome.WRONG_KEY, r.outcome(), r.message());
        assertTrue(r.message().startsWith("The access key or secret key is wrong"), r.message());
    }

    @Test
    void aSignatureRejectedWithADistantServerClockIsClockSkewWithTheOffset() {
        String date = HTTP_DATE.format(Instant.now().minus(Duration.ofMinutes(20)));
        Result r = againstScripted(new MockResponse.Builder().code(401).addHeader("Date", date)
                .addHeader("Content-Type", "application/json")
                .body("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                        + "verify aksk signature fail\",\"request_id\":\"r1\"}").build());
        assertEquals(Outcome.CLOCK_SKEW, r.outcome(), r.message());
        assertTrue(r.message().contains("20 minutes ahead"), r.message());
        assertNotNull(r.clockSkew());
    }

    @Test
    void aPermissionDenialNamesTheMissingPermission() {
        Result r = againstScripted(json(403, "{\"error\":{\"code\":\"EVS.5403\",\"message\":\"Policy doesn't "
                + "allow evs:volumes:list to be performed.\"}}"));
        assertEquals(Outcome.PERMISSION_DENIED, r.outcome(), r.message());
        assertTrue(r.message().contains("evs:volumes:list"), r.message());
    }

    @Test
    void anUnavailableProjectIsUnknown() {
        Result r = againstScripted(json(403, "{\"error_code\":\"APIGW.0310\",\"error_msg\":\"project is "
                + "unavailable\"}"));
        assertEquals(Outcome.UNKNOWN_REGION_OR_PROJECT, r.outcome(), r.message());
        assertTrue(r.message().contains("0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c"), r.message());
    }

    @Test
    void aClosedPortIsNoNetwork() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = tester.testHuawei(profile("http://127.0.0.1:" + port, "cn-north-4",
                "0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c"), Credentials.permanent(AK, SK));
        assertEquals(Outcome.NO_NETWORK, r.outcome(), r.message());
    }

    @Test
    void anUnresolvableHostIsNoNetwork() {
        Result r = tester.testHuawei(profile("https://evs.invalid", "cn-north-4",
                "0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c"), Credentials.permanent(AK, SK));
        assertEquals(Outcome.NO_NETWORK, r.outcome(), r.message());
    }

    @Test
    void httpsToAPlainServerIsATlsFailure() throws Exception {
        // A server that answers every connection at once with plain HTTP: the TLS handshake gets a record that is
        // not TLS and fails straight away (no read timeout involved, so the outcome does not depend on load).
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (java.net.Socket s = plain.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "plain-http");
            answer.setDaemon(true);
            answer.start();
            String url = "https://127.0.0.1:" + plain.getLocalPort();
            Result r = tester.testHuawei(profile(url, "cn-north-4", "0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c"),
                    Credentials.permanent(AK, SK));
            assertEquals(Outcome.TLS_FAILURE, r.outcome(), r.message());
        }
    }

    @Test
    void incompleteProfilesAreNotSent() {
        Result r = tester.testHuawei(profile(sandbox.baseUri().toString(), null, null), sandbox.credentials());
        assertEquals(Outcome.INCOMPLETE, r.outcome());
        assertTrue(r.message().contains("region"), r.message());
        assertEquals(Outcome.INCOMPLETE, tester.testHuawei(profile(sandbox.baseUri().toString(), "cn-north-4",
                null), null).outcome());
    }

    static Profile uniCloud(String endpoint, String accessKeyId) {
        return new Profile("u", "NAS", Profile.Kind.UNICLOUD, null, UniCloudSandbox.REGION, null, null, null,
                accessKeyId, false, endpoint == null ? Map.of() : Map.of("nas", endpoint));
    }

    @Test
    void theUniCloudSandboxAnswersASignedProbe() {
        try (UniCloudSandbox uc = UniCloudSandbox.start()) {
            Result r = tester.testUniCloud(uniCloud(uc.baseUri().toString(), uc.credentials().accessKeyId()),
                    uc.credentials().accessKeySecret());
            assertEquals(Outcome.OK, r.outcome(), r.message());
            assertTrue(r.message().startsWith("Connected to UniCloud cn-tianjin-yfb."), r.message());
        }
    }

    @Test
    void aWrongUniCloudSecretIsAWrongKeyOrClock() {
        try (UniCloudSandbox uc = UniCloudSandbox.start()) {
            Result r = tester.testUniCloud(uniCloud(uc.baseUri() + "/openapi/nas", uc.credentials().accessKeyId()),
                    "not-the-secret");
            assertEquals(Outcome.WRONG_KEY, r.outcome(), r.message());
            assertTrue(r.message().contains("AccessKey secret is wrong") && r.message().contains("clock"),
                    r.message());
            assertTrue(r.message().contains("InvalidParameter, HTTP 400"), r.message());
        }
    }

    @Test
    void aUniCloudGatewayPageIsReportedWithItsStatusAndNotRetried() {
        scripted.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>").build());
        Result r = tester.testUniCloud(uniCloud(scripted.url("/").toString(), "UCAKEXAMPLE00001"), SK);
        assertEquals(Outcome.OTHER, r.outcome(), r.message());
        assertTrue(r.message().contains("HTTP 502") && r.message().contains("502 Bad Gateway"), r.message());
        assertEquals(1, scripted.getRequestCount(), "the probe was retried");
    }

    @Test
    void aClosedUniCloudPortIsNoNetwork() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = tester.testUniCloud(uniCloud("http://127.0.0.1:" + port, "UCAKEXAMPLE00001"), SK);
        assertEquals(Outcome.NO_NETWORK, r.outcome(), r.message());
        assertTrue(r.message().startsWith("No connection to UniCloud"), r.message());
    }

    @Test
    void httpsToAPlainUniCloudServerIsATlsFailure() throws Exception {
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (java.io.IOException ignored) {
                    // the client gave up: nothing to answer
                }
            });
            answer.setDaemon(true);
            answer.start();
            Result r = tester.testUniCloud(uniCloud("https://127.0.0.1:" + plain.getLocalPort(),
                    "UCAKEXAMPLE00001"), SK);
            assertEquals(Outcome.TLS_FAILURE, r.outcome(), r.message());
        }
    }

    @Test
    void anIncompleteUniCloudProfileIsNotSent() {
        assertEquals(Outcome.INCOMPLETE, tester.testUniCloud(uniCloud(scripted.url("/").toString(),
                "UCAKEXAMPLE00001"), "").outcome());
        assertEquals(Outcome.INCOMPLETE, tester.testUniCloud(uniCloud(scripted.url("/").toString(), null), SK)
                .outcome());
        assertEquals(0, scripted.getRequestCount());
    }

    @Test
    void theVolumeCountUsesTheProfilesEnterpriseProject() {
        Profile all = profile(sandbox.baseUri().toString(), sandbox.region(), null);
        Profile database = new Profile("t", "Test", Profile.Kind.HUAWEI, Profile.Source.SETTINGS, sandbox.region(),
                Profile.Site.CHINA, null, io.expanse.sandbox.SandboxSeed.EP_DATABASE, AK, false,
                Map.of("all", sandbox.baseUri().toString()));
        long inDatabase = sandbox.cloud().volumes().stream()
                .filter(v -> v.enterpriseProjectId().equals(io.expanse.sandbox.SandboxSeed.EP_DATABASE)).count();
        assertTrue(inDatabase > 0 && inDatabase < sandbox.cloud().volumes().size());
        Result r = tester.testHuawei(database, sandbox.credentials());
        assertEquals(Outcome.OK, r.outcome(), r.message());
        assertTrue(r.message().endsWith(" " + inDatabase + " disks are visible in enterprise project "
                + io.expanse.sandbox.SandboxSeed.EP_DATABASE + "."), r.message());
        Result unfiltered = tester.testHuawei(all, sandbox.credentials());
        assertTrue(unfiltered.message().endsWith(" " + sandbox.cloud().volumes().size() + " disks are visible."),
                unfiltered.message());
    }

    @Test
    void aUniCloudAnswerThatIsNotAboutTheKeyMeansTheKeyWorks() {
        scripted.enqueue(json(400, "{\"Status\":false,\"Auth\":true,\"Code\":\"InvalidParameter\","
                + "\"Message\":\"Size must be at least 10\",\"RequestId\":\"req-77\"}"));
        Result r = tester.testUniCloud(uniCloud(scripted.url("/").toString(), "UCAKEXAMPLE00001"), SK);
        assertEquals(Outcome.KEY_WORKS, r.outcome(), r.message());
        assertTrue(r.ok());
        assertTrue(r.message().startsWith("The AccessKey works: UniCloud accepted the signature."), r.message());
        assertTrue(r.message().contains("Size must be at least 10") && r.message().contains("request req-77"),
                r.message());
    }
}
