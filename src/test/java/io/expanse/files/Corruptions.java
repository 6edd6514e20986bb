package io.expanse.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded damage to one JSON entry, as a hostile user or a broken editor would do it; for the corruption tests. */
public final class Corruptions {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] WORDS = {"azure", "year_month", "AZURE", "", " ", "\u202Eevil", "null", "-1",
            "1e309", "9999999999999999999999", "\u0000", "true", "{", "2026-02-30", "+12345-01-01"};

    private Corruptions() {
    }

    /** The kinds of damage done to one entry. */
    public enum Kind { TYPE, DELETE, GARBAGE, NULL, UNKNOWN_WORD, NOT_AN_OBJECT }

    /** Damages {@code entry} (in place, or returns a replacement for the whole entry); says what was done. */
    public static JsonNode damage(Random random, JsonNode entry, Kind kind, StringBuilder what) {
        if (kind == Kind.NOT_AN_OBJECT || !(entry instanceof ObjectNode object) || object.isEmpty()) {
            JsonNode replacement = garbage(random);
            what.append("entry replaced by ").append(replacement);
            return replacement;
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode old = object.get(field);
        if (old instanceof ObjectNode inner && !inner.isEmpty() && random.nextBoolean()) {
            what.append(field).append('.');
            damage(random, inner, kind == Kind.NOT_AN_OBJECT ? Kind.TYPE : kind, what);
            return entry;
        }
        if (old instanceof ArrayNode array && !array.isEmpty() && random.nextBoolean()) {
            int i = random.nextInt(array.size());
            what.append(field).append('[').append(i).append("]: ");
            array.set(i, garbage(random));
            return entry;
        }
        switch (kind) {
            case TYPE -> object.set(field, otherType(random, old));
            case DELETE -> object.remove(field);
            case GARBAGE -> object.set(field, garbage(random));
            case NULL -> object.putNull(field);
            default -> object.put(field, WORDS[random.nextInt(WORDS.length)]);
        }
        what.append(kind).append(' ').append(field).append(": ").append(old).append(" -> ").append(object.get(field));
        return entry;
    }

    static JsonNode otherType(Random random, JsonNode old) {
        if (old == null || old.isTextual()) {
            return random.nextBoolean() ? F.numberNode(random.nextInt(1000)) : F.booleanNode(true);
        }
        if (old.isNumber()) {
            return random.nextBoolean() ? F.textNode(old.asText()) : F.arrayNode().add(old);
        }
        if (old.isBoolean()) {
            return random.nextBoolean() ? F.textNode(old.asText()) : F.numberNode(1);
        }
        if (old.isContainerNode()) {
            return random.nextBoolean() ? F.textNode(old.toString()) : F.numberNode(7);
        }
        return F.textNode("x");
    }

    static JsonNode garbage(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> F.textNode(WORDS[random.nextInt(WORDS.length)]);
            case 1 -> F.numberNode(random.nextLong());
            case 2 -> F.arrayNode().add("garbage").add(random.nextInt());
            case 3 -> F.objectNode().put("garbage", random.nextInt());
            case 4 -> F.numberNode(random.nextDouble() * 1e6);
            default -> F.booleanNode(random.nextBoolean());
        };
    }

    /**
     * A new folder for many small files, on {@code /dev/shm} (memory) where it exists, else in the system's temporary
     * folder; removed when the JVM exits.
     */
    public static java.nio.file.Path scratchDir() {
        try {
            java.nio.file.Path shm = java.nio.file.Path.of("/dev/shm");
            java.nio.file.Path dir = java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm)
                    ? java.nio.file.Files.createTempDirectory(shm, "expanse-corruption")
                    : java.nio.file.Files.createTempDirectory("expanse-corruption");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(java.nio.file.Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // best effort
        }
    }

    /** The text cut at a random point. */
    public static byte[] truncate(Random random, byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
}
