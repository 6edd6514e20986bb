package io.expanse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.files.AppDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher started twice at once, as two processes on one data folder (headless JavaFX): one keeps
 * running with its window, the other hands over and ends, so only one process ever writes the folder or sends a
 * change.
 */
class TwoLaunchesTest {

    @TempDir
    Path home;

    private Process launch(Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "--sandbox"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("XDG_"));
        return pb.start();
    }

    @Test
    void twoLaunchesAtOnceLeaveOneRunningInstance() throws Exception {
        Process a = launch(home.resolve("a.log"));
        Process b = launch(home.resolve("b.log"));
        try {
            // One of them hands over and ends; the other keeps running.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (a.isAlive() && b.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Process ended = a.isAlive() ? b : a;
            Process running = ended == a ? b : a;
            assertTrue(ended.waitFor(5, TimeUnit.SECONDS), "one launch ended");
            String endedLog = Files.readString(home.resolve(ended == a ? "a.log" : "b.log"), StandardCharsets.UTF_8);
            assertEquals(0, ended.exitValue(), endedLog);
            assertTrue(endedLog.contains("Expanse is already running (process " + running.pid() + ")"), endedLog);
            Thread.sleep(1000);
            assertTrue(running.isAlive(), "the first instance keeps running");
            AppDirs dirs = AppDirs.detect(Map.of("HOME", home.toString()), System.getProperties());
            assertEquals(Long.toString(running.pid()),
                    Files.readString(dirs.data().resolve("instance.lock"), StandardCharsets.US_ASCII).strip(),
                    "the running instance holds the data folder");
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
            a.waitFor(10, TimeUnit.SECONDS);
            b.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
