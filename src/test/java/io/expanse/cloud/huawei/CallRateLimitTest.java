package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sliding-window limit on a fake clock: waiting moves the clock, nothing sleeps. */
class CallRateLimitTest {

    /** A clock that only moves when a caller waits; records every wait. */
    static final class FakeTicker implements CallRateLimit.Ticker {
        long now = 1_000;
        final List<Long> waits = new ArrayList<>();

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            waits.add(nanos);
            now += nanos;
        }
    }

    @Test
    void callsWithinTheLimitNeverWait() throws Exception {
        FakeTicker t = new FakeTicker();
        CallRateLimit limit = new CallRateLimit(500, 60_000, t);
        for (int i = 0; i < 500; i++) {
            assertEquals(0, limit.acquire());
        }
        assertEquals(List.of(), t.waits);
    }

    @Test
    void theCallOverTheLimitWaitsUntilTheOldestLeavesTheWindow() throws Exception {
        FakeTicker t = new FakeTicker();
        CallRateLimit limit = new CallRateLimit(3, 60_000, t);
        limit.acquire();
        t.now += 10_000;
        limit.acquire();
        limit.acquire();
        t.now += 5_000; // 15 s after the first call
        assertEquals(45_000, limit.acquire(), "the first call leaves the window 60 s after it was made");
        assertEquals(61_000, t.now);
        // the next one waits for the second call (made at 11 s) to leave: at 71 s
        assertEquals(10_000, limit.acquire());
        assertEquals(List.of(45_000L, 10_000L), t.waits);
    }

    @Test
    void aLongBurstIsSpreadAtTheLimitPerWindow() throws Exception {
        FakeTicker t = new FakeTicker();
        CallRateLimit limit = new CallRateLimit(500, 60_000, t);
        long start = t.now;
        for (int i = 0; i < 1_400; i++) {
            limit.acquire();
        }
        // 500 at once, 500 a window later, 400 two windows later
        assertEquals(start + 120_000, t.now);
        assertEquals(2, t.waits.size());
    }

    @Test
    void afterAQuietWindowTheFullBurstIsAllowedAgain() throws Exception {
        FakeTicker t = new FakeTicker();
        CallRateLimit limit = new CallRateLimit(2, 60_000, t);
        limit.acquire();
        limit.acquire();
        t.now += 60_000;
        assertEquals(0, limit.acquire());
        assertEquals(0, limit.acquire());
        assertEquals(List.of(), t.waits);
    }

    @Test
    void aLimitOfNoCallsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CallRateLimit(0, 60_000, new FakeTicker()));
    }
}
