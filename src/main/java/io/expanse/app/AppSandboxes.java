package io.expanse.app;

import io.expanse.cloud.unicloud.UniCloudCredentials;
import io.expanse.cloud.unicloud.UniCloudEndpoints;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.unicloud.SandboxPack;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import io.expanse.work.accounts.SandboxProvider;
import io.expanse.work.nas.ResourcePack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in sandboxes on loopback: the Huawei one with the standard seed, the UniCloud one with the standard
 * packs. The app is the only layer that depends on the sandbox code; the accounts see it through
 * {@link SandboxProvider}.
 */
public final class AppSandboxes implements SandboxProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AppSandboxes.class);

    private final Clock clock;
    private final SandboxTimings timings;
    private final Duration nasPaidAfter;
    private final List<AutoCloseable> started = new ArrayList<>();

    /**
     * @param timings      how fast the Huawei sandbox works
     * @param nasPaidAfter how long the UniCloud sandbox takes to mark an order paid
     */
    public AppSandboxes(Clock clock, SandboxTimings timings, Duration nasPaidAfter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.nasPaidAfter = Objects.requireNonNull(nasPaidAfter, "nasPaidAfter");
    }

    @Override
    public synchronized EvsSandbox startEvs() {
        SandboxServer s = SandboxServer.start(new SandboxCloud(SandboxSeed.standard(), clock, timings));
        started.add(s);
        LOG.info("Sandbox started on {}", s.baseUri());
        return new EvsSandbox(s.endpoints(), s.credentials(), s.region(), s.projectId());
    }

    @Override
    public synchronized NasSandbox startNas() {
        UniCloudSandbox s = UniCloudSandbox.start(SandboxPack.standard(), clock, nasPaidAfter);
        started.add(s);
        LOG.info("UniCloud sandbox started on {}", s.baseUri());
        return new NasSandbox() {
            @Override
            public UniCloudEndpoints endpoints() {
                return s.endpoints();
            }

            @Override
            public UniCloudCredentials credentials() {
                return s.credentials();
            }

            @Override
            public String region() {
                return s.region();
            }

            @Override
            public List<ResourcePack> packs() {
                return SandboxPack.standard().stream()
                        .map(p -> new ResourcePack(p.id(), p.label(), p.capacityGb(), p.expiresOn(), null)).toList();
            }

            @Override
            public void adopt(ResourcePack pack) {
                s.adopt(pack.id(), pack.label(), pack.capacityGb(), pack.expiresOn());
            }
        };
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable s : started) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("Could not stop a sandbox", e);
            }
        }
        started.clear();
    }
}
