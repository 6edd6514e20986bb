package io.expanse.cloud.unicloud;

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
            sentence = "UniCloud did not accept the request signature: check the AccessKey secret, and that this"
                    + " computer's clock is correct (requests carry a UTC timestamp).";
        } else if ("InvalidParameter".equalsIgnoreCase(c)) {
            kind = Kind.REJECTED;
            sentence = "UniCloud refused a parameter of " + what + said(msg);
        } else if ("MissingParameter".equalsIgnoreCase(c)) {
            kind = Kind.REJECTED;
            sentence = "UniCloud says a required parameter of " + what + " is missing" + said(msg)
                    + " The API may have changed; report this.";
        } else if ("UnknownError".equalsIgnoreCase(c) && lower.contains("index: 0, size: 0")) {
            kind = Kind.REJECTED;
            sentence = "UniCloud did not accept the resource pack or the specification for " + what
                    + " (it answered \"" + msg + "\"): check that the pack ID exists in this region and account,"
                    + " and that the target capacity is offered for it.";
        } else if ("UnknownError".equalsIgnoreCase(c)) {
            kind = Kind.REJECTED;
            sentence = "UniCloud reported an unknown error for " + what + said(msg);
        } else if (c.toLowerCase(Locale.ROOT).startsWith("systemerro")) {
            kind = Kind.SERVER;
            sentence = "UniCloud had a system error for " + what + "; try again later" + said(msg);
        } else if (c.toLowerCase(Locale.ROOT).contains("quota")) {
            kind = Kind.QUOTA;
            sentence = "The account's quota does not allow " + what + said(msg);
        } else if (Boolean.FALSE.equals(env.auth())) {
            kind = Kind.AUTHENTICATION;
            sentence = "UniCloud did not authenticate the request for " + what + said(msg);
        } else {
            kind = httpStatus >= 400 ? Kind.forHttpStatus(httpStatus) : Kind.REJECTED;
            sentence = "UniCloud refused " + what + said(msg);
        }
        return new ApiException(kind, httpStatus, code, msg, env.requestId(), sentence, null, null);
    }

    /** For a body that is not a UniCloud envelope: a web page, plain text, or nothing. */
    public static ApiException fromUnparsed(int httpStatus, String contentType, String body, String what) {
        boolean ok = httpStatus >= 200 && httpStatus < 300;
        Kind kind = ok ? Kind.BAD_RESPONSE : Kind.forHttpStatus(httpStatus);
        String head = "UniCloud answered HTTP " + httpStatus + " for " + what;
        String sentence;
        if (ErrorBodies.looksLikeHtml(contentType, body)) {
            sentence = ErrorBodies.webPageSentence(head, body);
        } else if (body == null || body.isBlank()) {
            sentence = head + " with an empty body.";
        } else {
            sentence = head + " with a body that is not UniCloud JSON: \"" + ErrorBodies.snippet(body) + "\".";
        }
        return new ApiException(kind, httpStatus, null, null, null, sentence, null, null);
    }

    private static String said(String msg) {
        return msg == null ? "." : ". UniCloud said: \"" + ErrorBodies.snippet(msg) + "\"";
    }
}
