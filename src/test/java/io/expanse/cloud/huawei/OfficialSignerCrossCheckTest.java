package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Our {@link AkSkSigner} against the official Java SDK's {@code AKSKSigner} (huaweicloud-sdk-core 3.1.170) as an
 * oracle, byte for byte on the Authorization header, over a few hundred seeded random requests.
 *
 * <p>What the SDK does differently, read from its bytecode, and how this test deals with it:
 * <ul>
 *   <li>It never signs {@code Content-Type} (and skips header names containing '_'). We sign exactly the headers
 *       the SDK lists in its SignedHeaders, so the header set is the SDK's choice; {@link #sdkDoesNotSignContentType}
 *       pins the behaviour.</li>
 *   <li>It puts query <em>names</em> on the URL unencoded and then seeds its canonical map from that URL, so a name
 *       needing encoding appears twice (raw and encoded) in its canonical query. EVS, ECS, IAM and BSS parameter
 *       names are plain lower-case ASCII, so random names are drawn from real parameter names;
 *       {@link #sdkDoubleListsQueryNamesNeedingEncoding} documents the divergence.</li>
 *   <li>It keeps repeated values of one name in insertion order, while we sort them (the documented rule: sort by
 *       name, then value). Random repeated values are handed to the SDK already sorted;
 *       {@link #sdkKeepsRepeatedValuesInInsertionOrder} documents the divergence. Expanse never repeats a name.</li>
 *   <li>It builds a {@code java.net.URL} by string concatenation, so '?' and '#' inside a path segment would be
 *       read as query/fragment. Our client always percent-encodes segments; random segments exclude those two.</li>
 *   <li>It does not trim header values; we do (HTTP strips surrounding whitespace on the wire anyway). Random header
 *       values have no surrounding whitespace.</li>
 * </ul>
 */
class OfficialSignerCrossCheckTest {

    private static final String AK = "QTWAOYTTINDUT2QVKYUC";
    private static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static final String[] ENDPOINTS = {
            "https://evs.cn-north-4.myhuaweicloud.com", "https://ecs.ap-southeast-1.myhuaweicloud.com",
            "http://127.0.0.1:18080", "https://iam.example.com:8443", "http://localhost:9"};
    private static final String[] SEGMENTS = {
            "v2", "v2.1", "cloudvolumes", "detail", "action", "jobs", "a b", "中文", "x+y", "semi;colon",
            "pct%41", "colon:at@", "tilde~dash-_.", "amp&eq=", "quote'paren()", "star*bang!", "dollar$comma,",
            "[brackets]", "ünïcödé", "emoji😀"};
    private static final String[] NAMES = {
            "limit", "offset", "marker", "name", "ids", "sort_key", "sort_dir", "status", "metadata",
            "enterprise_project_id", "availability_zone", "server_id", "multiattach", "X-Mixed.Case~"};
    private static final String[] VALUES = {
            "", "1000", "0", "a b", "中文", "!*'();:@&=+$,/?#[]", "[\"a\",\"b\"]", "~tilde", "100%",
            "{\"k\":\"v\"}", "all_granted_eps", "desc", "plus+minus-", "tab\tnewline\n", "ünïcödé", "😀"};
    private static final String[] BODIES = {
            "", "{\"os-extend\":{\"new_size\":100}}",
            "{\"os-extend\":{\"new_size\":100},\"bssParam\":{\"isAutoPay\":\"true\"}}",
            "{\"name\":\"中文 disk\",\"description\":\"a\\nb\"}", "plain text body"};

    /** One generated request, in both signers' terms. */
    private record Case(HttpMethod method, String endpoint, String path, Map<String, List<String>> query,
                        Map<String, String> headers, String body) {
    }

    @Test
    void randomRequestsSignIdentically() {
        Random random = new Random(20250301L);
        int compared = 0;
        for (int i = 0; i < 400; i++) {
            Case c = randomCase(random);
            String sdk = sdkAuthorization(c);
            assertEquals(sdk, ourAuthorization(c, sdk), "case " + i + ": " + c);
            compared++;
        }
        assertEquals(400, compared);
    }

    @Test
    void officialVectorMatches() {
        Case c = new Case(HttpMethod.GET, "https://service.region.example.com",
                "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                new LinkedHashMap<>(Map.of("limit", List.of("2"), "marker",
                        List.of("13551d6b-755d-4757-b956-536f674975c0"))),
                Map.of("X-Sdk-Date", "20191115T033655Z"), "");
        // Published vector B (AkSkSignerVectorsTest): the oracle must reproduce it too.
        String sdk = sdkAuthorization(c, "AccessKey", "SecretKey");
        assertTrue(sdk.endsWith("Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d"), sdk);
        assertEquals(sdk, ourAuthorization(c, sdk, "AccessKey", "SecretKey"));
    }

    @Test
    void sdkDoesNotSignContentType() {
        Case c = new Case(HttpMethod.POST, ENDPOINTS[0], "/v2.1/p/cloudvolumes/v/action", Map.of(),
                Map.of("X-Sdk-Date", "20250301T100000Z", "Content-Type", "application/json;charset=UTF-8"),
                BODIES[1]);
        String sdk = sdkAuthorization(c);
        assertTrue(sdk.contains("SignedHeaders=host;x-sdk-date,"), sdk);
        assertEquals(sdk, ourAuthorization(c, sdk));
    }

    @Test
    void sdkDoubleListsQueryNamesNeedingEncoding() {
        Case c = new Case(HttpMethod.GET, ENDPOINTS[0], "/v2/p/cloudvolumes/detail",
                new LinkedHashMap<>(Map.of("a b", List.of("1"))), Map.of("X-Sdk-Date", "20250301T100000Z"), "");
        // The SDK signs "a b=1&a%20b=1" while the URL carries "a b=1": a gateway would reject it either way.
        assertNotEquals(sdkAuthorization(c), ourAuthorization(c, sdkAuthorization(c)));
        Case plain = new Case(c.method(), c.endpoint(), c.path(), new LinkedHashMap<>(Map.of("a_b", List.of("1"))),
                c.headers(), c.body());
        assertEquals(sdkAuthorization(plain), ourAuthorization(plain, sdkAuthorization(plain)));
    }

    @Test
    void sdkKeepsRepeatedValuesInInsertionOrder() {
        Map<String, List<String>> unsorted = new LinkedHashMap<>(Map.of("status", List.of("in-use", "available")));
        Case c = new Case(HttpMethod.GET, ENDPOINTS[0], "/v2/p/cloudvolumes/detail", unsorted,
                Map.of("X-Sdk-Date", "20250301T100000Z"), "");
        assertNotEquals(sdkAuthorization(c), ourAuthorization(c, sdkAuthorization(c)));
        Case sorted = new Case(c.method(), c.endpoint(), c.path(),
                new LinkedHashMap<>(Map.of("status", List.of("available", "in-use"))), c.headers(), c.body());
        assertEquals(sdkAuthorization(sorted), ourAuthorization(sorted, sdkAuthorization(sorted)));
    }

    private static Case randomCase(Random random) {
        HttpMethod method = pick(random, new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
                HttpMethod.DELETE, HttpMethod.PATCH});
        String endpoint = pick(random, ENDPOINTS);

        StringBuilder path = new StringBuilder();
        int segments = random.nextInt(6);
        for (int s = 0; s < segments; s++) {
            String segment = switch (random.nextInt(4)) {
                case 0 -> UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt()}).toString();
                case 1 -> Long.toHexString(random.nextLong());
                default -> pick(random, SEGMENTS);
            };
            path.append('/').append(segment);
        }
        if (segments > 0 && random.nextInt(8) == 0) {
            path.append('/');
        }

        Map<String, List<String>> query = new LinkedHashMap<>();
        int params = random.nextInt(5);
        for (int p = 0; p < params; p++) {
            query.computeIfAbsent(pick(random, NAMES), k -> new ArrayList<>()).add(pick(random, VALUES));
        }
        // The SDK keeps repeated values in insertion order; give them sorted (see the class comment).
        query.values().forEach(v -> v.sort(Comparator.comparing(AkSkSigner::encode)));

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Sdk-Date", AkSkSigner.sdkDate(Instant.ofEpochSecond(1_500_000_000L
                + random.nextInt(400_000_000))));
        if (random.nextBoolean()) {
            headers.put("X-Project-Id", Long.toHexString(random.nextLong()));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Security-Token", "tok" + Long.toHexString(random.nextLong()) + "/+=");
        }
        if (random.nextInt(3) == 0) {
            headers.put("Content-Type", "application/json;charset=UTF-8");
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Language", random.nextBoolean() ? "en_US" : "zh CN value");
        }
        String body = method == HttpMethod.GET || method == HttpMethod.DELETE ? "" : pick(random, BODIES);
        return new Case(method, endpoint, path.toString(), query, headers, body);
    }

    private static String sdkAuthorization(Case c) {
        return sdkAuthorization(c, AK, SK);
    }

    private static String sdkAuthorization(Case c, String ak, String sk) {
        HttpRequest.HttpRequestBuilder b = HttpRequest.newBuilder()
                .withEndpoint(c.endpoint())
                .withPath(c.path())
                .withMethod(c.method());
        if (!c.body().isEmpty()) {
            b.withBodyAsString(c.body());
        }
        c.query().forEach(b::addQueryParam);
        c.headers().forEach(b::addHeader);
        BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk);
        return AKSKSigner.getInstance().sign(b.build(), credentials).get("Authorization");
    }

    /** Our signature over the same request, signing the header set the SDK chose. */
    private static String ourAuthorization(Case c, String sdkAuthorization) {
        return ourAuthorization(c, sdkAuthorization, AK, SK);
    }

    private static String ourAuthorization(Case c, String sdkAuthorization, String ak, String sk) {
        List<String> signedNames = AkSkSigner.ParsedAuthorization.parse(sdkAuthorization).signedHeaders();
        Map<String, String> lower = new LinkedHashMap<>();
        c.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        lower.put("host", authority(c.endpoint()));
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : signedNames) {
            assertTrue(lower.containsKey(name), "SDK signed a header we do not know: " + name);
            signed.put(name, lower.get(name));
        }
        assertFalse(signed.containsKey("content-type"));
        List<QueryParam> query = new ArrayList<>();
        c.query().forEach((k, values) -> values.forEach(v -> query.add(new QueryParam(k, v))));
        byte[] body = c.body().isEmpty() ? null : c.body().getBytes(StandardCharsets.UTF_8);
        return AkSkSigner.sign(new AkSkSigner.Input(c.method().name(), c.path(), query, signed, body), ak, sk)
                .authorization();
    }

    private static String authority(String endpoint) {
        return endpoint.substring(endpoint.indexOf("://") + 3);
    }

    private static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }
}
