package io.expanse.cloud.huawei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.EvsBillingApi.BatchJob;
import io.expanse.cloud.huawei.EvsBillingApi.BatchVolume;
import io.expanse.cloud.huawei.EvsBillingApi.OnDemandPrice;
import io.expanse.cloud.huawei.EvsBillingApi.OrderDetail;
import io.expanse.cloud.huawei.EvsBillingApi.RatedDisk;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** {@link HuaweiBillingClient} against scripted answers: bodies sent, faults, BSS codes, write-once. */
class HuaweiBillingClientTest extends ClientFixture {

    private HuaweiBillingClient billing() {
        return HuaweiClient.builder().http(http).endpoints(HuaweiEndpoints.single(server.url("/").uri()))
                .credentials(Credentials.permanent(AK, SK)).region("cn-north-4").projectId(PID)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).retry(retries(4)).buildBilling();
    }

    private static final String RATING = "{\"amount\":0.5556,\"measure_id\":1,\"currency\":\"CNY\","
            + "\"product_rating_results\":[{\"id\":\"2\",\"amount\":0.4167,\"measure_id\":1},"
            + "{\"id\":\"1\",\"amount\":0.1389,\"measure_id\":1}]}";

    @Test
    void onDemandRatingSendsBothSizesAndIsRetriedAfter429() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .body("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}").build());
        server.enqueue(json(200, RATING));

        OnDemandPrice price = billing().rateOnDemand(new RatedDisk("SSD", "cn-north-4a", 100), 300);

        assertEquals(new BigDecimal("0.1389"), price.oldPerHour(), "matched by product id, not by position");
        assertEquals(new BigDecimal("0.4167"), price.newPerHour());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(java.time.Duration.ofSeconds(1)), sleeps);
        take();
        RecordedRequest r = takeSigned();
        assertEquals("POST", r.getMethod());
        assertEquals("/v2/bills/ratings/on-demand-resources", r.getUrl().encodedPath());
        var body = HuaweiJson.MAPPER.readTree(r.getBody().utf8());
        assertEquals(PID, body.get("project_id").asText());
        assertEquals(2, body.get("product_infos").size());
        var old = body.get("product_infos").get(0);
        assertEquals("hws.service.type.ebs", old.get("cloud_service_type").asText());
        assertEquals("SSD", old.get("resource_spec").asText());
        assertEquals("cn-north-4", old.get("region").asText());
        assertEquals(100, old.get("resource_size").asInt());
        assertEquals(17, old.get("size_measure_id").asInt());
        assertEquals(4, old.get("usage_measure_id").asInt());
        assertEquals(300, body.get("product_infos").get(1).get("resource_size").asInt());
    }

    @Test
    void amountsInFenAreGivenInYuan() throws Exception {
        server.enqueue(json(200, "{\"currency\":\"CNY\",\"measure_id\":3,\"product_rating_results\":["
                + "{\"id\":\"1\",\"amount\":14},{\"id\":\"2\",\"amount\":\"42\"}]}"));
        OnDemandPrice price = billing().rateOnDemand(new RatedDisk("SSD", "cn-north-4a", 100), 300);
        assertEquals(0, new BigDecimal("0.14").compareTo(price.oldPerHour()));
        assertEquals(0, new BigDecimal("0.42").compareTo(price.newPerHour()));
    }

    @Test
    void aRatingWithoutTheNewSizeIsABadResponse() {
        server.enqueue(json(200, "{\"currency\":\"CNY\",\"product_rating_results\":[{\"id\":\"1\",\"amount\":1}]}"));
        ApiException e = assertThrows(ApiException.class,
                () -> billing().rateOnDemand(new RatedDisk("SSD", "cn-north-4a", 100), 300));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.operatorMessage().contains("product 2 (the new size)"), e.operatorMessage());
    }

    @Test
    void monthlyRatingTakesTheBestOffer() throws Exception {
        server.enqueue(json(200, "{\"currency\":\"CNY\",\"official_website_rating_result\":"
                + "{\"official_website_amount\":100.00,\"measure_id\":1},\"optional_discount_rating_results\":["
                + "{\"amount\":95.00,\"best_offer\":0,\"measure_id\":1},{\"amount\":90.00,\"best_offer\":1,"
                + "\"measure_id\":1}]}"));
        var price = billing().rateMonthly(new RatedDisk("SSD", "cn-north-4a", 100), 100);
        assertEquals(new BigDecimal("100.00"), price.officialAmount());
        assertEquals(new BigDecimal("90.00"), price.amount());
        var body = HuaweiJson.MAPPER.readTree(takeSigned().getBody().utf8()).get("product_infos").get(0);
        assertEquals(2, body.get("period_type").asInt());
        assertEquals(1, body.get("period_num").asInt());
    }

    @Test
    void orderDetailReadsAmountsAndThePaymentDeadline() throws Exception {
        server.enqueue(json(200, "{\"order_info\":{\"order_id\":\"CS1\",\"status\":6,\"order_type\":3,"
                + "\"amount_after_discount\":12.5,\"official_amount\":13.75,\"measure_id\":1,\"currency\":\"CNY\","
                + "\"create_time\":\"2025-03-01T09:00:00Z\",\"pending_payment_end_time\":\"2025-03-08T09:00:00Z\"},"
                + "\"order_line_items\":[],\"total_count\":1}"));
        OrderDetail o = billing().getOrderDetail("CS1");
        assertTrue(o.awaitingPayment());
        assertEquals(new BigDecimal("12.5"), o.amountAfterDiscount());
        assertEquals(new BigDecimal("13.75"), o.officialAmount());
        assertEquals(Instant.parse("2025-03-08T09:00:00Z"), o.pendingPaymentEndTime());
        assertEquals("12.5", o.toOrder().amount());
        assertEquals("/v2/orders/customer-orders/details/CS1", takeSigned().getUrl().encodedPath());
    }

    @Test
    void payIsSentOnceWithoutCouponsOrDiscounts() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        billing().payOrder("CS2503011000ABCDE");
        RecordedRequest r = takeSigned();
        assertEquals("POST", r.getMethod());
        assertEquals("/v3/orders/customer-orders/pay", r.getUrl().encodedPath());
        assertEquals("{\"order_id\":\"CS2503011000ABCDE\",\"use_coupon\":\"NO\",\"use_discount\":\"NO\"}",
                r.getBody().utf8());
    }

    @Test
    void payRefusedForInsufficientBalanceHasAPlainSentence() {
        server.enqueue(json(400, "{\"error_code\":\"CBC.99005003\",\"error_msg\":\"Insufficient balance.\"}"));
        ApiException e = assertThrows(ApiException.class, () -> billing().payOrder("CS1"));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("CBC.99005003", e.code());
        assertEquals("Insufficient balance.", e.serverMessage());
        assertEquals("The account balance is insufficient to pay the order; top up the account, then pay again.",
                e.operatorMessage());
        assertFalse(e.operatorMessage().contains("Exception"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aPayWhoseAnswerIsLostIsOutcomeUnknownAndNotSentAgain() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        ApiException e = assertThrows(ApiException.class, () -> billing().payOrder("CS1"));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().endsWith("it will be checked by reading the order back."),
                e.operatorMessage());
        assertEquals(1, server.getRequestCount(), "the payment was sent again");
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aPayAnsweredByAGatewayTimeoutIsOutcomeUnknownSettledByTheOrder() {
        server.enqueue(new MockResponse.Builder().code(504).addHeader("Content-Type", "text/html")
                .body("<html><head><title>504 Gateway Time-out</title></head></html>").build());
        ApiException e = assertThrows(ApiException.class, () -> billing().payOrder("CS1"));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().contains("reading the order back"), e.operatorMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void cancelIsAPutSentOnceAndCancellingAPaidOrderIsRefused() throws Exception {
        server.enqueue(json(400, "{\"error_code\":\"CBC.99005010\",\"error_msg\":\"order status not allowed\"}"));
        server.enqueue(new MockResponse.Builder().code(204).build());
        ApiException e = assertThrows(ApiException.class, () -> billing().cancelOrder("CS1"));
        assertEquals("CBC.99005010", e.code());
        assertEquals("The order's status does not allow cancelling it (it was already paid, completed or cancelled).",
                e.operatorMessage());
        RecordedRequest r = takeSigned();
        assertEquals("PUT", r.getMethod());
        assertEquals("/v2/orders/customer-orders/cancel", r.getUrl().encodedPath());
        assertEquals("{\"order_id\":\"CS1\"}", r.getBody().utf8());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aSuccessStatusCarryingARefusalCodeIsARefusal() {
        server.enqueue(json(200, "{\"error_code\":\"CBC.99003106\",\"error_msg\":\"status changed\"}"));
        ApiException e = assertThrows(ApiException.class, () -> billing().payOrder("CS1"));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("CBC.99003106", e.code());
        assertTrue(e.operatorMessage().contains("already paid or cancelled"), e.operatorMessage());
    }

    @Test
    void batchBodyIsSnakeCaseAndTheJobsSubJobsAreReadPerDisk() throws Exception {
        server.enqueue(json(202, "{\"job_id\":\"job-b\"}"));
        server.enqueue(json(200, "{\"status\":\"FAIL\",\"job_id\":\"job-b\",\"job_type\":\"batchExtendVolumes\","
                + "\"entities\":{\"sub_jobs\":[{\"status\":\"SUCCESS\",\"job_id\":\"s1\",\"entities\":"
                + "{\"volume_id\":\"v1\",\"size\":150}},{\"status\":\"FAIL\",\"job_id\":\"s2\",\"error_code\":"
                + "\"EVS.2002\",\"fail_reason\":\"pool full\",\"entities\":{\"volume_id\":\"v2\",\"size\":80}}]}}"));
        HuaweiBillingClient billing = billing();

        var accepted = billing.batchExtend(List.of(new BatchVolume("v1", 150), new BatchVolume("v2", 80)), true);
        BatchJob job = billing.getBatchJob(accepted.jobId());

        RecordedRequest r = takeSigned();
        assertEquals("/v5/" + PID + "/volumes/batch-extend", r.getUrl().encodedPath());
        assertEquals("{\"volumes\":[{\"id\":\"v1\",\"new_size\":150},{\"id\":\"v2\",\"new_size\":80}],"
                + "\"bss_param\":{\"is_auto_pay\":\"true\"}}", r.getBody().utf8());
        assertEquals("/v1/" + PID + "/jobs/job-b", takeSigned().getUrl().encodedPath());
        assertTrue(job.finished());
        assertTrue(job.outcomeOf("v1").succeeded());
        assertEquals(Integer.valueOf(150), job.outcomeOf("v1").sizeGb());
        assertTrue(job.outcomeOf("v2").failed());
        assertEquals("pool full", job.outcomeOf("v2").failReason());
        assertEquals("EVS.2002", job.outcomeOf("v2").errorCode());
        assertNull(job.outcomeOf("v3"));
    }

    @Test
    void anOnDemandBatchSendsNoBssParam() throws Exception {
        server.enqueue(json(202, "{\"job_id\":\"j\"}"));
        billing().batchExtend(List.of(new BatchVolume("v1", 20)), null);
        assertEquals("{\"volumes\":[{\"id\":\"v1\",\"new_size\":20}]}", takeSigned().getBody().utf8());
    }

    @Test
    void v5MissingIsReportedDistinctlyAfterOneRequest() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"error_msg\":\"The API does not exist or has not been published in the environment\","
                        + "\"error_code\":\"APIGW.0101\",\"request_id\":\"r-404\"}").build());
        ApiException e = assertThrows(ApiException.class,
                () -> billing().batchExtend(List.of(new BatchVolume("v1", 20)), null));
        BatchExtendUnavailableException u = assertInstanceOf(BatchExtendUnavailableException.class, e);
        assertEquals(Kind.NOT_FOUND, u.kind());
        assertEquals("r-404", u.requestId());
        assertTrue(u.operatorMessage().contains("one at a time"), u.operatorMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aVolumeNotFoundInABatchIsNotMistakenForAMissingV5() {
        server.enqueue(json(404, "{\"error\":{\"code\":\"EVS.5404\",\"message\":\"volume v1 not found\"}}"));
        ApiException e = assertThrows(ApiException.class,
                () -> billing().batchExtend(List.of(new BatchVolume("v1", 20)), null));
        assertFalse(e instanceof BatchExtendUnavailableException);
        assertEquals("EVS.5404", e.code());
    }

    @Test
    void aBatchOfSixtyOneOrWithADuplicateIsRefusedBeforeSending() {
        List<BatchVolume> many = java.util.stream.IntStream.range(0, 61)
                .mapToObj(i -> new BatchVolume("v" + i, 10)).toList();
        assertThrows(IllegalArgumentException.class, () -> billing().batchExtend(many, null));
        assertThrows(IllegalArgumentException.class, () -> billing().batchExtend(
                List.of(new BatchVolume("v1", 10), new BatchVolume("v1", 20)), null));
        assertThrows(IllegalArgumentException.class, () -> billing().batchExtend(List.of(), null));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aBatchAcceptedWithAnUnreadableAnswerIsOutcomeUnknown() {
        server.enqueue(json(202, "{\"job_"));
        ApiException e = assertThrows(ApiException.class,
                () -> billing().batchExtend(List.of(new BatchVolume("v1", 20)), null));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertTrue(e.operatorMessage().contains("reading the disks back"), e.operatorMessage());
    }

    @Test
    void subscriptionQueryUsesHuaweisSpellingAndReadsExpiry() throws Exception {
        server.enqueue(json(200, "{\"total_count\":1,\"data\":[{\"resource_id\":\"v1\",\"is_main_resource\":0,"
                + "\"parent_resource_id\":\"srv-1\",\"status\":2,\"effective_time\":\"2025-01-01T00:00:00Z\","
                + "\"expire_time\":\"2025-12-31T15:59:59Z\"}]}"));
        var subs = billing().subscriptions(List.of("v1", "v1"));
        assertEquals(1, subs.size());
        assertEquals(Instant.parse("2025-12-31T15:59:59Z"), subs.get(0).expireTime());
        assertFalse(subs.get(0).mainResource());
        assertEquals("srv-1", subs.get(0).parentResourceId());
        RecordedRequest r = takeSigned();
        assertEquals("/v2/orders/suscriptions/resources/query", r.getUrl().encodedPath());
        assertTrue(r.getBody().utf8().contains("\"resource_ids\":[\"v1\"]"), r.getBody().utf8());
    }
}
