package io.expanse.sandbox;

import com.sun.net.httpserver.Headers;
import io.expanse.cloud.huawei.AkSkSigner;
import io.expanse.cloud.huawei.AkSkSigner.ParsedAuthorization;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import io.expanse.cloud.huawei.Credentials;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies the AK/SK signature of a request the way the API gateway does: the canonical request is rebuilt from the
 * method, raw path and query, the headers named in {@code SignedHeaders} (which must include {@code host} and
 * {@code x-sdk-date}) and the exact body bytes. Every failure is 401 {@code APIGW.0301}.
 */
final class SandboxAuth {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final String PREFIX = "Incorrect IAM authentication information: ";

    private final Credentials credentials;
    private final Clock clock;

    SandboxAuth(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    void verify(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        ParsedAuthorization auth = ParsedAuthorization.parse(headers.getFirst("Authorization"));
        if (auth == null || !auth.accessKey().equals(credentials.accessKey())
                || !auth.signedHeaders().contains("host") || !auth.signedHeaders().contains("x-sdk-date")) {
            throw signatureFail();
        }
        Instant date;
        try {
            date = AkSkSigner.parseSdkDate(headers.getFirst(AkSkSigner.DATE_HEADER));
        } catch (DateTimeParseException | NullPointerException e) {
            throw signatureFail();
        }
        if (Duration.between(date, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw unauthorized("calc ak sk signature fail:signature expired");
        }
        String token = headers.getFirst(AkSkSigner.SECURITY_TOKEN_HEADER);
        if (token != null ? !token.equals(credentials.securityToken()) : credentials.temporary()) {
            throw unauthorized("decrypt token fail");
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : auth.signedHeaders()) {
            String value = headers.getFirst(name);
            if (value == null) {
                throw signatureFail();
            }
            signed.put(name, value);
        }
        AkSkSigner.Input input = new AkSkSigner.Input(method, decodePath(rawPath), decodeQuery(rawQuery), signed, body);
        String expected = AkSkSigner.sign(input, credentials.accessKey(), credentials.secretKey()).signature();
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw signatureFail();
        }
    }

    private static SandboxError signatureFail() {
        return unauthorized("verify aksk signature fail");
    }

    private static SandboxError unauthorized(String detail) {
        return SandboxError.gateway(401, "APIGW.0301", PREFIX + detail);
    }

    /** Decodes each segment on its own, so the signer re-encodes exactly what was sent. */
    static String decodePath(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(percentDecode(segments[i]));
        }
        return sb.toString();
    }

    /** Query parameters in wire order, percent-decoded; {@code +} stays a plus sign. */
    static List<QueryParam> decodeQuery(String rawQuery) {
        List<QueryParam> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(new QueryParam(percentDecode(name), percentDecode(value)));
        }
        return out;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int hi = s.charAt(i) == '%' && i + 2 < s.length()
                    ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
