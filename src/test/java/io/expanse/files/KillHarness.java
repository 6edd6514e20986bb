package io.expanse.files;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child JVM that saves in a loop and kills it (SIGKILL) at a random moment. The child prints {@code READY}
 * once it has opened its file (or {@code PROBLEM …} when the file it opened had one), then a line per acknowledged
 * save. How many kills a test makes is {@link #kills()}: {@code -Dexpanse.soak.kills=N}, 20 by default, set to 200 by
 * the {@code soak} Maven profile.
 */
public final class KillHarness {

    private KillHarness() {
    }

    /** How many times each crash test kills its writer. */
    public static int kills() {
        return Integer.getInteger("expanse.soak.kills", 20);
    }

    /** What one child printed before it died. */
    public record Run(List<String> lines, boolean killedWhileWriting) {
        public List<String> problems() {
            return lines.stream().filter(l -> l.startsWith("PROBLEM")).toList();
        }
    }

    /**
     * Runs {@code main} with {@code args}; every fifth run is killed during start-up, the others between 0 and 350 ms
     * after {@code READY}.
     */
    public static Run runAndKill(Class<?> main, List<String> args, Random random, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("READY") || line.startsWith("PROBLEM")) {
                        ready.countDown();
                    }
                }
            } catch (Exception e) {
                // The stream ends with the process.
            }
        });
        reader.start();
        boolean early = run % 5 == 4;
        if (early) {
            Thread.sleep(100 + random.nextInt(300));
        } else {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the writer did not start");
            }
            Thread.sleep(random.nextInt(350));
        }
        p.destroyForcibly();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the writer did not die");
        }
        // The output ends with the process; wait for every line, however loaded the machine (a line read after the
        // copy below would look like a lost acknowledgement).
        reader.join(120_000);
        if (reader.isAlive()) {
            throw new AssertionError("the writer's output was not read to its end");
        }
        return new Run(List.copyOf(lines), !early);
    }
}
