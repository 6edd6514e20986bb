package io.expanse.work;

import static io.expanse.work.FakeBilling.detail;
import static io.expanse.work.FakeEvsApi.error;
import static io.expanse.work.FakeEvsApi.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.BssErrors;
import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paying and cancelling an order from the tracker, orders read with their amount and deadline, batch sub-jobs. */
class ResizeTrackerBillingTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant DEADLINE = T0.plus(Duration.ofDays(7));

    @TempDir
    Path dir;

    private ManualScheduler scheduler;
    private FakeEvsApi api;
    private FakeBilling billing;
    private ActivityJournal journal;
    private ResizeTracker tracker;
    /** The activity's message at the moment pay, cancel or a batch was sent. */
    private final List<String> atSend = new ArrayList<>();
    private String watched;

    @BeforeEach
    void setUp() {
        scheduler = new ManualScheduler(T0);
        api = new FakeEvsApi();
        billing = new FakeBilling();
        journal = new ActivityJournal(dir.resolve("activities.json"), scheduler.clock());
        tracker = new ResizeTracker(api, billing, journal, scheduler, scheduler.clock(), PollSchedule.defaults());
        billing.onSend = () -> atSend.add(watched == null ? null : journal.find(watched).orElseThrow().message());
    }

    private Activity current(Activity a) {
        return journal.find(a.id()).orElseThrow();
    }

    private void advance(int seconds) {
        scheduler.advance(Duration.ofSeconds(seconds));
    }

    /** A yearly/monthly resize whose order CS123 awaits payment, its amount and deadline read once. */
    private Activity awaitingPayment() {
        api.resizeAnswers(new ResizeAccepted(null, "CS123"));
        billing.details(detail(Order.AWAITING_PAYMENT, DEADLINE));
        Activity a = tracker.submit(new ResizeRequest("vol-1", "data-01", 100, 200, true, false, "/dev/vdb", "prod",
                FakeEvsApi.REGION, FakeEvsApi.PROJECT));
        assertEquals(ActivityState.AWAITING_PAYMENT, a.state());
        advance(2);
        assertEquals(1, billing.detailCalls);
        String m = current(a).message();
        assertTrue(m.contains("71.17 CNY") && m.contains("2025-03-08"), m);
        watched = a.id();
        billing.details.clear();
        return a;
    }

    @Test
    void payIsRecordedBeforeItIsSentOnceAndFollowedToTheNewSize() throws Exception {
        Activity a = awaitingPayment();
        billing.details(detail(Order.PROCESSING, DEADLINE), detail(Order.COMPLETED, DEADLINE));
        api.volumes(volume("in-use", 200));

        assertEquals(ResizeTracker.OrderAction.ACCEPTED, tracker.payOrder(a.id()));

        assertEquals(1, billing.payCalls);
        assertTrue(atSend.get(0).startsWith("Paying order CS123"), atSend.get(0));
        assertTrue(current(a).message().contains("was paid"), current(a).message());
        // Read back at once (not at the slow payment pace), then followed to the disk's new size.
        scheduler.advance(Duration.ZERO);
        assertEquals(ActivityState.RUNNING, current(a).state());
        advance(10);
        assertEquals(ActivityState.SUCCEEDED, current(a).state(), current(a).message());
        advance(3600);
        assertEquals(1, billing.payCalls, "paid twice");
    }

    @Test
    void payRefusedForTooLowABalanceKeepsTheRowAwaitingPaymentWithTheReason() {
        Activity a = awaitingPayment();
        billing.payFailure = BssErrors.relabel(error(Kind.REJECTED, 400, "CBC.99005003", "insufficient"));
        billing.details(detail(Order.AWAITING_PAYMENT, DEADLINE));

        ApiException e = assertThrows(ApiException.class, () -> tracker.payOrder(a.id()));

        assertEquals("CBC.99005003", e.code());
        assertTrue(e.operatorMessage().contains("balance is insufficient"), e.operatorMessage());
        Activity now = current(a);
        assertEquals(ActivityState.AWAITING_PAYMENT, now.state());
        assertTrue(now.message().contains("refused") && now.message().contains("CBC.99005003"), now.message());
        advance(3 * 3600);
        assertEquals(1, billing.payCalls, "a refused payment was sent again");
        assertEquals(ActivityState.AWAITING_PAYMENT, current(a).state());
    }

    @Test
    void anUnansweredPaymentIsSettledByReadingTheOrderNeverBySendingAgain() throws Exception {
        Activity a = awaitingPayment();
        billing.payFailure = error(Kind.OUTCOME_UNKNOWN, 0, null, "no answer");
        billing.details(detail(Order.AWAITING_PAYMENT, DEADLINE));

        assertEquals(ResizeTracker.OrderAction.UNANSWERED, tracker.payOrder(a.id()));
        assertTrue(current(a).message().contains("got no answer"), current(a).message());
        scheduler.advance(Duration.ZERO);

        Activity now = current(a);
        assertEquals(ActivityState.AWAITING_PAYMENT, now.state());
        assertTrue(now.message().contains("was not paid"), now.message());
        advance(3 * 3600);
        assertEquals(1, billing.payCalls);
    }

    @Test
    void anUnansweredPaymentThatWentThroughIsFollowedToSuccess() throws Exception {
        Activity a = awaitingPayment();
        billing.payFailure = error(Kind.OUTCOME_UNKNOWN, 0, null, "no answer");
        billing.details(detail(Order.COMPLETED, DEADLINE));
        api.volumes(volume("in-use", 200));

        tracker.payOrder(a.id());
        advance(10);

        assertEquals(ActivityState.SUCCEEDED, current(a).state());
        assertEquals(1, billing.payCalls);
    }

    @Test
    void cancelIsRecordedFirstAndEndsTheRowCancelled() throws Exception {
        Activity a = awaitingPayment();
        billing.details(detail(Order.CANCELLED, DEADLINE));

        assertEquals(ResizeTracker.OrderAction.ACCEPTED, tracker.cancelOrder(a.id()));
        assertEquals("Cancelling order CS123…", atSend.get(0));
        scheduler.advance(Duration.ZERO);

        Activity now = current(a);
        assertEquals(ActivityState.CANCELLED, now.state());
        assertFalse(now.message().contains("deadline"), now.message());
        assertEquals(1, billing.cancelCalls);
        assertEquals(0, billing.payCalls);
    }

    @Test
    void anUnansweredCancellationIsSettledByReadingTheOrderBack() throws Exception {
        Activity a = awaitingPayment();
        billing.cancelFailure = error(Kind.OUTCOME_UNKNOWN, 0, null, "no answer");
        billing.details(detail(Order.CANCELLED, DEADLINE));

        assertEquals(ResizeTracker.OrderAction.UNANSWERED, tracker.cancelOrder(a.id()));
        assertTrue(current(a).message().contains("got no answer"), current(a).message());
        scheduler.advance(Duration.ZERO);

        assertEquals(ActivityState.CANCELLED, current(a).state());
        advance(3600);
        assertEquals(1, billing.cancelCalls, "a cancellation was sent again");
    }

    @Test
    void cancellingAnOrderThatWasPaidMeanwhileIsRefusedAndTheOrderFollowedToCompletion() {
        Activity a = awaitingPayment();
        billing.cancelFailure = BssErrors.relabel(error(Kind.REJECTED, 400, "CBC.99005010", "paid"));
        billing.details(detail(Order.COMPLETED, DEADLINE));
        api.volumes(volume("in-use", 200));

        ApiException e = assertThrows(ApiException.class, () -> tracker.cancelOrder(a.id()));
        assertEquals("CBC.99005010", e.code());
        assertTrue(current(a).message().contains("could not be cancelled"), current(a).message());
        advance(10);

        assertEquals(ActivityState.SUCCEEDED, current(a).state());
        assertEquals(1, billing.cancelCalls);
    }

    @Test
    void anOrderLeftUnpaidPastItsDeadlineEndsCancelledWithThatReason() {
        Activity a = awaitingPayment();
        billing.details(detail(Order.CANCELLED, T0.plusSeconds(1)));

        advance(3600);

        Activity now = current(a);
        assertEquals(ActivityState.CANCELLED, now.state());
        assertTrue(now.message().contains("payment deadline") && now.message().contains("passed unpaid"),
                now.message());
        assertEquals(0, billing.payCalls);
        assertEquals(0, billing.cancelCalls);
    }

    @Test
    void payingARowThatNoLongerAwaitsPaymentIsRefusedWithoutSending() {
        api.resizeAnswers(new ResizeAccepted("job-1", null));
        billing.batchJobs(FakeBilling.batchJob("RUNNING"));
        Activity a = tracker.submit(new ResizeRequest("vol-1", "data-01", 100, 200, false, null, "/dev/vdb", "prod",
                FakeEvsApi.REGION, FakeEvsApi.PROJECT));

        assertThrows(IllegalStateException.class, () -> tracker.payOrder(a.id()));
        assertEquals(0, billing.payCalls);
    }

    @Test
    void aBatchDiskFollowsItsOwnSubJobAndFailsWithItsReason() {
        billing.batchAnswer = new EvsBillingApi.BatchAccepted("job-b", null);
        billing.batchJobs(FakeBilling.batchJob("RUNNING",
                        new EvsBillingApi.VolumeOutcome("vol-1", "sub-1", "RUNNING", null, null, null)),
                FakeBilling.batchJob("FAIL",
                        new EvsBillingApi.VolumeOutcome("vol-1", "sub-1", "FAIL", "disk full of dust", "EVS.9999",
                                null)));

        ResizeTracker.BatchSubmission sent = tracker.submitBatch(List.of(new ResizeRequest("vol-1", "data-01", 100,
                200, false, null, "/dev/vdb", "prod", FakeEvsApi.REGION, FakeEvsApi.PROJECT)));

        assertEquals("job-b", sent.jobId());
        assertEquals(1, billing.batches.size());
        assertEquals("vol-1", billing.batches.get(0).get(0).volumeId());
        Activity a = sent.activities().get(0);
        assertEquals("job-b", a.jobId());
        advance(30);
        Activity now = current(a);
        assertEquals(ActivityState.FAILED, now.state());
        assertEquals("disk full of dust", now.failureReason());
        assertEquals("EVS.9999", now.errorCode());
        assertEquals(0, api.resizeCalls, "sent on its own as well");
    }

    @Test
    void aBatchWithoutAnAnswerIsSettledByReadingEachDiskBack() {
        billing.batchFailure = error(Kind.OUTCOME_UNKNOWN, 0, null, "no answer");
        api.volumes(volume("in-use", 200));

        ResizeTracker.BatchSubmission sent = tracker.submitBatch(List.of(new ResizeRequest("vol-1", "data-01", 100,
                200, false, null, "/dev/vdb", "prod", FakeEvsApi.REGION, FakeEvsApi.PROJECT)));
        Activity a = sent.activities().get(0);
        assertTrue(current(a).message().contains("reading the disk back"), current(a).message());
        advance(30);

        assertEquals(ActivityState.SUCCEEDED, current(a).state());
        assertEquals(1, billing.batches.size());
        assertEquals(0, api.resizeCalls);
    }
}
