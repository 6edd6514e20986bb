package io.expanse.ui.resize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.Volume;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxRig;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.ui.billing.OrderTexts;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.PollSchedule;
import io.expanse.work.ResizeRequest;
import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.AccountBilling;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resize dialog's price section and order step without a window: work runs on the test thread, against the
 * sandbox's billing center over loopback (its invented prices: SSD 1.00, SAS 0.35 CNY per GB and month).
 */
class PriceViewModelTest {

    @TempDir
    Path dir;

    private SandboxCloud cloud;
    private SandboxServer server;
    private SandboxRig rig;
    private ScheduledExecutorService scheduler;
    private HuaweiClient evs;
    private AccountBilling billing;
    private ActivityJournal journal;
    private ResizeTracker tracker;
    private final AtomicInteger done = new AtomicInteger();

    @BeforeEach
    void start() {
        rig = SandboxRig.start(new SandboxTimings(Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(100)));
        cloud = rig.cloud();
        server = rig.server();
        scheduler = rig.scheduler();
        HuaweiClient.Builder b = rig.client();
        evs = b.build();
        billing = new AccountBilling(b.buildBilling(), AccountBilling.billingCenterFor(server.endpoints()));
        journal = new ActivityJournal(dir.resolve("activity.json"));
        tracker = new ResizeTracker(evs, billing.api(), journal, scheduler, Clock.systemUTC(), PollSchedule.defaults());
    }

    @AfterEach
    void stop() {
        tracker.shutdown();
        rig.close();
    }

    private PriceViewModel model() {
        PriceViewModel vm = new PriceViewModel(billing, tracker, journal, new CurrentThreadTaskExecutor(),
                Clock.systemUTC(), "Sandbox");
        vm.setOnDone(done::incrementAndGet);
        return vm;
    }

    private Volume volume(String name) throws Exception {
        return evs.getVolume(cloud.volumeByName(name).orElseThrow().id());
    }

    private Activity unpaidOrder(Volume v, long newSize) {
        return tracker.submit(new ResizeRequest(v.id(), v.name(), v.sizeGb(), newSize, true, false, null, "Sandbox",
                server.region(), server.projectId()));
    }

    @Test
    void anOnDemandDiskShowsThePricePerHourBeforeAndAfterAndTheDifference() throws Exception {
        PriceViewModel vm = model();

        vm.show(volume("data-01"), 200);

        assertTrue(vm.pricedProperty().get());
        assertEquals("Price now", vm.beforeCaptionProperty().get());
        assertEquals("0.1389 CNY per hour", vm.beforeTextProperty().get());
        assertEquals("0.2778 CNY per hour", vm.afterTextProperty().get());
        assertEquals("+0.1389 CNY per hour (about 100.01 CNY per month)", vm.differenceTextProperty().get());
        assertNull(vm.priceNoteProperty().get());

        vm.show(volume("data-01"), 100);
        assertFalse(vm.pricedProperty().get(), "a size the rules refuse clears the price");
    }

    @Test
    void aYearlyDiskShowsMonthlyPricesAndAnEstimateSaidToBeOne() throws Exception {
        PriceViewModel vm = model();

        vm.show(volume("billing-02"), 400);

        assertEquals("105.00 CNY per month", vm.beforeTextProperty().get());
        assertEquals("140.00 CNY per month", vm.afterTextProperty().get());
        assertEquals("Estimate", vm.differenceCaptionProperty().get());
        String estimate = vm.differenceTextProperty().get();
        assertTrue(estimate.startsWith("About ") && estimate.contains("an estimate") && estimate.contains("days left"),
                estimate);
        assertTrue(vm.priceNoteProperty().get().contains("exact amount"), vm.priceNoteProperty().get());
    }

    @Test
    void aThrottledRatingIsSaidPlainlyAndBlocksNothing() throws Exception {
        Volume v = volume("data-01");
        PriceViewModel vm = model();
        cloud.failNextRequests(10, 429);

        vm.show(v, 300);

        assertFalse(vm.pricedProperty().get());
        String note = vm.priceNoteProperty().get();
        assertTrue(note.startsWith("The price could not be had:") && note.contains("does not stop the expansion"),
                note);
        assertFalse(note.contains("Exception"), note);
    }

    @Test
    void aDiskWithAnUnpaidOrderSaysSoAndPointsToItsRow() throws Exception {
        Volume v = volume("billing-02");
        Activity a = unpaidOrder(v, 400);
        assertEquals(ActivityState.AWAITING_PAYMENT, a.state());

        PriceViewModel vm = model();
        vm.show(volume("billing-02"), 500);

        String text = vm.unpaidOrderProperty().get();
        assertNotNull(text);
        assertTrue(text.contains(a.orderId()) && text.contains("Activity panel"), text);
    }

    @Test
    void theOrderStepNamesTheAmountAndPayingItGrowsNothingUntilConfirmed() throws Exception {
        Volume v = volume("billing-02");
        PriceViewModel vm = model();
        Activity a = unpaidOrder(v, 400);

        assertTrue(vm.accepted(a));

        BigDecimal amount = billing.api().getOrderDetail(a.orderId()).amountAfterDiscount();
        String money = amount.toPlainString() + " CNY";
        assertTrue(vm.orderStepProperty().get());
        assertTrue(vm.orderTextProperty().get().contains(money)
                && vm.orderTextProperty().get().contains("Nothing has been charged"), vm.orderTextProperty().get());
        assertTrue(vm.canPayProperty().get());
        OrderTexts.Confirmation c = vm.payConfirmation();
        assertEquals("Pay " + money + " now?", c.header());
        assertEquals("Pay " + money, c.confirm());
        assertTrue(c.text().contains(a.orderId()) && c.text().contains("1 disk"), c.text());
        assertEquals(0, done.get());

        vm.pay();

        assertEquals(1, done.get());
        assertNotNull(cloud.order(a.orderId()).orElseThrow().paymentTime());
    }

    @Test
    void aPaymentRefusedForTooLowABalanceIsShownAndTheStepStays() throws Exception {
        Volume v = volume("billing-02");
        PriceViewModel vm = model();
        Activity a = unpaidOrder(v, 400);
        vm.accepted(a);
        cloud.setBalance(BigDecimal.ONE);

        vm.pay();

        assertEquals(0, done.get());
        assertTrue(vm.orderErrorProperty().get().startsWith("The order was not paid:")
                && vm.orderErrorProperty().get().contains("balance is insufficient"), vm.orderErrorProperty().get());
        assertTrue(vm.orderStepProperty().get());
    }

    @Test
    void cancellingAsksFirstThenCancelsTheOrder() throws Exception {
        Volume v = volume("billing-02");
        PriceViewModel vm = model();
        Activity a = unpaidOrder(v, 400);
        vm.accepted(a);

        OrderTexts.Confirmation c = vm.cancelConfirmation();
        assertEquals("Cancel order " + a.orderId() + "?", c.header());
        assertTrue(c.text().contains("nothing is charged"), c.text());
        vm.cancelOrder();

        assertEquals(1, done.get());
        assertEquals(4, cloud.order(a.orderId()).orElseThrow().status());
    }

    @Test
    void withoutAnAmountNothingCanBePaid() {
        PriceViewModel vm = model();
        assertThrows(IllegalStateException.class, vm::payConfirmation);
        vm.pay();
        assertEquals(0, done.get());
    }
}
