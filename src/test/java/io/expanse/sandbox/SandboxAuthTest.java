package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.AkSkSigner;
import io.expanse.cloud.huawei.Credentials;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxAuthTest extends SandboxHttpTestBase {

    private String listPath() {
        return "/v2/" + PID + "/cloudvolumes/detail?limit=1";
    }

    private static void assertSignatureFailure(SignedClient.Reply r, String detail) {
        assertEquals(401, r.status());
        assertEquals("APIGW.0301", r.json().get("error_code").asText());
        assertEquals("Incorrect IAM authentication information: " + detail, r.json().get("error_msg").asText());
        assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), r.json().get("request_id").asText());
    }

    @Test
    void signedRequestPassesAndCarriesDateAndRequestId() {
        SignedClient.Reply r = client.get(listPath());
        assertEquals(200, r.status());
        assertTrue(r.headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f]{32}"));
        // The JDK HttpServer overwrites Date with the wall clock, so only its format can be checked here.
        ZonedDateTime.parse(r.headers().firstValue("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    @Test
    void wrongSecretIsRejected() {
        Credentials wrong = Credentials.permanent(server.credentials().accessKey(), "not-the-secret");
        assertSignatureFailure(client.send("GET", listPath(), null, clock.instant(), wrong),
                "verify aksk signature fail");
    }

    @Test
    void unknownAccessKeyIsRejected() {
        Credentials other = Credentials.permanent("UNKNOWNAKUNKNOWNAK00", server.credentials().secretKey());
        assertSignatureFailure(client.send("GET", listPath(), null, clock.instant(), other),
                "verify aksk signature fail");
    }

    @Test
    void missingAuthorizationIsRejected() {
        Map<String, String> headers = Map.of("X-Sdk-Date", AkSkSigner.sdkDate(clock.instant()));
        SignedClient.Reply r = client.raw("GET", URI.create(server.baseUri() + listPath()), new byte[0], headers, null);
        assertSignatureFailure(r, "verify aksk signature fail");
    }

    @Test
    void tamperedQueryOrBodyIsRejected() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", server.baseUri().getRawAuthority());
        headers.put("X-Sdk-Date", AkSkSigner.sdkDate(clock.instant()));
        String path = "/v2/" + PID + "/cloudvolumes/detail";
        String auth = AkSkSigner.sign(new AkSkSigner.Input("GET", path, SandboxAuth.decodeQuery("limit=1"), headers,
                null), server.credentials().accessKey(), server.credentials().secretKey()).authorization();
        URI tampered = URI.create(server.baseUri() + path + "?limit=2");
        assertSignatureFailure(client.raw("GET", tampered, new byte[0], headers, auth), "verify aksk signature fail");
    }

    @Test
    void hostMustBeSigned() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Sdk-Date", AkSkSigner.sdkDate(clock.instant()));
        headers.put("Host", server.baseUri().getRawAuthority());
        String path = "/v2/" + PID + "/cloudvolumes/detail";
        String auth = AkSkSigner.sign(new AkSkSigner.Input("GET", path, null, headers, null),
                server.credentials().accessKey(), server.credentials().secretKey()).authorization()
                .replace("SignedHeaders=host;x-sdk-date", "SignedHeaders=x-sdk-date");
        assertSignatureFailure(client.raw("GET", URI.create(server.baseUri() + path), new byte[0], headers, auth),
                "verify aksk signature fail");
    }

    @Test
    void dateMoreThanFifteenMinutesOffIsExpired() {
        assertEquals(200, client.send("GET", listPath(), null, clock.instant().minus(Duration.ofMinutes(14)),
                server.credentials()).status());
        assertSignatureFailure(client.send("GET", listPath(), null, clock.instant().minus(Duration.ofMinutes(16)),
                server.credentials()), "calc ak sk signature fail:signature expired");
        assertSignatureFailure(client.send("GET", listPath(), null, clock.instant().plus(Duration.ofMinutes(16)),
                server.credentials()), "calc ak sk signature fail:signature expired");
    }

    @Test
    void sandboxClockDecidesExpiry() {
        var signedAt = clock.instant();
        clock.advance(Duration.ofMinutes(20));
        assertSignatureFailure(client.send("GET", listPath(), null, signedAt, server.credentials()),
                "calc ak sk signature fail:signature expired");
    }

    @Test
    void securityTokenOnlyForConfiguredTemporaryCredentials() {
        Credentials permanentWithToken = new Credentials(server.credentials().accessKey(),
                server.credentials().secretKey(), "some-token");
        assertSignatureFailure(client.send("GET", listPath(), null, clock.instant(), permanentWithToken),
                "decrypt token fail");

        Credentials temporary = new Credentials("TEMPAKTEMPAKTEMPAK00", "temporary-secret", "sts-token-1");
        try (SandboxServer tmp = SandboxServer.start(cloud, 0, temporary)) {
            SignedClient c = new SignedClient(tmp.baseUri(), temporary, clock);
            assertEquals(200, c.get(listPath()).status());
            Credentials wrongToken = new Credentials(temporary.accessKey(), temporary.secretKey(), "sts-token-2");
            assertSignatureFailure(c.send("GET", listPath(), null, clock.instant(), wrongToken),
                    "decrypt token fail");
            Credentials noToken = Credentials.permanent(temporary.accessKey(), temporary.secretKey());
            assertSignatureFailure(c.send("GET", listPath(), null, clock.instant(), noToken), "decrypt token fail");
        }
    }

    @Test
    void unknownRouteAnswersLikeTheGateway() {
        SignedClient.Reply r = client.get("/v2/" + PID + "/no-such-api");
        assertEquals(404, r.status());
        assertEquals("APIGW.0101", r.json().get("error_code").asText());
        assertEquals("The API does not exist or has not been published in the environment",
                r.json().get("error_msg").asText());
        assertTrue(r.json().get("request_id").asText().matches("[0-9a-f]{32}"));
        assertEquals(404, client.send("DELETE", "/v2/" + PID + "/cloudvolumes/" + id("data-01"), null,
                clock.instant(), server.credentials()).status());
    }

    @Test
    void encodedQueryValuesVerify() {
        SignedClient.Reply r = client.get("/v2/" + PID + "/cloudvolumes/detail?name=no%20such%20disk&status=in-use");
        assertEquals(200, r.status());
        assertEquals(0, r.json().get("count").asInt());
    }
}
