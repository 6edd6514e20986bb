package io.expanse.cloud.unicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.sandbox.unicloud.SandboxPack;
import io.expanse.sandbox.unicloud.UniCloudSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real client against the UniCloud sandbox. */
class UniCloudSandboxClientTest {

    // Starts at the real time: the sandbox's HTTP server stamps a real Date header, and the client measures clock
    // skew against this injected clock; a clock years off would turn a refused signature into CLOCK_SKEW.
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    UniCloudSandbox sandbox;
    OkHttpClient http = new OkHttpClient();
    UniCloudClient client;

    @BeforeEach
    void start() {
        sandbox = UniCloudSandbox.start(SandboxPack.standard(), clock, Duration.ofSeconds(3));
        client = clientWith(sandbox.credentials());
    }

    UniCloudClient clientWith(UniCloudCredentials c) {
        return UniCloudClient.builder().http(http).endpoints(sandbox.endpoints()).credentials(c)
                .region(sandbox.region()).clock(clock).retry(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void upgradeCreatesAnOrderThatIsPaidAfterThreeSeconds() throws Exception {
        UpgradeAccepted a = client.upgrade(UpgradeBody.of("pack-h58kdagr9vsf", 200, null, sandbox.region()));
        assertEquals(19, a.orderId().length());
        assertFalse(client.orderDetail(a.orderId()).paid());
        now.set(now.get().plusSeconds(3));
        OrderDetail d = client.orderDetail(a.orderId());
        assertTrue(d.paid(), d.toString());
        assertEquals(200, sandbox.packs().stream().filter(p -> p.id().equals("pack-h58kdagr9vsf")).findFirst()
                .orElseThrow().capacityGb());
        assertEquals(a.orderId(), client.recentOrders(now.get().minusSeconds(60)).get(0).id());
    }

    @Test
    void theUnpaidPackStaysUnpaid() throws Exception {
        UpgradeAccepted a = client.upgrade(UpgradeBody.of(SandboxPack.UNPAID_PACK, 400, null, sandbox.region()));
        now.set(now.get().plusSeconds(600));
        assertFalse(client.orderDetail(a.orderId()).paid());
    }

    @Test
    void unknownPackAndBadSpecGetTheSeedsUnknownError() {
        ApiException unknown = assertThrows(ApiException.class,
                () -> client.upgrade(UpgradeBody.of("pack-doesnotexist", 200, null, sandbox.region())));
        assertEquals("UnknownError", unknown.code());
        assertEquals("Index: 0, Size: 0", unknown.serverMessage());
        ApiException smaller = assertThrows(ApiException.class,
                () -> client.upgrade(UpgradeBody.of("pack-t4c8n6ye2hqb", 1000, null, sandbox.region())));
        assertEquals("UnknownError", smaller.code());
    }

    @Test
    void wrongSecretGetsTheDocumentedInvalidParameter() {
        UniCloudClient bad = clientWith(new UniCloudCredentials(sandbox.credentials().accessKeyId(), "wrong"));
        ApiException e = assertThrows(ApiException.class,
                () -> bad.upgrade(UpgradeBody.of("pack-h58kdagr9vsf", 200, null, sandbox.region())));
        assertEquals("InvalidParameter", e.code());
        assertEquals(400, e.httpStatus());
        assertEquals(Kind.AUTHENTICATION, e.kind());
    }

    @Test
    void faultHookServesAnHtml502() {
        sandbox.failNext(UniCloudSandbox.Fault.html(502));
        ApiException e = assertThrows(ApiException.class, () -> client.orderDetail("1038174306469270849"));
        assertEquals(Kind.SERVER, e.kind());
    }

    @Test
    void probeCountsTheOrdersWithOneSignedRead() throws Exception {
        assertEquals(0, client.probe());
        client.upgrade(UpgradeBody.of("pack-h58kdagr9vsf", 200, null, sandbox.region()));
        assertEquals(1, client.probe());
        UniCloudClient bad = clientWith(new UniCloudCredentials(sandbox.credentials().accessKeyId(), "wrong"));
        ApiException e = assertThrows(ApiException.class, bad::probe);
        assertEquals("InvalidParameter", e.code());
        assertEquals(Kind.AUTHENTICATION, e.kind());
    }

    @Test
    void aNasOverrideGivesBothServicesUnderItsBase() {
        UniCloudEndpoints byBase = UniCloudEndpoints.fromOverride("http://127.0.0.1:8080/");
        assertEquals("http://127.0.0.1:8080/openapi/nas", byBase.nas().toString());
        assertEquals("http://127.0.0.1:8080/transaction", byBase.transaction().toString());
        UniCloudEndpoints byNas = UniCloudEndpoints.fromOverride("https://uc.example.cn/openapi/nas");
        assertEquals("https://uc.example.cn/openapi/nas", byNas.nas().toString());
        assertEquals("https://uc.example.cn/transaction", byNas.transaction().toString());
        assertEquals(UniCloudEndpoints.publicCloud(), UniCloudEndpoints.fromOverride(" "));
    }

    @Test
    void theSandboxAcceptsARenewalAndMovesTheExpiryOnOnceWhenPaid() throws Exception {
        String id = "pack-m3xq8v2rtn5c"; // expires 2027-03-15 in the standard list
        UpgradeAccepted a = client.renew(new RenewBody(id, "YEAR_MONTH", 2, "month"));
        assertEquals(19, a.orderId().length());
        assertEquals("2027-03-15", sandbox.expiries().get(id), "renewed before being paid");
        now.set(now.get().plusSeconds(3));
        OrderDetail d = client.orderDetail(a.orderId());
        assertTrue(d.paid(), d.toString());
        assertEquals("RENEW", d.orderCategory());
        client.orderDetail(a.orderId());
        assertEquals("2027-05-15", sandbox.expiries().get(id), "a paid renewal is applied exactly once");
    }

    @Test
    void theSandboxRefusesARenewalOfAnUnknownPackOrAnUnofferedPeriodAsUniCloudDoes() {
        for (RenewBody bad : java.util.List.of(new RenewBody("pack-nosuchpack1", "YEAR_MONTH", 1, "month"),
                new RenewBody("pack-m3xq8v2rtn5c", "YEAR_MONTH", 12, "month"),
                new RenewBody("pack-m3xq8v2rtn5c", "YEAR_MONTH", 4, "year"),
                new RenewBody("pack-m3xq8v2rtn5c", "YEAR_MONTH", 1, "day"))) {
            ApiException e = assertThrows(ApiException.class, () -> client.renew(bad), bad.toString());
            assertEquals("UnknownError", e.code(), bad.toString());
            assertEquals("Index: 0, Size: 0", e.serverMessage());
            assertTrue(e.operatorMessage().contains("Index: 0, Size: 0"), e.operatorMessage());
        }
    }
}
