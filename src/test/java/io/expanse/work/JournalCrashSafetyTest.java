package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing the history database ({@code destroyForcibly}, i.e. SIGKILL) at random moments,
 * {@code expanse.soak.kills} times (20 in {@code mvn verify}, 200 with {@code -Psoak}), and checks after each kill that
 * the database opens without a problem, passes {@code PRAGMA integrity_check}, and holds every activity the writer
 * had seen acknowledged, at least as far along as acknowledged.
 */
class JournalCrashSafetyTest {

    private static final int KILLS = Integer.getInteger("expanse.soak.kills", 20);
    private static final Map<ActivityState, Integer> RANK = Map.of(ActivityState.SUBMITTING, 0,
            ActivityState.RUNNING, 1, ActivityState.SUCCEEDED, 2);

    @TempDir
    Path dir;

    @Test
    void killingTheWriterAtAnyMomentNeverLosesOrCorruptsAnAcknowledgedEntry() throws Exception {
        Path file = dir.resolve("activity.db");
        Map<String, ActivityState> acked = new ConcurrentHashMap<>();
        Random random = new Random(42);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        int killedWhileWriting = 0;
        long started = System.nanoTime();
        for (int run = 0; run < KILLS; run++) {
            Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    JournalWriterMain.class.getName(), file.toString(), Integer.toString(run))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CountDownLatch ready = new CountDownLatch(1);
            List<String> problems = new ArrayList<>();
            Thread reader = new Thread(() -> read(p, acked, ready, problems));
            reader.start();
            boolean early = run % 5 == 4;
            if (early) {
                // Kill during start-up, opening the database, or the first writes.
                Thread.sleep(100 + random.nextInt(400));
            } else {
                assertTrue(ready.await(30, TimeUnit.SECONDS), "writer did not start");
                Thread.sleep(random.nextInt(350));
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            reader.join(5_000);
            assertEquals(List.of(), problems, "the writer found a damaged database after run " + (run - 1));
            if (!early) {
                killedWhileWriting++;
            }
            assertEquals("ok", integrityCheck(file), "after kill " + run);
            Map<String, ActivityState> stored = storedStates(file);
            for (Map.Entry<String, ActivityState> e : acked.entrySet()) {
                ActivityState s = stored.get(e.getKey());
                assertTrue(s != null, "after kill " + run + ": lost acknowledged " + e.getKey());
                assertTrue(RANK.get(s) >= RANK.get(e.getValue()), "after kill " + run + ": " + e.getKey()
                        + " went back from " + e.getValue() + " to " + s);
            }
            ActivityJournal reopened = new ActivityJournal(file);
            assertEquals(Optional.empty(), reopened.loadProblem(), "after kill " + run);
            reopened.close();
        }
        ActivityJournal journal = new ActivityJournal(file);
        assertEquals(Optional.empty(), journal.loadProblem());
        assertTrue(acked.size() > KILLS, "too few acknowledged writes to mean anything: " + acked.size());
        assertTrue(killedWhileWriting >= KILLS * 3 / 4);
        for (Map.Entry<String, ActivityState> e : acked.entrySet()) {
            Activity a = journal.find(e.getKey()).orElseThrow(() -> new AssertionError("lost " + e.getKey()));
            assertTrue(a.understood(), a.id() + " reads as unknown");
            assertTrue(a.message().equals("done") || a.message().equals("running")
                    || a.message().startsWith("submitting \""), a.message());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(".corrupt-")),
                    "a database was moved aside as corrupt");
        }
        System.out.printf("JournalCrashSafetyTest: %d kills (%d while writing), %d acknowledged activities, all"
                        + " present; %.0f s%n", KILLS, killedWhileWriting, acked.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private static String integrityCheck(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
                out.append(out.length() == 0 ? "" : "\n").append(r.getString(1));
            }
            return out.toString();
        }
    }

    private static Map<String, ActivityState> storedStates(Path file) throws Exception {
        Map<String, ActivityState> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, state FROM activity")) {
            while (r.next()) {
                stored.put(r.getString(1), ActivityState.valueOf(r.getString(2)));
            }
        }
        return stored;
    }

    private static void read(Process p, Map<String, ActivityState> acked, CountDownLatch ready,
                             List<String> problems) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("READY")) {
                    ready.countDown();
                } else if (line.startsWith("PROBLEM")) {
                    problems.add(line);
                    ready.countDown();
                } else if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3) {
                        acked.merge(parts[1], ActivityState.valueOf(parts[2]),
                                (a, b) -> RANK.get(a) >= RANK.get(b) ? a : b);
                    }
                }
            }
        } catch (Exception e) {
            // The stream ends with the process.
        }
    }
}
