package io.expanse.cloud.unicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UpgradeBodyTest {

    @Test
    void hasTheExampleShape() {
        JsonNode j = UpgradeBody.of("pack-h58kdagr9vsf", 200, null, "cn-tianjin-yfb").toJson();
        assertEquals("200", j.get("capacity").asText());
        assertEquals(true, j.get("capacity").isTextual());
        assertEquals("nasbag.capacity.200G", j.get("specificationCode").asText());
        assertEquals("pack-h58kdagr9vsf", j.get("instanceId").asText());
        assertEquals("UPGRADE", j.get("orderCategory").asText());
        assertEquals("packageInstance", j.get("componentCode").asText());
        assertEquals("YEAR_MONTH", j.get("payType").asText());
        assertEquals("manualrenew", j.get("renewType").asText());
        assertEquals(0, j.get("quantity").asInt());
        assertEquals("cn-tianjin-yfb", j.get("regionId").asText());
        assertFalse(j.has("instanceIds"));
        assertEquals(9, j.size());
    }
}
