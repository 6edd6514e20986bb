package io.expanse.settings;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.files.JsonEntries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a settings tree entry by entry: each profile, each table layout, the window geometry and each remembered
 * choice on its own. An entry this build cannot read is skipped, named in a sentence for the start-up notices, and
 * kept verbatim ({@link Kept}) so that every later save writes it back: a bad profile stays in the profile list, a
 * bad table layout under its table, a list or map of the wrong shape under {@value #UNREADABLE}. Fields this build
 * does not know (from a newer version) are carried over the same way.
 */
final class SettingsReader {

    /** Where containers of the wrong shape are kept, verbatim. */
    static final String UNREADABLE = "_unreadable";
    static final Set<String> KNOWN = Set.of("version", "profiles", "lastProfileId", "window", "tables",
            "lastUniCloudProfileId", "language", "theme", "usageThreshold", "keyringNoticeDismissed", UNREADABLE);

    private final ObjectMapper mapper;

    SettingsReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What was read, what was kept aside for the next save, and one sentence per entry that was skipped. */
    record Outcome(Settings settings, Kept kept, List<String> problems) {
    }

    /** The parts of the file carried into every save. */
    static final class Kept {
        private final JsonNode original;
        /** Unreadable profiles by their place in the list, so that they keep it (and their number in notices). */
        private final Map<Integer, JsonNode> badProfiles = new LinkedHashMap<>();
        private final Map<String, JsonNode> badTables = new LinkedHashMap<>();
        private final Map<String, JsonNode> badFields = new LinkedHashMap<>();
        private final Map<String, JsonNode> profilesById = new LinkedHashMap<>();
        private final ObjectNode unreadable;
        private int version = SettingsStore.VERSION;

        Kept(JsonNode original, ObjectNode unreadable) {
            this.original = original;
            this.unreadable = unreadable;
        }

        static Kept none(ObjectMapper mapper) {
            return new Kept(mapper.createObjectNode(), mapper.createObjectNode());
        }

        /** The format version to write: this build's, or a newer file's so that it is not taken for an older one. */
        void keepVersion(int newer) {
            version = Math.max(SettingsStore.VERSION, newer);
        }

        int version() {
            return version;
        }

        /** Whether any entry is kept only because it could not be read. */
        boolean holdsUnreadable() {
            return !badProfiles.isEmpty() || !badTables.isEmpty() || !badFields.isEmpty() || !unreadable.isEmpty();
        }

        /** Puts the kept parts into the tree about to be written. */
        ObjectNode merge(ObjectNode written) {
            written.put("version", version);
            original.fields().forEachRemaining(f -> {
                if (!KNOWN.contains(f.getKey()) && !written.has(f.getKey())) {
                    written.set(f.getKey(), f.getValue().deepCopy());
                }
            });
            badFields.forEach((name, raw) -> {
                if (written.path(name).isNull() || written.path(name).isMissingNode()) {
                    written.set(name, raw.deepCopy());
                }
            });
            if (written.get("window") instanceof ObjectNode w) {
                JsonEntries.carryUnknownFields(w, original.get("window"));
            }
            ArrayNode profiles = written.withArray("profiles");
            Set<String> ids = new HashSet<>();
            for (JsonNode p : profiles) {
                String id = p.path("id").asText();
                ids.add(id);
                JsonEntries.carryUnknownFields((ObjectNode) p, profilesById.get(id));
            }
            badProfiles.forEach((index, bad) -> {
                JsonNode id = bad.get("id");
                if (id == null || !id.isTextual() || !ids.contains(id.asText())) {
                    profiles.insert(Math.min(index, profiles.size()), bad.deepCopy());
                }
            });
            ObjectNode tables = written.withObject("tables");
            tables.fields().forEachRemaining(t -> {
                if (t.getValue() instanceof ObjectNode table) {
                    JsonEntries.carryUnknownFields(table, original.path("tables").get(t.getKey()));
                }
            });
            badTables.forEach((key, raw) -> {
                if (!tables.has(key)) {
                    tables.set(key, raw.deepCopy());
                }
            });
            if (!unreadable.isEmpty()) {
                written.set(UNREADABLE, unreadable.deepCopy());
            }
            return written;
        }
    }

    Outcome read(ObjectNode root) {
        List<String> problems = new ArrayList<>();
        ObjectNode unreadable = root.get(UNREADABLE) instanceof ObjectNode u ? u.deepCopy() : mapper.createObjectNode();
        if (!unreadable.isEmpty()) {
            List<String> names = new ArrayList<>();
            unreadable.fieldNames().forEachRemaining(names::add);
            problems.add(Texts.get("settings.notice.stillKept", SettingsStore.FILE_NAME, String.join(", ", names),
                    UNREADABLE));
        }
        Kept kept = new Kept(root, unreadable);
        List<Profile> profiles = new ArrayList<>();
        JsonNode list = root.get("profiles");
        if (list != null && !list.isNull() && !list.isArray()) {
            setAside(kept, "profiles", list);
            problems.add(Texts.get("settings.notice.profilesNotList", SettingsStore.FILE_NAME, UNREADABLE));
        } else if (list != null) {
            int index = 0;
            for (JsonNode p : list) {
                index++;
                try {
                    Profile profile = entry(p, Profile.class);
                    profiles.add(profile);
                    kept.profilesById.putIfAbsent(profile.id(), p);
                } catch (IOException | IllegalArgumentException e) {
                    kept.badProfiles.put(index - 1, p);
                    problems.add(Texts.get("settings.notice.profile", profileName(p, index), why(e),
                            SettingsStore.FILE_NAME));
                }
            }
        }
        Map<String, Settings.TableState> tables = new LinkedHashMap<>();
        JsonNode tableMap = root.get("tables");
        if (tableMap != null && !tableMap.isNull() && !tableMap.isObject()) {
            setAside(kept, "tables", tableMap);
            problems.add(Texts.get("settings.notice.tablesNotMap", SettingsStore.FILE_NAME, UNREADABLE));
        } else if (tableMap != null) {
            tableMap.fields().forEachRemaining(t -> {
                try {
                    tables.put(t.getKey(), entry(t.getValue(), Settings.TableState.class));
                } catch (IOException | IllegalArgumentException e) {
                    kept.badTables.put(t.getKey(), t.getValue());
                    problems.add(Texts.get("settings.notice.table", JsonEntries.shorten(t.getKey()), why(e),
                            SettingsStore.FILE_NAME));
                }
            });
        }
        Settings.WindowState window = null;
        JsonNode w = root.get("window");
        if (w != null && !w.isNull()) {
            try {
                window = entry(w, Settings.WindowState.class);
            } catch (IOException | IllegalArgumentException e) {
                kept.badFields.put("window", w);
                problems.add(Texts.get("settings.notice.window", why(e), SettingsStore.FILE_NAME));
            }
        }
        String last = text(root, "lastProfileId", "settings.notice.field.lastProfile", kept, problems);
        String lastNas = text(root, "lastUniCloudProfileId", "settings.notice.field.lastUniCloud", kept, problems);
        String language = text(root, "language", "settings.notice.field.language", kept, problems);
        String theme = text(root, "theme", "settings.notice.field.theme", kept, problems);
        Double usageThreshold = percent(root, "usageThreshold", kept, problems);
        JsonNode dismissed = root.get("keyringNoticeDismissed");
        Settings settings = new Settings(SettingsStore.VERSION, profiles, last, window, tables, lastNas, language,
                theme, usageThreshold, dismissed != null && dismissed.isBoolean() && dismissed.asBoolean());
        return new Outcome(settings, kept, problems);
    }

    private static void setAside(Kept kept, String name, JsonNode raw) {
        if (!kept.unreadable.has(name)) {
            kept.unreadable.set(name, raw.deepCopy());
        }
    }

    private <T> T entry(JsonNode node, Class<T> type) throws IOException {
        if (!node.isObject()) {
            throw new IllegalArgumentException(Texts.get("settings.notice.notAGroup"));
        }
        T value = mapper.treeToValue(node, type);
        if (value == null) {
            throw new IllegalArgumentException(Texts.get("files.json.empty"));
        }
        return value;
    }

    private static String text(JsonNode root, String field, String what, Kept kept, List<String> problems) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        kept.badFields.put(field, v);
        problems.add(Texts.get("settings.notice.notText", Texts.get(what), SettingsStore.FILE_NAME));
        return null;
    }

    /** A percentage within (0, 100], or null; anything else is kept as it is and named. */
    private static Double percent(JsonNode root, String field, Kept kept, List<String> problems) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber() && v.asDouble() > 0 && v.asDouble() <= 100) {
            return v.asDouble();
        }
        kept.badFields.put(field, v);
        problems.add(Texts.get("settings.notice.notPercent", SettingsStore.FILE_NAME));
        return null;
    }

    private static String why(Exception e) {
        return e instanceof IllegalArgumentException ? e.getMessage() : JsonEntries.reason(e);
    }

    /** How a profile is named in a notice: its label, else its id, else its place in the list. */
    static String profileName(JsonNode p, int index) {
        for (String field : List.of("label", "id")) {
            JsonNode v = p.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return Texts.get("settings.notice.profileNamed", JsonEntries.shorten(v.asText().strip()));
            }
        }
        return Texts.get("settings.notice.profileNumber", index);
    }
}
