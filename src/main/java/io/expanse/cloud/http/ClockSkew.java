package io.expanse.cloud.http;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import java.time.Duration;
import java.time.Instant;

/**
 * Clock-skew detection for signed requests. Both clouds sign a timestamp (Huawei {@code X-Sdk-Date}, UniCloud
 * {@code Timestamp}) and reject one too far from their own clock. Skew is local minus server time, measured from a
 * response's {@code Date} header against the injected {@link java.time.Clock} (see {@link HttpExchange}).
 */
public final class ClockSkew {

    /** From here a signature error is blamed on the clock. */
    public static final Duration SUSPICIOUS = Duration.ofMinutes(5);

    private ClockSkew() {
    }

    /** Local minus server time; positive when the local clock is ahead. */
    public static Duration between(Instant local, Instant server) {
        return Duration.between(server, local);
    }

    public static boolean suspicious(Duration skew) {
        return skew != null && skew.abs().compareTo(SUSPICIOUS) > 0;
    }

    /**
     * "Your computer's clock is 23 minutes ahead of the server's; {rule}. Correct the system time and try again."
     * With an unknown skew (the server said the signature expired but sent no usable Date) the sentence says only
     * that the clocks differ too much.
     *
     * @param skew local minus server time, or null when unknown
     * @param rule what the cloud does about it, without a final period, e.g. "Huawei Cloud rejects signed requests
     *             more than 15 minutes off"
     */
    public static String operatorMessage(Duration skew, String rule) {
        if (skew == null) {
            return Texts.get("cloud.clock.differs", rule);
        }
        return Texts.get(skew.isNegative() ? "cloud.clock.behind" : "cloud.clock.ahead", describe(skew.abs()), rule);
    }

    /**
     * The {@link Kind#CLOCK_SKEW} version of a signature or authentication failure: same status, code, server
     * message and request id, with the clock sentence and the measured skew (null when unknown).
     */
    public static ApiException relabel(ApiException error, Duration skew, String rule) {
        return new ApiException(Kind.CLOCK_SKEW, error.httpStatus(), error.code(), error.serverMessage(),
                error.requestId(), operatorMessage(skew, rule), skew, null);
    }

    /** "23 minutes", "2 hours 5 minutes", "3 days 1 hour"; rounded to the minute. */
    static String describe(Duration d) {
        long minutes = Math.round(d.getSeconds() / 60.0);
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        StringBuilder sb = new StringBuilder();
        append(sb, days, "cloud.clock.days");
        append(sb, hours, "cloud.clock.hours");
        if (days == 0) {
            append(sb, mins, "cloud.clock.minutes");
        }
        return sb.length() == 0 ? Texts.get("cloud.clock.lessThanAMinute") : sb.toString();
    }

    private static void append(StringBuilder sb, long n, String unitKey) {
        if (n > 0) {
            sb.append(sb.length() > 0 ? Texts.get("text.sentenceSeparator") : "").append(Texts.get(unitKey, n));
        }
    }
}
