package io.expanse.work.accounts;

import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import io.expanse.cloud.unicloud.UniCloudCredentials;
import io.expanse.cloud.unicloud.UniCloudEndpoints;
import io.expanse.work.nas.ResourcePack;
import java.util.List;

/**
 * Starts the built-in simulated clouds. Implemented in the app, the only layer that may depend on the sandbox
 * code; {@link AccountOpener} asks for each sandbox at most once per run and closes the provider with itself.
 */
public interface SandboxProvider extends AutoCloseable {

    /** Where the running Huawei sandbox listens and how to sign in to it. */
    record EvsSandbox(HuaweiEndpoints endpoints, Credentials credentials, String region, String projectId) {
    }

    /** The running UniCloud sandbox. */
    interface NasSandbox {
        UniCloudEndpoints endpoints();

        UniCloudCredentials credentials();

        String region();

        /** The packs it starts with, to pre-fill a new inventory. */
        List<ResourcePack> packs();

        /** Makes a pack the operator lists known to the sandbox, at the listed capacity. */
        void adopt(ResourcePack pack);
    }

    /** Starts the Huawei sandbox on loopback; blocks until it listens. */
    EvsSandbox startEvs();

    /** Starts the UniCloud sandbox on loopback; blocks until it listens. */
    NasSandbox startNas();

    /** Stops the sandboxes that were started. */
    @Override
    void close();
}
