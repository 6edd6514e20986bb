package io.expanse.work.nas;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.files.AtomicFiles;
import io.expanse.files.JsonEntries;
import io.expanse.files.LenientJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import io.expanse.domain.nas.RenewalPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's list of NAS resource packs for one account and region, kept in one JSON file
 * ({@code {"version":1,"account":…,"region":…,"packs":[…]}}). Changes are written like the settings: to a
 * temporary file in the same directory, forced to disk, then moved over the file atomically; a failed write leaves
 * both the file and the list unchanged. Thread-safe; writes happen on the caller's thread (keep it off the FX
 * thread).
 *
 * <p>The file is read pack by pack. A pack this build refuses (one it cannot read, or one that fails
 * {@link ResourcePack#problems()}, or a second entry with the same ID) is not listed but kept verbatim in the file by
 * every later write, and named in {@link #loadProblems()}; a valid pack with its ID added later replaces it. Fields
 * this build does not know are kept too. A file damaged in the middle or cut short is read up to the damage, and a
 * copy of it is kept as {@code .corrupt-<millis>}. Temporary files left by an interrupted write are removed on open.
 */
public final class PackInventory implements EditablePackSource {

    public static final int FORMAT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(PackInventory.class);
    private static final String PACKS = "packs";
    private static final String UNREADABLE = "_unreadable";
    private static final Set<String> KNOWN = Set.of("version", "account", "region", PACKS);

    /** An entry of the file this build refuses, verbatim, and its place in the file's list (which it keeps). */
    private record Kept(int index, JsonNode entry) {
    }

    /** The list and what is kept with it: together they are what an undo restores. */
    private record State(Map<String, ResourcePack> packs, List<Kept> kept) {
        State {
            packs = new LinkedHashMap<>(packs);
            kept = List.copyOf(kept);
        }
    }

    private final Path file;
    private final String account;
    private final String region;
    private final ObjectMapper mapper = JsonEntries.strictMapper();
    private final Object lock = new Object();
    private final Map<String, ResourcePack> packs = new LinkedHashMap<>();
    /** Entries of the file this build refuses, verbatim, in file order. */
    private final List<Kept> kept = new ArrayList<>();
    /** Each readable pack's entry as read, for the fields this build does not know. */
    private final Map<String, JsonNode> readById = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final boolean existed;
    private final List<String> problems = new ArrayList<>();
    private ObjectNode original;
    private int writeVersion = FORMAT_VERSION;
    private State beforeImport;

    /** Opens the inventory of {@code account} in {@code region} under {@code dir} (one file per pair). */
    public static PackInventory open(Path dir, String account, String region) {
        return new PackInventory(dir.resolve("nas-packs-" + safe(account) + "@" + safe(region) + ".json"),
                account, region);
    }

    public PackInventory(Path file, String account, String region) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.account = Objects.requireNonNull(account, "account");
        this.region = Objects.requireNonNull(region, "region");
        this.original = mapper.createObjectNode();
        AtomicFiles.removeStaleTemps(this.file.getParent(), this.file.getFileName().toString());
        this.existed = Files.exists(this.file);
        if (existed) {
            read();
        }
        problems.forEach(p -> LOG.warn("Resource pack list {}: {}", this.file, p));
    }

    private void read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            problems.add(Texts.get("packs.file.unreadable", file.toString(), JsonEntries.reason(e)));
            return;
        }
        LenientJson.Result parsed = LenientJson.read(mapper, bytes, Set.of(PACKS));
        if (!parsed.complete()) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            String name = file.getFileName().toString();
            String problem;
            try {
                AtomicFiles.write(aside, bytes);
                problem = Texts.get("packs.file.damaged.copy", name, parsed.damage(), aside.getFileName().toString());
            } catch (IOException e) {
                problem = Texts.get("packs.file.damaged", name, parsed.damage());
            }
            problems.add(problem);
        }
        if (!(parsed.root() instanceof ObjectNode root)) {
            if (parsed.complete()) {
                problems.add(Texts.get("packs.file.noList", file.getFileName().toString()));
            }
            return;
        }
        original = root;
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            problems.add(Texts.get("packs.file.noVersion", file.getFileName().toString()));
        } else if (v.asInt() > FORMAT_VERSION) {
            writeVersion = v.asInt();
            problems.add(Texts.get("packs.file.newer", file.getFileName().toString()));
        }
        JsonNode list = root.get(PACKS);
        if (list != null && !list.isNull() && !list.isArray()) {
            problems.add(Texts.get("packs.file.notList", file.getFileName().toString()));
            return;
        }
        int index = 0;
        for (JsonNode entry : list == null ? mapper.createArrayNode() : list) {
            index++;
            String refused = refusal(entry);
            String name = entry.path("id").isTextual() ? JsonEntries.shorten(entry.get("id").asText())
                    : Texts.get("settings.notice.profileNumber", index);
            if (refused != null) {
                kept.add(new Kept(index - 1, entry));
                problems.add(Texts.get("packs.file.packKept", name, refused));
            } else {
                try {
                    ResourcePack p = pack(entry);
                    packs.put(p.id(), p);
                    readById.put(p.id(), entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // refusal() read it a moment ago
                }
            }
        }
    }

    /** Why this build refuses the entry, or null when it is a valid pack not yet listed. */
    private String refusal(JsonNode entry) {
        if (!entry.isObject()) {
            return Texts.get("packs.file.notAPack");
        }
        try {
            ResourcePack p = pack(entry);
            List<String> wrong = p.problems();
            if (!wrong.isEmpty()) {
                return Texts.sentences(wrong.toArray(String[]::new));
            }
            if (packs.containsKey(p.id())) {
                return Texts.get("packs.file.twice");
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return Texts.get("packs.file.reason", e instanceof IllegalArgumentException ? e.getMessage()
                    : JsonEntries.reason(e));
        }
    }

    private ResourcePack pack(JsonNode entry) throws IOException {
        if (!entry.path("id").isTextual()) {
            throw new IllegalArgumentException(Texts.get("packs.file.noId"));
        }
        return mapper.treeToValue(entry, ResourcePack.class);
    }

    public Path file() {
        return file;
    }

    /** What went wrong while reading the file, one sentence a line; empty when it was read whole. */
    public Optional<String> loadProblem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
    }

    /** Each thing that went wrong while reading the file. */
    public List<String> loadProblems() {
        return List.copyOf(problems);
    }

    /** Adds {@code seed} only when no inventory file existed at start (first start, e.g. of the sandbox). */
    public void fillIfNew(List<ResourcePack> seed) {
        if (existed) {
            return;
        }
        synchronized (lock) {
            if (!packs.isEmpty()) {
                return;
            }
            Map<String, ResourcePack> next = new LinkedHashMap<>();
            seed.forEach(p -> next.put(p.id(), p));
            commit(next);
        }
        fire();
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public List<ResourcePack> list() {
        synchronized (lock) {
            return List.copyOf(packs.values());
        }
    }

    public Optional<ResourcePack> find(String id) {
        synchronized (lock) {
            return Optional.ofNullable(packs.get(id));
        }
    }

    @Override
    public void add(ResourcePack pack) {
        requireValid(pack);
        synchronized (lock) {
            if (packs.containsKey(pack.id())) {
                throw new IllegalArgumentException(pack.id() + " is already in the list.");
            }
            Map<String, ResourcePack> next = new LinkedHashMap<>(packs);
            next.put(pack.id(), pack);
            commit(next);
        }
        fire();
    }

    @Override
    public void update(String originalId, ResourcePack pack) {
        requireValid(pack);
        synchronized (lock) {
            if (!packs.containsKey(originalId)) {
                throw new IllegalArgumentException(originalId + " is not in the list.");
            }
            if (!originalId.equals(pack.id()) && packs.containsKey(pack.id())) {
                throw new IllegalArgumentException(pack.id() + " is already in the list.");
            }
            Map<String, ResourcePack> next = new LinkedHashMap<>();
            packs.forEach((id, p) -> next.put(id.equals(originalId) ? pack.id() : id, id.equals(originalId) ? pack : p));
            commit(next);
        }
        fire();
    }

    @Override
    public boolean remove(String id) {
        synchronized (lock) {
            if (!packs.containsKey(id)) {
                return false;
            }
            Map<String, ResourcePack> next = new LinkedHashMap<>(packs);
            next.remove(id);
            commit(next);
        }
        fire();
        return true;
    }

    /** Records the capacity after a paid upgrade; a pack no longer listed is left alone. */
    @Override
    public void upgradeCompleted(String packId, long newCapacityGb) {
        updateCapacity(packId, newCapacityGb);
    }

    @Override
    public LocalDate renewalCompleted(String packId, RenewalPeriod period, LocalDate today) {
        LocalDate next;
        synchronized (lock) {
            ResourcePack p = packs.get(packId);
            if (p == null) {
                return null;
            }
            next = period.extend(p.expiryDate(), today);
            Map<String, ResourcePack> changed = new LinkedHashMap<>(packs);
            changed.put(packId, p.withExpiry(next.toString()));
            commit(changed);
        }
        fire();
        return next;
    }

    /** Sets the capacity of a listed pack; false when it is not listed. */
    public boolean updateCapacity(String packId, long newCapacityGb) {
        synchronized (lock) {
            ResourcePack p = packs.get(packId);
            if (p == null) {
                return false;
            }
            Map<String, ResourcePack> next = new LinkedHashMap<>(packs);
            next.put(packId, p.withCapacity(newCapacityGb));
            commit(next);
        }
        fire();
        return true;
    }

    @Override
    public PackImport.Preview previewImport(String csv) {
        Map<String, ResourcePack> listed;
        synchronized (lock) {
            listed = new LinkedHashMap<>(packs);
        }
        return PackImport.preview(csv, listed);
    }

    @Override
    public PackImport.Result applyImport(PackImport.Preview preview) {
        List<ResourcePack> changes = preview.changes();
        int added = 0;
        int updated = 0;
        synchronized (lock) {
            State before = new State(packs, kept);
            Map<String, ResourcePack> next = new LinkedHashMap<>(packs);
            for (ResourcePack p : changes) {
                requireValid(p);
                ResourcePack old = next.put(p.id(), p);
                if (old == null) {
                    added++;
                } else if (!old.equals(p)) {
                    updated++;
                }
            }
            if (added + updated == 0) {
                return new PackImport.Result(0, 0);
            }
            commit(next);
            beforeImport = before;
        }
        fire();
        return new PackImport.Result(added, updated);
    }

    @Override
    public boolean canUndoImport() {
        synchronized (lock) {
            return beforeImport != null;
        }
    }

    @Override
    public boolean undoLastImport() {
        synchronized (lock) {
            if (beforeImport == null) {
                return false;
            }
            State restore = beforeImport;
            write(restore.packs(), restore.kept());
            kept.clear();
            kept.addAll(restore.kept());
            packs.clear();
            packs.putAll(restore.packs());
            beforeImport = null;
        }
        fire();
        return true;
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private static void requireValid(ResourcePack pack) {
        Objects.requireNonNull(pack, "pack");
        List<String> problems = pack.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }

    /**
     * Writes {@code next} and, only when that worked, makes it the list; an entry kept from the file whose ID is now
     * listed is replaced by it for good. Any change but an import ends the chance to undo the last import. Call with
     * the lock held.
     */
    private void commit(Map<String, ResourcePack> next) {
        List<Kept> stillKept = kept.stream().filter(k -> !next.containsKey(k.entry().path("id").asText(null)))
                .toList();
        write(next, stillKept);
        kept.clear();
        kept.addAll(stillKept);
        packs.clear();
        packs.putAll(next);
        beforeImport = null;
    }

    private void write(Map<String, ResourcePack> next, List<Kept> keptEntries) {
        ObjectNode out = mapper.createObjectNode();
        out.put("version", writeVersion);
        out.put("account", account);
        out.put("region", region);
        ArrayNode list = out.putArray(PACKS);
        for (ResourcePack p : next.values()) {
            ObjectNode entry = mapper.valueToTree(p);
            JsonEntries.carryUnknownFields(entry, readById.get(p.id()));
            list.add(entry);
        }
        keptEntries.forEach(k -> list.insert(Math.min(k.index(), list.size()), k.entry().deepCopy()));
        original.fields().forEachRemaining(f -> {
            if (!KNOWN.contains(f.getKey())) {
                out.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        JsonNode badList = original.get(PACKS);
        if (badList != null && !badList.isNull() && !badList.isArray()) {
            out.withObject(UNREADABLE).set(PACKS, badList.deepCopy());
        }
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(out));
        } catch (IOException e) {
            String sentence = Texts.get("packs.file.writeFailed", file.toString(), JsonEntries.reason(e));
            throw new UncheckedIOException(sentence, new IOException(sentence, e));
        }
    }

    private void fire() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("Pack list listener failed", e);
            }
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
