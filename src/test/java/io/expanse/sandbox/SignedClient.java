package io.expanse.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.expanse.cloud.huawei.AkSkSigner;
import io.expanse.cloud.huawei.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny AK/SK-signing client for the sandbox tests. */
final class SignedClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final Credentials credentials;
    private final Clock clock;

    SignedClient(URI base, Credentials credentials, Clock clock) {
        this.base = base;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** One answer; {@code json} is null for an empty body. */
    record Reply(int status, JsonNode json, HttpHeaders headers) {
        String errorCode() {
            if (json.has("error")) {
                return json.get("error").get("code").asText();
            }
            return json.get("error_code").asText();
        }
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, clock.instant(), credentials);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, clock.instant(), credentials);
    }

    Reply send(String method, String pathAndQuery, String body, Instant date, Credentials creds) {
        URI uri = URI.create(base + pathAndQuery);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", uri.getRawAuthority());
        headers.put("X-Sdk-Date", AkSkSigner.sdkDate(date));
        headers.put("X-Project-Id", SandboxCloud.PROJECT_ID);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (creds.temporary()) {
            headers.put("X-Security-Token", creds.securityToken());
        }
        var signed = AkSkSigner.sign(new AkSkSigner.Input(method, uri.getRawPath(),
                SandboxAuth.decodeQuery(uri.getRawQuery()), headers, bytes), creds.accessKey(), creds.secretKey());
        return raw(method, uri, bytes, headers, signed.authorization());
    }

    Reply raw(String method, URI uri, byte[] body, Map<String, String> headers, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Host")) {
                b.header(k, v);
            }
        });
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = r.body().length == 0 ? null : MAPPER.readTree(r.body());
            return new Reply(r.statusCode(), json, r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI base() {
        return base;
    }
}
