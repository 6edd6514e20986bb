package io.expanse.files;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Iterator;
import java.util.Map;

/**
 * Helpers for files read entry by entry: a strict mapper (a value of the wrong type is an error, not a guess), the
 * reason an entry could not be read in words for the operator, and the carrying of fields this build does not know
 * from what was read into what is written.
 */
public final class JsonEntries {

    private JsonEntries() {
    }

    private static final ObjectMapper STRICT = buildStrictMapper();

    /**
     * The mapper that refuses numbers for text, text for numbers, numbers for enums, and ignores unknown fields; one
     * shared instance (thread-safe, and its caches stay warm). Do not reconfigure it.
     */
    public static ObjectMapper strictMapper() {
        return STRICT;
    }

    private static ObjectMapper buildStrictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /** Why an entry could not be read: "kind 'azure' is unknown", "x is not a number"… Never a class name. */
    public static String reason(Exception e) {
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null
                    && cause.getMessage().matches("[A-Za-z]+")) {
                return Texts.get("files.entry.missing", join(path(v), cause.getMessage()));
            }
            return Texts.get("files.entry.missingOrNotAllowed", path(v).isEmpty() ? Texts.get("files.entry.aValue") : path(v));
        }
        if (e instanceof InvalidFormatException f) {
            String value = shorten(String.valueOf(f.getValue()));
            boolean isEnum = f.getTargetType() != null && f.getTargetType().isEnum();
            return Texts.get(isEnum ? "files.entry.unknownValue" : "files.entry.valueNotUnderstood", name(f), value);
        }
        if (e instanceof MismatchedInputException m) {
            return Texts.get("files.entry.wrongType", name(m));
        }
        if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            return Texts.get("files.entry.notUnderstood", path(m));
        }
        return Texts.get("files.entry.contentNotUnderstood");
    }

    /** What went wrong with a file operation, in words (the reason the system gave, never a class name). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Texts.get("files.io.permissionDenied");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return Texts.get("files.io.error");
    }

    /**
     * Adds to {@code written} each field of {@code read} that {@code written} does not have: what a newer version (or
     * a hand edit) put there survives a save by this one. Only this level; nested objects are the caller's.
     */
    public static void carryUnknownFields(ObjectNode written, JsonNode read) {
        if (read == null || !read.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = read.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!written.has(f.getKey())) {
                written.set(f.getKey(), f.getValue().deepCopy());
            }
        }
    }

    /** A short, printable rendering of text from a file for a message. */
    public static String shorten(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                out.append(String.format("U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 40 ? out + "…" : out.toString();
    }

    private static String name(JsonMappingException e) {
        String p = path(e);
        return p.isEmpty() ? Texts.get("files.entry.aValue") : p;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(shorten(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
