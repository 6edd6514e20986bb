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

    @Test
    void aRenewalHasTheParameterTablesShapeAndNothingElse() {
        JsonNode j = new RenewBody("pack-h58kdagr9vsf", null, 3, "month").toJson();
        assertEquals(java.util.Set.of("instanceIds", "orderCategory", "payType", "rentCount", "rentUnit"),
                new java.util.HashSet<>(java.util.List.of(java.util.stream.StreamSupport.stream(
                        java.util.Spliterators.spliteratorUnknownSize(j.fieldNames(), 0), false)
                        .toArray(String[]::new))));
        assertEquals("pack-h58kdagr9vsf", j.get("instanceIds").asText());
        assertEquals(true, j.get("instanceIds").isTextual(), "the table says String");
        assertEquals("RENEW", j.get("orderCategory").asText());
        assertEquals("YEAR_MONTH", j.get("payType").asText());
        assertEquals(3, j.get("rentCount").asInt());
        assertEquals(true, j.get("rentCount").isIntegralNumber(), "the table says Integer");
        assertEquals("month", j.get("rentUnit").asText());
    }
}
