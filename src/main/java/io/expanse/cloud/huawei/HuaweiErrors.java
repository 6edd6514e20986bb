package io.expanse.cloud.huawei;

import io.expanse.text.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.ErrorBodies;
import java.util.Map;

/**
 * Turns Huawei Cloud error responses into {@link ApiException}s. Understands the three body shapes: EVS
 * {@code {"error":{"code","message"}}} and its Cinder-style variants ({@code badRequest}, {@code itemNotFound}, any
 * single-key object with a message or code), the API gateway's {@code {"error_code","error_msg","request_id"}}, and
 * BSS's {@code {"error_code":"CBC.xxxx","error_msg"}}. Every documented EVS and API-gateway code has an operator
 * sentence in {@link #CODES}.
 */
public final class HuaweiErrors {

    /**
     * What a service code means for an operator: its kind, and the bundle key of its sentence (made in the language
     * in use each time it is asked for).
     */
    public record Meaning(Kind kind, String key) {
        /** The operator sentence, in the language in use. */
        public String sentence() {
            return Texts.get(key);
        }
    }

    /** The parts of an error body; any may be null. */
    public record ParsedError(String code, String message, String requestId) {
    }

    /** Service code → kind and operator sentence (Huawei's EVS and API gateway error code tables, including the volume list's codes). */
    public static final Map<String, Meaning> CODES = Map.ofEntries(
            // Size and state
            entry("EVS.1015", Kind.REJECTED),
            entry("EVS.1014", Kind.REJECTED),
            entry("EVS.1048", Kind.REJECTED),
            entry("EVS.1064", Kind.REJECTED),
            entry("EVS.1065", Kind.REJECTED),
            entry("EVS.1066", Kind.REJECTED),
            entry("EVS.2026", Kind.REJECTED),
            entry("EVS.2068", Kind.REJECTED),
            entry("EVS.2089", Kind.REJECTED),
            entry("EVS.2093", Kind.REJECTED),
            // Request
            entry("EVS.1011", Kind.REJECTED),
            entry("EVS.1002", Kind.REJECTED),
            entry("EVS.5400", Kind.REJECTED),
            entry("EVS.5404", Kind.NOT_FOUND),
            entry("EVS.1023", Kind.REJECTED),
            entry("EVS.2142", Kind.REJECTED),
            entry("EVS.1024", Kind.REJECTED),
            // Quota
            entry("EVS.1042", Kind.QUOTA),
            entry("EVS.5413", Kind.QUOTA),
            // Yearly/monthly and orders
            entry("EVS.1017", Kind.REJECTED),
            entry("EVS.1067", Kind.REJECTED),
            entry("EVS.1068", Kind.REJECTED),
            entry("EVS.2147", Kind.REJECTED),
            entry("EVS.2133", Kind.REJECTED),
            entry("EVS.2085", Kind.REJECTED),
            // Authentication and account
            entry("EVS.5401", Kind.AUTHENTICATION),
            entry("EVS.5403", Kind.PERMISSION),
            entry("EVS.1027", Kind.PERMISSION),
            entry("EVS.2056", Kind.PERMISSION),
            entry("EVS.2144", Kind.PERMISSION),
            entry("EVS.2145", Kind.PERMISSION),
            // Server side
            entry("EVS.2001", Kind.SERVER),
            entry("EVS.2002", Kind.SERVER),
            entry("EVS.5500", Kind.SERVER),
            entry("EVS.5503", Kind.SERVER),
            // API gateway
            entry("APIGW.0301", Kind.AUTHENTICATION),
            entry("APIGW.0302", Kind.PERMISSION),
            entry("APIGW.0305", Kind.AUTHENTICATION),
            entry("APIGW.0306", Kind.PERMISSION),
            entry("APIGW.0307", Kind.AUTHENTICATION),
            entry("APIGW.0308", Kind.THROTTLED),
            entry("APIGW.0310", Kind.PERMISSION),
            entry("APIGW.0101", Kind.NOT_FOUND),
            entry("APIGW.0201", Kind.REJECTED));

    private static final ObjectMapper JSON = new ObjectMapper();

    private HuaweiErrors() {
    }

    private static Map.Entry<String, Meaning> entry(String code, Kind kind) {
        return Map.entry(code, new Meaning(kind, "cloud.huawei.error." + code));
    }

    /** The meaning of a service code, or null when it is not in the table. */
    public static Meaning describe(String code) {
        return code == null ? null : CODES.get(code);
    }

