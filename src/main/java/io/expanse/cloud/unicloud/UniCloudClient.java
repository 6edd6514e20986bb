package io.expanse.cloud.unicloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.ClockSkew;
import io.expanse.cloud.huawei.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NasApi} over HTTPS with UniCloud's query signature ({@link UniCloudSigner}), for one account and region.
 * Reads ({@code OrderDetail}, {@code QueryOrders}) are retried per {@link RetryPolicy}; the upgrade POST is sent
 * exactly once (no connection retry, no redirect), and a lost answer is {@link Kind#OUTCOME_UNKNOWN}. Thread-safe.
 * Build with {@link #builder()}.
 */
public final class UniCloudClient implements NasApi {

    public static final String API_VERSION = "2020-07-30";
    public static final String SIGNATURE_VERSION = "2.0";
    public static final String SIGNATURE_METHOD = "HMAC-SHA1";
    static final MediaType JSON_TYPE = MediaType.get("application/json;charset=UTF-8");
    /** Orders asked for per {@code QueryOrders} page. */
    static final int ORDER_PAGE_SIZE = 50;

    private static final Logger LOG = LoggerFactory.getLogger(UniCloudClient.class);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ORDER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(OrderDetail.SERVER_ZONE);
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final OkHttpClient reads;
    private final OkHttpClient writes;
    private final UniCloudEndpoints endpoints;
    private final UniCloudCredentials credentials;
    private final String region;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final RetryPolicy retry;

    private UniCloudClient(Builder b) {
        this.reads = Objects.requireNonNull(b.http, "http");
        this.endpoints = Objects.requireNonNull(b.endpoints, "endpoints");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.region = Objects.requireNonNull(b.region, "region");
        this.clock = b.clock;
        this.nonces = b.nonces;
        this.retry = b.retry;
        this.writes = reads.newBuilder().retryOnConnectionFailure(false).followRedirects(false)
                .followSslRedirects(false).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String region() {
        return region;
    }

    public UniCloudEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public UpgradeAccepted upgrade(UpgradeBody body) throws ApiException {
        Objects.requireNonNull(body, "body");
        String what = "the upgrade of " + body.instanceId();
        Map<String, String> params = common("UpGradeResourcePack");
        params.put("regionId", region);
        Request request = new Request.Builder().url(url(endpoints.nas(), "POST", params))
                .header("Accept", "application/json")
                .post(RequestBody.create(body.toBytes(), JSON_TYPE)).build();
        Reply reply;
        try (Response response = writes.newCall(request).execute()) {
            reply = Reply.of(response);
        } catch (IOException e) {
            if (isBeforeSend(e)) {
                throw new ApiException(Kind.NETWORK, networkMessage(e, request.url().host()), e);
            }
            throw new ApiException(Kind.OUTCOME_UNKNOWN, "The connection to " + request.url().host()
                    + " failed after the upgrade request was sent (" + e.getClass().getSimpleName()
                    + "), so whether an order was created is unknown.", e);
        }
        Envelope env = Envelope.parse(reply.body);
        if (env == null) {
            if (reply.ok() || reply.status == 502 || reply.status == 504) {
                throw new ApiException(Kind.OUTCOME_UNKNOWN, reply.status, null, null, null,
                        UniCloudErrors.fromUnparsed(reply.status, reply.contentType, reply.body, what)
                                .operatorMessage() + " Whether an order was created is unknown.", null, null);
            }
            throw UniCloudErrors.fromUnparsed(reply.status, reply.contentType, reply.body, what);
        }
        if (!env.success()) {
            throw withSkew(UniCloudErrors.fromEnvelope(reply.status, env, what), reply.skew);
        }
        String orderId = Envelope.text(Envelope.field(env.res(), "OrderId"));
        if (orderId == null || !orderId.matches("\\d+")) {
            throw new ApiException(Kind.OUTCOME_UNKNOWN, reply.status, env.code(), null, env.requestId(),
                    "UniCloud accepted " + what + " but its answer has no usable order id"
                            + (orderId == null ? "" : " (\"" + orderId + "\")") + "; check the order list.", null, null);
        }
        List<String> ids = new ArrayList<>();
        JsonNode idNodes = Envelope.field(env.res(), "Ids");
        if (idNodes != null && idNodes.isArray()) {
            idNodes.forEach(n -> {
                String id = Envelope.text(n);
                if (id != null) {
                    ids.add(id);
                }
            });
        }
        return new UpgradeAccepted(orderId, ids, env.requestId());
    }

    @Override
    public OrderDetail orderDetail(String orderId) throws ApiException {
        if (orderId == null || !orderId.strip().matches("\\d+")) {
            throw new IllegalArgumentException("orderId must be digits");
        }
        String what = "order " + orderId;
        Map<String, String> params = common("OrderDetail");
        params.put("OrderId", orderId.strip());
        Envelope env = getWithRetry(endpoints.transaction(), params, what);
        JsonNode order = firstObject(env, "Order");
        if (order == null) {
            throw new ApiException(Kind.BAD_RESPONSE, 200, env.code(), null, env.requestId(),
                    "The answer for " + what + " has no order.", null, null);
        }
        return new OrderDetail(orderId, text(order, "OrderStatus"), text(order, "PayTime"), text(order, "DueTime"),
                text(order, "CancelType"), text(order, "PaidAmount"), text(order, "OrderCategory"));
    }

    @Override
    public List<OrderSummary> recentOrders(Instant since) throws ApiException {
        Map<String, String> params = common("QueryOrders");
        params.put("Page", "1");
        params.put("Size", Integer.toString(ORDER_PAGE_SIZE));
        // UNCONFIRMED: the documented time format contains a space, which is encoded %20 (the Go SDK does the same).
        params.put("StartTime", ORDER_TIME.format(since));
        params.put("EndTime", ORDER_TIME.format(clock.instant().plusSeconds(60)));
        Envelope env = getWithRetry(endpoints.transaction(), params, "the order list");
        JsonNode list = firstObject(env, "OrderList");
        JsonNode orders = list == null ? null : Envelope.field(list, "Order");
        List<OrderSummary> out = new ArrayList<>();
        if (orders != null && orders.isArray()) {
            for (JsonNode o : orders) {
                String id = text(o, "Id") != null ? text(o, "Id") : text(o, "OrderNo");
                out.add(new OrderSummary(id, text(o, "OrderCategory"), text(o, "OrderStatus"), text(o, "InstanceId"),
                        text(o, "CreateTime")));
            }
        }
        return out;
    }

    /**
     * One cheap signed read for "Test connection": {@code QueryOrders} asking for one order ({@code Page=1,
     * Size=1}) on the transaction endpoint. It proves the key, secret and clock; it does not check the region,
     * which QueryOrders does not take.
     *
     * @return the account's order count when the answer states it ({@code TotalCount}), else -1
     */
    public long probe() throws ApiException {
        Map<String, String> params = common("QueryOrders");
        params.put("Page", "1");
        params.put("Size", "1");
        Envelope env = getWithRetry(endpoints.transaction(), params, "the connection test");
        String total = text(env.res(), "TotalCount");
        if (total == null) {
            total = text(env.root(), "TotalCount");
        }
        try {
            return total == null ? -1 : Long.parseLong(total);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code name} inside {@code Res}, or at the top level: the documents do not say which. */
    private static JsonNode firstObject(Envelope env, String name) {
        JsonNode inRes = Envelope.field(env.res(), name);
        if (inRes != null && inRes.isObject()) {
            return inRes;
        }
        JsonNode top = Envelope.field(env.root(), name);
        if (top != null && top.isObject()) {
            return top;
        }
        return null;
    }

    private static String text(JsonNode o, String name) {
        return Envelope.text(Envelope.field(o, name));
    }

    private Envelope getWithRetry(URI base, Map<String, String> params, String what) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            ApiException error;
            Duration retryAfter = null;
            // Each attempt is signed anew: a fresh nonce and timestamp.
            Map<String, String> signedParams = new LinkedHashMap<>(params);
            signedParams.put("SignatureNonce", nonces.get());
            signedParams.put("Timestamp", TIMESTAMP.format(clock.instant()));
            Request request = new Request.Builder().url(url(base, "GET", signedParams))
                    .header("Accept", "application/json").get().build();
            try (Response response = reads.newCall(request).execute()) {
                Reply reply = Reply.of(response);
                retryAfter = retryAfter(response);
                Envelope env = Envelope.parse(reply.body);
                if (env == null) {
                    error = UniCloudErrors.fromUnparsed(reply.status, reply.contentType, reply.body, what);
                } else if (env.success()) {
                    return env;
                } else {
                    error = withSkew(UniCloudErrors.fromEnvelope(reply.status, env, what), reply.skew);
                }
            } catch (IOException e) {
                error = new ApiException(Kind.NETWORK, networkMessage(e, request.url().host()), e);
            }
            if (!error.retryableForReads() || attempt >= retry.maxAttempts()) {
                throw error;
            }
            Duration delay = retry.delay(attempt, retryAfter);
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

    /** The common parameters plus {@code Action}; nonce and timestamp are added per attempt. */
    private Map<String, String> common(String action) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", action);
        p.put("Format", "json");
        p.put("Version", API_VERSION);
        p.put("AccessKeyId", credentials.accessKeyId());
        p.put("SignatureMethod", SIGNATURE_METHOD);
        p.put("SignatureVersion", SIGNATURE_VERSION);
        p.put("SignatureNonce", nonces.get());
        p.put("Timestamp", TIMESTAMP.format(clock.instant()));
        return p;
    }

    private HttpUrl url(URI base, String method, Map<String, String> params) {
        UniCloudSigner.Signed signed = UniCloudSigner.sign(method, params, credentials.accessKeySecret());
        return HttpUrl.get(base.toString()).newBuilder().encodedQuery(signed.query()).build();
    }

    private ApiException withSkew(ApiException e, Duration skew) {
        if (e.kind() == Kind.AUTHENTICATION && ClockSkew.suspicious(skew)) {
            return new ApiException(Kind.CLOCK_SKEW, e.httpStatus(), e.code(), e.serverMessage(), e.requestId(),
                    "UniCloud did not accept the request signature, and this computer's clock differs from the"
                            + " server's by about " + Math.abs(skew.toMinutes()) + " min: correct the clock.", skew, null);
        }
        return e;
    }

    private static Duration retryAfter(Response response) {
        String v = response.header("Retry-After");
        try {
            return v == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Failures that happen before a request can have reached the server. */
    private static boolean isBeforeSend(IOException e) {
        return e instanceof UnknownHostException || e instanceof ConnectException
                || e instanceof javax.net.ssl.SSLHandshakeException;
    }

    private static String networkMessage(IOException e, String host) {
        if (e instanceof UnknownHostException) {
            return "The host name " + host + " could not be resolved; check the network connection.";
        }
        if (e instanceof ConnectException) {
            return "Could not connect to " + host + "; check the network connection, proxy and firewall.";
        }
        if (e instanceof SocketTimeoutException) {
            return host + " did not answer in time. Try again.";
        }
        return "The connection to " + host + " failed (" + e.getClass().getSimpleName() + "). Try again.";
    }

    /** A response read fully, with the clock difference seen in its Date header. */
    private record Reply(int status, String contentType, String body, Duration skew) {
        static Reply of(Response r) throws IOException {
            String body = r.isSuccessful() ? r.body().string() : r.peekBody(MAX_ERROR_BODY).string();
            Date date = r.headers().getDate("Date");
            Duration skew = date == null ? null : ClockSkew.between(Instant.now(), date.toInstant());
            return new Reply(r.code(), r.header("Content-Type"), body, skew);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Settings of a {@link UniCloudClient}: http, credentials and region are required. */
    public static final class Builder {
        private OkHttpClient http;
        private UniCloudEndpoints endpoints = UniCloudEndpoints.publicCloud();
        private UniCloudCredentials credentials;
        private String region;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> nonces = () -> UUID.randomUUID().toString();
        private RetryPolicy retry = RetryPolicy.defaults();

        public Builder http(OkHttpClient v) {
            http = v;
            return this;
        }

        public Builder endpoints(UniCloudEndpoints v) {
            endpoints = Objects.requireNonNull(v);
            return this;
        }

        public Builder credentials(UniCloudCredentials v) {
            credentials = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        /** Supplies {@code SignatureNonce}; must be unique per request (random UUIDs by default). */
        public Builder nonces(Supplier<String> v) {
            nonces = Objects.requireNonNull(v);
            return this;
        }

        public Builder retry(RetryPolicy v) {
            retry = Objects.requireNonNull(v);
            return this;
        }

        public UniCloudClient build() {
            return new UniCloudClient(this);
        }
    }
}
