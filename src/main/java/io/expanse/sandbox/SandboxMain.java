package io.expanse.sandbox;

import io.expanse.cloud.huawei.Credentials;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a standalone sandbox until killed, so the official SDK, KooCLI or curl-like tools can be pointed at it.
 * Usage: {@code SandboxMain [--port N] [--ak AK --sk SK] [--latency-ms N] [--volumes N [--servers N] [--seed N]]};
 * the port defaults to a random free one, the keys to random ones; {@code --latency-ms 100} holds every answer back
 * 100 ms, about the round trip to a distant region. {@code --volumes 10000 --servers 1250} serves that many generated
 * volumes on that many servers (by default one server per four volumes; the same seed gives the same cloud) instead
 * of the standard sandbox: the benchmark runs it this way, in a process of its own, as an independent server.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    /** What the command line asks for; {@link #parse} refuses anything else with the reason. */
    record Options(int port, String accessKey, String secretKey, long latencyMs, int volumes, int servers,
                   long seed) {

        static Options parse(String... args) {
            int port = 0;
            String ak = null;
            String sk = null;
            long latencyMs = 0;
            int volumes = 0;
            int servers = 0;
            long seed = 1;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> port = (int) range(args[i], value, 0, 65_535, "a port from 0 to 65535");
                    case "--ak" -> ak = require(args[i], value);
                    case "--sk" -> sk = require(args[i], value);
                    case "--latency-ms" -> latencyMs = range(args[i], value, 0, 60_000,
                            "a whole number of milliseconds from 0 to 60000");
                    case "--volumes" -> volumes = (int) range(args[i], value, 1, 1_000_000,
                            "a whole number from 1 to 1000000");
                    case "--servers" -> servers = (int) range(args[i], value, 1, 1_000_000,
                            "a whole number from 1 to 1000000");
                    case "--seed" -> seed = range(args[i], value, Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if ((ak == null) != (sk == null)) {
                throw new IllegalArgumentException("--ak and --sk go together");
            }
            if (servers > 0 && volumes == 0) {
                throw new IllegalArgumentException("--servers needs --volumes");
            }
            return new Options(port, ak, sk, latencyMs, volumes, servers, seed);
        }

        /** The standard sandbox, or {@code volumes} generated ones on {@code servers} (one per four by default). */
        SandboxCloud cloud(Clock clock) {
            return volumes == 0 ? SandboxCloud.standard(clock)
                    : new SandboxCloud(SandboxSeed.generated(volumes, servers > 0 ? servers : Math.max(1, volumes / 4),
                    seed), clock, SandboxTimings.DEFAULT);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

        private static long range(String option, String value, long min, long max, String what) {
            try {
                long n = Long.parseLong(require(option, value));
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException(option + " needs " + what);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: SandboxMain [--port N] [--ak AK --sk SK] [--latency-ms N] "
                    + "[--volumes N [--servers N] [--seed N]]");
            System.exit(2);
            return;
        }
        Credentials credentials = o.accessKey() == null ? null : Credentials.permanent(o.accessKey(), o.secretKey());
        SandboxServer server = SandboxServer.start(o.cloud(Clock.systemUTC()), o.port(), credentials,
                java.time.Duration.ofMillis(o.latencyMs()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-shutdown"));
        System.out.println("Expanse sandbox (simulated Huawei Cloud EVS/ECS/IAM/BSS)");
        System.out.println("endpoint   " + server.baseUri());
        System.out.println("region     " + server.region());
        System.out.println("project id " + server.projectId());
        System.out.println("AK         " + server.credentials().accessKey());
        System.out.println("SK         " + server.credentials().secretKey());
        if (o.latencyMs() > 0) {
            System.out.println("latency    " + o.latencyMs() + " ms added to every answer");
        }
        if (o.volumes() > 0) {
            System.out.println("volumes    " + o.volumes() + " generated (seed " + o.seed() + ")");
        }
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
