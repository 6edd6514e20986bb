package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.ApiException.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class HuaweiClientReadTest extends ClientFixture {

    @Test
    void listVolumesFetchesRemainingPagesConcurrentlyKeepsOrderAndDedupes() throws Exception {
        // count 7, page size 2: offsets 0, 2, 4, 6. Pages 2, 4 and 6 are answered only once all three have
        // arrived, which can only happen when they are in flight at the same time.
        CountDownLatch allLaterPagesArrived = new CountDownLatch(3);
        Set<String> offsets = new ConcurrentSkipListSet<>();
        List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                recorded.add(request);
                String offset = request.getUrl().queryParameter("offset");
                offsets.add(offset);
                String body = switch (offset) {
                    case "0" -> page(volumeJson("v1", "10"), volumeJson("v2", "\"20\""));
                    case "2" -> page(volumeJson("v3", "30"), volumeJson("v4", "40"));
                    // v4 shows up again when a volume is created while paging shifts the list.
                    case "4" -> page(volumeJson("v4", "40"), volumeJson("v5", "50"));
                    case "6" -> page(volumeJson("v6", "60"));
                    default -> throw new AssertionError("unexpected offset " + offset);
                };
                if (!offset.equals("0")) {
                    allLaterPagesArrived.countDown();
                    if (!allLaterPagesArrived.await(3, TimeUnit.SECONDS)) {
                        return json(500, "{\"error\":{\"code\":\"TEST\",\"message\":\"pages were not concurrent\"}}");
                    }
                }
                return json(200, body);
            }
        });

        List<Volume> volumes = builder(Credentials.permanent(AK, SK)).retry(RetryPolicy.none()).build().listVolumes();

        assertEquals(List.of("v1", "v2", "v3", "v4", "v5", "v6"), volumes.stream().map(Volume::id).toList());
        assertEquals(new TreeSet<>(List.of("0", "2", "4", "6")), offsets);
        assertEquals(4, recorded.size());
        for (RecordedRequest r : recorded) {
            SignatureAssert.assertSigned(r, AK, SK);
            assertEquals("/v2/" + PID + "/cloudvolumes/detail", r.getUrl().encodedPath());
            assertEquals("limit=2&offset=" + r.getUrl().queryParameter("offset"), r.getUrl().encodedQuery());
            assertEquals(PID, r.getHeaders().get("X-Project-Id"));
        }
        assertEquals(20, volumes.get(1).sizeGb(), "size given as a string");
    }

    private static String page(String... volumes) {
        return "{\"volumes\":[" + String.join(",", volumes) + "],\"count\":7}";
    }

    @Test
    void enterpriseProjectFilterIsSentAndSignedWithEveryListCall() throws Exception {
        server.enqueue(json(200, "{\"volumes\":[" + volumeJson("a", "1") + "],\"count\":1}"));
        server.enqueue(json(200, "{\"volumes\":[],\"count\":0}"));
        builder(Credentials.permanent(AK, SK)).pageSize(2).enterpriseProject("ep-1").build().listVolumes();
        assertEquals("enterprise_project_id=ep-1&limit=2&offset=0", takeSigned().getUrl().encodedQuery());
        builder(Credentials.permanent(AK, SK)).pageSize(2).enterpriseProject(" ALL ").build().listVolumes();
        assertEquals("enterprise_project_id=all_granted_eps&limit=2&offset=0", takeSigned().getUrl().encodedQuery());
    }

    @Test
    void firstPageWithoutCountIsWalkedUntilAShortPage() throws Exception {
        server.enqueue(json(200, "{\"volumes\":[" + volumeJson("a", "1") + "," + volumeJson("b", "2") + "]}"));
        server.enqueue(json(200, "{\"volumes\":[" + volumeJson("c", "3") + "]}"));
        assertEquals(3, client().listVolumes().size());
        assertEquals("limit=2&offset=0", takeSigned().getUrl().encodedQuery());
        assertEquals("limit=2&offset=2", takeSigned().getUrl().encodedQuery());
    }

    @Test
    void getVolumeParsesLeniently() throws Exception {
        server.enqueue(json(200, "{\"volume\":{\"id\":\"vol-1\",\"status\":\"available\",\"size\":\"100\","
                + "\"bootable\":\"true\",\"multiattach\":\"false\",\"metadata\":{\"orderID\":\"CS123\","
                + "\"hw:passthrough\":\"true\",\"n\":null},\"unknown_field\":{\"x\":1}}}"));
        Volume v = client().getVolume("vol-1");
        assertEquals(100, v.sizeGb());
        assertTrue(v.bootable());
        assertFalse(v.multiattach());
        assertEquals(List.of(), v.attachments());
        assertEquals("CS123", v.orderId());
        assertEquals("", v.name());
        assertEquals("/v2/" + PID + "/cloudvolumes/vol-1", takeSigned().getUrl().encodedPath());
    }

    @Test
    void booleanBootableIsAcceptedToo() throws Exception {
        server.enqueue(json(200, "{\"volume\":{\"id\":\"v\",\"status\":\"in-use\",\"size\":5,\"bootable\":true,"
                + "\"multiattach\":true}}"));
        Volume v = client().getVolume("v");
        assertTrue(v.bootable());
        assertTrue(v.multiattach());
    }

    @Test
    void badBootableValueIsABadResponse() {
        server.enqueue(json(200, "{\"volume\":{\"id\":\"v\",\"status\":\"in-use\",\"size\":5,\"bootable\":\"yes\"}}"));
        ApiException e = assertThrows(ApiException.class, () -> client().getVolume("v"));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("'bootable'"), e.operatorMessage());
    }

    @Test
    void getJobUsesEvsEndpoint() throws Exception {
        server.enqueue(json(200, "{\"status\":\"FAIL\",\"entities\":{\"volume_id\":\"vol-1\"},\"job_id\":\"job-9\","
                + "\"job_type\":\"extendVolume\",\"begin_time\":\"2025-03-01T09:00:00.000Z\",\"end_time\":\"\","
                + "\"error_code\":\"EVS.2026\",\"fail_reason\":\"extend failed\"}"));
        Job job = client().getJob("job-9");
        assertTrue(job.failed());
        assertEquals("vol-1", job.volumeId());
        assertEquals("extend failed", job.failReason());
        assertEquals("EVS.2026", job.errorCode());
        assertEquals("/v1/" + PID + "/jobs/job-9", takeSigned().getUrl().encodedPath());
    }

    @Test
    void jobWithoutStatusIsABadResponse() {
        server.enqueue(json(200, "{\"job_id\":\"j\",\"error_code\":null}"));
        ApiException e = assertThrows(ApiException.class, () -> client().getJob("j"));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("'status'"), e.operatorMessage());
    }

    @Test
    void getServerCombinesNovaStatusAndEcsVolumes() throws Exception {
        server.enqueue(json(200, "{\"server\":{\"id\":\"srv-1\",\"name\":\"web\",\"status\":\"PAUSED\"}}"));
        server.enqueue(json(200, "{\"server\":{\"status\":\"ACTIVE\",\"OS-EXT-SRV-ATTR:root_device_name\":\"/dev/vda\","
                + "\"os-extended-volumes:volumes_attached\":[{\"id\":\"sys\",\"device\":\"/dev/vda\",\"bootIndex\":\"0\"},"
                + "{\"id\":\"data\",\"device\":\"/dev/vdb\",\"bootIndex\":1}]}}"));
        ServerInfo s = client().getServer("srv-1");
        assertEquals("PAUSED", s.status());
        assertEquals("web", s.name());
        assertEquals("/dev/vda", s.rootDeviceName());
        assertEquals("0", s.bootIndexOf("sys"));
        assertEquals("1", s.bootIndexOf("data"));
        assertEquals("/v2.1/" + PID + "/servers/srv-1", takeSigned().getUrl().encodedPath());
        assertEquals("/v1/" + PID + "/cloudservers/srv-1", takeSigned().getUrl().encodedPath());
    }

    @Test
    void getServerKeepsStatusWhenEcsDetailIsNotFound() throws Exception {
        server.enqueue(json(200, "{\"server\":{\"id\":\"srv-1\",\"name\":\"web\",\"status\":\"SHUTOFF\"}}"));
        server.enqueue(json(404, "{\"error\":{\"code\":\"Ecs.0114\",\"message\":\"not found\"}}"));
        ServerInfo s = client().getServer("srv-1");
        assertEquals("SHUTOFF", s.status());
        assertEquals(List.of(), s.volumes());
        assertNull(s.rootDeviceName());
    }

    @Test
    void getServerPropagatesOtherEcsFailures() {
        server.enqueue(json(200, "{\"server\":{\"id\":\"srv-1\",\"status\":\"ACTIVE\"}}"));
        server.enqueue(json(403, "{\"error_code\":\"APIGW.0302\",\"error_msg\":\"not authorized\"}"));
        ApiException e = assertThrows(ApiException.class, () -> client().getServer("srv-1"));
        assertEquals(Kind.PERMISSION, e.kind());
    }

    @Test
    void getOrderReadsOrderInfo() throws Exception {
        server.enqueue(json(200, "{\"order_info\":{\"order_id\":\"CS1711152257C60TL\",\"status\":\"6\","
                + "\"order_type\":3,\"amount_after_discount\":12.50,\"currency\":\"CNY\","
                + "\"create_time\":\"2025-03-01T09:00:00Z\"},\"order_line_items\":[],\"total_count\":1}"));
        Order o = client().getOrder("CS1711152257C60TL");
        assertTrue(o.awaitingPayment());
        assertEquals(3, o.orderType());
        assertEquals("12.50", o.amount());
        assertEquals("CNY", o.currency());
        var r = takeSigned();
        assertEquals("/v2/orders/customer-orders/details/CS1711152257C60TL", r.getUrl().encodedPath());
        assertEquals("limit=10&offset=0", r.getUrl().encodedQuery());
    }

    @Test
    void lookupProjectIdFindsTheSingleMatchWithoutProjectHeader() throws Exception {
        server.enqueue(json(200, "{\"projects\":[{\"id\":\"p-1\",\"name\":\"cn-north-4\",\"enabled\":true}],"
                + "\"links\":{}}"));
        String id = builder(Credentials.permanent(AK, SK)).projectId(null).lookupProjectId("cn-north-4");
        assertEquals("p-1", id);
        var r = takeSigned();
        assertEquals("/v3/projects", r.getUrl().encodedPath());
        assertEquals("name=cn-north-4", r.getUrl().encodedQuery());
        assertNull(r.getHeaders().get("X-Project-Id"));
    }

    @Test
    void lookupProjectIdWithNoMatchIsNotFoundAndCreatesNothing() throws Exception {
        server.enqueue(json(200, "{\"projects\":[],\"links\":{}}"));
        ApiException e = assertThrows(ApiException.class,
                () -> builder(Credentials.permanent(AK, SK)).lookupProjectId("xx-nowhere-1"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.operatorMessage().contains("xx-nowhere-1"), e.operatorMessage());
        assertEquals("GET", take().getMethod());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void temporaryCredentialsSendASignedSecurityToken() throws Exception {
        server.enqueue(json(200, "{\"volume\":{\"id\":\"v\",\"status\":\"available\",\"size\":1}}"));
        builder(new Credentials(AK, SK, TOKEN)).build().getVolume("v");
        var r = take();
        assertEquals(TOKEN, r.getHeaders().get("X-Security-Token"));
        var auth = SignatureAssert.assertSigned(r, AK, SK);
        assertEquals(List.of("host", "x-project-id", "x-sdk-date", "x-security-token"), auth.signedHeaders());
        assertEquals("20250301T100000Z", r.getHeaders().get("X-Sdk-Date"));
    }
}
