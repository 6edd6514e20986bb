package io.expanse.bench;

import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import io.expanse.sandbox.SandboxMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox in a JVM of its own ({@link SandboxMain} with generated volumes), so that the benchmark measures the
 * client and the window as the app runs them against an independent server: the sandbox's own work, garbage and
 * collector pauses stay in its process (it still shares the machine's cores).
 */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final String region;
    private final String projectId;
    private final Credentials credentials;

    private SandboxProcess(Process process, Map<String, String> printed) {
        this.process = process;
        this.endpoint = URI.create(required(printed, "endpoint"));
        this.region = required(printed, "region");
        this.projectId = required(printed, "project id");
        this.credentials = Credentials.permanent(required(printed, "AK"), required(printed, "SK"));
    }

    /** Starts it and waits until it listens: {@code volumes} generated volumes on {@code servers} servers. */
    static SandboxProcess start(int volumes, int servers, long seed, long latencyMs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), SandboxMain.class.getName(),
                "--volumes", Integer.toString(volumes), "--servers", Integer.toString(servers),
                "--seed", Long.toString(seed), "--latency-ms", Long.toString(latencyMs));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> printed = new HashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("Press Ctrl+C")) {
                    Thread drain = new Thread(() -> drain(out), "sandbox-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return new SandboxProcess(p, printed);
                }
                if (line.length() > 11) {
                    printed.put(line.substring(0, 11).strip(), line.substring(11).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
        p.destroyForcibly();
        throw new IOException("the sandbox process ended before it listened (exit " + exit(p) + ")");
    }

    HuaweiEndpoints endpoints() {
        return HuaweiEndpoints.single(endpoint);
    }

    String region() {
        return region;
    }

    String projectId() {
        return projectId;
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String required(Map<String, String> printed, String key) {
        String v = printed.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("the sandbox process did not print its " + key);
        }
        return v;
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // its later output is not needed
            }
        } catch (IOException e) {
            // it ended
        }
    }

    private static String exit(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
