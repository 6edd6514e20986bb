package io.expanse.files;

import io.expanse.text.Texts;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Reads as much of a JSON document as is well formed. A file cut short by a full disk, or damaged in the middle,
 * gives back everything complete before the damage: the top-level object with its finished fields and, inside the
 * top-level collections named by the caller (a list of profiles, of packs), every finished entry. An entry that was
 * being read when the damage came is left out whole, never half-read.
 */
public final class LenientJson {

    /**
     * What was read.
     *
     * @param root   the document, or what could be read of it; null when nothing could
     * @param damage where the well-formed part ends, in words ("it ends before it is complete"); null when whole
     */
    public record Result(JsonNode root, String damage) {
        public boolean complete() {
            return damage == null;
        }
    }

    private record Open(ContainerNode<?> node, String field, int depth) {
    }

    private LenientJson() {
    }

    /**
     * Reads {@code bytes}.
     *
     * @param collections names of the top-level fields whose finished entries are kept when the damage falls
     *                    inside them
     */
    public static Result read(ObjectMapper mapper, byte[] bytes, Set<String> collections) {
        Deque<Open> stack = new ArrayDeque<>();
        JsonNode root = null;
        try (JsonParser p = mapper.createParser(bytes)) {
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    if (stack.isEmpty()) {
                        break;
                    }
                    continue;
                }
                JsonNode value;
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    value = t == JsonToken.START_OBJECT ? mapper.createObjectNode() : mapper.createArrayNode();
                } else {
                    value = p.readValueAsTree();
                }
                if (stack.isEmpty()) {
                    root = value;
                } else if (stack.peek().node() instanceof ObjectNode o) {
                    o.set(field, value);
                } else {
                    ((ArrayNode) stack.peek().node()).add(value);
                }
                if (value instanceof ContainerNode<?> c) {
                    stack.push(new Open(c, stack.isEmpty() ? null : stack.peek().node() instanceof ObjectNode
                            ? field : null, stack.size()));
                } else if (stack.isEmpty()) {
                    break;
                }
            }
            if (root != null && stack.isEmpty()) {
                return new Result(root, null);
            }
            if (root == null) {
                return new Result(null, Texts.get("files.json.empty"));
            }
            dropOpen(stack, collections);
            return new Result(root, Texts.get("files.json.incomplete"));
        } catch (IOException e) {
            dropOpen(stack, collections);
            return new Result(root, describe(e));
        }
    }

    /** Takes every unfinished container out of its parent, but for the root and the named top-level collections. */
    private static void dropOpen(Deque<Open> stack, Set<String> collections) {
        Open child = null;
        for (Open open : stack) { // innermost first
            if (child != null && !keep(child, collections)) {
                if (open.node() instanceof ObjectNode o) {
                    o.remove(child.field());
                } else {
                    ArrayNode a = (ArrayNode) open.node();
                    a.remove(a.size() - 1);
                }
            }
            child = open;
        }
    }

    private static boolean keep(Open open, Set<String> collections) {
        return open.depth() == 0 || open.depth() == 1 && open.field() != null && collections.contains(open.field());
    }

    private static String describe(IOException e) {
        if (e instanceof JsonEOFException) {
            return Texts.get("files.json.incomplete");
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null
                && j.getLocation() != JsonLocation.NA && j.getLocation().getLineNr() > 0) {
            return Texts.get("files.json.damagedAt", j.getLocation().getLineNr(), j.getLocation().getColumnNr());
        }
        return Texts.get("files.json.invalid");
    }
}
