package io.expanse.sandbox;

import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.huawei.HuaweiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The standard sandbox on loopback with the plumbing a test of the app's wiring needs around it: an HTTP client, a
 * scheduler for trackers, and a client builder for the sandbox with quick retries. Close it after the test.
 */
public final class SandboxRig implements AutoCloseable {

    private final SandboxCloud cloud;
    private final SandboxServer server;
    private final OkHttpClient http = new OkHttpClient.Builder().build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private SandboxRig(SandboxTimings timings) {
        this.cloud = new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(), timings);
        this.server = SandboxServer.start(cloud);
    }

    /** The standard sandbox, its jobs and orders taking {@code timings}. */
    public static SandboxRig start(SandboxTimings timings) {
        return new SandboxRig(timings);
    }

    public SandboxCloud cloud() {
        return cloud;
    }

    public SandboxServer server() {
        return server;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** A Huawei client builder for the sandbox: its endpoints, keys, region and project; retries after 1 ms. */
    public HuaweiClient.Builder client() {
        return HuaweiClient.builder().http(http).endpoints(server.endpoints())
                .credentials(server.credentials()).region(server.region()).projectId(server.projectId())
                .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), d -> { }, () -> 0.5))
                .pageExecutor(Runnable::run);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        server.close();
        http.dispatcher().executorService().shutdown();
    }
}
