package io.expanse.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's HTTP face: one loopback address serving the EVS, ECS, IAM and BSS routes of a {@link SandboxCloud}
 * with the real services' paths, bodies and errors. Point a client at {@link #endpoints()}.
 *
 * <p>Every request must be AK/SK signed with {@link #credentials()} (401 {@code APIGW.0301} otherwise, including an
 * {@code X-Sdk-Date} more than 15 minutes from the sandbox clock). Every answer carries {@code X-Request-Id} and an
 * RFC 1123 {@code Date}. Known limitation: the JDK HttpServer overwrites {@code Date} with the wall clock, so with a
 * fake sandbox clock the header does not follow it. Route details and error choices: {@link SandboxRoutes}.
 */
public final class SandboxServer implements AutoCloseable {

    /** The region the sandbox pretends to be. */
    public static final String REGION = "cn-north-4";
    /**
     * The longest request target (path and query) answered; longer ones get 414 like a gateway would. The real
     * limit is not documented; 8 KB is a common gateway default and holds a chunk of 100 server ids.
     */
    static final int MAX_URI = 8192;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxCloud cloud;
    private final Credentials credentials;
    private final HttpServer http;
    private final ExecutorService executor;
    private final URI baseUri;
    private final SandboxAuth auth;
    private final SandboxRoutes routes;
    private final Duration latency;

    private SandboxServer(SandboxCloud cloud, int port, Credentials credentials, Duration latency)
            throws IOException {
        this.cloud = cloud;
        this.latency = latency;
        this.credentials = credentials != null ? credentials
                : Credentials.permanent(randomKey(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
                        randomKey(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        this.http = LoopbackHttp.create(port);
        this.baseUri = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        this.auth = new SandboxAuth(this.credentials, cloud.clock());
        this.routes = new SandboxRoutes(cloud, baseUri.toString(), REGION);
        AtomicInteger threads = new AtomicInteger();
        // Enough threads that an added latency delays each answer without queueing the concurrent ones behind it.
        this.executor = Executors.newFixedThreadPool(latency.isZero() ? 8 : 64, r -> {
            Thread t = new Thread(r, "sandbox-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts on a random free port with random permanent credentials. */
    public static SandboxServer start(SandboxCloud cloud) {
        return start(cloud, 0, null);
    }

    /**
     * Starts on 127.0.0.1.
     *
     * @param port        0 for a random free port
     * @param credentials the only accepted key (temporary ones also require their security token); null for random
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SandboxServer start(SandboxCloud cloud, int port, Credentials credentials) {
        return start(cloud, port, credentials, Duration.ZERO);
    }

    /**
     * Starts on 127.0.0.1, every answer held back by {@code latency} (100 ms is about the round trip from an
     * operator's desk to a Huawei region).
     */
    public static SandboxServer start(SandboxCloud cloud, int port, Credentials credentials, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        try {
            return new SandboxServer(cloud, port, credentials, latency);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** Every service on {@link #baseUri()}. */
    public HuaweiEndpoints endpoints() {
        return HuaweiEndpoints.single(baseUri);
    }

    public Credentials credentials() {
        return credentials;
    }

    public String projectId() {
        return cloud.projectId();
    }

    public String region() {
        return REGION;
    }

    public SandboxCloud cloud() {
        return cloud;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = HexFormat.of().formatHex(randomBytes(16));
        SandboxResponse response;
        try (exchange) {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                URI uri = exchange.getRequestURI();
                String method = exchange.getRequestMethod();
                if (uri.getRawPath().length() + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length())
                        > MAX_URI) {
                    pause();
                    sendUriTooLong(exchange, requestId);
                    return;
                }
                auth.verify(method, uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body);
                int injected = cloud.takeInjectedFailure();
                if (injected != 0) {
                    throw injectedError(injected);
                }
                response = routes.handle(method, uri.getRawPath(), SandboxAuth.decodeQuery(uri.getRawQuery()),
                        uri.getRawQuery(), body);
            } catch (SandboxError e) {
                response = new SandboxResponse(e.httpStatus(), e.body(requestId), e.retryAfterSeconds() < 0
                        ? java.util.Map.of() : java.util.Map.of("Retry-After", Long.toString(e.retryAfterSeconds())));
            } catch (RuntimeException e) {
                response = new SandboxResponse(500,
                        SandboxError.evs(500, "EVS.5500", "Internal error: " + e).body(requestId));
            }
            pause();
            send(exchange, response, requestId, cloud.clock());
        }
    }

    private void pause() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What a gateway in front of the services answers for an over-long request line: a web page, not JSON. */
    private static void sendUriTooLong(HttpExchange exchange, String requestId) throws IOException {
        byte[] page = ("<html>\r\n<head><title>414 Request-URI Too Large</title></head>\r\n<body>\r\n"
                + "<center><h1>414 Request-URI Too Large</h1></center>\r\n</body>\r\n</html>\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        exchange.sendResponseHeaders(414, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    private static void send(HttpExchange exchange, SandboxResponse response, String requestId, Clock clock)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Date", HTTP_DATE.format(clock.instant())); // replaced by the JDK with the wall clock
        headers.set("X-Request-Id", requestId);
        response.headers().forEach(headers::set);
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = MAPPER.writeValueAsBytes(response.body());
        headers.set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static SandboxError injectedError(int status) {
        return switch (status) {
            case 429 -> SandboxError.gateway(429, "APIGW.0308", "The throttling threshold has been reached: "
                    + "policy user over ratelimit,limit:10,time:1 second");
            case 503 -> SandboxError.evs(503, "EVS.5503", "Service unavailable.");
            default -> SandboxError.evs(status, "EVS.5500", "Internal error (injected).");
        };
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String randomKey(int length, String alphabet) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
