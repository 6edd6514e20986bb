package io.expanse.work.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.files.KillHarness;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Kills a process that is changing a pack list at random moments ({@link KillHarness#kills()} times) and checks after
 * each kill that the list reads without a notice, holds every acknowledged addition and capacity, lacks every
 * acknowledged removal, and that opening it removed the temporary files the kill left.
 */
class PackCrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void killingTheWriterAtAnyMomentNeverLosesOrDamagesAnAcknowledgedChange() throws Exception {
        Path file = dir.resolve("nas-packs.json");
        Random random = new Random(11);
        Map<String, Long> present = new HashMap<>();
        Set<String> removed = new HashSet<>();
        int kills = KillHarness.kills();
        int changes = 0;
        for (int run = 0; run < kills; run++) {
            KillHarness.Run r = KillHarness.runAndKill(PackWriterMain.class,
                    List.of(file.toString(), Integer.toString(run)), random, run);
            assertEquals(List.of(), r.problems(), "the writer found a damaged list after kill " + (run - 1));
            for (String line : r.lines()) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "ADD" -> present.put(parts[1], 100L);
                    case "CAPACITY" -> present.put(parts[1], Long.parseLong(parts[2]));
                    case "REMOVE" -> {
                        present.remove(parts[1]);
                        removed.add(parts[1]);
                    }
                    default -> {
                        continue;
                    }
                }
                changes++;
            }
            // The change after the last acknowledged one may have been written before the kill: a removal then shows.
            String mayBeGone = null;
            List<String> lines = r.lines();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("CAPACITY ")) {
                String id = lines.get(lines.size() - 1).split(" ")[1];
                int n = Integer.parseInt(id.substring(id.lastIndexOf('n') + 1));
                mayBeGone = n >= 10 ? id.substring(0, id.lastIndexOf('n') + 1) + (n - 10) : null;
            }
            PackInventory reopened = new PackInventory(file, "crash", "region-1");
            if (mayBeGone != null && reopened.find(mayBeGone).isEmpty()) {
                present.remove(mayBeGone);
                removed.add(mayBeGone);
            }
            assertEquals(List.of(), reopened.loadProblems(), "after kill " + run);
            int kill = run;
            present.forEach((id, gb) -> {
                ResourcePack p = reopened.find(id).orElseThrow(() -> new AssertionError("kill " + kill + ": lost "
                        + id));
                assertTrue(p.capacityGb() >= gb, id + ": acknowledged " + gb + " GB, stored " + p.capacityGb());
            });
            removed.forEach(id -> assertTrue(reopened.find(id).isEmpty(), "kill " + kill + ": " + id
                    + " came back"));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                        "a temporary file survived opening the list");
            }
        }
        assertTrue(changes > kills, "too few acknowledged changes to mean anything: " + changes);
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(".corrupt-")),
                    "a pack list was set aside as damaged");
        }
        System.out.printf("pack list kill test: %d kills, %d acknowledged changes%n", kills, changes);
    }
}
