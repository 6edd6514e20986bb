package io.expanse.cloud.huawei;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Huawei Cloud API gateway AK/SK signature, algorithm {@code SDK-HMAC-SHA256}.
 *
 * <pre>
 * CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HexSHA256(body)
 * StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexSHA256(CanonicalRequest)
 * Signature        = HexLower(HMAC-SHA256(SK, StringToSign))
 * </pre>
 *
 * The class has no HTTP dependency: the client uses it to sign, the sandbox uses it to verify. The canonical query
 * string it builds is also what the client puts on the wire, so the two can never disagree about encoding.
 */
public final class AkSkSigner {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String DATE_HEADER = "X-Sdk-Date";
    public static final String SECURITY_TOKEN_HEADER = "X-Security-Token";
    public static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String EMPTY_BODY_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private AkSkSigner() {
    }

    /** One query parameter, not encoded. Repeated names are allowed. */
    public record QueryParam(String name, String value) {
        public QueryParam {
            value = value == null ? "" : value;
        }
    }

    /**
     * The parts of a request that take part in the signature.
     *
     * @param method  HTTP method, any case
     * @param path    decoded path, e.g. {@code /v2/pid/cloudvolumes/detail}; empty means {@code /}
     * @param query   decoded query parameters in any order
     * @param headers headers to sign, any name case; {@code host} and {@code x-sdk-date} must be among them
     * @param body    exact body bytes, or null for none
     */
    public record Input(String method, String path, List<QueryParam> query, Map<String, String> headers, byte[] body) {
    }

    /** Everything computed for one request; {@link #authorization()} is the header value to send. */
    public record Result(String canonicalRequest, String stringToSign, String signature, String signedHeaders,
                         String authorization) {
    }

    public static Result sign(Input in, String accessKey, String secretKey) {
        SortedMap<String, String> headers = lowerCaseHeaders(in.headers());
        String date = headers.get("x-sdk-date");
        if (date == null || !headers.containsKey("host")) {
            throw new IllegalArgumentException("host and x-sdk-date must be signed");
        }
        String canonical = canonicalRequest(in.method(), in.path(), in.query(), headers, in.body());
        String stringToSign = ALGORITHM + "\n" + date + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(hmacSha256(secretKey, stringToSign));
        String signedHeaders = String.join(";", headers.keySet());
        String authorization = ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
        return new Result(canonical, stringToSign, signature, signedHeaders, authorization);
    }

    public static String canonicalRequest(String method, String path, List<QueryParam> query,
                                          SortedMap<String, String> lowerCaseHeaders, byte[] body) {
        StringBuilder sb = new StringBuilder();
        sb.append(method.toUpperCase(Locale.ROOT)).append('\n');
        sb.append(canonicalUri(path)).append('\n');
        sb.append(canonicalQuery(query)).append('\n');
        for (Map.Entry<String, String> h : lowerCaseHeaders.entrySet()) {
            sb.append(h.getKey()).append(':').append(h.getValue().trim()).append('\n');
        }
        sb.append('\n');
        sb.append(String.join(";", lowerCaseHeaders.keySet())).append('\n');
        sb.append(body == null || body.length == 0 ? EMPTY_BODY_SHA256 : sha256Hex(body));
        return sb.toString();
    }

    /** Each segment encoded, always ending with a slash; an empty path is "/". */
    public static String canonicalUri(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(encode(segments[i]));
        }
        if (sb.charAt(sb.length() - 1) != '/') {
            sb.append('/');
        }
        return sb.toString();
    }

    /** Sorted by encoded name then encoded value, byte order; {@code k=} kept for empty values. */
    public static String canonicalQuery(List<QueryParam> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>(query.size());
        for (QueryParam p : query) {
            pairs.add(new String[] {encode(p.name()), encode(p.value())});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /** RFC 3986: unreserved characters as they are, every other UTF-8 byte as %XY with upper-case hex. */
    public static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    public static String sdkDate(Instant instant) {
        return SDK_DATE.format(instant);
    }

    public static Instant parseSdkDate(String value) {
        return SDK_DATE.parse(value, Instant::from);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SortedMap<String, String> lowerCaseHeaders(Map<String, String> headers) {
        SortedMap<String, String> out = new TreeMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
        return out;
    }

    /** Parsed {@code Authorization} header, for the verifying side. */
    public record ParsedAuthorization(String accessKey, List<String> signedHeaders, String signature) {
        public static ParsedAuthorization parse(String header) {
            if (header == null || !header.startsWith(ALGORITHM + " ")) {
                return null;
            }
            String ak = null;
            String sh = null;
            String sig = null;
            for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String k = p.substring(0, eq);
                String v = p.substring(eq + 1);
                switch (k) {
                    case "Access" -> ak = v;
                    case "SignedHeaders" -> sh = v;
                    case "Signature" -> sig = v;
                    default -> { }
                }
            }
            if (ak == null || sh == null || sig == null) {
                return null;
            }
            return new ParsedAuthorization(ak, List.of(sh.split(";")), sig);
        }
    }
}
