package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.files.KillHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is saving the settings at random moments ({@link KillHarness#kills()} times) and checks after
 * each kill that the file reads without a notice and holds every acknowledged save, and at the end that no
 * temporary file is left once the store has been opened again.
 */
class SettingsCrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void killingTheWriterAtAnyMomentNeverLosesOrDamagesAnAcknowledgedSave() throws Exception {
        Path file = dir.resolve("settings.json");
        Random random = new Random(7);
        Map<String, Integer> acked = new HashMap<>();
        Set<String> profiles = new HashSet<>();
        int kills = KillHarness.kills();
        int whileWriting = 0;
        int saves = 0;
        for (int run = 0; run < kills; run++) {
            KillHarness.Run r = KillHarness.runAndKill(SettingsWriterMain.class,
                    List.of(file.toString(), Integer.toString(run)), random, run);
            assertEquals(List.of(), r.problems(), "the writer found a damaged file after kill " + (run - 1));
            for (String line : r.lines()) {
                String[] parts = line.split(" ");
                if (parts[0].equals("ACK")) {
                    acked.merge("run-" + parts[1], Integer.parseInt(parts[2]), Math::max);
                    saves++;
                } else if (parts[0].equals("PROFILE")) {
                    profiles.add("run-" + parts[1]);
                }
            }
            whileWriting += r.killedWhileWriting() ? 1 : 0;
            SettingsStore reopened = new SettingsStore(file, Clock.systemUTC());
            Settings s = reopened.load();
            assertEquals(List.of(), reopened.loadProblems(), "after kill " + run);
            for (String p : profiles) {
                assertTrue(s.profile(p).isPresent(), "kill " + run + ": lost the acknowledged profile " + p);
            }
            acked.forEach((table, n) -> {
                int stored = Integer.parseInt(s.table(table).orElseThrow(() -> new AssertionError(
                        "lost table " + table)).columnOrder().get(0));
                assertTrue(stored == n || stored == n + 1, table + ": acknowledged " + n + ", stored " + stored);
            });
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                        "a temporary file survived opening the store");
            }
        }
        assertTrue(saves > kills, "too few acknowledged saves to mean anything: " + saves);
        assertTrue(whileWriting >= kills * 3 / 4);
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(".corrupt-")),
                    "a settings file was set aside as damaged");
        }
        System.out.printf("settings kill test: %d kills, %d acknowledged saves%n", kills, saves);
    }
}
