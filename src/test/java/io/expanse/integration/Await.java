package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: waits for a condition with a deadline instead of sleeping a fixed time. */
final class Await {

    static final Duration DEFAULT = Duration.ofSeconds(20);

    private Await() {
    }

    /** Polls every 20 ms until {@code done} holds; fails with {@code describe}'s text after the deadline. */
    static void until(BooleanSupplier done, Supplier<String> describe) {
        until(done, describe, DEFAULT);
    }

    static void until(BooleanSupplier done, Supplier<String> describe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not reached within " + timeout.toMillis() + " ms: " + describe.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
