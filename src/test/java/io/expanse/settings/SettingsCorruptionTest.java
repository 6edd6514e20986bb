package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.files.Corruptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 1,200 seeded corruptions of a settings file, one each: a value of another type, a key deleted, garbage, a null, an
 * unknown word (enum), an entry that is not an object, a wrong or missing version, the file cut short. Each may
 * lose at most the entry that was damaged; a lost entry is named in the notices, is written back verbatim by the
 * next save, and reads the same after it.
 */
class SettingsCorruptionTest {

    private static final int RUNS = 1_200;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final List<String> TABLES = List.of("volumes", "activity", "packs");
    private final ObjectMapper mapper = new ObjectMapper();

    /** On tmpfs where there is one: 1,200 rounds of forced writes on a shared build disk take most of a minute. */
    private final Path dir = Corruptions.scratchDir();

    private static Settings base() {
        Settings s = Settings.empty();
        for (int i = 0; i < 5; i++) {
            boolean huawei = i % 2 == 0;
            s = s.withProfile(new Profile("id-" + i, "profile-" + i, huawei ? Profile.Kind.HUAWEI
                    : Profile.Kind.UNICLOUD, Profile.Source.SETTINGS, "cn-north-" + (i + 1),
                    i == 2 ? Profile.Site.INTERNATIONAL : Profile.Site.CHINA, huawei ? "project0000" + i : null,
                    i == 4 ? "all" : null, "HPUAEXAMPLEAK000000" + i, i == 0,
                    huawei ? Map.of("evs", "https://evs.example/" + i) : Map.of("nas", "https://nas.example")));
        }
        for (String t : TABLES) {
            s = s.withTable(t, new Settings.TableState(List.of(t + "-a", t + "-b", t + "-c"),
                    Map.of(t + "-a", 120.0, t + "-b", 80.5), List.of(new Settings.SortColumn(t + "-b", false))));
        }
        return s.withWindow(new Settings.WindowState(10.0, 20.0, 1300, 820, false)).withLastProfileId("id-2")
                .withLastUniCloudProfileId("id-1");
    }

    @Test
    void eachCorruptionLosesAtMostTheDamagedEntryAndNamesIt() throws Exception {
        Settings base = base();
        Path seedFile = dir.resolve("seed/settings.json");
        new SettingsStore(seedFile, CLOCK).save(base);
        byte[] good = Files.readAllBytes(seedFile);
        int lost = 0;
        int versions = 0;
        int truncated = 0;
        for (int run = 0; run < RUNS; run++) {
            Random random = new Random(run);
            Path file = dir.resolve("run-" + run).resolve("settings.json");
            Files.createDirectories(file.getParent());
            int target = random.nextInt(14);
            String context = "run " + run;
            if (target == 12) {
                versions++;
                checkVersion(random, base, good, file);
                continue;
            }
            if (target == 13) {
                truncated++;
                checkTruncated(random, base, good, file);
                continue;
            }
            ObjectNode tree = (ObjectNode) mapper.readTree(good);
            StringBuilder what = new StringBuilder();
            Corruptions.Kind kind = Corruptions.Kind.values()[random.nextInt(Corruptions.Kind.values().length)];
            String entryName;
            JsonNode damaged;
            if (target < 5) {
                JsonNode p = tree.withArray("profiles").get(target);
                damaged = Corruptions.damage(random, p, kind, what);
                tree.withArray("profiles").set(target, damaged);
                entryName = "The profile " + SettingsReader.profileName(damaged, target + 1);
            } else if (target < 8) {
                String t = TABLES.get(target - 5);
                damaged = Corruptions.damage(random, tree.get("tables").get(t), kind, what);
                tree.withObject("tables").set(t, damaged);
                entryName = "table '" + t + "'";
            } else if (target == 8) {
                damaged = Corruptions.damage(random, tree.get("window"), kind, what);
                tree.set("window", damaged);
                entryName = "window position";
            } else if (target == 9 || target == 10) {
                String field = target == 9 ? "lastProfileId" : "lastUniCloudProfileId";
                damaged = kind == Corruptions.Kind.NULL ? mapper.nullNode()
                        : Corruptions.damage(random, tree.get(field), Corruptions.Kind.NOT_AN_OBJECT, what);
                tree.set(field, damaged);
                entryName = target == 9 ? "The profile chosen last" : "The UniCloud account chosen last";
            } else {
                damaged = Corruptions.damage(random, mapper.createObjectNode(), Corruptions.Kind.NOT_AN_OBJECT,
                        what);
                tree.set("theme" + run, damaged);
                entryName = null;
            }
            context += " (" + what + ")";
            Files.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));

