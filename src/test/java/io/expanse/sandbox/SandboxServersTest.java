package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxServersTest extends SandboxHttpTestBase {

    @ParameterizedTest(name = "{0}: nova {1}, ecs v1 {2}")
    @CsvSource({
        "web-01, ACTIVE, ACTIVE", "pg-02, SHUTOFF, SHUTOFF", "batch-01, PAUSED, SHUTOFF",
        "cache-01, SUSPENDED, SHUTOFF", "build-01, REBOOT, REBOOT", "etl-01, RESIZE, RESIZE",
    })
    void serverStatusOnBothApis(String name, String nova, String ecs) {
        String sid = SandboxSeed.serverId(name);
        JsonNode n = client.get("/v2.1/" + PID + "/servers/" + sid).json().get("server");
        assertEquals(sid, n.get("id").asText());
        assertEquals(name, n.get("name").asText());
        assertEquals(nova, n.get("status").asText());
        JsonNode e = client.get("/v1/" + PID + "/cloudservers/" + sid).json().get("server");
        assertEquals(ecs, e.get("status").asText());
    }

    @Test
    void ecsV1ListsAttachedVolumesWithBootIndex() {
        JsonNode s = client.get("/v1/" + PID + "/cloudservers/" + SandboxSeed.serverId("web-01")).json().get("server");
        assertEquals("/dev/vda", s.get("OS-EXT-SRV-ATTR:root_device_name").asText());
        JsonNode attached = s.get("os-extended-volumes:volumes_attached");
        assertEquals(4, attached.size());
        for (JsonNode a : attached) {
            boolean system = a.get("id").asText().equals(id("sys-01"));
            assertEquals(system ? "0" : "-1", a.get("bootIndex").asText());
            assertEquals(system, a.get("device").asText().equals("/dev/vda"));
        }
        JsonNode win = client.get("/v1/" + PID + "/cloudservers/" + SandboxSeed.serverId("win-01")).json()
                .get("server");
        assertEquals("/dev/sda", win.get("OS-EXT-SRV-ATTR:root_device_name").asText());
    }

    @Test
    void unknownServers() {
        SignedClient.Reply nova = client.get("/v2.1/" + PID + "/servers/00000000-0000-0000-0000-000000000000");
        assertEquals(404, nova.status());
        assertEquals(404, nova.json().get("itemNotFound").get("code").asInt());
        SignedClient.Reply ecs = client.get("/v1/" + PID + "/cloudservers/00000000-0000-0000-0000-000000000000");
        assertEquals(404, ecs.status());
        assertEquals("Ecs.0114", ecs.errorCode());
    }

    @Test
    void iamProjectLookupByRegionName() {
        JsonNode r = client.get("/v3/projects?name=cn-north-4").json();
        assertEquals(1, r.get("projects").size());
        assertEquals(PID, r.get("projects").get(0).get("id").asText());
        assertEquals("cn-north-4", r.get("projects").get(0).get("name").asText());
        assertTrue(r.has("links"));
        assertEquals(0, client.get("/v3/projects?name=cn-east-3").json().get("projects").size());
        assertEquals(server.projectId(), PID);
        assertEquals("cn-north-4", server.region());
    }

    @Test
    void injectedFailuresAnswerThenClear() {
        cloud.failNextRequests(2, 503);
        SignedClient.Reply first = client.get("/v2/" + PID + "/cloudvolumes/" + id("data-01"));
        assertEquals(503, first.status());
        assertEquals("EVS.5503", first.errorCode());
        assertEquals(503, client.get("/v3/projects?name=cn-north-4").status());
        assertEquals(200, client.get("/v2/" + PID + "/cloudvolumes/" + id("data-01")).status());
        cloud.failNextRequests(1, 429);
        SignedClient.Reply throttled = client.get("/v3/projects?name=cn-north-4");
        assertEquals(429, throttled.status());
        assertEquals("APIGW.0308", throttled.errorCode());
    }
}
