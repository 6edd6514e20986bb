package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxResizeRulesTest extends SandboxHttpTestBase {

    @ParameterizedTest(name = "{0} -> {1} GB: {2}")
    @CsvSource({
        "data-01, 100, EVS.1015",
        "data-01, 50, EVS.1015",
        "sys-1024, 1024, EVS.1015",
        "sys-1024, 1025, EVS.1014",
        "sys-1000, 1025, EVS.1014",
        "sys-01, 2048, EVS.1014",
        "data-32000, 32769, EVS.1014",
        "data-02, 40000, EVS.1014",
        "extend-running, 200, EVS.1064",
        "broken-01, 100, EVS.1064",
        "new-vol-creating, 200, EVS.1064",
        "attach-pending, 50, EVS.1064",
        "extend-failed, 200, EVS.1064",
        "shared-01, 2000, EVS.1065",
        "srv-reboot-disk, 300, EVS.1066",
        "srv-resize-disk, 600, EVS.1066",
    })
    void serverSideRuleAnswersItsCode(String volume, long newSize, String code) {
        SignedClient.Reply r = resize(volume, newSize);
        assertEquals(400, r.status(), r.json().toString());
        assertEquals(code, r.json().get("error").get("code").asText());
    }

    @ParameterizedTest(name = "{0} -> {1} GB accepted")
    @CsvSource({
        "data-01, 101", "sys-01, 1024", "sys-1000, 1024", "data-32000, 32768", "shared-02, 600",
        "pg-data-02, 2100", "srv-paused-disk, 400", "srv-suspended-disk, 128", "data-02, 32768",
    })
    void limitsAndAllowedServerStatesAreAccepted(String volume, long newSize) {
        SignedClient.Reply r = resize(volume, newSize);
        assertEquals(202, r.status(), () -> r.json().toString());
        assertTrue(r.json().get("job_id").asText().matches("[0-9a-f]{32}"));
    }

    @Test
    void limitMessageNamesTheLimit() {
        SignedClient.Reply r = resize("sys-01", 1025);
        assertTrue(r.json().get("error").get("message").asText().contains("1024"));
        assertTrue(resize("data-02", 32769).json().get("error").get("message").asText().contains("32768"));
    }

    @Test
    void missingOrGarbledBodyIsRejected() {
        assertEquals("EVS.1011", resize("data-01", "").errorCode());
        assertEquals("EVS.1011", resize("data-01", "{}").errorCode());
        assertEquals("EVS.5400", resize("data-01", "{\"os-extend\":").errorCode());
        assertEquals("EVS.5400", resize("data-01", "[1,2]").errorCode());
        assertEquals("EVS.5400", resize("data-01", "{\"os-extend\":{\"new_size\":\"big\"}}").errorCode());
        assertEquals("EVS.5400", resize("data-01", "{\"os-extend\":{}}").errorCode());
    }

    @Test
    void nonStringIsAutoPayIsRejected() {
        SignedClient.Reply r = resize("billing-01", "{\"os-extend\":{\"new_size\":300},\"bssParam\":{\"isAutoPay\":true}}");
        assertEquals(400, r.status());
        assertEquals("EVS.2147", r.errorCode());
        assertEquals("EVS.2147", resize("billing-01",
                "{\"os-extend\":{\"new_size\":300},\"bssParam\":{\"isAutoPay\":\"yes\"}}").errorCode());
        assertEquals("EVS.2147", resize("billing-01", "{\"os-extend\":{\"new_size\":300},\"bssParam\":1}").errorCode());
    }

    @Test
    void decimalNewSizeIsTruncated() {
        SignedClient.Reply r = resize("data-01", "{\"os-extend\":{\"new_size\":150.9}}");
        assertEquals(202, r.status());
        assertEquals(150, job(r.json().get("job_id").asText()).get("entities").get("size").asInt());
        assertEquals("EVS.1015", resize("data-02", "{\"os-extend\":{\"new_size\":100.7}}").errorCode());
    }

    @Test
    void unknownVolumeIsNotFound() {
        SignedClient.Reply r = client.post("/v2.1/" + PID + "/cloudvolumes/00000000-0000-0000-0000-000000000000/action",
                "{\"os-extend\":{\"new_size\":10}}");
        assertEquals(404, r.status());
        assertEquals("EVS.5404", r.errorCode());
    }
}
