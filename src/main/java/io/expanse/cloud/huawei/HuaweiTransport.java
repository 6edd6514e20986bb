package io.expanse.cloud.huawei;

import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed HTTP exchanges with Huawei Cloud: builds the URL so that the query on the wire is exactly the canonical
 * query that is signed, signs with {@link AkSkSigner}, retries reads per {@link RetryPolicy}, sends writes exactly
 * once, measures clock skew and maps failures to {@link ApiException}. Thread-safe.
 */
final class HuaweiTransport {

    static final MediaType JSON_TYPE = MediaType.get("application/json;charset=UTF-8");
    private static final Logger LOG = LoggerFactory.getLogger(HuaweiTransport.class);
    private static final long MAX_ERROR_BODY = 64 * 1024;
    private static final String REDACTED = "****";

    /** A 2xx answer. */
    record Reply(int status, String body) {
    }

    /** Set by a network interceptor once a one-shot request is about to go on the wire. */
    private static final class SentFlag {
        private volatile boolean sent;
    }

    private record Outcome(Reply reply, ApiException error, Duration retryAfter) {
    }

    private final OkHttpClient reads;
    private final OkHttpClient writes;
    private final Credentials credentials;
    private final Clock clock;
    private final RetryPolicy retry;
    private final String projectId;
    private volatile Duration lastObservedSkew;

    /**
     * @param projectId sent as the signed {@code X-Project-Id} on every call, or null (IAM project lookup)
     */
    HuaweiTransport(OkHttpClient http, Credentials credentials, Clock clock, RetryPolicy retry, String projectId) {
        this.reads = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.projectId = projectId;
        // Writes must reach the server at most once: no silent retry on a stale connection, no redirect re-send.
        this.writes = http.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addNetworkInterceptor(chain -> {
                    SentFlag flag = chain.request().tag(SentFlag.class);
                    if (flag != null) {
                        flag.sent = true;
                    }
                    return chain.proceed(chain.request());
                })
                .build();
    }

    Duration lastObservedSkew() {
        return lastObservedSkew;
    }

