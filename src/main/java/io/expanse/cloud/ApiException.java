package io.expanse.cloud;

import java.time.Duration;

/**
 * A failed cloud call, already translated for an operator. {@link #operatorMessage()} is the sentence to show;
 * the raw code, server message and request id stay available for the details line and for support tickets.
 * Messages never contain credentials.
 */
public class ApiException extends Exception {

    /** What went wrong, coarse enough for the UI and the retry logic to act on. */
    public enum Kind {
        /** Wrong or unknown key, bad signature, expired token. */
        AUTHENTICATION,
        /** The request was signed with a clock too far from the server's. */
        CLOCK_SKEW,
        /** Authenticated, but not allowed (policy deny, frozen account, arrears). */
        PERMISSION,
        /** 429 / APIGW.0308. */
        THROTTLED,
        /** The resource does not exist (404). */
        NOT_FOUND,
        /** The service refused the request as invalid for this resource (most 4xx with a service code). */
        REJECTED,
        /** Quota exhausted. */
        QUOTA,
        /** 5xx. */
        SERVER,
        /** Could not connect, DNS failure, TLS failure, reset before a response. */
        NETWORK,
        /** A mutating call whose outcome is unknown: it may or may not have been applied. */
        OUTCOME_UNKNOWN,
        /** A response that could not be understood (HTML page, truncated JSON, missing fields). */
        BAD_RESPONSE;

        /** What an HTTP error status means when no service code says better (any cloud). */
        public static Kind forHttpStatus(int status) {
            return switch (status) {
                case 401 -> AUTHENTICATION;
                case 403 -> PERMISSION;
                case 404 -> NOT_FOUND;
                case 429 -> THROTTLED;
                default -> status >= 500 ? SERVER : REJECTED;
            };
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final String code;
    private final String serverMessage;
    private final String requestId;
    private final String operatorMessage;
    private final Duration clockSkew;

    public ApiException(Kind kind, int httpStatus, String code, String serverMessage, String requestId,
                        String operatorMessage, Duration clockSkew, Throwable cause) {
        super(compose(operatorMessage, code, httpStatus, requestId), cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.serverMessage = serverMessage;
        this.requestId = requestId;
        this.operatorMessage = operatorMessage;
        this.clockSkew = clockSkew;
    }

    public ApiException(Kind kind, String operatorMessage, Throwable cause) {
        this(kind, 0, null, null, null, operatorMessage, null, cause);
    }

    private static String compose(String message, String code, int status, String requestId) {
        StringBuilder sb = new StringBuilder(message == null ? "Request failed" : message);
        String details = details(code, status, requestId);
        if (!details.isEmpty()) {
            sb.append(" (").append(details).append(')');
        }
        return sb.toString();
    }

    /** "EVS.1015, HTTP 400, request 1a2b…" — whichever parts are known. */
    public static String details(String code, int status, String requestId) {
        StringBuilder sb = new StringBuilder();
        if (code != null && !code.isBlank()) {
            sb.append(code);
        }
        if (status > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("HTTP ").append(status);
        }
        if (requestId != null && !requestId.isBlank()) {
            sb.append(sb.length() > 0 ? ", " : "").append(io.expanse.text.Texts.get("cloud.details.request", requestId));
        }
        return sb.toString();
    }

    public String details() {
        return details(code, httpStatus, requestId);
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The service's own code (EVS.1015, APIGW.0301, CBC.0101 …), or null. */
    public String code() {
        return code;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public String requestId() {
        return requestId;
    }

    public String operatorMessage() {
        return operatorMessage;
    }

    /** Local clock minus server clock when known (positive: local clock is ahead), else null. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** Whether a read-only call may be sent again after this failure. */
    public boolean retryableForReads() {
        return kind == Kind.THROTTLED || kind == Kind.SERVER || kind == Kind.NETWORK;
    }
}
