package io.expanse.cloud.unicloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * UniCloud's response envelope ({@code Status, Auth, Code, Res, Msg/Message, RequestId}), read with
 * case-insensitive keys: some APIs answer {@code status/res}, some {@code Msg}, some {@code Message}
 * (the shape UniCloud's documents show for both success and error answers).
 *
 * @param status    the {@code Status} flag, or null when absent
 * @param auth      the {@code Auth} flag, or null when absent
 * @param code      {@code Code}, or null
 * @param message   {@code Message} or {@code Msg}, or null
 * @param requestId {@code RequestId}, or null
 * @param res       {@code Res}, or null
 * @param root      the whole object
 */
public record Envelope(Boolean status, Boolean auth, String code, String message, String requestId, JsonNode res,
                       JsonNode root) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Success is {@code Status: true} and {@code Code: "Success"}, nothing less. */
    public boolean success() {
        return Boolean.TRUE.equals(status) && "Success".equals(code);
    }

    /** Parses a body; null when it is not a JSON object. */
    public static Envelope parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        String message = text(field(root, "Message"));
        if (message == null) {
            message = text(field(root, "Msg"));
        }
        return new Envelope(bool(field(root, "Status")), bool(field(root, "Auth")), text(field(root, "Code")),
                message, text(field(root, "RequestId")), field(root, "Res"), root);
    }

    /** The member named {@code name} in any letter case, or null. */
    public static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A scalar as text (numbers exactly as written, so 19-digit ids stay intact), blank as null. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.isNumber() ? node.numberValue().toString() : node.asText();
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static Boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String s = node.asText().strip();
        if ("true".equalsIgnoreCase(s)) {
            return true;
        }
        return "false".equalsIgnoreCase(s) ? false : null;
    }
}
