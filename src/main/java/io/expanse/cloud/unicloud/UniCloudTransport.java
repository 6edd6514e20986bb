package io.expanse.cloud.unicloud;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.ClockSkew;
import io.expanse.cloud.http.HttpExchange;
import io.expanse.cloud.http.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Signed HTTP exchanges with UniCloud over the shared {@link HttpExchange}: adds the common parameters, a fresh
 * {@code SignatureNonce} and {@code Timestamp} to every attempt, signs the query with {@link UniCloudSigner}, and
 * reads the {@link Envelope} of an answer. Retries, the at-most-once write, deadlines, body caps and redirect
 * refusal are the shared layer's. Thread-safe.
 */
final class UniCloudTransport {

    static final String API_VERSION = "2020-07-30";
    static final String SIGNATURE_VERSION = "2.0";
    static final String SIGNATURE_METHOD = "HMAC-SHA1";
    static final MediaType JSON_TYPE = MediaType.get("application/json;charset=UTF-8");
    /** How an unknown outcome of the upgrade is settled (by the NAS upgrade tracker). */
    /** How an unknown outcome is settled, a clause after "…; ". */
    static String settle() {
        return Texts.get("cloud.unicloud.settle");
    }
    /**
     * For the clock-skew sentence. UNCONFIRMED: UniCloud documents no tolerance for {@code Timestamp}, so the
     * sentence names none.
     */
    /** What UniCloud does about a wrong clock, in the language in use. */
    static String skewRule() {
        return Texts.get("cloud.unicloud.skewRule");
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final HttpExchange exchange;
    private final UniCloudCredentials credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    UniCloudTransport(OkHttpClient http, UniCloudCredentials credentials, Clock clock, Supplier<String> nonces,
                      RetryPolicy retry, HttpExchange.Limits limits) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.exchange = new HttpExchange(http, clock, retry, limits,
                List.of(credentials.accessKeySecret()));
    }

    Duration lastObservedSkew() {
        return exchange.lastObservedSkew();
    }

    /**
     * A signed GET of {@code action}, retried on throttling, 5xx (also as a failed envelope such as
     * {@code SystemErro}) and network failures.
     *
     * @param params the action's own parameters; the common ones are added here
     * @return the envelope of a success
     */
    Envelope get(URI base, String action, Map<String, String> params, String what) throws ApiException {
        return exchange.read(what, () -> request(base, "GET", action, params, null), answer -> {
            Envelope env = Envelope.parse(answer.body());
            if (env == null) {
                throw UniCloudErrors.fromUnparsed(answer.status(), answer.contentType(), answer.body(), what);
            }
            if (!env.success()) {
                throw withSkew(UniCloudErrors.fromEnvelope(answer.status(), env, what), answer.skew());
            }
            return env;
        });
    }

    /**
     * A signed POST of {@code action} with a JSON body, sent once; the answer whatever its status. A failure after
     * the request may have gone out raises {@link Kind#OUTCOME_UNKNOWN}; one before raises {@link Kind#NETWORK}.
     */
    HttpExchange.Answer postOnce(URI base, String action, Map<String, String> params, byte[] json)
            throws ApiException {
        return exchange.sendOnce(request(base, "POST", action, params, json), settle());
    }

    /** A signature refused while the clocks are far apart is blamed on the clock. */
    static ApiException withSkew(ApiException e, Duration skew) {
        if (e.kind() == Kind.AUTHENTICATION && ClockSkew.suspicious(skew)) {
            return ClockSkew.relabel(e, skew, skewRule());
        }
        return e;
    }

    private Request request(URI base, String method, String action, Map<String, String> params, byte[] json) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Action", action);
        signed.put("Format", "json");
        signed.put("Version", API_VERSION);
        signed.put("AccessKeyId", credentials.accessKeyId());
        signed.put("SignatureMethod", SIGNATURE_METHOD);
        signed.put("SignatureVersion", SIGNATURE_VERSION);
        signed.put("SignatureNonce", nonces.get());
        signed.put("Timestamp", TIMESTAMP.format(clock.instant()));
        signed.putAll(params);
        String query = UniCloudSigner.sign(method, signed, credentials.accessKeySecret()).query();
        HttpUrl url = HttpUrl.get(base.toString()).newBuilder().encodedQuery(query).build();
        return new Request.Builder().url(url).header("Accept", "application/json")
                .method(method, json == null ? null : RequestBody.create(json, JSON_TYPE)).build();
    }
}