    /** A signed GET, retried on throttling, 5xx and network failures; the 2xx body as a JSON object. */
    JsonNode get(String what, URI base, List<AkSkSigner.QueryParam> query, String... segments) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            Request request = build("GET", base, List.of(segments), query, null, null);
            Outcome outcome = execute(request, reads, null);
            if (outcome.error() == null) {
                return new HuaweiJson(what, outcome.reply().status()).parse(outcome.reply().body());
            }
            ApiException error = outcome.error();
            if (!error.retryableForReads() || attempt >= retry.maxAttempts()) {
                throw error;
            }
            Duration delay = retry.delay(attempt, outcome.retryAfter());
            LOG.debug("{} failed ({}), attempt {} of {}, retrying in {} ms", what, error.kind(), attempt,
                    retry.maxAttempts(), delay.toMillis());
            try {
                retry.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error;
            }
        }
    }

    /**
     * A signed POST with a JSON body, sent once. An I/O failure after the request may have gone out raises
     * {@link Kind#OUTCOME_UNKNOWN}; one before (refused connection, DNS, TLS) raises {@link Kind#NETWORK}.
     */
    Reply postOnce(URI base, byte[] json, String... segments) throws ApiException {
        SentFlag flag = new SentFlag();
        Outcome outcome = execute(build("POST", base, List.of(segments), List.of(), json, flag), writes, flag);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.reply();
    }

    private Request build(String method, URI base, List<String> segments, List<AkSkSigner.QueryParam> query,
                          byte[] body, SentFlag flag) {
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
        if (flag != null) {
            request.tag(SentFlag.class, flag);
        }
        return request.build();
    }

    /** What OkHttp would send as Host: the authority, with the port only when it is not the scheme's default. */
    static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    private Outcome execute(Request request, OkHttpClient client, SentFlag flag) {
        String method = request.method();
        try (Response response = client.newCall(request).execute()) {
            Instant now = clock.instant();
            Duration skew = observeSkew(response, now);
            LOG.debug("{} {} -> HTTP {}", method, request.url().encodedPath(), response.code());
            if (response.isSuccessful()) {
                return new Outcome(new Reply(response.code(), response.body().string()), null, null);
            }
            String body = redact(response.peekBody(MAX_ERROR_BODY).string());
            ApiException error = errorFor(response, body, skew, flag != null);
            return new Outcome(null, error, retryAfter(response, now));
        } catch (IOException e) {
            LOG.debug("{} {} failed: {}", method, request.url().encodedPath(), e.getClass().getSimpleName());
            String host = request.url().host();
            if (flag != null && flag.sent) {
                return new Outcome(null, new ApiException(Kind.OUTCOME_UNKNOWN, "The connection to " + host
                        + " failed after the request was sent (" + describe(e) + "), so its outcome is unknown; "
                        + "it will be checked by reading the volume.", e), null);
            }
            return new Outcome(null, new ApiException(Kind.NETWORK, networkMessage(e, host), e), null);
        }
    }

    private ApiException errorFor(Response response, String body, Duration skew, boolean write) {
        int status = response.code();
        ApiException error = HuaweiErrors.fromResponse(status, response.header("Content-Type"),
                response.header("X-Request-Id"), body);
        boolean expired = body != null && body.toLowerCase(Locale.ROOT).contains("signature expired");
        boolean signatureError = status == 401
                || status == 403 && (error.kind() == Kind.AUTHENTICATION || error.code() == null);
        if (expired || signatureError && ClockSkew.suspicious(skew)) {
            // "Signature expired" with a Date that shows no real skew (a proxy or server rewrote it): the amount
            // is unknown, and naming the measured one ("less than a minute ahead") would contradict the advice.
            Duration known = ClockSkew.suspicious(skew) ? skew : null;
            return new ApiException(Kind.CLOCK_SKEW, status, error.code(), error.serverMessage(), error.requestId(),
                    ClockSkew.operatorMessage(known), known, null);
        }
        if (write && (status == 502 || status == 504) && error.code() == null) {
            // A proxy or gateway gave up waiting: the service may or may not have acted on the request.
            return new ApiException(Kind.OUTCOME_UNKNOWN, status, null, error.serverMessage(), error.requestId(),
                    "A gateway answered HTTP " + status + " before Huawei Cloud replied, so the outcome is unknown; "
                            + "it will be checked by reading the volume.", null, null);
        }
        return error;
    }

    private Duration observeSkew(Response response, Instant now) {
        Date serverDate = response.headers().getDate("Date");
        if (serverDate == null) {
            return null;
        }
        Duration skew = ClockSkew.between(now, serverDate.toInstant());
        lastObservedSkew = skew;
        return skew;
    }

    private static Duration retryAfter(Response response, Instant now) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            Date at = response.headers().getDate("Retry-After");
            return at == null ? null : Duration.between(now, at.toInstant());
        }
    }

    private String redact(String text) {
        String out = text;
        for (String secret : new String[] {credentials.secretKey(), credentials.securityToken(),
                credentials.accessKey()}) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }

    private static String networkMessage(IOException e, String host) {
        if (e instanceof UnknownHostException) {
            return "The host name " + host + " could not be resolved; check the network connection and the region.";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "Could not connect to " + host + "; check the network connection, proxy and firewall.";
        }
        if (e instanceof SocketTimeoutException) {
            return host + " did not answer in time; the network or the service may be slow. Try again.";
        }
        if (e instanceof SSLException) {
            return "The secure (TLS) connection to " + host + " failed; a proxy may be intercepting HTTPS.";
        }
        return "The connection to " + host + " failed (" + describe(e) + "). Try again.";
    }

    private static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + HuaweiErrors.snippet(message));
    }
}
