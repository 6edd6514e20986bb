package io.expanse.cloud.unicloud;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * UniCloud's query signature (SignatureVersion 2.0, HMAC-SHA1), as UniCloud's documents state it (from UniCloud's Go
 * SDK {@code sdk/common/sender.go GetSignature}): parameters except {@code Signature} sorted by the byte order of
 * their names, names and values encoded strictly per RFC 3986 (UTF-8, upper-case hex, space as {@code %20}),
 * {@code StringToSign = METHOD & %2F & encode(canonical)}, key = secret + {@code "&"}, Base64 of the HMAC. The
 * resource part is always {@code /}, whatever the path; the JSON body is not signed. Pure: no HTTP, no clock.
 */
public final class UniCloudSigner {

    /** The parameter that carries the signature; never part of what is signed. */
    public static final String SIGNATURE = "Signature";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UniCloudSigner() {
    }

    /** A signed query: the canonical string, the signature, and the query to put on the wire. */
    public record Signed(String canonicalQuery, String stringToSign, String signature) {
        /** {@code canonical&Signature=<encoded signature>}: exactly the signed parameters, in signed order. */
        public String query() {
            return canonicalQuery + "&" + SIGNATURE + "=" + percentEncode(signature);
        }
    }

    /** Signs {@code params} (any {@code Signature} entry is ignored) for an HTTP {@code method}. */
    public static Signed sign(String method, Map<String, String> params, String secret) {
        Objects.requireNonNull(secret, "secret");
        String canonical = canonicalQuery(params);
        String toSign = stringToSign(method, canonical);
        return new Signed(canonical, toSign, hmacSha1Base64(secret + "&", toSign));
    }

    /** {@code name=value} pairs, encoded, sorted by the UTF-8 bytes of the name (then value), joined by {@code &}. */
    public static String canonicalQuery(Map<String, String> params) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!SIGNATURE.equals(e.getKey())) {
                entries.add(Map.entry(e.getKey(), e.getValue() == null ? "" : e.getValue()));
            }
        }
        entries.sort(Comparator.<Map.Entry<String, String>, byte[]>comparing(e -> utf8(e.getKey()), Arrays::compareUnsigned)
                .thenComparing(e -> utf8(e.getValue()), Arrays::compareUnsigned));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
        }
        return sb.toString();
    }

    /** {@code METHOD&%2F&percentEncode(canonical)}. */
    public static String stringToSign(String method, String canonicalQuery) {
        return method.toUpperCase(java.util.Locale.ROOT) + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery);
    }

    /** Base64(HMAC-SHA1(key, data)), both UTF-8. */
    public static String hmacSha1Base64(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(utf8(key), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(utf8(data)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** RFC 3986: {@code A-Z a-z 0-9 - _ . ~} kept, every other UTF-8 byte as {@code %XY} (upper-case hex). */
    public static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : utf8(s)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
