package io.expanse.cloud.huawei;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.ClockSkew;
import io.expanse.cloud.http.HttpExchange;
import io.expanse.cloud.http.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Signed HTTP exchanges with Huawei Cloud over the shared {@link HttpExchange}: builds the URL so that the query on
 * the wire is exactly the canonical query that is signed, signs every attempt anew with {@link AkSkSigner}, and
 * maps error answers to {@link ApiException} (service codes, clock skew, gateway timeouts on writes). Retries,
 * the at-most-once write, deadlines, body caps and redirect refusal are the shared layer's. Thread-safe.
 */
final class HuaweiTransport {

    static final MediaType JSON_TYPE = MediaType.get("application/json;charset=UTF-8");
    /** How an unknown outcome of the resize is settled (by the resize tracker). */
    static String settle() {
        return Texts.get("cloud.huawei.settle.volume");
    }
    /** The gateway's rule, for the clock-skew sentence (Huawei's API gateway error documentation). */
    /** What Huawei Cloud does about a wrong clock, in the language in use. */
    static String skewRule() {
        return Texts.get("cloud.huawei.skewRule");
    }

    /** A 2xx answer. */
    record Reply(int status, String body) {
    }

    private final HttpExchange exchange;
    private final Credentials credentials;
    private final Clock clock;
    private final String projectId;

    /**
     * @param projectId sent as the signed {@code X-Project-Id} on every call, or null (IAM project lookup)
     */
    HuaweiTransport(OkHttpClient http, Credentials credentials, Clock clock, RetryPolicy retry,
                    HttpExchange.Limits limits, String projectId) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.projectId = projectId;
        this.exchange = new HttpExchange(http, clock, retry, limits, Arrays.asList(credentials.secretKey(),
                credentials.securityToken(), credentials.accessKey()));
    }

    Duration lastObservedSkew() {
        return exchange.lastObservedSkew();
    }

    /** A signed GET, retried on throttling, 5xx and network failures; the 2xx body as a JSON object. */
    JsonNode get(String what, URI base, List<AkSkSigner.QueryParam> query, String... segments) throws ApiException {
        return exchange.read(what, () -> build("GET", base, List.of(segments), query, null), answer -> {
            if (!answer.successful()) {
                throw errorFor(answer, false);
            }
            return new HuaweiJson(what, answer.status()).parse(answer.body());
        });
    }

    /**
     * A signed POST with a JSON body, sent once. A failure after the request may have gone out raises
     * {@link Kind#OUTCOME_UNKNOWN}; one before (refused connection, DNS, TLS) raises {@link Kind#NETWORK}.
     */
    Reply postOnce(URI base, byte[] json, String... segments) throws ApiException {
        HttpExchange.Answer answer = exchange.sendOnce(build("POST", base, List.of(segments), List.of(), json),
                settle());
        if (!answer.successful()) {
            throw errorFor(answer, true);
        }
        return new Reply(answer.status(), answer.body());
    }

    private Request build(String method, URI base, List<String> segments, List<AkSkSigner.QueryParam> query,
                          byte[] body) {
        HttpUrl.Builder urlBuilder = HttpUrl.get(base.toString()).newBuilder();
        for (String segment : segments) {
            urlBuilder.addEncodedPathSegment(AkSkSigner.encode(segment));
        }
        String canonicalQuery = AkSkSigner.canonicalQuery(query);
        urlBuilder.encodedQuery(canonicalQuery.isEmpty() ? null : canonicalQuery);
        HttpUrl url = urlBuilder.build();

        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Host", hostHeader(url));
        signed.put(AkSkSigner.DATE_HEADER, AkSkSigner.sdkDate(clock.instant()));
        if (projectId != null) {
            signed.put("X-Project-Id", projectId);
        }
        if (body != null) {
            signed.put("Content-Type", JSON_TYPE.toString());
        }
        if (credentials.temporary()) {
            signed.put(AkSkSigner.SECURITY_TOKEN_HEADER, credentials.securityToken());
        }
        String path = "/" + String.join("/", url.pathSegments());
        AkSkSigner.Result signature = AkSkSigner.sign(new AkSkSigner.Input(method, path, query, signed, body),
                credentials.accessKey(), credentials.secretKey());

        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
        signed.forEach(request::header);
        request.header("Authorization", signature.authorization());
        request.method(method, body == null ? null : RequestBody.create(body, JSON_TYPE));
        return request.build();
    }

    /** What OkHttp would send as Host: the authority, with the port only when it is not the scheme's default. */
    static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    private static ApiException errorFor(HttpExchange.Answer answer, boolean write) {
        int status = answer.status();
        String body = answer.body();
        Duration skew = answer.skew();
        ApiException error = HuaweiErrors.fromResponse(status, answer.contentType(), answer.header("X-Request-Id"),
                body);
        boolean expired = body != null && body.toLowerCase(Locale.ROOT).contains("signature expired");
        boolean signatureError = status == 401
                || status == 403 && (error.kind() == Kind.AUTHENTICATION || error.code() == null);
        if (expired || signatureError && ClockSkew.suspicious(skew)) {
            // "Signature expired" with a Date that shows no real skew (a proxy or server rewrote it): the amount
            // is unknown, and naming the measured one ("less than a minute ahead") would contradict the advice.
            return ClockSkew.relabel(error, ClockSkew.suspicious(skew) ? skew : null, skewRule());
        }
        if (write && (status == 502 || status == 504) && error.code() == null) {
            // A proxy or gateway gave up waiting: the service may or may not have acted on the request.
            return new ApiException(Kind.OUTCOME_UNKNOWN, status, null, error.serverMessage(), error.requestId(),
                    Texts.get("cloud.huawei.gatewayGaveUp", String.valueOf(status), settle()), null, null);
        }
        return error;
    }

    /**
     * A signed POST whose body only asks a question (a price rating, a subscription query): it changes nothing, so
     * it is retried like a GET on throttling, 5xx and network failures. The 2xx body as a JSON object.
     */
    JsonNode postRead(String what, URI base, byte[] json, String... segments) throws ApiException {
        return exchange.read(what, () -> build("POST", base, List.of(segments), List.of(), json), answer -> {
            if (!answer.successful()) {
                throw errorFor(answer, false);
            }
            return new HuaweiJson(what, answer.status()).parse(answer.body());
        });
    }

    /**
     * A signed POST or PUT with a JSON body, sent exactly once, like {@link #postOnce} but with its own sentence
     * for how an unknown outcome is settled (an order is read back, not a volume).
     *
     * @param settle e.g. "it will be checked by reading the order back."
     */
    Reply sendOnce(String method, URI base, byte[] json, String settle, String... segments) throws ApiException {
        HttpExchange.Answer answer = exchange.sendOnce(build(method, base, List.of(segments), List.of(), json),
                settle);
        if (!answer.successful()) {
            ApiException error = errorFor(answer, true);
            if (error.kind() == Kind.OUTCOME_UNKNOWN && !settle.equals(settle())) {
                throw new ApiException(Kind.OUTCOME_UNKNOWN, error.httpStatus(), error.code(),
                        error.serverMessage(), error.requestId(), error.operatorMessage().replace(settle(), settle),
                        null, null);
            }
            throw error;
        }
        return new Reply(answer.status(), answer.body());
    }
}
