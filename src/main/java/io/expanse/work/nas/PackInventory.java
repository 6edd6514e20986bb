package io.expanse.work.nas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.expanse.domain.resize.NewSizeParser;
import io.expanse.files.AtomicFiles;
import io.expanse.domain.resize.ParsedSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's list of NAS resource packs for one account and region, kept in one JSON file
 * ({@code {"version":1,"account":…,"region":…,"packs":[…]}}). Changes are written like the activity journal: to a
 * temporary file in the same directory, forced to disk, then moved over the file atomically; a failed write leaves
 * both the file and the list unchanged. A file that cannot be parsed is moved aside ({@code .corrupt}) and the list
 * starts empty ({@link #loadProblem()}). Thread-safe; writes happen on the caller's thread (keep it off the FX
 * thread for imports).
 */
public final class PackInventory implements EditablePackSource {

    public static final int FORMAT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(PackInventory.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InventoryFile(int version, String account, String region, List<ResourcePack> packs) {
    }

    private final Path file;
    private final String account;
    private final String region;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Object lock = new Object();
    private final Map<String, ResourcePack> packs = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final boolean existed;
    private final String loadProblem;

    /** Opens the inventory of {@code account} in {@code region} under {@code dir} (one file per pair). */
    public static PackInventory open(Path dir, String account, String region) {
        return new PackInventory(dir.resolve("nas-packs-" + safe(account) + "@" + safe(region) + ".json"),
                account, region);
    }

    public PackInventory(Path file, String account, String region) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.account = Objects.requireNonNull(account, "account");
        this.region = Objects.requireNonNull(region, "region");
        this.existed = Files.exists(this.file);
        String problem = null;
        if (existed) {
            try {
                InventoryFile f = mapper.readValue(this.file.toFile(), InventoryFile.class);
                if (f.packs() != null) {
                    f.packs().stream().filter(p -> p != null && p.problems().isEmpty())
                            .forEach(p -> packs.put(p.id(), p));
                }
            } catch (IOException e) {
                Path aside = this.file.resolveSibling(this.file.getFileName() + ".corrupt-" + System.currentTimeMillis());
                problem = "The resource pack list " + this.file + " could not be read and was moved to " + aside
                        + "; the list starts empty.";
                LOG.warn(problem, e);
                try {
                    Files.move(this.file, aside);
                } catch (IOException moveFailed) {
                    LOG.warn("Could not move {} aside", this.file, moveFailed);
                }
            }
        }
        this.loadProblem = problem;
    }

    public Path file() {
        return file;
    }

    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
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
    public ImportReport importCsv(String csv) {
        List<String> errors = new ArrayList<>();
        Map<String, ResourcePack> parsed = new LinkedHashMap<>();
        String[] lines = csv == null ? new String[0] : csv.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 ? lines[i].replace("\uFEFF", "") : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = Csv.split(line);
            } catch (IllegalArgumentException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
                continue;
            }
            if (i == 0 && !cells.isEmpty() && cells.get(0).strip().toLowerCase(java.util.Locale.ROOT).matches("id|pack.?id")) {
                continue; // header
            }
            String error = parseLine(cells, parsed);
            if (error != null) {
                errors.add("line " + (i + 1) + ": " + error);
            }
        }
        int added = 0;
        int updated = 0;
        if (!parsed.isEmpty()) {
            synchronized (lock) {
                Map<String, ResourcePack> next = new LinkedHashMap<>(packs);
                for (ResourcePack p : parsed.values()) {
                    if (next.put(p.id(), p) == null) {
                        added++;
                    } else {
                        updated++;
                    }
                }
                commit(next);
            }
            fire();
        }
        return new ImportReport(added, updated, errors);
    }

    private static String parseLine(List<String> cells, Map<String, ResourcePack> parsed) {
        if (cells.size() < 2 || cells.size() > 5) {
            return "expected id,capacity_gb,expiry,label[,pay_type], found " + cells.size() + " field(s).";
        }
        String id = cells.get(0).strip();
        ParsedSize size = NewSizeParser.parse(cells.get(1));
        if (!size.ok()) {
            return id + ": capacity \"" + cells.get(1).strip() + "\" refused: " + size.error();
        }
        ResourcePack p = new ResourcePack(id, cells.size() > 3 ? cells.get(3) : "", size.gb(),
                cells.size() > 2 ? cells.get(2) : null, cells.size() > 4 ? cells.get(4) : null);
        List<String> problems = p.problems();
        if (!problems.isEmpty()) {
            return String.join(" ", problems);
        }
        if (parsed.containsKey(id)) {
            return id + " appears twice in the file; the later line is ignored.";
        }
        parsed.put(id, p);
        return null;
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

    /** Writes {@code next} and, only when that worked, makes it the list. Call with the lock held. */
    private void commit(Map<String, ResourcePack> next) {
        try {
            write(new InventoryFile(FORMAT_VERSION, account, region, new ArrayList<>(next.values())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the resource pack list " + file, e);
        }
        packs.clear();
        packs.putAll(next);
    }

    private void write(InventoryFile content) throws IOException {
        AtomicFiles.write(file, mapper.writeValueAsBytes(content));
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
