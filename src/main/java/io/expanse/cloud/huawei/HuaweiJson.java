package io.expanse.cloud.huawei;

import io.expanse.text.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.ErrorBodies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient readers for Huawei Cloud response bodies. Numbers may arrive as strings, booleans as "true"/"false",
 * missing arrays count as empty; a missing required field raises {@link Kind#BAD_RESPONSE} naming what was expected.
 */
final class HuaweiJson {

    /** Amounts keep their exact decimal form ("12.50" stays "12.50"). */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /** What is being read, for messages: "the volume list", "job 123". */
    private final String what;
    private final int status;

    HuaweiJson(String what, int status) {
        this.what = what;
        this.status = status;
    }

    JsonNode parse(String body) throws ApiException {
        if (body == null || body.isBlank()) {
            throw bad(Texts.get("cloud.huawei.json.empty", what, String.valueOf(status)));
        }
        if (ErrorBodies.looksLikeHtml(null, body)) {
            throw bad(Texts.get("cloud.huawei.json.webPage", what, String.valueOf(status)));
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw bad(Texts.get("cloud.huawei.json.notObject", what, String.valueOf(status)));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw bad(Texts.get("cloud.huawei.json.cutOff", what, String.valueOf(status)));
        }
    }

    ApiException bad(String message) {
        return new ApiException(Kind.BAD_RESPONSE, status, null, null, null, message, null, null);
    }

    /** @param expected the key of what was expected: "an object", "a value", "a whole number" */
    private ApiException missing(String field, String expected) {
        return bad(Texts.get("cloud.huawei.json.lacks", what, Texts.get(expected), field));
    }

    JsonNode object(JsonNode parent, String field) throws ApiException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw missing(field, "cloud.huawei.json.anObject");
        }
        return n;
    }

    /** An array; missing or null counts as empty, anything else is an error. */
    List<JsonNode> array(JsonNode parent, String field) throws ApiException {
        JsonNode n = parent.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw bad(Texts.get("cloud.huawei.json.notList", what, field));
        }
        n.forEach(out::add);
        return out;
    }

    /** A list that must be there (it may be empty): its absence is an error naming what was read. */
    List<JsonNode> requiredArray(JsonNode parent, String field) throws ApiException {
        if (!parent.has(field)) {
            throw bad(Texts.get("cloud.huawei.json.lacksList", what, field));
        }
        return array(parent, field);
    }

    String requiredText(JsonNode parent, String field) throws ApiException {
        String s = text(parent, field);
        if (s == null || s.isEmpty()) {
            throw missing(field, "cloud.huawei.json.aValue");
        }
        return s;
    }

    /** Scalar as text; null when missing or JSON null. */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        return n.asText();
    }

    long requiredLong(JsonNode parent, String field) throws ApiException {
        Long v = optionalLong(parent, field);
        if (v == null) {
            throw missing(field, "cloud.huawei.json.aWholeNumber");
        }
        return v;
    }

    /**
     * A size in GB: a whole number of at least 1. Zero or negative is no size a volume can have, so such an answer
     * is refused rather than shown (or used as the base of a resize).
     */
    long positiveSize(JsonNode parent, String field) throws ApiException {
        long size = requiredLong(parent, field);
        if (size < 1) {
            throw bad(Texts.get("cloud.huawei.json.notSize", what, field, String.valueOf(size)));
        }
        return size;
    }

    /** A number or a numeric string; null when missing. */
    Long optionalLong(JsonNode parent, String field) throws ApiException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.decimalValue().longValue();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                throw bad(Texts.get("cloud.huawei.json.notWholeNumber", what, field, ErrorBodies.snippet(n.asText())));
            }
        }
        throw bad(Texts.get("cloud.huawei.json.notNumber", what, field));
    }

    /** A boolean or the strings "true"/"false"; false when missing. */
    boolean flag(JsonNode parent, String field) throws ApiException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String s = n.asText().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw bad(Texts.get("cloud.huawei.json.notBoolean", what, field, ErrorBodies.snippet(s)));
        };
    }

    Volume volume(JsonNode v) throws ApiException {
        List<Volume.Attachment> attachments = new ArrayList<>();
        for (JsonNode a : array(v, "attachments")) {
            attachments.add(new Volume.Attachment(text(a, "server_id"), text(a, "attachment_id"), text(a, "device"),
                    text(a, "host_name"), text(a, "attached_at")));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode md = v.get("metadata");
        if (md != null && md.isObject()) {
            md.properties().forEach(e -> {
                JsonNode val = e.getValue();
                if (!val.isNull()) {
                    metadata.put(e.getKey(), val.isContainerNode() ? val.toString() : val.asText());
                }
            });
        }
        String name = text(v, "name");
        return new Volume(requiredText(v, "id"), name == null ? "" : name, requiredText(v, "status"),
                positiveSize(v, "size"), text(v, "volume_type"), text(v, "availability_zone"), flag(v, "bootable"),
                flag(v, "multiattach"), attachments, metadata, text(v, "enterprise_project_id"),
                text(v, "created_at"), text(v, "updated_at"));
    }

    Job job(JsonNode root, String requestedId) throws ApiException {
        JsonNode entities = root.get("entities");
        String volumeId = entities != null && entities.isObject() ? text(entities, "volume_id") : null;
        String jobId = text(root, "job_id");
        return new Job(jobId == null ? requestedId : jobId, requiredText(root, "status"), text(root, "job_type"),
                volumeId, text(root, "fail_reason"), text(root, "error_code"), text(root, "begin_time"),
                text(root, "end_time"));
    }

    ResizeAccepted resizeAccepted(JsonNode root) throws ApiException {
        String jobId = emptyToNull(text(root, "job_id"));
        String orderId = emptyToNull(text(root, "order_id"));
        if ((jobId == null) == (orderId == null)) {
            throw bad(Texts.get("cloud.huawei.json.jobOrOrder", what));
        }
        return new ResizeAccepted(jobId, orderId);
    }

    List<ServerInfo.AttachedVolume> attachedVolumes(JsonNode server) throws ApiException {
        List<ServerInfo.AttachedVolume> out = new ArrayList<>();
        for (JsonNode a : array(server, "os-extended-volumes:volumes_attached")) {
            out.add(new ServerInfo.AttachedVolume(requiredText(a, "id"), text(a, "device"), text(a, "bootIndex")));
        }
        return out;
    }

    /**
     * A server of the ECS v1 detail or list: status as v1 reports it, the root device, the attachments with their
     * string {@code bootIndex}, and {@code metadata.os_type}.
     */
    ServerInfo ecsServer(JsonNode server) throws ApiException {
        return ecsServer(server, requiredText(server, "id"));
    }

    /** {@link #ecsServer(JsonNode)} of a server read by its id (a single detail need not repeat it). */
    ServerInfo ecsServer(JsonNode server, String id) throws ApiException {
        JsonNode md = server.get("metadata");
        String osType = md != null && md.isObject() ? text(md, "os_type") : null;
        String imageName = md != null && md.isObject() ? text(md, "image_name") : null;
        return new ServerInfo(id, text(server, "name"), trimmed(text(server, "status")),
                text(server, "OS-EXT-SRV-ATTR:root_device_name"), attachedVolumes(server), osType, imageName);
    }

    /** A status as sent, trimmed (the SDK's own enum even holds {@code " BUILD"}); null when missing or blank. */
    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    Order order(JsonNode info, String requestedId) throws ApiException {
        String orderId = text(info, "order_id");
        Long type = optionalLong(info, "order_type");
        String amount = text(info, "amount_after_discount");
        return new Order(orderId == null ? requestedId : orderId, (int) requiredLong(info, "status"),
                type == null ? 0 : type.intValue(), amount == null ? text(info, "official_amount") : amount,
                text(info, "currency"), text(info, "create_time"), text(info, "payment_time"));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