            SettingsStore store = new SettingsStore(file, CLOCK);
            Settings read = store.load();
            List<String> problems = store.loadProblems();
            // null is a valid value for the window and the remembered choices ("none"): nothing is lost then.
            boolean entryLost = compare(base, read, target, context) && !damaged.isNull();
            if (entryLost) {
                lost++;
                assertTrue(problems.stream().anyMatch(p -> p.contains(entryName)), context + ": " + entryName
                        + " not named in " + problems);
            }
            if (target == 11) {
                assertTrue(problems.isEmpty(), context + ": an unknown field is not a problem: " + problems);
            }
            // The next save writes the damaged entry back as it was, and the file reads the same afterwards.
            store.save(read);
            JsonNode written = mapper.readTree(file.toFile());
            if (entryLost) {
                assertTrue(holds(written, damaged, target), context + ": the damaged entry was not kept: " + written);
            }
            if (target == 11) {
                assertEquals(damaged, written.get("theme" + run), context + ": an unknown field was not kept");
            }
            SettingsStore again = new SettingsStore(file, CLOCK);
            assertEquals(read, again.load(), context);
            assertEquals(problems, again.loadProblems(), context);
        }
        assertTrue(lost > RUNS / 3, "too few corruptions lost their entry to mean anything: " + lost);
        assertTrue(versions > 50 && truncated > 50, versions + " / " + truncated);
    }

    /** Whether something other than the damaged entry changed (fails then); returns whether the entry was lost. */
    private static boolean compare(Settings base, Settings read, int target, String context) {
        String targetId = target < 5 ? "id-" + target : null;
        Set<String> otherIds = base.profiles().stream().map(Profile::id).filter(id -> !id.equals(targetId))
                .collect(Collectors.toSet());
        assertEquals(base.profiles().stream().filter(p -> otherIds.contains(p.id())).toList(),
                read.profiles().stream().filter(p -> otherIds.contains(p.id())).toList(), context);
        assertTrue(read.profiles().size() <= base.profiles().size(), context);
        for (int t = 0; t < TABLES.size(); t++) {
            if (target != 5 + t) {
                assertEquals(base.table(TABLES.get(t)), read.table(TABLES.get(t)), context);
            }
        }
        if (target != 8) {
            assertEquals(base.window(), read.window(), context);
        }
        if (target != 9) {
            assertEquals(base.lastProfileId(), read.lastProfileId(), context);
        }
        if (target != 10) {
            assertEquals(base.lastUniCloudProfileId(), read.lastUniCloudProfileId(), context);
        }
        if (target < 5) {
            return read.profiles().size() < base.profiles().size();
        }
        if (target < 8) {
            return read.table(TABLES.get(target - 5)).isEmpty();
        }
        if (target == 8) {
            return read.window() == null;
        }
        if (target == 9) {
            return read.lastProfileId() == null;
        }
        if (target == 10) {
            return read.lastUniCloudProfileId() == null;
        }
        return false;
    }

    /** Whether the file written after loading still holds the damaged entry verbatim. */
    private static boolean holds(JsonNode written, JsonNode damaged, int target) {
        if (target < 5) {
            for (JsonNode p : written.path("profiles")) {
                if (p.equals(damaged)) {
                    return true;
                }
            }
            return false;
        }
        if (target < 8) {
            return damaged.equals(written.path("tables").get(TABLES.get(target - 5)));
        }
        if (target == 8) {
            return damaged.equals(written.get("window"));
        }
        if (target == 9 || target == 10) {
            JsonNode v = written.get(target == 9 ? "lastProfileId" : "lastUniCloudProfileId");
            return damaged.equals(v) || damaged.isNull() && v.isNull();
        }
        return true;
    }

    private void checkVersion(Random random, Settings base, byte[] good, Path file) throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(good);
        Object[] versions = {null, "1", 1.5, -3, 99, "one", true};
        Object v = versions[random.nextInt(versions.length)];
        if (v == null) {
            tree.remove("version");
        } else {
            tree.set("version", mapper.valueToTree(v));
        }
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        Files.write(file, bytes);
        SettingsStore store = new SettingsStore(file, CLOCK);
        assertEquals(base, store.load(), "version " + v);
        assertFalse(store.loadProblems().isEmpty(), "version " + v + " not reported");
        assertArrayEquals(bytes, Files.readAllBytes(file), "version " + v + ": the file was changed at start");
        store.save(store.load().withLastProfileId("id-3"));
        JsonNode written = mapper.readTree(file.toFile());
        assertEquals(Integer.valueOf(99).equals(v) ? 99 : SettingsStore.VERSION, written.get("version").asInt());
        assertEquals("id-3", new SettingsStore(file, CLOCK).load().lastProfileId());
    }

    private void checkTruncated(Random random, Settings base, byte[] good, Path file) throws Exception {
        byte[] cut = Corruptions.truncate(random, good);
        Files.write(file, cut);
        SettingsStore store = new SettingsStore(file, CLOCK);
        Settings read = store.load();
        String context = "cut at " + cut.length + " of " + good.length;
        assertFalse(store.loadProblems().isEmpty(), context);
        List<Profile> prefix = new ArrayList<>(base.profiles().subList(0, read.profiles().size()));
        assertEquals(prefix, read.profiles(), context + ": a profile was read only in part");
        read.tables().forEach((k, t) -> assertEquals(base.tables().get(k), t, context));
        if (read.window() != null) {
            assertEquals(base.window(), read.window(), context);
        }
        String text = new String(good, StandardCharsets.UTF_8);
        if (cut.length > text.indexOf("\"lastProfileId\"")) {
            assertEquals(base.profiles(), read.profiles(), context + ": profiles before the damage were lost");
        }
        try (var files = Files.list(file.getParent())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("settings.json.corrupt-")),
                    context + ": no copy of the damaged file");
        }
    }
}
