package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Server-side check of a recorded request: recomputes the signature from what arrived on the wire. */
final class SignatureAssert {

    private SignatureAssert() {
    }

    static AkSkSigner.ParsedAuthorization assertSigned(RecordedRequest r, String ak, String sk) {
        String auth = r.getHeaders().get("Authorization");
        AkSkSigner.ParsedAuthorization parsed = AkSkSigner.ParsedAuthorization.parse(auth);
        assertNotNull(parsed, "Authorization header: " + auth);
        assertEquals(ak, parsed.accessKey());
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : parsed.signedHeaders()) {
            String value = r.getHeaders().get(name);
            assertNotNull(value, "signed header " + name + " is missing on the wire");
            headers.put(name, value);
        }
        HttpUrl url = r.getUrl();
        List<QueryParam> query = new ArrayList<>();
        for (int i = 0; i < url.querySize(); i++) {
            query.add(new QueryParam(url.queryParameterName(i), url.queryParameterValue(i)));
        }
        String path = "/" + String.join("/", url.pathSegments());
        byte[] body = r.getBody() == null ? null : r.getBody().toByteArray();
        AkSkSigner.Result expected = AkSkSigner.sign(new AkSkSigner.Input(r.getMethod(), path, query, headers, body),
                ak, sk);
        assertEquals(expected.authorization(), auth, "signature recomputed from the wire");
        assertEquals(AkSkSigner.canonicalQuery(query), url.encodedQuery() == null ? "" : url.encodedQuery(),
                "the query on the wire is the canonical query");
        return parsed;
    }
}
