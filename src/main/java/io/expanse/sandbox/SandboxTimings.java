package io.expanse.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulated cloud takes for each step of a resize.
 *
 * @param jobInit         an on-demand job stays INIT this long after it was accepted
 * @param extend          the volume stays {@code extending} (job RUNNING) this long before it reaches its new size
 * @param orderProcessing a paid yearly/monthly order stays 3 (processing) this long before it becomes 5 (completed)
 */
public record SandboxTimings(Duration jobInit, Duration extend, Duration orderProcessing) {

    /** 1 s INIT, 3 s RUNNING, 3 s order processing: a job ends after about 4 s. */
    public static final SandboxTimings DEFAULT =
            new SandboxTimings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3));

    public SandboxTimings {
        Objects.requireNonNull(jobInit, "jobInit");
        Objects.requireNonNull(extend, "extend");
        Objects.requireNonNull(orderProcessing, "orderProcessing");
    }
}
