package io.expanse.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        // The child writes straight into a file (no pipe): what it printed before the kill is all there afterwards.
        Path output = Files.createTempFile("expanse-writer", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(output.toFile()).start();
            boolean early = run % 5 == 4;
            if (early) {
                Thread.sleep(100 + random.nextInt(300));
            } else {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (lines(output).stream().noneMatch(l -> l.startsWith("READY") || l.startsWith("PROBLEM"))) {
                    if (System.nanoTime() > deadline) {
                        p.destroyForcibly();
                        throw new AssertionError("the writer did not start");
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(random.nextInt(350));
            }
            p.destroyForcibly();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the writer did not die");
            }
            return new Run(lines(output), !early);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The complete lines of the output so far (a last line without its line end is left out). */
    private static List<String> lines(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }
}
