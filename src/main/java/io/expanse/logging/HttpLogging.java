package io.expanse.logging;

import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OkHttp interceptor that logs each call on logger {@value #LOGGER}: method, URL and status, at INFO for
 * mutating calls and DEBUG for reads; request and response headers at TRACE. Everything goes through
 * {@link Redactor}: {@code Authorization}, {@code X-Security-Token} and the like are masked whole, and the URL's
 * {@code Signature} and access-key parameters are masked. Bodies are never logged.
 */
public final class HttpLogging implements Interceptor {

    public static final String LOGGER = "io.expanse.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean write = !READS.contains(request.method());
        String url = Redactor.redact(request.url().toString());
        if (LOG.isTraceEnabled()) {
            StringBuilder sb = new StringBuilder();
            request.headers().forEach(h -> sb.append("\n  ").append(h.getFirst()).append(": ")
                    .append(Redactor.header(h.getFirst(), h.getSecond())));
            LOG.trace("--> {} {}{}", request.method(), url, sb);
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            log(write, "{} {} failed after {} ms: {}", request.method(), url, elapsed(start),
                    e.getClass().getSimpleName());
            throw e;
        }
        log(write, "{} {} -> HTTP {} ({} ms)", request.method(), url, response.code(), elapsed(start));
        if (LOG.isTraceEnabled()) {
            StringBuilder sb = new StringBuilder();
            response.headers().forEach(h -> sb.append("\n  ").append(h.getFirst()).append(": ")
                    .append(Redactor.header(h.getFirst(), h.getSecond())));
            LOG.trace("<-- {} {}{}", response.code(), url, sb);
        }
        return response;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void log(boolean write, String format, Object... args) {
        if (write) {
            LOG.info(format, args);
        } else {
            LOG.debug(format, args);
        }
    }
}
