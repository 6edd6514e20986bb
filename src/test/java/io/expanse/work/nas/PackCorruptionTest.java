package io.expanse.work.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.files.Corruptions;
import io.expanse.files.JsonEntries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 1,200 seeded corruptions of a resource pack list, one each (a value of another type, a key deleted, garbage, a
 * null, an unknown word such as pay type {@code year_month}, an entry that is not an object, a wrong version, the
 * file cut short). Each loses at most the damaged pack; a pack not shown is named, kept verbatim by the next write,
 * and still there after it.
 */
class PackCorruptionTest {

    private static final int RUNS = 1_200;
    private final ObjectMapper mapper = new ObjectMapper();

    /** On tmpfs where there is one: 1,200 rounds of forced writes on a shared build disk take most of a minute. */
    private final Path dir = Corruptions.scratchDir();

    private static List<ResourcePack> base() {
        List<ResourcePack> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(new ResourcePack("pack-" + i + "abcdef", "label " + i, 100L * (i + 1),
                    i % 3 == 0 ? null : "2027-0" + (i + 1) + "-1" + i, ResourcePack.PAY_TYPES.get(i % 3)));
        }
        return out;
    }

    @Test
    void eachCorruptionLosesAtMostTheDamagedPackAndNamesIt() throws Exception {
        List<ResourcePack> base = base();
        PackInventory seed = new PackInventory(dir.resolve("seed.json"), "acct", "region-1");
        base.forEach(seed::add);
        byte[] good = Files.readAllBytes(seed.file());
        int lost = 0;
        for (int run = 0; run < RUNS; run++) {
            Random random = new Random(run);
            Path file = dir.resolve("run-" + run + ".json");
            int target = random.nextInt(11);
            if (target == 10) {
                checkTruncated(random, base, good, file);
                continue;
            }
            ObjectNode tree = (ObjectNode) mapper.readTree(good);
            StringBuilder what = new StringBuilder();
            JsonNode damaged = null;
            if (target == 8) {
                Object[] versions = {null, "1", 1.5, -3, 99, true};
                Object v = versions[random.nextInt(versions.length)];
                what.append("version ").append(v);
                if (v == null) {
                    tree.remove("version");
                } else {
                    tree.set("version", mapper.valueToTree(v));
                }
            } else if (target == 9) {
                damaged = Corruptions.damage(random, mapper.createObjectNode(), Corruptions.Kind.NOT_AN_OBJECT, what);
                tree.set("extra" + run, damaged);
            } else {
                Corruptions.Kind kind = Corruptions.Kind.values()[random.nextInt(Corruptions.Kind.values().length)];
                ArrayNode packs = tree.withArray("packs");
                damaged = Corruptions.damage(random, packs.get(target), kind, what);
                packs.set(target, damaged);
            }
            String context = "run " + run + " (" + what + ")";
            Files.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));

            PackInventory inv = new PackInventory(file, "acct", "region-1");
            List<ResourcePack> read = inv.list();
            List<String> problems = inv.loadProblems();
            String targetId = target < 8 ? base.get(target).id() : null;
            assertEquals(base.stream().filter(p -> !p.id().equals(targetId)).toList(),
                    read.stream().filter(p -> base.stream().anyMatch(b -> b.id().equals(p.id())
                            && !b.id().equals(targetId))).toList(), context);
            assertTrue(read.size() <= base.size(), context);
            boolean entryLost = read.size() < base.size();
            if (entryLost) {
                lost++;
                String name = damaged.path("id").isTextual() ? JsonEntries.shorten(damaged.get("id").asText())
                        : "number " + (target + 1);
                assertTrue(problems.stream().anyMatch(p -> p.startsWith("The resource pack " + name
                        + " was kept but is not shown: ")), context + ": " + name + " not named in " + problems);
            }
            if (target == 8) {
                assertEquals(base, read, context);
                assertFalse(problems.isEmpty() && !what.toString().equals("version 1"), context);
            }
            // A later change keeps the damaged entry, and reading again gives the same list and notices.
            inv.add(new ResourcePack("pack-new" + run, "", 100, null, null));
            JsonNode written = mapper.readTree(file.toFile());
            if (entryLost) {
                boolean kept = false;
                for (JsonNode p : written.get("packs")) {
                    kept |= p.equals(damaged);
                }
                assertTrue(kept, context + ": the damaged pack was not kept: " + written);
            }
            if (target == 9) {
                assertEquals(damaged, written.get("extra" + run), context + ": an unknown field was not kept");
            }
            PackInventory again = new PackInventory(file, "acct", "region-1");
            assertEquals(inv.list(), again.list(), context);
            assertEquals(problems.stream().filter(p -> p.contains(" was kept but is not shown: ")).toList(),
                    again.loadProblems().stream().filter(p -> p.contains(" was kept but is not shown: ")).toList(),
                    context);
        }
        assertTrue(lost > RUNS / 3, "too few corruptions lost their pack to mean anything: " + lost);
    }

    private void checkTruncated(Random random, List<ResourcePack> base, byte[] good, Path file) throws Exception {
        byte[] cut = Corruptions.truncate(random, good);
        Files.write(file, cut);
        PackInventory inv = new PackInventory(file, "acct", "region-1");
        String context = "cut at " + cut.length + " of " + good.length;
        assertEquals(base.subList(0, inv.list().size()), inv.list(), context + ": a pack was read only in part");
        assertFalse(inv.loadProblems().isEmpty(), context);
        assertTrue(inv.loadProblems().get(0).contains("damaged"), context + ": " + inv.loadProblems());
    }
}
