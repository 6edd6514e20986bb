package io.expanse.sandbox.unicloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.expanse.cloud.unicloud.UniCloudCredentials;
import io.expanse.cloud.unicloud.UniCloudEndpoints;
import io.expanse.cloud.unicloud.UniCloudSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated UniCloud on 127.0.0.1 (random port) serving {@code POST /openapi/nas?Action=UpGradeResourcePack} and
 * {@code GET /transaction?Action=OrderDetail|QueryOrders} with the documented envelopes and errors.
 *
 * <ul>
 *   <li>Every request must carry a valid signature for {@link #credentials()}, a fresh nonce and a timestamp within
 *       15 minutes; otherwise HTTP 400 {@code InvalidParameter} "The specified parameter "Signature" is not valid."</li>
 *   <li>Unknown packs, a specification code that does not match the capacity, a capacity that is not larger or not a
 *       multiple of 100 GB, or another region: HTTP 200 {@code UnknownError} "Index: 0, Size: 0" (the seed's body).
 *       A body without {@code instanceId}: HTTP 400 {@code MissingParameter}.</li>
 *   <li>Orders are paid {@code paidAfter} after creation (then the pack has the new capacity), except for packs
 *       created with {@code neverPaid}. The integer {@code OrderStatus} values 1 (unpaid), 2 (paid), 3 (cancelled)
 *       are the sandbox's own: UniCloud's codes are undocumented and the client does not interpret them.</li>
 *   <li>A body with {@code orderCategory: RENEW} is a renewal ({@code instanceIds}, {@code payType},
 *       {@code rentCount} 1–11 {@code month} or 1–3 {@code year}); once paid the pack's expiry moves on by the period,
 *       from the old expiry while valid, else from today. Whether UniCloud's action accepts it is unconfirmed.</li>
 *   <li>{@link #failNext} queues faults (any status/body, or "apply then answer with this") for tests.</li>
 * </ul>
 */
public final class UniCloudSandbox implements AutoCloseable {

    public static final String REGION = "cn-tianjin-yfb";
    public static final Duration DEFAULT_PAID_AFTER = Duration.ofSeconds(3);
    static final String BAD_SIGNATURE = "The specified parameter \"Signature\" is not valid.";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A queued fault: answer with this instead; {@code applyFirst} runs the real handler before answering. */
    public record Fault(int status, String contentType, String body, boolean applyFirst) {
        public static Fault html(int status) {
            return new Fault(status, "text/html", "<html><head><title>" + status + " Bad Gateway</title></head>"
                    + "<body>nginx</body></html>", false);
        }

        public static Fault json(int status, String body) {
            return new Fault(status, "application/json;charset=UTF-8", body, false);
        }
    }

    /** An order; {@code renewMonths} is 0 for an upgrade and the months bought for a renewal. */
    private record Order(String id, String packId, long capacityGb, Instant createdAt, boolean neverPaid,
                         String cancelType, int renewMonths) {
        Order(String id, String packId, long capacityGb, Instant createdAt, boolean neverPaid, String cancelType) {
            this(id, packId, capacityGb, createdAt, neverPaid, cancelType, 0);
        }
    }

    private final Clock clock;
    private final Duration paidAfter;
    private final UniCloudCredentials credentials;
    private final Map<String, SandboxPack> packs = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Set<String> renewed = ConcurrentHashMap.newKeySet();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicLong nextOrder = new AtomicLong(1038174306469270849L);
    private final HttpServer http;
    private final ExecutorService executor;
    private final URI baseUri;

    private UniCloudSandbox(List<SandboxPack> seed, Clock clock, Duration paidAfter) throws IOException {
        this.clock = clock;
        this.paidAfter = paidAfter;
        this.credentials = new UniCloudCredentials("SBX" + random(13), random(30));
        seed.forEach(p -> packs.put(p.id(), p));
        this.http = io.expanse.sandbox.LoopbackHttp.create(0);
        this.baseUri = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "unicloud-sandbox");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts with the {@link SandboxPack#standard()} packs, the system clock and orders paid after 3 s. */
    public static UniCloudSandbox start() {
        return start(SandboxPack.standard(), Clock.systemUTC(), DEFAULT_PAID_AFTER);
    }

    public static UniCloudSandbox start(List<SandboxPack> seed, Clock clock, Duration paidAfter) {
        try {
            return new UniCloudSandbox(seed, clock, paidAfter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the UniCloud sandbox", e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public UniCloudEndpoints endpoints() {
        return UniCloudEndpoints.under(baseUri);
    }

    public UniCloudCredentials credentials() {
        return credentials;
    }

    public String region() {
        return REGION;
    }

    /** The packs as the simulated cloud sees them now (paid orders applied). */
    public List<SandboxPack> packs() {
        orders.values().forEach(this::applyIfPaid);
        return List.copyOf(packs.values());
    }

    public void addPack(SandboxPack pack) {
        packs.put(pack.id(), pack);
    }

    /**
     * Makes a pack the operator listed known to the sandbox: added when unknown, capacity raised to
     * {@code capacityGb} when the sandbox has less (a restart forgets paid upgrades). Keeps "never paid" flags.
     */
    public void adopt(String id, String label, long capacityGb, String expiresOn) {
        packs.merge(id, new SandboxPack(id, label, capacityGb, expiresOn, false), (old, fresh) ->
                old.capacityGb() >= capacityGb ? old
                        : new SandboxPack(id, old.label(), capacityGb, old.expiresOn(), old.neverPaid()));
    }

    /** Cancels an unpaid order (as the operator would in the console). */
    public void cancel(String orderId, String cancelType) {
        orders.computeIfPresent(orderId, (k, o) -> new Order(o.id(), o.packId(), o.capacityGb(), o.createdAt(),
                o.neverPaid(), cancelType, o.renewMonths()));
    }

    /** Queues faults answered to the next requests (after signature checks), in order. */
    public void failNext(Fault... next) {
        synchronized (faults) {
            faults.addAll(List.of(next));
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
            if (!signatureValid(method, query)) {
                send(exchange, 400, envelope(false, false, "InvalidParameter", BAD_SIGNATURE, requestId));
                return;
            }
            Fault fault;
            synchronized (faults) {
                fault = faults.poll();
            }
            if (fault != null) {
                if (fault.applyFirst()) {
                    route(method, path, query, body, requestId);
                }
                sendRaw(exchange, fault.status(), fault.contentType(), fault.body());
                return;
            }
            Answer a = route(method, path, query, body, requestId);
            send(exchange, a.status, a.body);
        } catch (RuntimeException e) {
            send(exchange, 500, envelope(false, true, "SystemErro", "System Error", "sandbox"));
        }
    }

    private record Answer(int status, ObjectNode body) {
    }

    private Answer route(String method, String path, Map<String, String> q, byte[] body, String requestId) {
        String action = q.getOrDefault("Action", "");
        if (path.endsWith("/openapi/nas") && "POST".equals(method) && "UpGradeResourcePack".equals(action)) {
            return upgrade(q, body, requestId);
        }
        if (path.endsWith("/transaction") && "GET".equals(method) && "OrderDetail".equals(action)) {
            return orderDetail(q, requestId);
        }
        if (path.endsWith("/transaction") && "GET".equals(method) && "QueryOrders".equals(action)) {
            return queryOrders(q, requestId);
        }
        return new Answer(400, envelope(false, true, "InvalidParameter",
                "The specified parameter Action is not valid.", requestId));
    }

    private Answer upgrade(Map<String, String> q, byte[] raw, String requestId) {
        JsonNode b;
        try {
            b = MAPPER.readTree(raw);
        } catch (IOException e) {
            return new Answer(400, envelope(false, true, "InvalidParameter", "The request body is not valid JSON.",
                    requestId));
        }
        if (b != null && "RENEW".equals(b.path("orderCategory").asText())) {
            return renew(q, b, requestId);
        }
        String packId = b == null ? null : b.path("instanceId").asText(null);
        if (packId == null || packId.isBlank()) {
            return new Answer(400, envelope(false, true, "MissingParameter",
                    "The specified parameter instanceId is mandatory for this request.", requestId));
        }
        SandboxPack pack = packs.get(packId);
        long capacity;
        try {
            capacity = Long.parseLong(b.path("capacity").asText(""));
        } catch (NumberFormatException e) {
            capacity = -1;
        }
        boolean valid = pack != null && REGION.equals(q.get("regionId")) && REGION.equals(b.path("regionId").asText())
                && "UPGRADE".equals(b.path("orderCategory").asText())
                && "packageInstance".equals(b.path("componentCode").asText())
                && ("nasbag.capacity." + capacity + "G").equals(b.path("specificationCode").asText())
                && capacity > pack.capacityGb() && capacity % 100 == 0;
        if (!valid) {
            return new Answer(200, envelope(false, true, "UnknownError", "Index: 0, Size: 0", requestId));
        }
        String orderId = Long.toString(nextOrder.getAndIncrement());
        orders.put(orderId, new Order(orderId, packId, capacity, clock.instant(), pack.neverPaid(), null));
        ObjectNode ok = envelope(true, true, "Success", null, requestId);
        ObjectNode res = ok.putObject("Res");
        res.putArray("Ids").add(packId);
        res.put("OrderId", orderId);
        return new Answer(200, ok);
    }

    /**
     * A renewal, in the shape of the action's parameter table ({@code instanceIds}, {@code orderCategory: RENEW},
     * {@code payType}, {@code rentCount}, {@code rentUnit}): whether the real action accepts it is unconfirmed; the
     * sandbox does, for 1–11 months or 1–3 years, and answers an unknown pack or period as UniCloud answers an
     * unknown pack.
     */
    private Answer renew(Map<String, String> q, JsonNode b, String requestId) {
        JsonNode ids = b.path("instanceIds");
        String packId = ids.isArray() ? ids.path(0).asText(null) : ids.asText(null);
        if (packId == null || packId.isBlank()) {
            return new Answer(400, envelope(false, true, "MissingParameter",
                    "The specified parameter instanceIds is mandatory for this request.", requestId));
        }
        SandboxPack pack = packs.get(packId.strip());
        int count = b.path("rentCount").asInt(-1);
        String unit = b.path("rentUnit").asText("");
        int months = "month".equals(unit) && count >= 1 && count <= 11 ? count
                : "year".equals(unit) && count >= 1 && count <= 3 ? 12 * count : 0;
        boolean valid = pack != null && REGION.equals(q.get("regionId")) && months > 0
                && !b.path("payType").asText("").isBlank();
        if (!valid) {
            return new Answer(200, envelope(false, true, "UnknownError", "Index: 0, Size: 0", requestId));
        }
        String orderId = Long.toString(nextOrder.getAndIncrement());
        orders.put(orderId, new Order(orderId, pack.id(), pack.capacityGb(), clock.instant(), pack.neverPaid(), null,
                months));
        ObjectNode ok = envelope(true, true, "Success", null, requestId);
        ObjectNode res = ok.putObject("Res");
        res.putArray("Ids").add(pack.id());
        res.put("OrderId", orderId);
        return new Answer(200, ok);
    }

    private Answer orderDetail(Map<String, String> q, String requestId) {
        Order o = orders.get(q.getOrDefault("OrderId", ""));
        if (o == null) {
            return new Answer(200, envelope(false, true, "UnknownError", "Index: 0, Size: 0", requestId));
        }
        applyIfPaid(o);
        ObjectNode ok = envelope(true, true, "Success", null, requestId);
        orderJson(ok.putObject("Res").putObject("Order"), o);
        return new Answer(200, ok);
    }

    private Answer queryOrders(Map<String, String> q, String requestId) {
        if (q.get("Page") == null || q.get("Size") == null) {
            return new Answer(400, envelope(false, true, "MissingParameter",
                    "The specified parameter Page is mandatory for this request.", requestId));
        }
        Instant from = plain(q.get("StartTime"));
        Instant to = plain(q.get("EndTime"));
        ObjectNode ok = envelope(true, true, "Success", null, requestId);
        ObjectNode res = ok.putObject("Res");
        ArrayNode list = res.putObject("OrderList").putArray("Order");
        orders.values().stream()
                .filter(o -> (from == null || !o.createdAt().isBefore(from)) && (to == null || !o.createdAt().isAfter(to)))
                .sorted((x, y) -> y.createdAt().compareTo(x.createdAt()))
                .forEach(o -> orderJson(list.addObject(), o));
        res.put("TotalCount", list.size());
        res.put("PageNum", 1);
        res.put("PageSize", Integer.parseInt(q.get("Size")));
        return new Answer(200, ok);
    }

    private void orderJson(ObjectNode n, Order o) {
        boolean paid = paid(o);
        n.put("Id", o.id());
        n.put("OrderNo", o.id());
        n.put("OrderStatus", o.cancelType() != null ? 3 : paid ? 2 : 1);
        n.put("OrderCategory", o.renewMonths() > 0 ? "RENEW" : "UPGRADE");
        if (o.renewMonths() > 0) {
            n.put("ProductRentCount", o.renewMonths() % 12 == 0 ? o.renewMonths() / 12 : o.renewMonths());
            n.put("ProductRentUnit", o.renewMonths() % 12 == 0 ? "year" : "month");
        }
        n.put("InstanceId", o.packId());
        n.put("PayType", "YEAR_MONTH");
        n.put("CreateTime", PLAIN.format(o.createdAt()));
        n.put("DueTime", PLAIN.format(o.createdAt().plus(Duration.ofDays(1))));
        if (paid) {
            n.put("PayTime", PLAIN.format(o.createdAt().plus(paidAfter)));
        } else {
            n.putNull("PayTime");
        }
        if (o.cancelType() != null) {
            n.put("CancelType", o.cancelType());
        }
    }

    private boolean paid(Order o) {
        return !o.neverPaid() && o.cancelType() == null && !clock.instant().isBefore(o.createdAt().plus(paidAfter));
    }

    private void applyIfPaid(Order o) {
        if (paid(o) && o.renewMonths() > 0) {
            // Applied once per order: a renewal moves the expiry on each time it is applied.
            if (renewed.add(o.id())) {
                packs.computeIfPresent(o.packId(), (k, p) -> new SandboxPack(p.id(), p.label(), p.capacityGb(),
                        renewedExpiry(p.expiresOn(), o.renewMonths()), p.neverPaid()));
            }
        } else if (paid(o)) {
            packs.computeIfPresent(o.packId(), (k, p) -> p.capacityGb() >= o.capacityGb() ? p
                    : new SandboxPack(p.id(), p.label(), o.capacityGb(), p.expiresOn(), p.neverPaid()));
        }
    }

    /** The expiry after renewing: from the old one while valid, from today (China time) once passed. */
    private String renewedExpiry(String expiresOn, int months) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), CHINA);
        java.time.LocalDate from;
        try {
            from = expiresOn == null ? today : java.time.LocalDate.parse(expiresOn);
        } catch (java.time.format.DateTimeParseException e) {
            from = today;
        }
        return (from.isBefore(today) ? today : from).plusMonths(months).toString();
    }

    /** The ids of the sandbox's packs with their expiry as it stands, for tests. */
    public Map<String, String> expiries() {
        Map<String, String> out = new java.util.TreeMap<>();
        packs.values().forEach(p -> out.put(p.id(), String.valueOf(p.expiresOn())));
        return out;
    }

    private boolean signatureValid(String method, Map<String, String> q) {
        String signature = q.get(UniCloudSigner.SIGNATURE);
        String nonce = q.get("SignatureNonce");
        if (signature == null || nonce == null || !credentials.accessKeyId().equals(q.get("AccessKeyId"))
                || !"HMAC-SHA1".equals(q.get("SignatureMethod"))) {
            return false;
        }
        try {
            Instant ts = Instant.parse(q.getOrDefault("Timestamp", ""));
            if (Duration.between(ts, clock.instant()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        String expected = UniCloudSigner.sign(method, q, credentials.accessKeySecret()).signature();
        boolean ok = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
        return ok && nonces.add(nonce);
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            // Strict RFC 3986 on the wire: a literal '+' is not a space.
            out.put(URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8),
                    URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Instant plain(String s) {
        try {
            return s == null ? null : LocalDateTime.parse(s, PLAIN).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ObjectNode envelope(boolean status, boolean auth, String code, String message, String requestId) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("Status", status);
        n.put("Auth", auth);
        n.put("Code", code);
        if (message != null) {
            n.put("Message", message);
        }
        n.put("RequestId", requestId);
        if ("UnknownError".equals(code)) {
            // The seed's error example uses Msg, not Message.
            n.remove("Message");
            n.put("Msg", message);
        }
        return n;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendRaw(exchange, status, "application/json;charset=UTF-8", MAPPER.writeValueAsString(body));
    }

    private static void sendRaw(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String random(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
