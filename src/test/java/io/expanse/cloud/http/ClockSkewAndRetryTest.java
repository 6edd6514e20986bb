package io.expanse.cloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The clock sentences and the backoff arithmetic both clouds share. */
class ClockSkewAndRetryTest {

    @Test
    void clockSkewSentences() {
        assertEquals("Your computer's clock is 1 minute behind the server's; Huawei Cloud rejects signed requests "
                        + "more than 15 minutes off. Correct the system time and try again.",
                ClockSkew.operatorMessage(Duration.ofSeconds(-70),
                        "Huawei Cloud rejects signed requests more than 15 minutes off"));
        assertEquals("Your computer's clock differs too much from the server's; UniCloud did not accept the request "
                + "signature. Correct the system time and try again.",
                ClockSkew.operatorMessage(null, "UniCloud did not accept the request signature"));
        assertEquals("3 days 1 hour", ClockSkew.describe(Duration.ofMinutes(3 * 24 * 60 + 61)));
    }

    @Test
    void relabelKeepsTheServerFacts() {
        ApiException auth = new ApiException(Kind.AUTHENTICATION, 401, "APIGW.0301", "verify fail", "r1", "x", null,
                null);
        ApiException skew = ClockSkew.relabel(auth, Duration.ofMinutes(-20), "rule");
        assertEquals(Kind.CLOCK_SKEW, skew.kind());
        assertEquals("APIGW.0301", skew.code());
        assertEquals("r1", skew.requestId());
        assertEquals(401, skew.httpStatus());
        assertEquals(Duration.ofMinutes(-20), skew.clockSkew());
        assertTrue(skew.operatorMessage().startsWith("Your computer's clock is 20 minutes behind"));
        assertNull(ClockSkew.relabel(auth, null, "rule").clockSkew());
    }

    @Test
    void retryAfterIsCappedAndBackoffIsBounded() {
        RetryPolicy p = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), d -> { }, () -> 0.999);
        assertEquals(Duration.ofSeconds(8), p.delay(1, Duration.ofMinutes(10)));
        assertEquals(Duration.ofSeconds(2), p.delay(1, Duration.ofSeconds(2)));
        assertTrue(p.delay(30, null).compareTo(Duration.ofSeconds(8)) <= 0);
        assertTrue(p.delay(30, null).compareTo(Duration.ofSeconds(4)) >= 0);
    }

    @Test
    void sizesAndDeadlinesReadNaturally() {
        assertEquals("16 MB", NetworkFailures.size(16L * 1024 * 1024));
        assertEquals("64 KB", NetworkFailures.size(64 * 1024));
        assertEquals("1000 bytes", NetworkFailures.size(1000));
        assertEquals("60 s", NetworkFailures.seconds(Duration.ofSeconds(60)));
        assertEquals("1.5 s", NetworkFailures.seconds(Duration.ofMillis(1500)));
        assertEquals("800 ms", NetworkFailures.seconds(Duration.ofMillis(800)));
    }
}
