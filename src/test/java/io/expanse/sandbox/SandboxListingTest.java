package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxListingTest extends SandboxHttpTestBase {

    private static final List<String> VOLUME_FIELDS = List.of("id", "name", "status", "size", "bootable",
            "multiattach", "attachments", "metadata", "availability_zone", "volume_type", "enterprise_project_id",
            "created_at", "updated_at", "service_type", "links", "description");

    @Test
    void pagesThroughAllFiftyVolumesByNextLink() {
        Set<String> ids = new HashSet<>();
        String next = "/v2/" + PID + "/cloudvolumes/detail?limit=20";
        int pages = 0;
        while (next != null) {
            SignedClient.Reply r = client.get(next);
            assertEquals(200, r.status());
            assertEquals(50, r.json().get("count").asInt());
            r.json().get("volumes").forEach(v -> assertTrue(ids.add(v.get("id").asText()), "duplicate"));
            pages++;
            JsonNode links = r.json().get("volumes_links");
            if (links == null) {
                next = null;
            } else {
                assertEquals("next", links.get(0).get("rel").asText());
                URI href = URI.create(links.get(0).get("href").asText());
                assertEquals(server.baseUri().getRawAuthority(), href.getRawAuthority());
                assertTrue(href.getRawQuery().contains("marker="), href.toString());
                next = href.getRawPath() + "?" + href.getRawQuery();
            }
        }
        assertEquals(3, pages);
        assertEquals(50, ids.size());
    }

    @Test
    void lastPageHasNoLinksAndOffsetSkips() {
        JsonNode all = client.get("/v2/" + PID + "/cloudvolumes/detail").json();
        assertEquals(50, all.get("volumes").size());
        assertFalse(all.has("volumes_links"));
        JsonNode tail = client.get("/v2/" + PID + "/cloudvolumes/detail?limit=20&offset=40").json();
        assertEquals(10, tail.get("volumes").size());
        assertFalse(tail.has("volumes_links"));
        assertEquals(all.get("volumes").get(40).get("id"), tail.get("volumes").get(0).get("id"));
    }

    @Test
    void everyVolumeHasTheDocumentedFieldsAndTypes() {
        for (JsonNode v : client.get("/v2/" + PID + "/cloudvolumes/detail").json().get("volumes")) {
            VOLUME_FIELDS.forEach(f -> assertTrue(v.has(f), v.get("name") + " lacks " + f));
            assertTrue(v.get("size").isIntegralNumber());
            assertTrue(v.get("bootable").isTextual());
            assertTrue(v.get("multiattach").isBoolean());
            assertEquals("EVS", v.get("service_type").asText());
            for (JsonNode a : v.get("attachments")) {
                for (String f : List.of("server_id", "attachment_id", "attached_at", "host_name", "volume_id",
                        "device", "id")) {
                    assertTrue(a.has(f), f);
                }
            }
        }
    }

    @Test
    void filtersByNameAndStatus() {
        JsonNode byName = client.get("/v2/" + PID + "/cloudvolumes/detail?name=data-01").json();
        assertEquals(1, byName.get("count").asInt());
        assertEquals(id("data-01"), byName.get("volumes").get(0).get("id").asText());
        JsonNode byStatus = client.get("/v2/" + PID + "/cloudvolumes/detail?status=error_extending").json();
        assertEquals(1, byStatus.get("count").asInt());
        assertEquals("extend-failed", byStatus.get("volumes").get(0).get("name").asText());
    }

    @Test
    void limitAboveThousandIsRejected() {
        SignedClient.Reply r = client.get("/v2/" + PID + "/cloudvolumes/detail?limit=1001");
        assertEquals(400, r.status());
        assertEquals("EVS.2142", r.errorCode());
        assertEquals("EVS.5400", client.get("/v2/" + PID + "/cloudvolumes/detail?limit=abc").errorCode());
    }

    @Test
    void getsOneVolumeWithRoleData() {
        JsonNode v = volume("sys-01");
        assertEquals("sys-01", v.get("name").asText());
        assertEquals(40, v.get("size").asInt());
        assertEquals("true", v.get("bootable").asText());
        assertEquals("/dev/vda", v.get("attachments").get(0).get("device").asText());
        JsonNode billing = volume("billing-01");
        assertTrue(billing.get("metadata").get("orderID").asText().matches("CS\\d{10}[A-Z]{5}"));
        assertEquals(2, volume("shared-01").get("attachments").size());
    }

    @Test
    void unknownVolumeIs404WithEvsBody() {
        SignedClient.Reply r = client.get("/v2/" + PID + "/cloudvolumes/00000000-0000-0000-0000-000000000000");
        assertEquals(404, r.status());
        assertEquals("EVS.5404", r.json().get("error").get("code").asText());
        assertNotNull(r.json().get("error").get("message").asText());
    }

    @Test
    void wrongProjectIsForbiddenByTheGateway() {
        SignedClient.Reply r = client.get("/v2/0123456789abcdef0123456789abcdef/cloudvolumes/detail");
        assertEquals(403, r.status());
        assertEquals("APIGW.0310", r.json().get("error_code").asText());
        assertTrue(r.json().has("request_id"));
    }
}
