package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HuaweiClient#servers} against a scripted ECS (huawei-evs.md §11): {@code server_id} chunks of at most 100,
 * page-number offsets, unknown ids, the fallbacks (batch refused with 404 or 400, a batch answer with servers not
 * asked for, paging refused too), the v1/Nova status merge and Nova's marker paging. The scripted server answers by
 * the request, not by order, because the calls run concurrently.
 */
class HuaweiServerBatchTest extends ClientFixture {

    /** How the scripted ECS treats {@code server_id}. */
    enum Batch { SERVED, REFUSED_404, REFUSED_400, IGNORED }

    /** A scripted server: v1 status, Nova status. */
    record Srv(String id, String v1Status, String novaStatus) {
    }

    private final Map<String, Srv> servers = new LinkedHashMap<>();
    private final List<HttpUrl> requests = new CopyOnWriteArrayList<>();
    private Batch batch = Batch.SERVED;
    private boolean pagingRefused;
    private boolean novaListRefused;

    @BeforeEach
    void script() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                HttpUrl url = request.getUrl();
                requests.add(url);
                return answer(url);
            }
        });
    }

    private void add(int count) {
        for (int i = 1; i <= count; i++) {
            add(new Srv(String.format("s%03d", i), "ACTIVE", "ACTIVE"));
        }
    }

    private void add(Srv s) {
        servers.put(s.id(), s);
    }

    private HuaweiClient client(int pageSize) {
        return builder(Credentials.permanent(AK, SK)).pageSize(pageSize).build();
    }

    // ------------------------------------------------------------------------------------------------ the batch

    @Test
    void twoHundredFiftyIdsGoOutInThreeChunksOfAtMostOneHundred() throws Exception {
        add(250);
        List<String> ids = new ArrayList<>(servers.keySet());

        Map<String, ServerInfo> read = client(1000).servers(ids);

        assertEquals(new HashSet<>(ids), read.keySet());
        List<HttpUrl> batches = v1Lists().stream().filter(u -> u.queryParameter("server_id") != null).toList();
        assertEquals(3, batches.size(), "three server_id calls: " + batches);
        Set<List<String>> chunks = new HashSet<>();
        for (HttpUrl u : batches) {
            assertEquals("/v1/" + PID + "/cloudservers/detail", u.encodedPath());
            List<String> asked = Arrays.asList(u.queryParameter("server_id").split(","));
            assertTrue(asked.size() <= 100, "chunk of " + asked.size());
            assertEquals(Integer.toString(asked.size()), u.queryParameter("limit"), "every asked server fits");
            assertEquals("1", u.queryParameter("offset"), "the first (and only) page: offset is a page number");
            chunks.add(asked);
        }
        assertEquals(Set.of(ids.subList(0, 100), ids.subList(100, 200), ids.subList(200, 250)), chunks);
        assertEquals(0, singleReads(), "no server was read on its own");
        assertEquals(1, novaLists().size(), "one Nova page of 1000 holds all 250");
    }

    @Test
    void theV1DetailGivesBootIndexDeviceRootDeviceAndOsType() throws Exception {
        add(new Srv("s001", "ACTIVE", "ACTIVE"));

        ServerInfo s = client(1000).servers(List.of("s001")).get("s001");

        assertEquals("name-s001", s.name());
        assertEquals("ACTIVE", s.status());
        assertEquals("/dev/vda", s.rootDeviceName());
        assertEquals("Linux", s.osType());
        assertEquals(List.of(new ServerInfo.AttachedVolume("sys-s001", "/dev/vda", "0"),
                new ServerInfo.AttachedVolume("data-s001", "/dev/vdb", "-1")), s.volumes());
        assertTrue(s.volumes().get(0).systemDisk());
        assertFalse(s.volumes().get(1).systemDisk());
    }

    @Test
    void anUnknownIdIsAbsentAndNotReadAgainOnItsOwn() throws Exception {
        add(new Srv("s001", "ACTIVE", "ACTIVE"));

        Map<String, ServerInfo> read = client(1000).servers(List.of("s001", "ghost"));

        assertEquals(Set.of("s001"), read.keySet());
        assertEquals(0, singleReads(), "ECS said the id is unknown ({id, fault}); no single read follows");
    }

    // ------------------------------------------------------------------------------------------------ fallbacks

    @Test
    void aBatchRefusedWith404FallsBackToPagingTheWholeListByPageNumber() throws Exception {
        batch = Batch.REFUSED_404;
        assertFallsBackToPaging();
    }

    @Test
    void aBatchRefusedWith400FallsBackToPagingTheWholeListByPageNumber() throws Exception {
        batch = Batch.REFUSED_400;
        assertFallsBackToPaging();
    }

    @Test
    void aBatchAnswerWithServersNotAskedForFallsBackToPaging() throws Exception {
        batch = Batch.IGNORED;
        assertFallsBackToPaging();
    }

    private void assertFallsBackToPaging() throws Exception {
        add(5);
        add(new Srv("s006", "SHUTOFF", "SUSPENDED"));

        Map<String, ServerInfo> read = client(2).servers(List.of("s001", "s004", "s006", "ghost"));

        assertEquals(Set.of("s001", "s004", "s006"), read.keySet());
        assertEquals("SUSPENDED", read.get("s006").status(), "Nova's status still wins");
        assertEquals("0", read.get("s004").bootIndexOf("sys-s004"));
        List<String> pages = v1Lists().stream().filter(u -> u.queryParameter("server_id") == null)
                .map(u -> u.queryParameter("limit") + "@" + u.queryParameter("offset")).sorted().toList();
        assertEquals(List.of("2@1", "2@2", "2@3"), pages, "6 servers in pages of 2: offset is the page number 1..3");
        assertEquals(0, singleReads());
    }

    @Test
    void pagingRefusedTooFallsBackToSingleReads() throws Exception {
        batch = Batch.REFUSED_404;
        pagingRefused = true;
        add(new Srv("s001", "ACTIVE", "ACTIVE"));
        add(new Srv("s002", "SHUTOFF", "PAUSED"));

        Map<String, ServerInfo> read = client(1000).servers(List.of("s001", "s002", "ghost"));

        assertEquals(Set.of("s001", "s002"), read.keySet());
        assertEquals("PAUSED", read.get("s002").status(), "a single read takes its status from Nova");
        assertEquals("0", read.get("s002").bootIndexOf("sys-s002"));
        assertEquals(Set.of("/v2.1/" + PID + "/servers/s001", "/v2.1/" + PID + "/servers/s002",
                "/v2.1/" + PID + "/servers/ghost", "/v1/" + PID + "/cloudservers/s001",
                "/v1/" + PID + "/cloudservers/s002"), singleReadPaths());
    }

    @Test
    void aBatchFailingForAnotherReasonIsAnError() {
        add(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(403, "{\"error\":{\"code\":\"Ecs.0001\",\"message\":\"Policy doesn't allow "
                        + "ecs:cloudServers:list to be performed.\"}}");
            }
        });

        ApiException e = assertThrows(ApiException.class, () -> client(1000).servers(List.of("s001")));
        assertEquals(403, e.httpStatus());
    }

    // ------------------------------------------------------------------------------------------------ Nova

    @Test
    void novaStatusWinsWhereV1SaysShutoff() throws Exception {
        add(new Srv("a", "SHUTOFF", "PAUSED"));
        add(new Srv("b", "SHUTOFF", "SHUTOFF"));
        add(new Srv("c", "ACTIVE", "ACTIVE"));
        add(new Srv("d", "SHUTOFF", " SUSPENDED "));

        Map<String, ServerInfo> read = client(1000).servers(List.of("a", "b", "c", "d"));

        assertEquals("PAUSED", read.get("a").status());
        assertEquals("SHUTOFF", read.get("b").status());
        assertEquals("ACTIVE", read.get("c").status());
        assertEquals("SUSPENDED", read.get("d").status(), "trimmed");
        assertEquals("/dev/vda", read.get("a").rootDeviceName(), "everything else from v1");
    }

    @Test
    void theNovaListIsFollowedByMarker() throws Exception {
        add(4);
        add(new Srv("s005", "SHUTOFF", "PAUSED"));

        Map<String, ServerInfo> read = client(2).servers(List.of("s001", "s005"));

        assertEquals("PAUSED", read.get("s005").status(), "from the third Nova page");
        List<String> markers = novaLists().stream().map(u -> u.queryParameter("limit") + "/"
                + u.queryParameter("marker")).toList();
        assertEquals(List.of("2/null", "2/s002", "2/s004"), markers);
    }

    @Test
    void aRefusedNovaListReadsOnlyTheShutoffServersFromNovaOneByOne() throws Exception {
        novaListRefused = true;
        add(new Srv("a", "SHUTOFF", "PAUSED"));
        add(new Srv("b", "ACTIVE", "ACTIVE"));

        Map<String, ServerInfo> read = client(1000).servers(List.of("a", "b"));

        assertEquals("PAUSED", read.get("a").status());
        assertEquals("ACTIVE", read.get("b").status());
        assertEquals(Set.of("/v2.1/" + PID + "/servers/a"), singleReadPaths());
    }

    @Test
    void noIdsMakeNoCall() throws Exception {
        assertTrue(client(1000).servers(List.of()).isEmpty());
        assertEquals(0, server.getRequestCount());
    }

    // ------------------------------------------------------------------------------------------------ script

    private List<HttpUrl> v1Lists() {
        return requests.stream().filter(u -> u.encodedPath().equals("/v1/" + PID + "/cloudservers/detail")).toList();
    }

    private List<HttpUrl> novaLists() {
        return requests.stream().filter(u -> u.encodedPath().equals("/v2.1/" + PID + "/servers/detail")).toList();
    }

    private Set<String> singleReadPaths() {
        return requests.stream().map(HttpUrl::encodedPath).filter(p -> !p.endsWith("/detail"))
                .collect(Collectors.toSet());
    }

    private long singleReads() {
        return singleReadPaths().size();
    }

    private MockResponse answer(HttpUrl url) {
        String path = url.encodedPath();
        if (path.equals("/v1/" + PID + "/cloudservers/detail")) {
            String ids = url.queryParameter("server_id");
            if (ids != null && batch != Batch.IGNORED) {
                if (batch == Batch.REFUSED_404) {
                    return json(404, "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist or has "
                            + "not been published in the environment\"}");
                }
                if (batch == Batch.REFUSED_400) {
                    return json(400, "{\"error\":{\"code\":\"Ecs.0005\",\"message\":\"Invalid parameter: "
                            + "server_id\"}}");
                }
                List<String> entries = Arrays.stream(ids.split(",")).map(id -> servers.containsKey(id)
                        ? v1(servers.get(id)) : "{\"id\":\"" + id + "\",\"fault\":{\"code\":404,\"message\":"
                        + "\"Instance[" + id + "] could not be found.\"}}").toList();
                return json(200, "{\"count\":" + entries.size() + ",\"servers\":[" + String.join(",", entries)
                        + "]}");
            }
            if (pagingRefused) {
                return json(400, "{\"error\":{\"code\":\"Ecs.0005\",\"message\":\"Invalid parameter: offset\"}}");
            }
            int limit = Integer.parseInt(url.queryParameter("limit"));
            int page = Math.max(1, Integer.parseInt(url.queryParameter("offset")));
            List<Srv> all = new ArrayList<>(servers.values());
            String body = IntStream.range((page - 1) * limit, Math.min(all.size(), page * limit))
                    .mapToObj(i -> v1(all.get(i))).collect(Collectors.joining(","));
            return json(200, "{\"count\":" + all.size() + ",\"servers\":[" + body + "]}");
        }
        if (path.equals("/v2.1/" + PID + "/servers/detail")) {
            if (novaListRefused) {
                return json(404, "{\"itemNotFound\":{\"code\":404,\"message\":\"The resource could not be found.\"}}");
            }
            int limit = Integer.parseInt(url.queryParameter("limit"));
            List<Srv> all = new ArrayList<>(servers.values());
            String marker = url.queryParameter("marker");
            int start = 0;
            if (marker != null) {
                start = all.indexOf(servers.get(marker)) + 1;
            }
            List<Srv> page = all.subList(start, Math.min(all.size(), start + limit));
            String body = page.stream().map(this::nova).collect(Collectors.joining(","));
            String links = start + limit < all.size() ? ",\"servers_links\":[{\"rel\":\"next\",\"href\":"
                    + "\"https://ecs.internal.example/v2.1/" + PID + "/servers/detail?limit=" + limit + "&marker="
                    + page.get(page.size() - 1).id() + "\"}]" : "";
            return json(200, "{\"servers\":[" + body + "]" + links + "}");
        }
        String novaOne = "/v2.1/" + PID + "/servers/";
        String v1One = "/v1/" + PID + "/cloudservers/";
        if (path.startsWith(novaOne) || path.startsWith(v1One)) {
            boolean nova = path.startsWith(novaOne);
            Srv s = servers.get(path.substring((nova ? novaOne : v1One).length()));
            if (s == null) {
                return json(404, "{\"itemNotFound\":{\"code\":404,\"message\":\"Instance could not be found.\"}}");
            }
            return json(200, "{\"server\":" + (nova ? nova(s) : v1(s)) + "}");
        }
        return json(404, "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist\"}");
    }

    private String v1(Srv s) {
        return "{\"id\":\"" + s.id() + "\",\"name\":\"name-" + s.id() + "\",\"status\":\"" + s.v1Status() + "\","
                + "\"OS-EXT-SRV-ATTR:root_device_name\":\"/dev/vda\",\"metadata\":{\"os_type\":\"Linux\"},"
                + "\"os-extended-volumes:volumes_attached\":["
                + "{\"id\":\"sys-" + s.id() + "\",\"device\":\"/dev/vda\",\"bootIndex\":\"0\","
                + "\"delete_on_termination\":\"true\"},"
                + "{\"id\":\"data-" + s.id() + "\",\"device\":\"/dev/vdb\",\"bootIndex\":\"-1\","
                + "\"delete_on_termination\":\"false\"}]}";
    }

    private String nova(Srv s) {
        return "{\"id\":\"" + s.id() + "\",\"name\":\"name-" + s.id() + "\",\"status\":\"" + s.novaStatus() + "\","
                + "\"os-extended-volumes:volumes_attached\":[{\"id\":\"sys-" + s.id() + "\","
                + "\"delete_on_termination\":true}]}";
    }

    @Test
    void nextMarkerComesFromTheLinkOrTheLastServer() throws Exception {
        HuaweiJson json = new HuaweiJson("t", 200);
        var links = json.array(json.parse("{\"l\":[{\"rel\":\"next\",\"href\":\"https://x/v2.1/p/servers/detail"
                + "?limit=2&marker=m1\"}]}"), "l");
        assertEquals("m1", ServerBatch.nextMarker(links, "last"));
        var bare = json.array(json.parse("{\"l\":[{\"rel\":\"next\",\"href\":\"https://x/v2.1/p/servers/detail\"}]}"),
                "l");
        assertEquals("last", ServerBatch.nextMarker(bare, "last"));
        assertNull(ServerBatch.nextMarker(List.of(), "last"));
    }
}
