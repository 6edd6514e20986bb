package io.expanse.cloud.http;

import io.expanse.cloud.ApiException;
import io.expanse.text.Texts;
import io.expanse.cloud.ApiException.Kind;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.GzipSource;
import okio.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP exchange both clouds share: one request, one answer read with limits, mapped failures. What a cloud adds
 * is how to build and sign a request (a {@link Supplier}, called once per attempt so every attempt is signed anew)
 * and what an answer means (a {@link Handler}).
 *
 * <ul>
 *   <li><b>Reads</b> ({@link #read}) are retried per {@link RetryPolicy} when the failure is retryable
 *   ({@link ApiException#retryableForReads()}), honouring {@code Retry-After} in seconds or as an HTTP date. A read
 *   that passed its whole-call deadline is not retried: a server that holds answers back would otherwise cost
 *   several deadlines.</li>
 *   <li><b>Writes</b> ({@link #sendOnce}) go out at most once: no connection retry, and a network interceptor marks
 *   the moment the request goes on the wire. A failure before that is {@link Kind#NETWORK}; after it,
 *   {@link Kind#OUTCOME_UNKNOWN}, to be settled by reading back.</li>
 *   <li><b>No redirects</b> are followed, for reads either: a 3xx is an error naming the target, so that signed
 *   headers and tokens never leave the configured host.</li>
 *   <li><b>Every call has a deadline</b> ({@link Limits#callTimeout()}, OkHttp's per-call timeout) covering
 *   connecting, sending and reading the whole body, so a server dripping bytes cannot hang a call.</li>
 *   <li><b>Bodies are capped</b> after decoding ({@link Limits#maxBodyBytes()}): a huge or gzip-inflated answer
 *   fails with "the answer was too large" instead of exhausting memory. Error bodies are read up to 64 KB and
 *   truncated silently; secrets a server echoes in them are replaced by {@code ****}.</li>
 *   <li><b>Clock skew</b> is measured from each answer's {@code Date} header against the injected {@link Clock}.</li>
 * </ul>
 * Thread-safe.
 */
public final class HttpExchange {

    /** What every call may take at the most by default, from connecting to the last byte of the answer. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** The largest decoded answer read by default. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** How much of an error body is kept. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);
    private static final String REDACTED = "****";

    /**
     * Bounds of every call.
     *
     * @param callTimeout  the whole-call deadline: connect, send, wait and read the full body
     * @param maxBodyBytes the largest decoded success body accepted
     */
    public record Limits(Duration callTimeout, long maxBodyBytes) {
        public Limits {
            Objects.requireNonNull(callTimeout, "callTimeout");
            if (callTimeout.isNegative() || callTimeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive");
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
        }

        /** 60 s and 16 MB. */
        public static Limits defaults() {
            return new Limits(DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_BODY_BYTES);
        }

        public Limits withCallTimeout(Duration value) {
            return new Limits(value, maxBodyBytes);
        }

        public Limits withMaxBodyBytes(long value) {
            return new Limits(callTimeout, value);
        }
    }

    /**
     * A complete answer that is not a redirect.
     *
     * @param status      HTTP status
     * @param contentType the {@code Content-Type} header, or null
     * @param headers     all response headers
     * @param body        the decoded body: whole for a 2xx, at most 64 KB and with secrets redacted otherwise
     * @param skew        local minus server time from the {@code Date} header, or null
     * @param retryAfter  the server's {@code Retry-After} (seconds or HTTP date, never negative), or null
     */
    public record Answer(int status, String contentType, Headers headers, String body, Duration skew,
                         Duration retryAfter) {
        public boolean successful() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** What an answer means to a cloud: the value, or the {@link ApiException} it amounts to. */
    @FunctionalInterface
    public interface Handler<T> {
        T handle(Answer answer) throws ApiException;
    }

    /** Set by a network interceptor once a one-shot request is about to go on the wire. */
    private static final class SentFlag {
        private volatile boolean sent;
    }

    /** Either an answer or a failure; {@code last} failures are not retried whatever their kind. */
    private record Outcome(Answer answer, ApiException failure, boolean last) {
    }

    private final OkHttpClient reads;
    private final OkHttpClient writes;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Limits limits;
    private final List<String> secrets;
    private volatile Duration lastObservedSkew;

    /**
     * @param http    the application's client (timeouts, proxy, pool); its redirect settings are overridden
     * @param clock   for skew and {@code Retry-After} dates
     * @param retry   how reads are repeated
     * @param limits  deadline and body cap
     * @param secrets strings never to show from an error body (keys, tokens); nulls and blanks are ignored
     */
    public HttpExchange(OkHttpClient http, Clock clock, RetryPolicy retry, Limits limits,
                        Collection<String> secrets) {
        Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        // No redirect is followed, for reads too: it would carry the signed headers and tokens to another host.
        this.reads = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        // Writes must reach the server at most once: no silent retry on a stale connection.
        this.writes = reads.newBuilder()
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(chain -> {
                    SentFlag flag = chain.request().tag(SentFlag.class);
                    if (flag != null) {
                        flag.sent = true;
                    }
                    return chain.proceed(chain.request());
                })
                .build();
    }

    /** Local minus server clock from the latest answer that had a {@code Date} header; null before any. */
    public Duration lastObservedSkew() {
        return lastObservedSkew;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * A read-only call, repeated on retryable failures.
     *
     * @param what     for the log, e.g. "the volume list"
     * @param requests a new, freshly signed request per attempt
     * @param handler  turns every answer (any status) into the value or an exception; a retryable exception from
     *                 it is retried like a network failure
     */
    public <T> T read(String what, Supplier<Request> requests, Handler<T> handler) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = exchange(requests.get(), reads, null, null);
            ApiException error = outcome.failure();
            if (error == null) {
                try {
                    return handler.handle(outcome.answer());
                } catch (ApiException e) {
                    error = e;
                }
            }
            if (outcome.last() || !error.retryableForReads() || attempt >= retry.maxAttempts()) {
                throw error;
            }
            Duration delay = retry.delay(attempt, outcome.answer() == null ? null : outcome.answer().retryAfter());
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
     * A mutating call, sent at most once. Any status comes back as an {@link Answer} for the cloud to judge. Thrown:
     * {@link Kind#NETWORK} when nothing went on the wire; {@link Kind#OUTCOME_UNKNOWN} when the request was sent but
     * the answer was lost, late, too large or a redirect.
     *
     * @param settle how an unknown outcome will be settled, a sentence, e.g. "it will be checked by reading the
     *               volume."
     */
    public Answer sendOnce(Request request, String settle) throws ApiException {
        SentFlag flag = new SentFlag();
        Outcome outcome = exchange(request.newBuilder().tag(SentFlag.class, flag).build(), writes, flag,
                Objects.requireNonNull(settle, "settle"));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.answer();
    }

    private Outcome exchange(Request request, OkHttpClient client, SentFlag flag, String settle) {
        String method = request.method();
        String host = request.url().host();
        Call call = client.newCall(request);
        call.timeout().timeout(limits.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            Instant now = clock.instant();
            Duration skew = observeSkew(response, now);
            int status = response.code();
            LOG.debug("{} {} -> HTTP {}", method, request.url().encodedPath(), status);
            if (status >= 300 && status < 400) {
                return failed(redirect(request, response, settle));
            }
            String body;
            if (response.isSuccessful()) {
                body = read(response, limits.maxBodyBytes(), false);
                if (body == null) {
                    return failed(tooLarge(host, status, settle));
                }
            } else {
                body = redact(read(response, MAX_ERROR_BODY, true));
            }
            return new Outcome(new Answer(status, response.header("Content-Type"), response.headers(), body, skew,
                    retryAfter(response, now)), null, false);
        } catch (IOException e) {
            // OkHttp cancels a call whose deadline passed; Expanse never cancels one itself.
            boolean deadline = call.isCanceled();
            LOG.debug("{} {} failed{}: {}", method, request.url().encodedPath(),
                    deadline ? " (deadline of " + NetworkFailures.seconds(limits.callTimeout()) + ")" : "",
                    NetworkFailures.detail(e));
            if (flag != null && flag.sent) {
                return failed(new ApiException(Kind.OUTCOME_UNKNOWN, Texts.get("cloud.network.sent.unknown",
                        NetworkFailures.afterSending(e, host, deadline, limits.callTimeout()), settle), e));
            }
            String sentence = deadline ? NetworkFailures.deadline(host, limits.callTimeout())
                    : NetworkFailures.beforeAnswer(e, host);
            return new Outcome(null, new ApiException(Kind.NETWORK, sentence, e), deadline);
        }
    }

    private static Outcome failed(ApiException e) {
        return new Outcome(null, e, true);
    }

    /**
     * The decoded body, at most {@code cap} bytes: beyond that null, or with {@code truncate} the first {@code cap}
     * bytes. OkHttp gunzips transparently (and drops {@code Content-Encoding}) when it asked for gzip itself; a
     * gzip body it left alone is decoded here, so the cap always counts decoded bytes.
     */
    private static String read(Response response, long cap, boolean truncate) throws IOException {
        ResponseBody body = response.body();
        String encoding = response.header("Content-Encoding");
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (!truncate && encoding == null && body.contentLength() > cap) {
            return null;
        }
        Buffer buffer = new Buffer();
        try (Source source = gzip ? new GzipSource(body.source()) : body.source()) {
            while (buffer.size() <= cap) {
                if (source.read(buffer, 8192) == -1) {
                    break;
                }
            }
        }
        if (buffer.size() > cap && !truncate) {
            return null;
        }
        MediaType type = body.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return buffer.readString(Math.min(buffer.size(), cap), charset);
    }

    private ApiException redirect(Request request, Response response, String settle) {
        String location = response.header("Location");
        HttpUrl target = location == null ? null : request.url().resolve(location);
        String shown = target == null
                ? (location == null ? Texts.get("cloud.http.redirect.nowhere") : ErrorBodies.snippet(location))
                : ErrorBodies.snippet(target.newBuilder().query(null).fragment(null).build().toString());
        String sentence = Texts.get("cloud.http.redirect", request.url().host(), String.valueOf(response.code()),
                shown);
        if (settle != null) {
            return new ApiException(Kind.OUTCOME_UNKNOWN, response.code(), null, null, null, Texts.sentences(sentence,
                    Texts.get("cloud.http.redirect.sent", settle)), null, null);
        }
        return new ApiException(Kind.BAD_RESPONSE, response.code(), null, null, null, sentence, null, null);
    }

    private ApiException tooLarge(String host, int status, String settle) {
        String size = NetworkFailures.size(limits.maxBodyBytes());
        if (settle != null) {
            return new ApiException(Kind.OUTCOME_UNKNOWN, status, null, null, null,
                    Texts.get("cloud.http.tooLarge.sent", host, String.valueOf(status), size, settle), null, null);
        }
        return new ApiException(Kind.BAD_RESPONSE, status, null, null, null,
                Texts.get("cloud.http.tooLarge", host, size), null, null);
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

    /** {@code Retry-After} as delay-seconds or as an HTTP date (a past date means now); null when absent or bad. */
    static Duration retryAfter(Response response, Instant now) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            Date at = response.headers().getDate("Retry-After");
            if (at == null) {
                return null;
            }
            Duration wait = Duration.between(now, at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    private String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        return out;
    }
}
