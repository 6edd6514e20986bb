package io.expanse.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs, files and messages. It masks, in this order: every secret registered at
 * runtime ({@link #registerSecret}; the secret stores register what they hold or hand out), {@code Authorization}
 * values and {@code SDK-HMAC-SHA256} headers, security tokens, the UniCloud {@code Signature} query parameter,
 * secret-key assignments, access-key ids (all but the first 4 characters) and 40-character strings that look like
 * a Huawei secret key. Thread-safe; static because Logback creates the converters that use it.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String MASK = "****";
    /** Shorter values are not registered: masking them would garble ordinary text. */
    static final int MIN_SECRET_LENGTH = 6;

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization",
            "x-security-token", "x-auth-token", "x-subject-token", "cookie", "set-cookie");

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(\\bauthorization\\b\"?\\s*[:=]\\s*\"?)([^\\r\\n\"]+)");
    private static final Pattern HMAC = Pattern.compile("(SDK-HMAC-SHA256\\s+)[^\\r\\n\"]+");
    private static final Pattern TOKEN = Pattern.compile(
            "(?i)(\\b(?:x-security-token|x-auth-token|x-subject-token|security[_-]?token|securitytoken)\\b"
                    + "[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"'&,;}]+)");
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(\\bsignature[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"'&,;}]+)");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)(\\b(?:secret[_-]?key|secret[_-]?access[_-]?key|access[_-]?key[_-]?secret|accesskeysecret|sk|"
                    + "secret|password)\\b[\"']?\\s*[:=]\\s*[\"']?)([^\\s\"'&,;}]+)");
    private static final Pattern ACCESS_KEY = Pattern.compile(
            "(?i)(\\b(?:access[_-]?key[_-]?id|accesskeyid|access[_-]?key|ak)\\b[\"']?\\s*[:=]\\s*[\"']?)"
                    + "([A-Za-z0-9]{5,})");
    private static final Pattern SK_LIKE = Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9]{40}(?![A-Za-z0-9+/=])");

    private Redactor() {
    }

    /** Remembers a secret so that it is masked wherever it appears. Null or short values are ignored. */
    public static void registerSecret(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            KNOWN.add(secret);
        }
    }

    /** Forgets a secret registered before (after it was deleted). */
    public static void forgetSecret(String secret) {
        if (secret != null) {
            KNOWN.remove(secret);
        }
    }

    /** Whether the text contains a registered secret verbatim. */
    public static boolean containsKnownSecret(String text) {
        if (text == null) {
            return false;
        }
        for (String s : KNOWN) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** "AKIA****": the first 4 characters of an identifier, the rest masked; {@link #MASK} for short values. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 4 ? MASK : value.substring(0, 4) + MASK;
    }

    /** Whether a header's value is masked whole. */
    public static boolean sensitiveHeader(String name) {
        return name != null && SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A header value as it may be logged. */
    public static String header(String name, String value) {
        return sensitiveHeader(name) ? MASK : redact(value);
    }

    /** The text with every secret masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (!KNOWN.isEmpty()) {
            List<String> known = new ArrayList<>(KNOWN);
            known.sort(Comparator.comparingInt(String::length).reversed());
            for (String s : known) {
                out = out.replace(s, MASK);
            }
        }
        out = HMAC.matcher(out).replaceAll("$1" + MASK);
        out = AUTHORIZATION.matcher(out).replaceAll("$1" + MASK);
        out = TOKEN.matcher(out).replaceAll("$1" + MASK);
        out = SIGNATURE.matcher(out).replaceAll("$1" + MASK);
        out = SECRET_ASSIGNMENT.matcher(out).replaceAll(m -> m.group(2).equals(MASK) ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement(m.group(1) + MASK));
        out = ACCESS_KEY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mask(m.group(2))));
        out = SK_LIKE.matcher(out).replaceAll(m -> looksLikeSecretKey(m.group())
                ? MASK : Matcher.quoteReplacement(m.group()));
        return out;
    }

    /** Mixed case and digits: a generated key, not a hex digest or a word. */
    static boolean looksLikeSecretKey(String s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (char c : s.toCharArray()) {
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
        }
        return lower && upper && digit;
    }
}
