package io.expanse.cloud.unicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UniCloudSignerTest {

    @Test
    void workedExampleFromTheReference() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SignatureVersion", "2.0");
        p.put("Action", "UpGradeResourcePack");
        p.put("Format", "json");
        p.put("SignatureNonce", "16343456325226");
        p.put("Version", "2020-07-30");
        p.put("AccessKeyId", "6oPiV0WMJXhxiT65");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("regionId", "cn-tianjin-yfb");
        p.put("Timestamp", "2020-07-30T12:00:00Z");
        p.put("Signature", "ignored");
        UniCloudSigner.Signed s = UniCloudSigner.sign("POST", p, "testsecret");
        assertEquals("AccessKeyId=6oPiV0WMJXhxiT65&Action=UpGradeResourcePack&Format=json&SignatureMethod=HMAC-SHA1"
                + "&SignatureNonce=16343456325226&SignatureVersion=2.0&Timestamp=2020-07-30T12%3A00%3A00Z"
                + "&Version=2020-07-30&regionId=cn-tianjin-yfb", s.canonicalQuery());
        assertEquals("POST&%2F&AccessKeyId%3D6oPiV0WMJXhxiT65%26Action%3DUpGradeResourcePack%26Format%3Djson"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D16343456325226%26SignatureVersion%3D2.0"
                + "%26Timestamp%3D2020-07-30T12%253A00%253A00Z%26Version%3D2020-07-30%26regionId%3Dcn-tianjin-yfb",
                s.stringToSign());
        assertEquals("sGEJOLP9Dzy/4anWCJQGQE/y+FM=", s.signature());
        assertEquals(s.canonicalQuery() + "&Signature=sGEJOLP9Dzy%2F4anWCJQGQE%2Fy%2BFM%3D", s.query());
    }

    @Test
    void alibabaRpcVector() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("Format", "XML");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Version", "2014-05-26");
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", UniCloudSigner.sign("GET", p, "testsecret").signature());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a b|a%20b",
            "a+b|a%2Bb",
            "a*b|a%2Ab",
            "a~b|a~b",
            "-_.|-_.",
            "/:=&|%2F%3A%3D%26",
            "é|%C3%A9",
            "紫光|%E7%B4%AB%E5%85%89",
            "%|%25"})
    void strictRfc3986(String in, String out) {
        assertEquals(out, UniCloudSigner.percentEncode(in));
    }

    @Test
    void sortsByByteOrderSoUpperCaseComesFirst() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("regionId", "x");
        p.put("Version", "1");
        p.put("b", "2");
        p.put("A", "a b");
        assertEquals("A=a%20b&Version=1&b=2&regionId=x", UniCloudSigner.canonicalQuery(p));
    }
}
