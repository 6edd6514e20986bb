package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.BatchExtendUnavailableException;
import io.expanse.cloud.huawei.EvsBillingApi.BatchAccepted;
import io.expanse.cloud.huawei.EvsBillingApi.BatchJob;
import io.expanse.cloud.huawei.EvsBillingApi.BatchVolume;
import io.expanse.cloud.huawei.EvsBillingApi.OnDemandPrice;
import io.expanse.cloud.huawei.EvsBillingApi.OrderDetail;
import io.expanse.cloud.huawei.EvsBillingApi.PeriodPrice;
import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.EvsBillingApi.RatedDisk;
import io.expanse.cloud.huawei.EvsBillingApi.Subscription;
import io.expanse.cloud.huawei.HuaweiBillingClient;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.domain.billing.PriceRules;
import io.expanse.sandbox.SandboxBilling;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HuaweiBillingClient} against the in-process sandbox over loopback HTTP: every billing and batch call, with
 * the sandbox's invented prices, orders paid and cancelled, and a batch with one failing disk. Short sandbox timings
 * on the wall clock, so that paid orders and batch jobs finish within the test.
 */
class BillingClientAgainstSandboxTest {

    private static final SandboxTimings QUICK = new SandboxTimings(Duration.ofMillis(50), Duration.ofMillis(150),
            Duration.ofMillis(100));

