package io.expanse.sandbox;

import io.expanse.cloud.huawei.Credentials;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a standalone sandbox until killed, so the official SDK, KooCLI or curl-like tools can be pointed at it.
 * Usage: {@code SandboxMain [--port N] [--ak AK --sk SK] [--latency-ms N]}; the port defaults to a random free
 * one, the keys to random ones; {@code --latency-ms 100} holds every answer back 100 ms, about the round trip to a
 * distant region.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        String ak = null;
        String sk = null;
        long latencyMs = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--ak" -> ak = require(args[i], value);
                case "--sk" -> sk = require(args[i], value);
                case "--latency-ms" -> latencyMs = nonNegative(args[i], require(args[i], value));
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if ((ak == null) != (sk == null)) {
            usage("--ak and --sk go together");
        }
        Credentials credentials = ak == null ? null : Credentials.permanent(ak, sk);
        SandboxServer server = SandboxServer.start(SandboxCloud.standard(Clock.systemUTC()), port, credentials,
                java.time.Duration.ofMillis(latencyMs));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-shutdown"));
        System.out.println("Expanse sandbox (simulated Huawei Cloud EVS/ECS/IAM/BSS)");
        System.out.println("endpoint   " + server.baseUri());
        System.out.println("region     " + server.region());
        System.out.println("project id " + server.projectId());
        System.out.println("AK         " + server.credentials().accessKey());
        System.out.println("SK         " + server.credentials().secretKey());
        if (latencyMs > 0) {
            System.out.println("latency    " + latencyMs + " ms added to every answer");
        }
        System.out.println("Press Ctrl+C to stop.");
        new CountDownLatch(1).await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static long nonNegative(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0 && n <= 60_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        usage(option + " needs a whole number of milliseconds from 0 to 60000");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: SandboxMain [--port N] [--ak AK --sk SK] [--latency-ms N]");
        System.exit(2);
    }
}
