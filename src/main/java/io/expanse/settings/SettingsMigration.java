package io.expanse.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings an older settings file up to {@link SettingsStore#VERSION}.
 *
 * <p>Format 0 (no {@code version} field) is the single-account layout of early builds:
 * {@code {"accounts":[{"name","region","intl","projectId","ak","sk"}],"selected":"name",
 * "window":{"width","height"}}}. Each account becomes a Huawei profile whose id is derived from its name; a
 * plain-text {@code sk} is taken out of the file and handed back as a recovered secret.
 */
final class SettingsMigration {

    /** Field names under which old files may hold a secret. */
    static final List<String> SECRET_FIELDS = List.of("sk", "secretKey", "secret_key", "securityToken",
            "security_token", "token", "password");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The migrated tree and the secrets taken out of it (secret-store key → secret). */
    record Result(ObjectNode root, Map<String, String> secrets) {
    }

    private SettingsMigration() {
    }

    static Result migrate(ObjectNode old, int version) {
        if (version != 0) {
            throw new IllegalArgumentException("no migration from settings format " + version);
        }
        Map<String, String> secrets = SettingsStore.orderedMap();
        ObjectNode out = MAPPER.createObjectNode();
        out.put("version", SettingsStore.VERSION);
        ArrayNode profiles = out.putArray("profiles");
        String selectedId = null;
        String selected = old.path("selected").asText(null);
        for (JsonNode account : old.path("accounts")) {
            String name = account.path("name").asText("Account");
            String id = UUID.nameUUIDFromBytes(("v0:" + name).getBytes(StandardCharsets.UTF_8)).toString();
            ObjectNode p = profiles.addObject();
            p.put("id", id);
            p.put("label", name);
            p.put("kind", Profile.Kind.HUAWEI.name());
            p.put("source", Profile.Source.SETTINGS.name());
            p.put("region", account.path("region").asText(null));
            p.put("site", account.path("intl").asBoolean(false) ? Profile.Site.INTERNATIONAL.name()
                    : Profile.Site.CHINA.name());
            p.put("projectId", account.path("projectId").asText(null));
            p.put("accessKeyId", account.path("ak").asText(null));
            String token = text(account, "securityToken", "security_token", "token");
            p.put("temporary", token != null);
            String sk = text(account, "sk", "secretKey", "secret_key");
            if (sk != null) {
                secrets.put("profile/" + id + "/secret", sk);
            }
            if (token != null) {
                secrets.put("profile/" + id + "/token", token);
            }
            if (name.equals(selected)) {
                selectedId = id;
            }
        }
        out.put("lastProfileId", selectedId);
        JsonNode window = old.path("window");
        if (window.has("width") && window.has("height")) {
            ObjectNode w = out.putObject("window");
            w.set("x", window.get("x") != null && window.get("x").isNumber() ? window.get("x") : null);
            w.set("y", window.get("y") != null && window.get("y").isNumber() ? window.get("y") : null);
            w.put("width", window.path("width").asDouble());
            w.put("height", window.path("height").asDouble());
            w.put("maximized", window.path("maximized").asBoolean(false));
        }
        out.putObject("tables");
        return new Result(out, Map.copyOf(secrets));
    }

    /** The old file's bytes for the backup, with every secret field blanked. */
    static byte[] scrubbed(ObjectNode old) {
        ObjectNode copy = old.deepCopy();
        scrub(copy);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> fields = new java.util.ArrayList<>();
            names.forEachRemaining(fields::add);
            for (String f : fields) {
                if (SECRET_FIELDS.contains(f) && object.get(f).isTextual()) {
                    object.put(f, "(moved to the secret store)");
                } else {
                    scrub(object.get(f));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(SettingsMigration::scrub);
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }
}
