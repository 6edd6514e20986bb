package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.sandbox.SandboxVolume;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests signed by the OFFICIAL Huawei Cloud Java SDK (huaweicloud-sdk-core: {@code BasicCredentials} adding
 * X-Project-Id / X-Security-Token, then {@code AKSKSigner}, exactly as the SDK's own clients do) and sent with
 * {@code java.net.http.HttpClient}, not with anything of Expanse's: the sandbox must accept them, and must refuse
 * the same request once one byte of its body or query changed after signing. This shows the sandbox verifies what
 * the real gateway's SDK produces, so the sandbox is a fair judge of Expanse's own signer.
 *
 * <p>The SDK stamps X-Sdk-Date from the wall clock itself, so the sandbox runs on the wall clock.
 */
class OfficialSdkAgainstSandboxTest {

    private static final String PID = SandboxCloud.PROJECT_ID;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers java.net.http sets itself and refuses from callers; checked against the wire instead. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    private SandboxCloud cloud;
    private SandboxServer server;
    private HttpClient http;

    @BeforeEach
    void start() {
        cloud = new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(), SandboxTimings.DEFAULT);
        server = SandboxServer.start(cloud);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A request as the SDK builds and signs it. */
    private HttpRequest sdkSigned(HttpMethod method, String path, Map<String, List<String>> query, String body,
                                  Credentials credentials) {
        HttpRequest.HttpRequestBuilder b = HttpRequest.newBuilder()
                .withEndpoint(server.baseUri().toString())
                .withPath(path)
                .withMethod(method);
        query.forEach(b::addQueryParam);
        if (body != null) {
            b.withBodyAsString(body);
            b.withContentType("application/json;charset=UTF-8");
            b.addHeader("Content-Type", "application/json;charset=UTF-8");
        }
        BasicCredentials sdkCredentials = new BasicCredentials()
                .withAk(credentials.accessKey())
                .withSk(credentials.secretKey())
                .withProjectId(PID);
        if (credentials.temporary()) {
            sdkCredentials.withSecurityToken(credentials.securityToken());
        }
        HttpRequest signed = sdkCredentials.syncProcessAuthRequest(b.build(), null);
        assertTrue(signed.getHeader("Authorization").startsWith("SDK-HMAC-SHA256 Access=" + credentials.accessKey()),
                signed.getHeader("Authorization"));
        return signed;
    }

    /** Sends the SDK's request as signed; {@code body} may differ from the signed one (tampering). */
    private HttpResponse<String> send(HttpRequest signed, String rawQuery, String body) throws Exception {
        URI uri = URI.create(server.baseUri() + signed.getPath() + (rawQuery == null ? "" : "?" + rawQuery));
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10));
        signed.getHeaders().forEach((name, values) -> {
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                assertEquals(server.baseUri().getAuthority(), values.get(0), "the SDK signed this Host");
            } else {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(signed.getMethod().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertRefused(HttpResponse<String> response) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("APIGW.0301", body.get("error_code").asText(), response.body());
        assertTrue(body.get("error_msg").asText().contains("verify aksk signature fail"), response.body());
    }

    @Test
    void listWithAQueryIsAcceptedAndATamperedQueryIsRefused() throws Exception {
        String path = "/v2/" + PID + "/cloudvolumes/detail";
        Map<String, List<String>> query = Map.of("status", List.of("in-use"), "limit", List.of("5"),
                "sort_key", List.of("size"), "sort_dir", List.of("asc"));
        HttpRequest signed = sdkSigned(HttpMethod.GET, path, query, null, server.credentials());

        HttpResponse<String> ok = send(signed, "limit=5&sort_dir=asc&sort_key=size&status=in-use", null);

        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode list = json(ok);
        long inUse = cloud.volumes().stream().filter(v -> "in-use".equals(v.status())).count();
        assertEquals(inUse, list.get("count").asLong(), "the query was applied");
        assertEquals(5, list.get("volumes").size());
        long previous = 0;
        for (JsonNode v : list.get("volumes")) {
            assertEquals("in-use", v.get("status").asText());
            assertTrue(v.get("size").asLong() >= previous, "sorted by size ascending");
            previous = v.get("size").asLong();
        }

        // The signature covers the query: one changed character after signing is refused.
        assertRefused(send(signed, "limit=6&sort_dir=asc&sort_key=size&status=in-use", null));
    }

    @Test
    void getVolumeIsAccepted() throws Exception {
        String volumeId = SandboxSeed.volumeId("billing-01");
        HttpRequest signed = sdkSigned(HttpMethod.GET, "/v2/" + PID + "/cloudvolumes/" + volumeId, Map.of(), null,
                server.credentials());

        HttpResponse<String> ok = send(signed, null, null);

        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode volume = json(ok).get("volume");
        assertEquals(volumeId, volume.get("id").asText());
        assertEquals("billing-01", volume.get("name").asText());
        assertEquals(cloud.volumeByName("billing-01").orElseThrow().metadata().get("orderID"),
                volume.get("metadata").get("orderID").asText());
    }

    @Test
    void resizeWithAJsonBodyIsAcceptedAndTheSameRequestWithOneBodyByteChangedIsRefused() throws Exception {
        String path = "/v2.1/" + PID + "/cloudvolumes/" + SandboxSeed.volumeId("data-02") + "/action";
        String body = "{\"os-extend\":{\"new_size\":120}}";
        HttpRequest signed = sdkSigned(HttpMethod.POST, path, Map.of(), body, server.credentials());
        String tampered = body.replace("120", "920");
        assertEquals(body.length(), tampered.length());
        assertEquals(1, countDifferentBytes(body, tampered));

        // Tampered first, so that an accepted tampered request would show as a 920 GB job.
        assertRefused(send(signed, null, tampered));
        SandboxVolume untouched = cloud.volumeByName("data-02").orElseThrow();
        assertEquals(100, untouched.size());
        assertEquals("available", untouched.status(), "no job was started by the refused request");

        HttpResponse<String> accepted = send(signed, null, body);

        assertEquals(202, accepted.statusCode(), accepted.body());
        String jobId = json(accepted).get("job_id").asText();
        var job = cloud.job(jobId).orElseThrow();
        assertEquals(120, job.size(), "the sandbox acted on the signed body");
        assertEquals(SandboxSeed.volumeId("data-02"), job.volumeId());
        assertNotEquals("available", cloud.volumeByName("data-02").orElseThrow().status());
    }

    @Test
    void sdkTemporaryCredentialsAreAcceptedAndAWrongTokenIsRefused() throws Exception {
        Credentials temporary = new Credentials("TMPAKEXAMPLE00000002", "tmpSecretKey0123456789abcdefghijklmnopqrs",
                "gQpjbi1ub3J0aC00SDKSECURITYTOKEN+/=");
        server.close();
        server = SandboxServer.start(cloud, 0, temporary);
        String path = "/v2/" + PID + "/cloudvolumes/" + SandboxSeed.volumeId("data-01");

        HttpRequest signed = sdkSigned(HttpMethod.GET, path, Map.of(), null, temporary);
        assertEquals(temporary.securityToken(), signed.getHeader("X-Security-Token"), "the SDK added the token");
        HttpResponse<String> ok = send(signed, null, null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("data-01", json(ok).get("volume").get("name").asText());

        Credentials wrong = new Credentials(temporary.accessKey(), temporary.secretKey(), "another-token");
        HttpResponse<String> refused = send(sdkSigned(HttpMethod.GET, path, Map.of(), null, wrong), null, null);
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("APIGW.0301", json(refused).get("error_code").asText());
        assertTrue(json(refused).get("error_msg").asText().contains("decrypt token fail"), refused.body());
    }

    private static int countDifferentBytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            n += x[i] != y[i] ? 1 : 0;
        }
        return n;
    }

    /** A GET signed by the SDK, its query sent as the SDK would (sorted, encoded), answered 200. */
    private String sdkGet(String path, Map<String, List<String>> query) throws Exception {
        HttpRequest signed = sdkSigned(HttpMethod.GET, path, query, null, server.credentials());
        String rawQuery = query.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + io.expanse.cloud.huawei.AkSkSigner.encode(e.getValue().get(0)))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> response = send(signed, rawQuery.isEmpty() ? null : rawQuery, null);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void novaShowServerParsesWithTheSdksStrictModel() throws Exception {
        io.expanse.sandbox.SandboxInstance first = cloud.servers().get(0);
        String body = sdkGet("/v2.1/" + PID + "/servers/" + first.id(), Map.of());
        var parsed = com.huaweicloud.sdk.core.utils.JsonUtils.toObjectIgnoreUnknownByStrict(body,
                com.huaweicloud.sdk.ecs.v2.model.NovaShowServerResponse.class);
        assertEquals(first.id(), parsed.getServer().getId());
        var attached = parsed.getServer().getOsExtendedVolumesVolumesAttached();
        assertEquals(cloud.volumesOf(first.id()).size(), attached.size());
        assertTrue(attached.stream().anyMatch(v -> Boolean.TRUE.equals(v.getDeleteOnTermination())),
                "the boot volume is deleted with the server: " + body);
        // The strict model refuses the string form, so this check can fail.
        String asString = body.replaceFirst("\"delete_on_termination\":(true|false)", "\"delete_on_termination\":\"$1\"");
        assertThrows(RuntimeException.class, () -> com.huaweicloud.sdk.core.utils.JsonUtils
                .toObjectIgnoreUnknownByStrict(asString, com.huaweicloud.sdk.ecs.v2.model.NovaShowServerResponse.class));
    }

    @Test
    void novaListServersDetailsPagesWithMarkersAndParsesWithTheSdksStrictModel() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        Map<String, List<String>> query = Map.of("limit", List.of("3"));
        for (int page = 0; page < 100; page++) {
            String body = sdkGet("/v2.1/" + PID + "/servers/detail", query);
            var parsed = com.huaweicloud.sdk.core.utils.JsonUtils.toObjectIgnoreUnknownByStrict(body,
                    com.huaweicloud.sdk.ecs.v2.model.NovaListServersDetailsResponse.class);
            parsed.getServers().forEach(srv -> seen.add(srv.getId()));
            if (parsed.getServersLinks() == null || parsed.getServersLinks().isEmpty()) {
                break;
            }
            String href = parsed.getServersLinks().get(0).getHref();
            assertEquals("next", parsed.getServersLinks().get(0).getRel().toString().toLowerCase(Locale.ROOT));
            String marker = href.substring(href.indexOf("marker=") + "marker=".length());
            query = Map.of("limit", List.of("3"), "marker", List.of(marker));
        }
        assertEquals(cloud.servers().stream().map(io.expanse.sandbox.SandboxInstance::id).toList(), seen);
        String paused = cloud.servers().stream().filter(srv -> srv.status().equals("PAUSED")).findFirst()
                .map(io.expanse.sandbox.SandboxInstance::id).orElseThrow();
        String one = sdkGet("/v2.1/" + PID + "/servers/" + paused, Map.of());
        assertEquals("PAUSED", JSON.readTree(one).path("server").path("status").asText(), "Nova tells PAUSED apart");
    }

    @Test
    void ecsListServersDetailsTakesServerIdsAndPageNumbersAndParsesWithTheSdksStrictModel() throws Exception {
        List<io.expanse.sandbox.SandboxInstance> servers = cloud.servers();
        String unknown = "00000000-0000-4000-8000-000000000000";
        String ids = servers.get(2).id() + "," + unknown + "," + servers.get(0).id();
        String body = sdkGet("/v1/" + PID + "/cloudservers/detail", Map.of("server_id", List.of(ids),
                "limit", List.of("100"), "status", List.of("ERROR")));
        var parsed = com.huaweicloud.sdk.core.utils.JsonUtils.toObjectIgnoreUnknownByStrict(body,
                com.huaweicloud.sdk.ecs.v2.model.ListServersDetailsResponse.class);
        assertEquals(3, parsed.getCount(), "server_id overrides every other filter");
        assertEquals(List.of(servers.get(2).id(), unknown, servers.get(0).id()),
                parsed.getServers().stream().map(com.huaweicloud.sdk.ecs.v2.model.ServerDetail::getId).toList());
        var missing = parsed.getServers().get(1);
        assertNotEquals(null, missing.getFault());
        assertEquals(null, missing.getStatus(), "an unknown id has only its id and a fault");
        var boot = parsed.getServers().get(0).getOsExtendedVolumesVolumesAttached().stream()
                .filter(a -> "0".equals(a.getBootIndex())).findFirst().orElseThrow();
        assertTrue(boot.getDevice().startsWith("/dev/"), boot.getDevice());

        // offset is a page number: page 2 of 2 per page holds the third and fourth servers; 0 reads as 1.
        String second = sdkGet("/v1/" + PID + "/cloudservers/detail", Map.of("limit", List.of("2"),
                "offset", List.of("2")));
        assertEquals(List.of(servers.get(2).id(), servers.get(3).id()), ids(second));
        String zero = sdkGet("/v1/" + PID + "/cloudservers/detail", Map.of("limit", List.of("2"),
                "offset", List.of("0")));
        assertEquals(List.of(servers.get(0).id(), servers.get(1).id()), ids(zero));
        assertEquals(servers.size(), JSON.readTree(zero).path("count").asInt());
    }

    @Test
    void ecsV1ReportsPausedServersAsShutoff() throws Exception {
        io.expanse.sandbox.SandboxInstance paused = cloud.servers().stream()
                .filter(srv -> srv.status().equals("PAUSED")).findFirst().orElseThrow();
        String body = sdkGet("/v1/" + PID + "/cloudservers/detail", Map.of("server_id", List.of(paused.id())));
        assertEquals("SHUTOFF", JSON.readTree(body).path("servers").path(0).path("status").asText());
    }

    @Test
    void anOverLongRequestLineIsAnswered414WithAWebPage() throws Exception {
        String ids = String.join(",", java.util.Collections.nCopies(400, "00000000-0000-4000-8000-000000000000"));
        HttpRequest signed = sdkSigned(HttpMethod.GET, "/v1/" + PID + "/cloudservers/detail",
                Map.of("server_id", List.of(ids)), null, server.credentials());
        HttpResponse<String> response = send(signed, "server_id="
                + io.expanse.cloud.huawei.AkSkSigner.encode(ids), null);
        assertEquals(414, response.statusCode());
        assertTrue(response.body().contains("<title>414 Request-URI Too Large</title>"), response.body());
    }

    private static List<String> ids(String body) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        JSON.readTree(body).path("servers").forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    /** A request with a JSON body (the SDK's own model serialised by the SDK), signed by the SDK, answered 2xx. */
    private String sdkWrite(HttpMethod method, String path, Object model) throws Exception {
        String body = com.huaweicloud.sdk.core.utils.JsonUtils.toJSON(model);
        HttpResponse<String> response = send(sdkSigned(method, path, Map.of(), body, server.credentials()), null,
                body);
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return response.body();
    }

    private static <T> T strict(String body, Class<T> model) {
        return com.huaweicloud.sdk.core.utils.JsonUtils.toObjectIgnoreUnknownByStrict(body, model);
    }

    @Test
    void billingRatingsParseWithTheSdksBssModels() throws Exception {
        var product = new com.huaweicloud.sdk.bss.v2.model.DemandProductInfo().withId("1")
                .withCloudServiceType("hws.service.type.ebs").withResourceType("hws.resource.type.volume")
                .withResourceSpec("SSD").withRegion(server.region()).withAvailableZone("cn-north-4a")
                .withResourceSize(100).withSizeMeasureId(17).withUsageFactor("Duration")
                .withUsageValue(java.math.BigDecimal.ONE).withUsageMeasureId(4).withSubscriptionNum(1);
        var onDemand = strict(sdkWrite(HttpMethod.POST, "/v2/bills/ratings/on-demand-resources",
                new com.huaweicloud.sdk.bss.v2.model.RateOnDemandReq().withProjectId(PID).withInquiryPrecision(0)
                        .withProductInfos(List.of(product))),
                com.huaweicloud.sdk.bss.v2.model.ListOnDemandResourceRatingsResponse.class);
        assertEquals("CNY", onDemand.getCurrency());
        assertEquals(0, new java.math.BigDecimal("0.1389").compareTo(onDemand.getProductRatingResults().get(0)
                .getAmount()), "100 GB SSD an hour");

        var period = new com.huaweicloud.sdk.bss.v2.model.PeriodProductInfo().withId("1")
                .withCloudServiceType("hws.service.type.ebs").withResourceType("hws.resource.type.volume")
                .withResourceSpec("ESSD").withRegion(server.region()).withAvailableZone("cn-north-4a")
                .withResourceSize(200).withSizeMeasureId(17).withPeriodType(2).withPeriodNum(1).withSubscriptionNum(1);
        var monthly = strict(sdkWrite(HttpMethod.POST, "/v2/bills/ratings/period-resources/subscribe-rate",
                new com.huaweicloud.sdk.bss.v2.model.RateOnPeriodReq().withProjectId(PID)
                        .withProductInfos(List.of(period))),
                com.huaweicloud.sdk.bss.v2.model.ListRateOnPeriodDetailResponse.class);
        assertEquals(0, new java.math.BigDecimal("300.00").compareTo(monthly.getOfficialWebsiteRatingResult()
                .getOfficialWebsiteAmount()), "200 GB ESSD a month");
    }

    /** Several products in one rating request: the per-product results the batch dialog reads, by the SDK. */
    @Test
    void multiProductRatingsParseWithTheSdksBssModels() throws Exception {
        List<com.huaweicloud.sdk.bss.v2.model.DemandProductInfo> demand = new java.util.ArrayList<>();
        List<com.huaweicloud.sdk.bss.v2.model.PeriodProductInfo> period = new java.util.ArrayList<>();
        int[] sizes = {100, 300, 40};
        for (int i = 0; i < sizes.length; i++) {
            demand.add(new com.huaweicloud.sdk.bss.v2.model.DemandProductInfo().withId(i + "o")
                    .withCloudServiceType("hws.service.type.ebs").withResourceType("hws.resource.type.volume")
                    .withResourceSpec("SSD").withRegion(server.region()).withAvailableZone("cn-north-4a")
                    .withResourceSize(sizes[i]).withSizeMeasureId(17).withUsageFactor("Duration")
                    .withUsageValue(java.math.BigDecimal.ONE).withUsageMeasureId(4).withSubscriptionNum(1));
            period.add(new com.huaweicloud.sdk.bss.v2.model.PeriodProductInfo().withId(String.valueOf(i + 1))
                    .withCloudServiceType("hws.service.type.ebs").withResourceType("hws.resource.type.volume")
                    .withResourceSpec("ESSD").withRegion(server.region()).withAvailableZone("cn-north-4a")
                    .withResourceSize(sizes[i]).withSizeMeasureId(17).withPeriodType(2).withPeriodNum(1)
                    .withSubscriptionNum(1));
        }
        var onDemand = strict(sdkWrite(HttpMethod.POST, "/v2/bills/ratings/on-demand-resources",
                new com.huaweicloud.sdk.bss.v2.model.RateOnDemandReq().withProjectId(PID).withInquiryPrecision(0)
                        .withProductInfos(demand)),
                com.huaweicloud.sdk.bss.v2.model.ListOnDemandResourceRatingsResponse.class);
        assertEquals(List.of("0o", "1o", "2o"), onDemand.getProductRatingResults().stream()
                .map(com.huaweicloud.sdk.bss.v2.model.DemandProductRatingResult::getId).toList());
        assertEquals(0, new java.math.BigDecimal("0.4167").compareTo(onDemand.getProductRatingResults().get(1)
                .getAmount()), "300 GB SSD an hour");
        assertEquals(0, onDemand.getAmount().compareTo(onDemand.getProductRatingResults().stream()
                .map(com.huaweicloud.sdk.bss.v2.model.DemandProductRatingResult::getAmount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)), "the total is the sum");

        var monthly = strict(sdkWrite(HttpMethod.POST, "/v2/bills/ratings/period-resources/subscribe-rate",
                new com.huaweicloud.sdk.bss.v2.model.RateOnPeriodReq().withProjectId(PID).withProductInfos(period)),
                com.huaweicloud.sdk.bss.v2.model.ListRateOnPeriodDetailResponse.class);
        var perProduct = monthly.getOfficialWebsiteRatingResult().getProductRatingResults();
        assertEquals(List.of("1", "2", "3"), perProduct.stream()
                .map(com.huaweicloud.sdk.bss.v2.model.PeriodProductOfficialRatingResult::getId).toList());
        assertEquals(0, new java.math.BigDecimal("450.00").compareTo(perProduct.get(1).getOfficialWebsiteAmount()),
                "300 GB ESSD a month");
    }

    @Test
    void subscriptionsOrdersPayAndCancelParseWithTheSdksBssModels() throws Exception {
        String billing02 = SandboxSeed.volumeId("billing-02");
        var subs = strict(sdkWrite(HttpMethod.POST, "/v2/orders/suscriptions/resources/query",
                new com.huaweicloud.sdk.bss.v2.model.QueryResourcesReq()
                        .withResourceIds(List.of(billing02, SandboxSeed.volumeId("data-01"))).withOnlyMainResource(0)),
                com.huaweicloud.sdk.bss.v2.model.ListPayPerUseCustomerResourcesResponse.class);
        assertEquals(1, subs.getTotalCount());
        assertEquals(billing02, subs.getData().get(0).getResourceId());
        assertTrue(subs.getData().get(0).getExpireTime().endsWith("Z"), subs.getData().get(0).getExpireTime());

        String orderId = cloud.resize(billing02, 400, false).orderId();
        var detail = strict(sdkGet("/v2/orders/customer-orders/details/" + orderId, Map.of()),
                com.huaweicloud.sdk.bss.v2.model.ShowCustomerOrderDetailsResponse.class);
        assertEquals(6, detail.getOrderInfo().getStatus());
        assertNotEquals(null, detail.getOrderInfo().getPendingPaymentEndTime());
        assertTrue(detail.getOrderInfo().getAmountAfterDiscount() > 0);

        sdkWrite(HttpMethod.PUT, "/v2/orders/customer-orders/cancel",
                new com.huaweicloud.sdk.bss.v2.model.CancelCustomerOrderReq().withOrderId(orderId));
        assertEquals(4, cloud.order(orderId).orElseThrow().status());

        String second = cloud.resize(billing02, 400, false).orderId();
        sdkWrite(HttpMethod.POST, "/v3/orders/customer-orders/pay",
                new com.huaweicloud.sdk.bss.v2.model.PayCustomerOrderV3Req().withOrderId(second).withUseCoupon("NO")
                        .withUseDiscount("NO"));
        assertEquals(3, cloud.order(second).orElseThrow().status(), "paid, processing");
    }

    @Test
    void batchExtendAndItsJobParseWithTheSdksEvsModels() throws Exception {
        var volumes = List.of(
                new com.huaweicloud.sdk.evs.v2.model.VolumesForBatchResizeVolume()
                        .withId(SandboxSeed.volumeId("data-02")).withNewSize(150),
                new com.huaweicloud.sdk.evs.v2.model.VolumesForBatchResizeVolume()
                        .withId(SandboxSeed.volumeId("data-fail-02")).withNewSize(80));
        var accepted = strict(sdkWrite(HttpMethod.POST, "/v5/" + PID + "/volumes/batch-extend",
                new com.huaweicloud.sdk.evs.v2.model.BatchResizeVolumeRequestBody().withVolumes(volumes)),
                com.huaweicloud.sdk.evs.v2.model.BatchResizeVolumesResponse.class);
        assertNotEquals(null, accepted.getJobId());
        assertEquals(null, accepted.getOrderId());

        var job = strict(sdkGet("/v1/" + PID + "/jobs/" + accepted.getJobId(), Map.of()),
                com.huaweicloud.sdk.evs.v2.model.ShowJobResponse.class);
        var subJobs = job.getEntities().getSubJobs();
        assertEquals(List.of(SandboxSeed.volumeId("data-02"), SandboxSeed.volumeId("data-fail-02")),
                subJobs.stream().map(j -> j.getEntities().getVolumeId()).toList());
        assertEquals(Integer.valueOf(150), subJobs.get(0).getEntities().getSize());
    }

    @Test
    void agentDimensionsParseWithTheSdksCesV2Model() throws Exception {
        String web = io.expanse.sandbox.SandboxSeed.serverId("web-01");
        String path = "/v2/" + PID + "/instances/" + web + "/agent-dimensions";
        var mounts = strict(sdkGet(path, Map.of("dim_name", List.of("mount_point"), "limit", List.of("100"))),
                com.huaweicloud.sdk.ces.v2.model.ListAgentDimensionInfoResponse.class);
        assertEquals(cloud.cloudEye().mountPoints(web).size(), mounts.getCount());
        assertEquals(cloud.cloudEye().mountPoints(web), mounts.getDimensions().stream()
                .map(com.huaweicloud.sdk.ces.v2.model.AgentDimension::getOriginValue).toList());
        mounts.getDimensions().forEach(d -> {
            assertEquals(com.huaweicloud.sdk.ces.v2.model.AgentDimension.NameEnum.MOUNT_POINT, d.getName());
            assertTrue(d.getValue().matches("[0-9a-f]{32}"), "opaque 32 characters: " + d.getValue());
        });
        var disks = strict(sdkGet(path, Map.of("dim_name", List.of("disk"))),
                com.huaweicloud.sdk.ces.v2.model.ListAgentDimensionInfoResponse.class);
        assertEquals("vda", disks.getDimensions().get(0).getOriginValue());
        String noAgent = io.expanse.sandbox.SandboxSeed.serverId("batch-01");
        var none = strict(sdkGet("/v2/" + PID + "/instances/" + noAgent + "/agent-dimensions",
                Map.of("dim_name", List.of("mount_point"))),
                com.huaweicloud.sdk.ces.v2.model.ListAgentDimensionInfoResponse.class);
        assertEquals(0, none.getCount());
    }

    @Test
    void agentMetricListPagesWithMarkersAndParsesWithTheSdksCesV1Model() throws Exception {
        String path = "/V1.0/" + PID + "/metrics";
        Map<String, java.util.Set<String>> seen = new java.util.HashMap<>();
        String marker = null;
        int pages = 0;
        int total;
        do {
            Map<String, List<String>> query = new java.util.HashMap<>(Map.of("namespace", List.of("AGT.ECS"),
                    "metric_name", List.of("disk_usedPercent"), "limit", List.of("3")));
            if (marker != null) {
                query.put("start", List.of(marker));
            }
            var page = strict(sdkGet(path, query), com.huaweicloud.sdk.ces.v1.model.ListMetricsResponse.class);
            pages++;
            assertTrue(page.getMetrics().size() <= 3, "limit holds");
            for (var m : page.getMetrics()) {
                assertEquals("AGT.ECS", m.getNamespace());
                assertEquals("disk_usedPercent", m.getMetricName());
                assertEquals("instance_id", m.getDimensions().get(0).getName());
                assertEquals("mount_point", m.getDimensions().get(1).getName());
                assertTrue(seen.computeIfAbsent(m.getDimensions().get(0).getValue(), k -> new java.util.HashSet<>())
                        .add(m.getDimensions().get(1).getValue()), "no metric twice");
            }
            total = page.getMetaData().getTotal();
            marker = page.getMetaData().getMarker();
        } while (marker != null && !marker.isEmpty() && pages < 1000);
        assertTrue(pages > 1, "paged: " + pages);
        assertEquals(total, seen.values().stream().mapToInt(java.util.Set::size).sum());
        String web = io.expanse.sandbox.SandboxSeed.serverId("web-01");
        assertEquals(cloud.cloudEye().mountPoints(web).size(), seen.get(web).size(), "every mount point of web-01");
        assertTrue(!seen.containsKey(io.expanse.sandbox.SandboxSeed.serverId("batch-01")), "no agent, no metric");
        // the mount point values are those of the agent dimensions, so the client can match them
        var mounts = strict(sdkGet("/v2/" + PID + "/instances/" + web + "/agent-dimensions",
                Map.of("dim_name", List.of("mount_point"))),
                com.huaweicloud.sdk.ces.v2.model.ListAgentDimensionInfoResponse.class);
        assertEquals(seen.get(web), mounts.getDimensions().stream()
                .map(com.huaweicloud.sdk.ces.v2.model.AgentDimension::getValue)
                .collect(java.util.stream.Collectors.toSet()));
        var one = strict(sdkGet(path, Map.of("namespace", List.of("AGT.ECS"), "dim.0",
                List.of("instance_id," + web))), com.huaweicloud.sdk.ces.v1.model.ListMetricsResponse.class);
        assertEquals(3 * seen.get(web).size(), one.getMetrics().size(), "three disk metrics per mount point");
    }

    @Test
    void metricDataParsesWithTheSdksCesV1ModelAndCloudEyesLimitsHold() throws Exception {
        String web = io.expanse.sandbox.SandboxSeed.serverId("web-01");
        String path = "/v2/" + PID + "/instances/" + web + "/agent-dimensions";
        var mounts = strict(sdkGet(path, Map.of("dim_name", List.of("mount_point"))),
                com.huaweicloud.sdk.ces.v2.model.ListAgentDimensionInfoResponse.class).getDimensions();
        long to = System.currentTimeMillis();
        long from = to - Duration.ofDays(7).toMillis();
        var body = new com.huaweicloud.sdk.ces.v1.model.BatchListMetricDataRequestBody().withPeriod("86400")
                .withFilter("max").withFrom(from).withTo(to);
        for (var m : mounts) {
            for (String name : List.of("disk_usedPercent", "disk_total")) {
                body.addMetricsItem(new com.huaweicloud.sdk.ces.v1.model.MetricInfo().withNamespace("AGT.ECS")
                        .withMetricName(name)
                        .addDimensionsItem(new com.huaweicloud.sdk.ces.v1.model.MetricsDimension()
                                .withName("instance_id").withValue(web))
                        .addDimensionsItem(new com.huaweicloud.sdk.ces.v1.model.MetricsDimension()
                                .withName("mount_point").withValue(m.getValue())));
            }
        }
        String batchPath = "/V1.0/" + PID + "/batch-query-metric-data";
        var answer = strict(sdkWrite(HttpMethod.POST, batchPath, body),
                com.huaweicloud.sdk.ces.v1.model.BatchListMetricDataResponse.class);
        assertEquals(mounts.size() * 2, answer.getMetrics().size());
        var first = answer.getMetrics().get(0);
        assertEquals("disk_usedPercent", first.getMetricName());
        assertEquals("%", first.getUnit());
        assertTrue(first.getDatapoints().size() >= 7, "a week of daily maxima: " + first.getDatapoints().size());
        first.getDatapoints().forEach(p -> assertTrue(p.getMax() > 0 && p.getMax() <= 100, "percent " + p));

        // 500 metrics × 7 days of 5-minute points is over 3000: Cloud Eye moves "from" later, without an error.
        var many = new com.huaweicloud.sdk.ces.v1.model.BatchListMetricDataRequestBody().withPeriod("300")
                .withFilter("max").withFrom(from).withTo(to).withMetrics(List.of(body.getMetrics().get(0),
                        body.getMetrics().get(1)));
        var moved = strict(sdkWrite(HttpMethod.POST, batchPath, many),
                com.huaweicloud.sdk.ces.v1.model.BatchListMetricDataResponse.class);
        long earliest = moved.getMetrics().get(0).getDatapoints().get(0).getTimestamp();
        assertTrue(earliest >= to - Duration.ofMinutes(300L * 3000 / 2 / 60).toMillis() - 300_000,
                "from moved to about 3.5 days back: " + java.time.Instant.ofEpochMilli(earliest));

        // 501 metrics are refused.
        var tooMany = new com.huaweicloud.sdk.ces.v1.model.BatchListMetricDataRequestBody().withPeriod("86400")
                .withFilter("max").withFrom(from).withTo(to)
                .withMetrics(java.util.Collections.nCopies(501, body.getMetrics().get(0)));
        String json = com.huaweicloud.sdk.core.utils.JsonUtils.toJSON(tooMany);
        HttpResponse<String> refused = send(sdkSigned(HttpMethod.POST, batchPath, Map.of(), json,
                server.credentials()), null, json);
        assertEquals(400, refused.statusCode());
        assertEquals("ces.0014", json(refused).get("error_code").asText());
    }
}
