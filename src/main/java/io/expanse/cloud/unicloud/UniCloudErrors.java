package io.expanse.cloud.unicloud;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.ErrorBodies;
import java.util.Locale;

/**
 * Turns UniCloud error answers into {@link ApiException}s with operator sentences (UniCloud's published error codes and answer shapes). The documented
 * codes are few: {@code InvalidParameter} (bad signature, or another parameter), {@code MissingParameter},
 * {@code UnknownError} ({@code "Index: 0, Size: 0"} for an unknown pack or specification, per the seed document),
 * {@code SystemErro} (sic). Anything else is reported with the server's own words.
 */
public final class UniCloudErrors {

    private UniCloudErrors() {
    }

    /** For an envelope that is not a success (any HTTP status). */
    public static ApiException fromEnvelope(int httpStatus, Envelope env, String what) {
        String code = env.code();
        String msg = env.message();
        Kind kind;
        String sentence;
        String lower = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
        String c = code == null ? "" : code;
        if ("InvalidParameter".equalsIgnoreCase(c) && lower.contains("signature")) {
            kind = Kind.AUTHENTICATION;
            sentence = Texts.get("cloud.unicloud.error.signature");
        } else if ("InvalidParameter".equalsIgnoreCase(c)) {
            kind = Kind.REJECTED;
            sentence = Texts.get("cloud.unicloud.error.parameter", what) + said(msg);
        } else if ("MissingParameter".equalsIgnoreCase(c)) {
            kind = Kind.REJECTED;
            sentence = Texts.sentences(Texts.get("cloud.unicloud.error.missingParameter", what) + said(msg),
                    Texts.get("cloud.unicloud.error.apiChanged"));
        } else if ("UnknownError".equalsIgnoreCase(c) && lower.contains("index: 0, size: 0")) {
            kind = Kind.REJECTED;
            sentence = Texts.get("cloud.unicloud.error.packOrSpec", what, msg);
        } else if ("UnknownError".equalsIgnoreCase(c)) {
            kind = Kind.REJECTED;
            sentence = Texts.get("cloud.unicloud.error.unknown", what) + said(msg);
        } else if (c.toLowerCase(Locale.ROOT).startsWith("systemerro")) {
            kind = Kind.SERVER;
            sentence = Texts.get("cloud.unicloud.error.system", what) + said(msg);
        } else if (c.toLowerCase(Locale.ROOT).contains("quota")) {
            kind = Kind.QUOTA;
            sentence = Texts.get("cloud.unicloud.error.quota", what) + said(msg);
        } else if (Boolean.FALSE.equals(env.auth())) {
            kind = Kind.AUTHENTICATION;
            sentence = Texts.get("cloud.unicloud.error.notAuthenticated", what) + said(msg);
        } else {
            kind = httpStatus >= 400 ? Kind.forHttpStatus(httpStatus) : Kind.REJECTED;
            sentence = Texts.get("cloud.unicloud.error.refused", what) + said(msg);
        }
        return new ApiException(kind, httpStatus, code, msg, env.requestId(), sentence, null, null);
    }

    /** For a body that is not a UniCloud envelope: a web page, plain text, or nothing. */
    public static ApiException fromUnparsed(int httpStatus, String contentType, String body, String what) {
        boolean ok = httpStatus >= 200 && httpStatus < 300;
        Kind kind = ok ? Kind.BAD_RESPONSE : Kind.forHttpStatus(httpStatus);
        String head = Texts.get("cloud.unicloud.answered", String.valueOf(httpStatus), what);
        String sentence;
        if (ErrorBodies.looksLikeHtml(contentType, body)) {
            sentence = ErrorBodies.webPageSentence(head, body);
        } else if (body == null || body.isBlank()) {
            sentence = Texts.get("cloud.unicloud.emptyBody", head);
        } else {
            sentence = Texts.get("cloud.unicloud.notJson", head, ErrorBodies.snippet(body));
        }
        return new ApiException(kind, httpStatus, null, null, null, sentence, null, null);
    }

    private static String said(String msg) {
        return msg == null ? Texts.get("cloud.unicloud.said.none")
                : Texts.get("cloud.unicloud.said", ErrorBodies.snippet(msg));
    }
}