    private SandboxCloud cloud;
    private SandboxServer server;
    private OkHttpClient http;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        cloud = new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(), QUICK);
        server = SandboxServer.start(cloud);
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).addInterceptor(chain -> {
            paths.add(chain.request().url().encodedPath());
            return chain.proceed(chain.request());
        }).build();
    }

    /** Every request path sent, in order. */
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private long sent(String pathEnd) {
        return paths.stream().filter(p -> p.endsWith(pathEnd)).count();
    }

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().executorService().shutdown();
    }

    private HuaweiBillingClient billing() {
        return HuaweiClient.builder().http(http).endpoints(server.endpoints())
                .credentials(server.credentials()).region(server.region()).projectId(server.projectId())
                .retry(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), sleeps::add, () -> 0.5))
                .buildBilling();
    }

    private HuaweiClient evs() {
        return HuaweiClient.builder().http(http).endpoints(server.endpoints()).credentials(server.credentials())
                .region(server.region()).projectId(server.projectId()).pageExecutor(Executors.newSingleThreadExecutor())
                .build();
    }

    private static String id(String name) {
        return SandboxSeed.volumeId(name);
    }

    private long size(String name) {
        return cloud.volumeByName(name).orElseThrow().size();
    }

    @Test
    void severalDisksArePricedOnDemandInOneRequestWithTheSameFiguresAsOneByOne() throws Exception {
        HuaweiBillingClient billing = billing();
        List<EvsBillingApi.RatedChange> changes = List.of(
                new EvsBillingApi.RatedChange(new RatedDisk("SSD", "cn-north-4a", 100), 300),
                new EvsBillingApi.RatedChange(new RatedDisk("ESSD", "cn-north-4a", 200), 250),
                new EvsBillingApi.RatedChange(new RatedDisk("SAS", "cn-north-4b", 40), 50));

        List<OnDemandPrice> all = billing.rateOnDemandAll(changes);

        assertEquals(1, sent("/on-demand-resources"), "one request for three disks");
        assertEquals(3, all.size());
        for (int i = 0; i < changes.size(); i++) {
            OnDemandPrice one = billing.rateOnDemand(changes.get(i).disk(), changes.get(i).newSizeGb());
            assertEquals(one, all.get(i), "disk " + i);
        }
        assertEquals(new BigDecimal("0.1389"), all.get(0).oldPerHour());
        assertEquals(new BigDecimal("0.4167"), all.get(0).newPerHour());
    }

    @Test
    void sixtyDisksOnDemandTakeTwoRequestsOfAtMostAHundredProducts() throws Exception {
        List<EvsBillingApi.RatedChange> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            changes.add(new EvsBillingApi.RatedChange(new RatedDisk("SSD", "cn-north-4a", 10 + i), 100 + i));
        }
        List<OnDemandPrice> all = billing().rateOnDemandAll(changes);
        assertEquals(2, sent("/on-demand-resources"));
        assertEquals(60, all.size());
        assertTrue(all.get(59).newPerHour().compareTo(all.get(0).newPerHour()) > 0, "kept in the order asked");
        assertTrue(billing().rateOnDemandAll(List.of()).isEmpty());
        assertEquals(2, sent("/on-demand-resources"), "nothing asked for no disks");
    }

    @Test
    void severalSizesArePricedMonthlyInOneRequestWithTheSameFiguresAsOneByOne() throws Exception {
        HuaweiBillingClient billing = billing();
        List<RatedDisk> disks = List.of(new RatedDisk("ESSD", "cn-north-4a", 200),
                new RatedDisk("ESSD", "cn-north-4a", 300), new RatedDisk("SSD", "cn-north-4a", 100),
                new RatedDisk("ESSD", "cn-north-4a", 200));

        List<PeriodPrice> all = billing.rateMonthlyAll(disks);

        assertEquals(1, sent("/subscribe-rate"), "one request for four sizes");
        assertEquals(4, all.size());
        assertEquals(all.get(0), all.get(3), "the same disk twice is the same price");
        for (int i = 0; i < disks.size(); i++) {
            assertEquals(billing.rateMonthly(disks.get(i), disks.get(i).sizeGb()), all.get(i), "disk " + i);
        }
        assertEquals(0, new BigDecimal("300.00").compareTo(all.get(0).amount()), "200 GB ESSD a month");
    }

    @Test
    void onDemandPriceOfTheOldAndNewSizePerHour() throws Exception {
        OnDemandPrice price = billing().rateOnDemand(new RatedDisk("SSD", "cn-north-4a", 100), 300);
        // 1.00 CNY per GB and month / 720 hours: 100 GB 0.1389, 300 GB 0.4167 an hour.
        assertEquals(new BigDecimal("0.1389"), price.oldPerHour());
        assertEquals(new BigDecimal("0.4167"), price.newPerHour());
        assertEquals("CNY", price.currency());
        assertEquals("+0.2778 CNY per hour (about 200.02 CNY per month)", PriceRules.onDemandDifference(
                price.oldPerHour(), price.newPerHour(), price.currency()).label());
    }

    @Test
    void aThrottledRatingIsAskedAgainAndThenAnswered() throws Exception {
        cloud.failNextRequests(1, 429);
        PeriodPrice price = billing().rateMonthly(new RatedDisk("ESSD", "cn-north-4a", 200), 300);
        assertEquals(new BigDecimal("450.00"), price.officialAmount());
        assertEquals(price.officialAmount(), price.amount(), "the sandbox offers no discounts");
        assertEquals(1, sleeps.size(), "one retry after the 429");
    }

    @Test
    void anUnknownVolumeTypeIsRefusedWithAPlainSentence() {
        ApiException e = assertThrows(ApiException.class,
                () -> billing().rateMonthly(new RatedDisk("QLC9", "cn-north-4a", 100), 200));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("CBC.99006006", e.code());
        assertTrue(e.operatorMessage().startsWith("The billing center knows no product"), e.operatorMessage());
        assertTrue(sleeps.isEmpty(), "a refusal is not retried");
    }

    @Test
    void subscriptionsGiveTheExpiryOfYearlyMonthlyDisksOnly() throws Exception {
        List<String> ids = List.of(id("billing-01"), id("billing-02"), id("billing-03"), id("data-01"));
        List<Subscription> subs = billing().subscriptions(ids);
        assertEquals(List.of(id("billing-01"), id("billing-02"), id("billing-03")),
                subs.stream().map(Subscription::resourceId).toList(), "the on-demand disk has no subscription");
        Instant now = Instant.now();
        for (Subscription s : subs) {
            assertTrue(s.expireTime().isAfter(now), s.toString());
            assertEquals(Integer.valueOf(2), s.status());
        }
        // billing-03 was bought with its server app-01: a sub-resource of it.
        assertEquals(List.of(id("billing-03")), subs.stream().filter(s -> !s.mainResource())
                .map(Subscription::resourceId).toList());
        assertEquals(SandboxSeed.serverId("app-01"), subs.get(2).parentResourceId());
        assertNull(subs.get(0).parentResourceId());
        // Seed order billing-03, billing-01, billing-02: 5, 11 and 1 months after this month.
        assertTrue(subs.get(0).expireTime().isAfter(subs.get(2).expireTime()), "billing-01 ends after billing-03");
        assertTrue(subs.get(2).expireTime().isAfter(subs.get(1).expireTime()), "billing-03 ends after billing-02");
    }

    @Test
    void moreThanFiftyIdsAreAskedInChunks() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add("00000000-0000-4000-8000-" + String.format("%012d", i));
        }
        ids.set(75, id("billing-02"));
        List<Subscription> subs = billing().subscriptions(ids);
        assertEquals(List.of(id("billing-02")), subs.stream().map(Subscription::resourceId).toList());
    }

    @Test
    void anUnpaidOrderHasAmountAndDeadlineBlocksTheDiskAndGrowsItOnlyOncePaid() throws Exception {
        HuaweiBillingClient billing = billing();
        String orderId = evs().resize(id("billing-02"), 400, false).orderId();

        OrderDetail unpaid = billing.getOrderDetail(orderId);
        assertTrue(unpaid.awaitingPayment());
        assertEquals(3, unpaid.orderType());
        assertEquals("CNY", unpaid.currency());
        assertTrue(unpaid.amountAfterDiscount().signum() > 0, unpaid.toString());
        assertEquals(unpaid.amountAfterDiscount(), unpaid.officialAmount());
        assertTrue(unpaid.pendingPaymentEndTime().isAfter(Instant.now().plus(Duration.ofDays(6))));
        assertEquals(unpaid.amountAfterDiscount().toPlainString(), unpaid.toOrder().amount());

        ApiException blocked = assertThrows(ApiException.class, () -> evs().resize(id("billing-02"), 500, false));
        assertEquals("EVS.1068", blocked.code());
        assertTrue(blocked.serverMessage().contains("awaiting payment"), blocked.serverMessage());
        Thread.sleep(400);
        assertEquals(300, size("billing-02"), "an unpaid order changes nothing");

        BigDecimal before = cloud.balance();
        billing.payOrder(orderId);
        assertEquals(before.subtract(unpaid.amountAfterDiscount()), cloud.balance());
        Await.until(() -> size("billing-02") == 400, () -> "billing-02 grew after payment");
        assertEquals(5, billing.getOrderDetail(orderId).status());
    }

    @Test
    void payingWithTooLittleBalanceIsRefusedAndTheOrderStaysPayable() throws Exception {
        String orderId = evs().resize(id("billing-01"), 300, false).orderId();
        cloud.setBalance(new BigDecimal("0.50"));
        ApiException e = assertThrows(ApiException.class, () -> billing().payOrder(orderId));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("CBC.99005003", e.code());
        assertEquals("The account balance is insufficient to pay the order; top up the account, then pay again.",
                e.operatorMessage());
        assertTrue(billing().getOrderDetail(orderId).awaitingPayment());
    }

    @Test
    void aCancelledOrderHasStatusFourFreesTheDiskAndCannotBePaid() throws Exception {
        HuaweiBillingClient billing = billing();
        String orderId = evs().resize(id("billing-02"), 400, false).orderId();
        billing.cancelOrder(orderId);
        assertEquals(4, billing.getOrderDetail(orderId).status());
        ApiException pay = assertThrows(ApiException.class, () -> billing.payOrder(orderId));
        assertEquals("CBC.99003106", pay.code());
        assertEquals(300, size("billing-02"));
        assertNotNull(evs().resize(id("billing-02"), 350, false).orderId(), "the disk is free again");
    }

    @Test
    void cancellingAPaidOrderIsRefused() throws Exception {
        String orderId = evs().resize(id("billing-01"), 300, true).orderId();
        ApiException e = assertThrows(ApiException.class, () -> billing().cancelOrder(orderId));
        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("CBC.99005010", e.code());
        assertTrue(e.operatorMessage().contains("does not allow cancelling"), e.operatorMessage());
    }

    @Test
    void payingAnUnknownOrderSaysItDoesNotExist() {
        ApiException e = assertThrows(ApiException.class, () -> billing().payOrder("CS0000000000NOONE"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals("CBC.30000010", e.code());
    }

    @Test
    void aBatchRunsOneSubJobPerDiskAndOneDiskFailsWithItsReason() throws Exception {
        HuaweiBillingClient billing = billing();
        BatchAccepted accepted = billing.batchExtend(List.of(new BatchVolume(id("data-02"), 150),
                new BatchVolume(id("data-fail-02"), 80), new BatchVolume(id("shared-02"), 600)), null);
        assertNotNull(accepted.jobId());
        assertNull(accepted.orderId());

        Await.until(() -> {
            try {
                return billing.getBatchJob(accepted.jobId()).finished();
            } catch (ApiException e) {
                throw new AssertionError(e);
            }
        }, () -> "the batch finished");
        BatchJob job = billing.getBatchJob(accepted.jobId());
        assertEquals("FAIL", job.status());
        assertEquals(3, job.volumes().size());
        assertTrue(job.outcomeOf(id("data-02")).succeeded());
        assertTrue(job.outcomeOf(id("shared-02")).succeeded());
        var failed = job.outcomeOf(id("data-fail-02"));
        assertTrue(failed.failed());
        assertTrue(failed.failReason().contains("insufficient capacity"), failed.failReason());
        assertEquals(150, size("data-02"));
        assertEquals(600, size("shared-02"));
        assertEquals(50, size("data-fail-02"));
    }

    @Test
    void aBatchOfYearlyMonthlyDisksMakesOneOrderWithALinePerDisk() throws Exception {
        BatchAccepted accepted = billing().batchExtend(List.of(new BatchVolume(id("billing-01"), 250),
                new BatchVolume(id("billing-02"), 350)), false);
        assertNull(accepted.jobId());
        assertEquals(2, cloud.order(accepted.orderId()).orElseThrow().lines().size());
        billing().payOrder(accepted.orderId());
        Await.until(() -> size("billing-01") == 250 && size("billing-02") == 350, () -> "both disks grew");
    }

    @Test
    void aBatchTheRulesRefuseChangesNothing() {
        ApiException e = assertThrows(ApiException.class, () -> billing().batchExtend(List.of(
                new BatchVolume(id("data-02"), 150), new BatchVolume(id("broken-01"), 100)), null));
        assertEquals("EVS.1064", e.code());
        assertEquals(100, size("data-02"));
        assertEquals("available", cloud.volumeByName("data-02").orElseThrow().status());
    }

    @Test
    void moreThanSixtyDisksAreRefusedBeforeAnythingIsSent() {
        List<BatchVolume> many = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            many.add(new BatchVolume("00000000-0000-4000-8000-" + String.format("%012d", i), 10));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> billing().batchExtend(many, null));
        assertTrue(e.getMessage().contains("at most 60"), e.getMessage());
    }

    @Test
    void aRegionWithoutV5IsReportedAsSuchSoTheCallerCanFallBack() {
        cloud.serveBatchExtend(false);
        ApiException e = assertThrows(ApiException.class, () -> billing().batchExtend(
                List.of(new BatchVolume(id("data-02"), 150)), null));
        BatchExtendUnavailableException unavailable = assertInstanceOf(BatchExtendUnavailableException.class, e);
        assertEquals("APIGW.0101", unavailable.code());
        assertFalse(unavailable.operatorMessage().contains("Exception"), unavailable.operatorMessage());
        assertEquals(100, size("data-02"));
    }

    @Test
    void theSandboxOrderAmountIsNearTheEstimate() throws Exception {
        HuaweiBillingClient billing = billing();
        RatedDisk disk = new RatedDisk("ESSD", "cn-north-4a", 200);
        PeriodPrice oldPrice = billing.rateMonthly(disk, 200);
        PeriodPrice newPrice = billing.rateMonthly(disk, 300);
        Subscription sub = billing.subscriptions(List.of(id("billing-01"))).get(0);
        var estimate = PriceRules.periodExpansion(oldPrice.amount(), newPrice.amount(), "CNY", Instant.now(),
                sub.expireTime(), SandboxBilling.BILLING_ZONE);
        OrderDetail order = billing.getOrderDetail(evs().resize(id("billing-01"), 300, false).orderId());
        // Different rules (calendar months against days / 30), same order of magnitude: within 10 %.
        BigDecimal gap = estimate.amount().subtract(order.amountAfterDiscount()).abs();
        assertTrue(gap.compareTo(order.amountAfterDiscount().movePointLeft(1)) <= 0,
                estimate + " vs " + order.amountAfterDiscount());
    }
}
