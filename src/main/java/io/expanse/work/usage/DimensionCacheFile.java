package io.expanse.work.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.cloud.huawei.DimensionStore;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimension;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import io.expanse.cloud.huawei.DiskUsageApi.AgentState;
import io.expanse.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent dimensions of one account's servers, kept in one small JSON file in the data folder
 * ({@code ces-dimensions-<account>-<project>.json}), replaced whole and atomically on each save
 * ({@link AtomicFiles}). A JSON file rather than a table in the activity journal: it is a cache (losing it costs
 * only the calls to read it again), it is read and written whole, a few hundred bytes a server, and it needs no
 * schema change of the journal. What cannot be read back, the whole file or one entry of it, is left out (and so
 * asked again), never an error.
 */
public final class DimensionCacheFile implements DimensionStore {

    private static final Logger LOG = LoggerFactory.getLogger(DimensionCacheFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int VERSION = 1;

    private final Path file;

    public DimensionCacheFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        AtomicFiles.removeStaleTemps(file.toAbsolutePath().getParent(), file.getFileName().toString());
    }

    /** The file of one account and project in {@code dataDir}. */
    public static DimensionCacheFile of(Path dataDir, String account, String projectId) {
        return new DimensionCacheFile(dataDir.resolve("ces-dimensions-" + safe(account) + "-" + safe(projectId)
                + ".json"));
    }

    private static String safe(String s) {
        return s == null ? "none" : s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public Path file() {
        return file;
    }

    @Override
    public Map<String, Entry> load() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The kept Cloud Eye dimensions in {} cannot be read; they will be asked again", file, e);
            return Map.of();
        }
        if (root == null || root.path("version").asInt() != VERSION || !root.path("servers").isObject()) {
            LOG.warn("The kept Cloud Eye dimensions in {} are not of version {}; they will be asked again", file,
                    VERSION);
            return Map.of();
        }
        Map<String, Entry> out = new HashMap<>();
        root.path("servers").fields().forEachRemaining(f -> {
            Entry e = entry(f.getKey(), f.getValue());
            if (e != null) {
                out.put(f.getKey(), e);
            } else {
                LOG.debug("Left out an unreadable kept dimension entry of server {}", f.getKey());
            }
        });
        return out;
    }

    /** One entry, or null when anything in it is missing or malformed. */
    private static Entry entry(String serverId, JsonNode n) {
        try {
            AgentState state = AgentState.valueOf(n.path("state").asText());
            Instant readAt = Instant.parse(n.path("readAt").asText());
            List<AgentDimension> mounts = dimensions(n.path("mountPoints"), "mount_point");
            List<AgentDimension> disks = dimensions(n.path("disks"), "disk");
            if (serverId.isBlank() || state == AgentState.UNREAD || mounts == null || disks == null
                    || state == AgentState.AGENT && mounts.isEmpty()) {
                return null;
            }
            JsonNode reason = n.get("reason");
            JsonNode attachments = n.get("attachments");
            return new Entry(new AgentDimensions(serverId, state, mounts, disks,
                    reason != null && reason.isTextual() ? reason.asText() : null), readAt,
                    attachments != null && attachments.isTextual() ? attachments.asText() : null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<AgentDimension> dimensions(JsonNode array, String name) {
        if (!array.isArray()) {
            return null;
        }
        List<AgentDimension> out = new ArrayList<>();
        for (JsonNode d : array) {
            JsonNode value = d.get("value");
            JsonNode origin = d.get("origin");
            if (value == null || !value.isTextual() || value.asText().isEmpty()
                    || origin != null && !origin.isTextual() && !origin.isNull()) {
                return null;
            }
            out.add(new AgentDimension(name, value.asText(), origin == null || origin.isNull() ? null
                    : origin.asText()));
        }
        return out;
    }

    @Override
    public void save(Map<String, Entry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode servers = root.putObject("servers");
        new TreeMap<>(entries).forEach((id, e) -> {
            if (e.dimensions().state() == AgentState.UNREAD) {
                return;
            }
            ObjectNode n = servers.putObject(id);
            n.put("state", e.dimensions().state().name());
            n.put("readAt", e.readAt().toString());
            if (e.attachments() != null) {
                n.put("attachments", e.attachments());
            }
            if (e.dimensions().reason() != null) {
                n.put("reason", e.dimensions().reason());
            }
            write(n.putArray("mountPoints"), e.dimensions().mountPoints());
            write(n.putArray("disks"), e.dimensions().disks());
        });
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            LOG.warn("Could not keep the Cloud Eye dimensions in {}; they will be asked again next time", file, e);
        }
    }

    private static void write(ArrayNode out, List<AgentDimension> dims) {
        dims.forEach(d -> out.addObject().put("value", d.value()).put("origin", d.originValue()));
    }
}
