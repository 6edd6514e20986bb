package io.expanse.cloud.huawei;

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

    /** What a service code means for an operator. */
    public record Meaning(Kind kind, String sentence) {
    }

    /** The parts of an error body; any may be null. */
    public record ParsedError(String code, String message, String requestId) {
    }

    /** Service code → kind and operator sentence (Huawei's EVS and API gateway error code tables, including the volume list's codes). */
    public static final Map<String, Meaning> CODES = Map.ofEntries(
            // Size and state
            entry("EVS.1015", Kind.REJECTED, "The new size must be larger than the current size."),
            entry("EVS.1014", Kind.REJECTED, "This volume cannot be expanded."),
            entry("EVS.1048", Kind.REJECTED, "The volume can only be expanded while it is available or in-use."),
            entry("EVS.1064", Kind.REJECTED, "The volume can only be expanded while it is available or in-use."),
            entry("EVS.1065", Kind.REJECTED,
                    "A shared (multi-attach) volume can only be expanded while it is available, i.e. detached."),
            entry("EVS.1066", Kind.REJECTED, "The server's state does not allow online expansion "
                    + "(it must be ACTIVE, PAUSED, SUSPENDED or SHUTOFF)."),
            entry("EVS.2026", Kind.REJECTED,
                    "The volume is in the error_extending state after a failed expansion; contact Huawei Cloud support."),
            entry("EVS.2068", Kind.REJECTED, "The volume is locked; wait for the other operation to finish."),
            entry("EVS.2089", Kind.REJECTED,
                    "The volume is used by Storage Disaster Recovery Service (SDRS) and cannot be expanded here."),
            entry("EVS.2093", Kind.REJECTED, "This is not an EVS volume, so it cannot be expanded with this API."),
            // Request
            entry("EVS.1011", Kind.REJECTED, "The expansion request was empty (no os-extend part)."),
            entry("EVS.1002", Kind.REJECTED, "The volume ID is not valid."),
            entry("EVS.5400", Kind.REJECTED, "Huawei Cloud found the request malformed (body, URL, limit or offset)."),
            entry("EVS.5404", Kind.NOT_FOUND, "The volume was not found; it may have been deleted."),
            entry("EVS.1023", Kind.REJECTED, "The page size of the volume list is too large (at most 1000)."),
            entry("EVS.2142", Kind.REJECTED, "The page size of the volume list is too large (at most 1000)."),
            entry("EVS.1024", Kind.REJECTED, "The paging marker of the volume list is not a valid volume ID."),
            // Quota
            entry("EVS.1042", Kind.QUOTA, "The expansion would exceed the account's disk capacity quota."),
            entry("EVS.5413", Kind.QUOTA, "The account's quota is insufficient for this operation."),
            // Yearly/monthly and orders
            entry("EVS.1017", Kind.REJECTED,
                    "The yearly/monthly volume has no order ID, so it cannot be expanded; contact Huawei Cloud support."),
            entry("EVS.1067", Kind.REJECTED, "Pricing the expansion of the yearly/monthly volume failed."),
            entry("EVS.1068", Kind.REJECTED, "Expanding the yearly/monthly volume failed."),
            entry("EVS.2147", Kind.REJECTED, "The payment parameters (bssParam) were rejected."),
            entry("EVS.2133", Kind.REJECTED, "The volume has order information that the billing center does not "
                    + "know; contact Huawei Cloud support."),
            entry("EVS.2085", Kind.REJECTED, "The billing change for the expansion is missing a resource ID."),
            // Authentication and account
            entry("EVS.5401", Kind.AUTHENTICATION, "Authentication failed: the credentials were missing or not accepted."),
            entry("EVS.5403", Kind.PERMISSION, "Your IAM user is not allowed to do this (a policy or role denies it)."),
            entry("EVS.1027", Kind.PERMISSION, "The request was denied: a missing permission, an account in arrears, "
                    + "or a missing real-name verification."),
            entry("EVS.2056", Kind.PERMISSION, "The request was denied by a policy or role."),
            entry("EVS.2144", Kind.PERMISSION, "The Huawei Cloud account is frozen."),
            entry("EVS.2145", Kind.PERMISSION, "The Huawei Cloud account is suspended."),
            // Server side
            entry("EVS.2001", Kind.SERVER, "Huawei Cloud could not submit the expansion job; try again later."),
            entry("EVS.2002", Kind.SERVER, "EVS had an internal error; try again later."),
            entry("EVS.5500", Kind.SERVER, "EVS had an internal error; try again later."),
            entry("EVS.5503", Kind.SERVER, "EVS is temporarily unavailable; try again later."),
            // API gateway
            entry("APIGW.0301", Kind.AUTHENTICATION,
                    "The access key or secret key is wrong, or the request signature was rejected."),
            entry("APIGW.0302", Kind.PERMISSION, "The IAM user is not authorized to call this API."),
            entry("APIGW.0305", Kind.AUTHENTICATION, "The authentication information was not accepted."),
            entry("APIGW.0306", Kind.PERMISSION, "Access to this API was denied."),
            entry("APIGW.0307", Kind.AUTHENTICATION, "The token has expired and must be renewed."),
            entry("APIGW.0308", Kind.THROTTLED,
                    "Huawei Cloud is throttling requests (too many in a short time); wait a few seconds and try again."),
            entry("APIGW.0310", Kind.PERMISSION, "The project is not available to this account."),
            entry("APIGW.0101", Kind.NOT_FOUND, "This API was not found at the endpoint; check the region and endpoint."),
            entry("APIGW.0201", Kind.REJECTED, "The request body is larger than the 12 MB the gateway accepts."));

    private static final ObjectMapper JSON = new ObjectMapper();

    private HuaweiErrors() {
    }

    private static Map.Entry<String, Meaning> entry(String code, Kind kind, String sentence) {
        return Map.entry(code, new Meaning(kind, sentence));
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
            return ErrorBodies.webPageSentence("Huawei Cloud answered " + statusText, body);
        }
        if (body == null || body.isBlank()) {
            return genericSentence(kindForStatus(status), null) + " (" + statusText + " with an empty body.)";
        }
        return genericSentence(kindForStatus(status), null) + " (" + statusText + ", unexpected body: \""
                + ErrorBodies.snippet(body) + "\".)";
    }

    private static String genericSentence(Kind kind, String serverMessage) {
        String base = switch (kind) {
            case AUTHENTICATION -> "Huawei Cloud did not accept the credentials.";
            case PERMISSION -> "Huawei Cloud denied the request.";
            case NOT_FOUND -> "Huawei Cloud did not find the requested resource.";
            case THROTTLED -> "Huawei Cloud is throttling requests; wait a few seconds and try again.";
            case QUOTA -> "The account's quota does not allow this.";
            case SERVER -> "Huawei Cloud had a server-side problem; try again later.";
            default -> "Huawei Cloud rejected the request.";
        };
        return serverMessage == null || serverMessage.isBlank() ? base
                : base + " Huawei Cloud said: \"" + ErrorBodies.snippet(serverMessage) + "\"";
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
