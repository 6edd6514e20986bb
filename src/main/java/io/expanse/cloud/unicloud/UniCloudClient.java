package io.expanse.cloud.unicloud;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.HttpExchange;
import io.expanse.cloud.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * {@link NasApi} over HTTPS with UniCloud's query signature, for one account and region: the actions and the
 * reading of their answers. Signing and the HTTP exchange are {@link UniCloudTransport}'s. Reads
 * ({@code OrderDetail}, {@code QueryOrders}) are retried per {@link RetryPolicy}; the upgrade POST is sent at most
 * once, and a lost answer is {@link Kind#OUTCOME_UNKNOWN}. Thread-safe. Build with {@link #builder()}.
 */
public final class UniCloudClient implements NasApi {

    public static final String API_VERSION = UniCloudTransport.API_VERSION;
    public static final String SIGNATURE_VERSION = UniCloudTransport.SIGNATURE_VERSION;
    public static final String SIGNATURE_METHOD = UniCloudTransport.SIGNATURE_METHOD;
    /** Orders asked for per {@code QueryOrders} page. */
    static final int ORDER_PAGE_SIZE = 50;

    private static final DateTimeFormatter ORDER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(OrderDetail.SERVER_ZONE);

    private final UniCloudTransport transport;
    private final UniCloudEndpoints endpoints;
    private final String region;
    private final Clock clock;

    private UniCloudClient(Builder b) {
        this.endpoints = Objects.requireNonNull(b.endpoints, "endpoints");
        this.region = Objects.requireNonNull(b.region, "region");
        this.clock = b.clock;
        this.transport = new UniCloudTransport(Objects.requireNonNull(b.http, "http"),
                Objects.requireNonNull(b.credentials, "credentials"), b.clock, b.nonces, b.retry, b.limits);
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

    /** Local minus server clock from the latest answer that had a {@code Date} header; null before any. */
    public Duration lastObservedSkew() {
        return transport.lastObservedSkew();
    }

    @Override
    public UpgradeAccepted upgrade(UpgradeBody body) throws ApiException {
        Objects.requireNonNull(body, "body");
        return order(Texts.get("cloud.unicloud.what.upgrade", body.instanceId()), body.toBytes());
    }

    /** Sent to {@code UpGradeResourcePack} too: see {@link RenewBody} for why (UNCONFIRMED). */
    @Override
    public UpgradeAccepted renew(RenewBody body) throws ApiException {
        Objects.requireNonNull(body, "body");
        return order(Texts.get("cloud.unicloud.what.renew", body.instanceIds()), body.toBytes());
    }

    /** Posts one order-creating body to {@code UpGradeResourcePack}, once, and reads the order id it answers. */
    private UpgradeAccepted order(String what, byte[] body) throws ApiException {
        HttpExchange.Answer reply = transport.postOnce(endpoints.nas(), "UpGradeResourcePack",
                Map.of("regionId", region), body);
        Envelope env = Envelope.parse(reply.body());
        if (env == null) {
            ApiException unparsed = UniCloudErrors.fromUnparsed(reply.status(), reply.contentType(), reply.body(),
                    what);
            if (reply.successful() || reply.status() == 502 || reply.status() == 504) {
                // Accepted but unreadable, or a gateway gave up waiting: the order may or may not exist.
                throw new ApiException(Kind.OUTCOME_UNKNOWN, reply.status(), null, null, null,
                        Texts.sentences(unparsed.operatorMessage(), Texts.get("cloud.unicloud.outcomeUnknown",
                                UniCloudTransport.settle())), null, null);
            }
            throw unparsed;
        }
        if (!env.success()) {
            throw UniCloudTransport.withSkew(UniCloudErrors.fromEnvelope(reply.status(), env, what), reply.skew());
        }
        String orderId = Envelope.text(Envelope.field(env.res(), "OrderId"));
        if (orderId == null || !orderId.matches("\\d+")) {
            throw new ApiException(Kind.OUTCOME_UNKNOWN, reply.status(), env.code(), null, env.requestId(),
                    orderId == null ? Texts.get("cloud.unicloud.noOrderId", what)
                            : Texts.get("cloud.unicloud.badOrderId", what, orderId), null, null);
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
        String what = Texts.get("cloud.unicloud.what.order", orderId);
        Envelope env = transport.get(endpoints.transaction(), "OrderDetail", Map.of("OrderId", orderId.strip()),
                what);
        JsonNode order = firstObject(env, "Order");
        if (order == null) {
            throw new ApiException(Kind.BAD_RESPONSE, 200, env.code(), null, env.requestId(),
                    Texts.get("cloud.unicloud.noOrder", what), null, null);
        }
        return new OrderDetail(orderId, text(order, "OrderStatus"), text(order, "PayTime"), text(order, "DueTime"),
                text(order, "CancelType"), text(order, "PaidAmount"), text(order, "OrderCategory"));
    }

    @Override
    public List<OrderSummary> recentOrders(Instant since) throws ApiException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Page", "1");
        params.put("Size", Integer.toString(ORDER_PAGE_SIZE));
        // UNCONFIRMED: the documented time format contains a space, which is encoded %20 (the Go SDK does the same).
        params.put("StartTime", ORDER_TIME.format(since));
        params.put("EndTime", ORDER_TIME.format(clock.instant().plusSeconds(60)));
        Envelope env = transport.get(endpoints.transaction(), "QueryOrders", params, Texts.get("cloud.unicloud.what.orderList"));
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
        Envelope env = transport.get(endpoints.transaction(), "QueryOrders", Map.of("Page", "1", "Size", "1"),
                Texts.get("cloud.unicloud.what.connectionTest"));
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

    /** Settings of a {@link UniCloudClient}: http, credentials and region are required. */
    public static final class Builder {
        private OkHttpClient http;
        private UniCloudEndpoints endpoints = UniCloudEndpoints.publicCloud();
        private UniCloudCredentials credentials;
        private String region;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> nonces = () -> UUID.randomUUID().toString();
        private RetryPolicy retry = RetryPolicy.defaults();
        private HttpExchange.Limits limits = HttpExchange.Limits.defaults();

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

        /**
         * The whole-call deadline of every request, from connecting to the last byte of the answer
         * ({@link HttpExchange#DEFAULT_CALL_TIMEOUT} unless set). A read past it fails; the upgrade past it, once
         * sent, has an unknown outcome.
         */
        public Builder callTimeout(Duration v) {
            limits = limits.withCallTimeout(v);
            return this;
        }

        /** The largest decoded answer read ({@link HttpExchange#DEFAULT_MAX_BODY_BYTES} unless set). */
        public Builder maxBodyBytes(long v) {
            limits = limits.withMaxBodyBytes(v);
            return this;
        }

        public UniCloudClient build() {
            return new UniCloudClient(this);
        }
    }
}
