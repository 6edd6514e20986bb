package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.cloud.huawei.AkSkSigner.Input;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four published vectors of the official signer documentation and SDK tests. */
class AkSkSignerVectorsTest {

    private static final String DATE = "20191115T033655Z";
    private static final String PATH = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";
    private static final List<QueryParam> QUERY = List.of(
            new QueryParam("limit", "2"), new QueryParam("marker", "13551d6b-755d-4757-b956-536f674975c0"));

    private static Map<String, String> headers(String host, boolean contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        if (contentType) {
            h.put("Content-Type", "application/json");
        }
        h.put("Host", host);
        h.put("X-Sdk-Date", DATE);
        return h;
    }

    @Test
    void vectorA_documentationExample() {
        var r = AkSkSigner.sign(new Input("GET", PATH, QUERY, headers("service.region.example.com", true), null),
                "QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");
        assertEquals("GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"
                + "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
                + "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n"
                + "content-type;host;x-sdk-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", r.canonicalRequest());
        assertEquals("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
                AkSkSigner.sha256Hex(r.canonicalRequest().getBytes(StandardCharsets.UTF_8)));
        assertEquals("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, "
                + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe", r.authorization());
    }

    @Test
    void vectorB_getWithoutContentType() {
        var r = AkSkSigner.sign(new Input("GET", PATH, QUERY, headers("service.region.example.com", false), null),
                "AccessKey", "SecretKey");
        assertEquals("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d", r.signature());
        assertEquals("host;x-sdk-date", r.signedHeaders());
    }

    @Test
    void vectorC_postWithJsonBody() {
        var r = AkSkSigner.sign(new Input("POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", List.of(),
                headers("service.region.example.com", false), "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8)),
                "AccessKey", "SecretKey");
        assertEquals("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", r.signature());
    }

    @Test
    void vectorD_emptyPath() {
        var r = AkSkSigner.sign(new Input("GET", "", List.of(), headers("example.com", false), null),
                "AccessKey", "SecretKey");
        assertEquals("919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6", r.signature());
    }
}