    /** The kind a status maps to when no service code says better. */
    public static Kind kindForStatus(int status) {
        // Cinder's overLimit; the gateway's own 413 (body too large) has a code of its own.
        return status == 413 ? Kind.QUOTA : Kind.forHttpStatus(status);
    }

    /**
     * Parses any of the known error shapes; null when the body is not a JSON object or carries neither a code nor a
     * message.
     */
    public static ParsedError parse(String body) {
        JsonNode root = readJson(body);
        if (root == null || !root.isObject()) {
            return null;
        }
        String requestId = text(root.get("request_id"));
        if (root.has("error_code") || root.has("error_msg")) {
            return new ParsedError(text(root.get("error_code")), text(root.get("error_msg")), requestId);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isTextual()) {
            return new ParsedError(null, error.asText(), requestId);
        }
        if (error != null && error.isObject()) {
            return fromWrapper(error, requestId);
        }
        if (root.size() == 1) {
            JsonNode only = root.elements().next();
            if (only.isObject() && (only.has("message") || only.has("code"))) {
                return fromWrapper(only, requestId);
            }
        }
        return null;
    }

    private static ParsedError fromWrapper(JsonNode wrapper, String requestId) {
        JsonNode code = wrapper.get("code");
        // Cinder-style wrappers repeat the HTTP status as a number; only a textual code is a service code.
        String serviceCode = code != null && code.isTextual() ? code.asText() : null;
        String message = text(wrapper.get("message"));
        if (serviceCode == null && message == null) {
            return null;
        }
        return new ParsedError(serviceCode, message, requestId == null ? text(wrapper.get("request_id")) : requestId);
    }

    /**
     * The exception for a non-2xx response.
     *
     * @param status          HTTP status
     * @param contentType     the response's Content-Type, or null
     * @param requestIdHeader the {@code X-Request-Id} response header, or null
     * @param body            the response body (already stripped of secrets), or null
     */
    public static ApiException fromResponse(int status, String contentType, String requestIdHeader, String body) {
        ParsedError parsed = parse(body);
        if (parsed == null) {
            String sentence = unparsedSentence(status, contentType, body);
            return new ApiException(kindForStatus(status), status, null, null, requestIdHeader, sentence, null, null);
        }
        String requestId = parsed.requestId() != null ? parsed.requestId() : requestIdHeader;
        Meaning meaning = describe(parsed.code());
        Kind kind = meaning != null ? meaning.kind() : kindForStatus(status);
        String sentence = meaning != null ? meaning.sentence() : genericSentence(kind, parsed.message());
        return new ApiException(kind, status, parsed.code(), parsed.message(), requestId, sentence, null, null);
    }

    /** For a body that is not a Huawei error: a web page, plain text or nothing. */
    static String unparsedSentence(int status, String contentType, String body) {
        String statusText = "HTTP " + status + reason(status);
        if (ErrorBodies.looksLikeHtml(contentType, body)) {
            return ErrorBodies.webPageSentence(Texts.get("cloud.huawei.answered", statusText), body);
        }
        if (body == null || body.isBlank()) {
            return Texts.sentences(genericSentence(kindForStatus(status), null),
                    Texts.get("cloud.http.emptyBody", statusText));
        }
        return Texts.sentences(genericSentence(kindForStatus(status), null),
                Texts.get("cloud.http.unexpectedBody", statusText, ErrorBodies.snippet(body)));
    }

    private static String genericSentence(Kind kind, String serverMessage) {
        String base = Texts.get(switch (kind) {
            case AUTHENTICATION -> "cloud.huawei.generic.authentication";
            case PERMISSION -> "cloud.huawei.generic.permission";
            case NOT_FOUND -> "cloud.huawei.generic.notFound";
            case THROTTLED -> "cloud.huawei.generic.throttled";
            case QUOTA -> "cloud.huawei.generic.quota";
            case SERVER -> "cloud.huawei.generic.server";
            default -> "cloud.huawei.generic.rejected";
        });
        return serverMessage == null || serverMessage.isBlank() ? base
                : Texts.sentences(base, Texts.get("cloud.huawei.said", ErrorBodies.snippet(serverMessage)));
    }

    private static String reason(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> null;
        };
        return reason == null ? "" : " (" + reason + ")";
    }

    private static JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.asText();
        return s.isBlank() ? null : s;
    }
}
