package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest extends SandboxHttpTestBase {

    private static final String AUTO_PAY = "{\"os-extend\":{\"new_size\":%d},\"bssParam\":{\"isAutoPay\":\"%s\"}}";

    @Test
    void onDemandJobGoesInitRunningSuccess() {
        String jobId = resize("data-01", 150).json().get("job_id").asText();
        JsonNode job = job(jobId);
        assertEquals("INIT", job.get("status").asText());
        assertEquals("extendVolume", job.get("job_type").asText());
        assertEquals(id("data-01"), job.get("entities").get("volume_id").asText());
        assertEquals("2025-11-24T07:30:00.000Z", job.get("begin_time").asText());
        assertEquals("", job.get("end_time").asText());
        assertTrue(job.get("error_code").isNull());
        assertTrue(job.get("fail_reason").isNull());
        assertEquals("extending", volume("data-01").get("status").asText());

        advance(1500);
        assertEquals("RUNNING", job(jobId).get("status").asText());
        assertEquals("extending", volume("data-01").get("status").asText());
        assertEquals(100, volume("data-01").get("size").asInt());

        advance(2500);
        job = job(jobId);
        assertEquals("SUCCESS", job.get("status").asText());
        assertEquals("2025-11-24T07:30:04.000Z", job.get("end_time").asText());
        JsonNode v = volume("data-01");
        assertEquals("in-use", v.get("status").asText());
        assertEquals(150, v.get("size").asInt());
    }

    @Test
    void secondResizeWhileExtendingIsRefused() {
        assertEquals(202, resize("data-02", 200).status());
        assertEquals("EVS.1064", resize("data-02", 300).errorCode());
        advance(4000);
        assertEquals("available", volume("data-02").get("status").asText());
        assertEquals(202, resize("data-02", 300).status());
    }

    @Test
    void failingVolumeEndsInFailWithOldSizeAndStatus() {
        String jobId = resize("data-fail", 400).json().get("job_id").asText();
        advance(2000);
        assertEquals("RUNNING", job(jobId).get("status").asText());
        advance(2000);
        JsonNode job = job(jobId);
        assertEquals("FAIL", job.get("status").asText());
        assertEquals("EVS.2002", job.get("error_code").asText());
        assertTrue(job.get("fail_reason").asText().contains("insufficient capacity"), job.toString());
        assertFalse(job.get("end_time").asText().isEmpty());
        JsonNode v = volume("data-fail");
        assertEquals(200, v.get("size").asInt());
        assertEquals("in-use", v.get("status").asText());
    }

    @Test
    void yearlyMonthlyWithAutoPayCompletesThenGrows() {
        SignedClient.Reply r = resize("billing-01", String.format(AUTO_PAY, 300, "true"));
        assertEquals(202, r.status());
        assertFalse(r.json().has("job_id"));
        String orderId = r.json().get("order_id").asText();
        assertTrue(orderId.matches("CS\\d{10}[A-Z0-9]{5}"), orderId);

        JsonNode o = order(orderId);
        assertEquals(3, o.get("order_info").get("status").asInt());
        assertEquals(3, o.get("order_info").get("order_type").asInt());
        assertEquals("CNY", o.get("order_info").get("currency").asText());
        assertEquals(1, o.get("total_count").asInt());
        assertEquals(1, o.get("order_line_items").size());
        assertEquals("in-use", volume("billing-01").get("status").asText());

        advance(3000);
        assertEquals(5, order(orderId).get("order_info").get("status").asInt());
        assertEquals("extending", volume("billing-01").get("status").asText());
        assertEquals(200, volume("billing-01").get("size").asInt());

        advance(3000);
        JsonNode v = volume("billing-01");
        assertEquals("in-use", v.get("status").asText());
        assertEquals(300, v.get("size").asInt());
    }

    @Test
    void yearlyMonthlyWithoutAutoPayWaitsForPayment() {
        String orderId = resize("billing-02", 400).json().get("order_id").asText();
        advance(60_000);
        JsonNode info = order(orderId).get("order_info");
        assertEquals(6, info.get("status").asInt());
        assertTrue(info.get("payment_time").isNull());
        assertEquals(300, volume("billing-02").get("size").asInt());
        assertEquals("available", volume("billing-02").get("status").asText());
        assertEquals("EVS.1068", resize("billing-02", 500).errorCode());

        SignedClient.Reply paid = client.post("/v3/orders/customer-orders/pay", "{\"order_id\":\"" + orderId + "\"}");
        assertEquals(204, paid.status());
        assertEquals(3, order(orderId).get("order_info").get("status").asInt());
        assertEquals("CBC.99003106", client.post("/v3/orders/customer-orders/pay",
                "{\"order_id\":\"" + orderId + "\"}").errorCode());

        advance(6000);
        assertEquals(5, order(orderId).get("order_info").get("status").asInt());
        assertEquals(400, volume("billing-02").get("size").asInt());
        assertEquals("available", volume("billing-02").get("status").asText());
    }

    @Test
    void explicitFalseAutoPayAlsoWaits() {
        String orderId = resize("billing-03", String.format(AUTO_PAY, 600, "false")).json().get("order_id").asText();
        advance(10_000);
        assertEquals(6, order(orderId).get("order_info").get("status").asInt());
        assertEquals(500, volume("billing-03").get("size").asInt());
    }

    @Test
    void unknownJobAndOrder() {
        assertEquals(404, client.get("/v1/" + PID + "/jobs/ff80808288d41e1b0188e0b3d3f6046c").status());
        SignedClient.Reply r = client.get("/v2/orders/customer-orders/details/CS0000000000XXXXX");
        assertEquals(400, r.status());
        assertEquals("CBC.0101", r.json().get("error_code").asText());
        assertTrue(r.json().has("error_msg"));
    }
}
