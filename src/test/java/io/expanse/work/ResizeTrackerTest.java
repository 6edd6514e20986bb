package io.expanse.work;

import static io.expanse.work.FakeEvsApi.error;
import static io.expanse.work.FakeEvsApi.job;
import static io.expanse.work.FakeEvsApi.order;
import static io.expanse.work.FakeEvsApi.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.ResizeAccepted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResizeTrackerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private ManualScheduler scheduler;
    private FakeEvsApi api;
    private ActivityJournal journal;
    private ResizeTracker tracker;
    private final List<ActivityState> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        scheduler = new ManualScheduler(T0);
        api = new FakeEvsApi();
        journal = new ActivityJournal(dir.resolve("activities.json"), scheduler.clock());
        journal.addListener(a -> seen.add(a.state()));
        tracker = newTracker(journal);
    }

    private ResizeTracker newTracker(ActivityJournal j) {
        return new ResizeTracker(api, j, scheduler, scheduler.clock(), PollSchedule.defaults());
    }

    private static ResizeRequest onDemand() {
        return new ResizeRequest("vol-1", "data-01", 100, 200, false, null, "/dev/vdb", "prod", FakeEvsApi.REGION,
                FakeEvsApi.PROJECT);
    }

    private static ResizeRequest yearly(boolean autoPay) {
        return new ResizeRequest("vol-1", "data-01", 100, 200, true, autoPay, "/dev/vdb", "prod",
                FakeEvsApi.REGION, FakeEvsApi.PROJECT);
    }

    private Activity current(Activity a) {
        return journal.find(a.id()).orElseThrow();
    }

    private void advance(int seconds) {
        scheduler.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void onDemandJobRunsToSuccessOnlyAfterTheReadBackMatches() {
        api.resizeAnswers(new ResizeAccepted("job-1", null))
                .jobs(job("INIT"), job("RUNNING"), job("SUCCESS"))
                .volumes(volume("in-use", 100), volume("in-use", 100), volume("in-use", 200));

        Activity a = tracker.submit(onDemand());
        assertEquals(ActivityState.SUBMITTED, a.state());
        assertEquals("job-1", a.jobId());
        assertEquals(0, api.jobCalls, "the first poll waits for the first delay");

        advance(2);
        assertEquals(1, api.jobCalls);
        assertEquals(ActivityState.RUNNING, current(a).state());
        assertEquals("Job INIT", current(a).message());
        advance(3);
        assertEquals("Job RUNNING", current(a).message());
        advance(5);
        assertEquals(3, api.jobCalls);
        assertEquals(1, api.volumeCalls, "the volume is read back right after SUCCESS");
        assertEquals(ActivityState.RUNNING, current(a).state(), "the job succeeded but the volume still shows 100 GB");
        assertTrue(current(a).message().contains("it shows 100 GB"), current(a).message());

        advance(2);
        assertEquals(2, api.volumeCalls);
        assertEquals(ActivityState.RUNNING, current(a).state());
        advance(3);
        Activity done = current(a);
        assertEquals(ActivityState.SUCCEEDED, done.state());
        assertEquals(3, api.volumeCalls);
        assertEquals(T0.plusMillis(14_500), done.finishedAt(), "the time of the matching read-back");
        assertTrue(done.message().contains("is now 200 GB"), done.message());
        assertTrue(tracker.isFollowing(a.id()) == false);

        assertEquals(List.of(ActivityState.SUBMITTING, ActivityState.SUBMITTED, ActivityState.RUNNING,
                ActivityState.RUNNING, ActivityState.RUNNING, ActivityState.RUNNING, ActivityState.SUCCEEDED),
                seen);
        advance(3600);
        assertEquals(3, api.jobCalls, "nothing is polled after the end");
        assertEquals(1, api.resizeCalls);
    }

    @Test
    void pollingBacksOffFromTwoSecondsTowardsFifteen() {
        api.resizeAnswers(new ResizeAccepted("job-1", null)).jobs(job("RUNNING"));
        tracker.submit(onDemand());
        List<Duration> gaps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            gaps.add(scheduler.pendingDelays().get(0));
            scheduler.advance(scheduler.pendingDelays().get(0));
        }
        assertEquals(List.of(Duration.ofMillis(2000), Duration.ofMillis(3000), Duration.ofMillis(4500),
                Duration.ofMillis(6750), Duration.ofMillis(10125), Duration.ofMillis(15000),
                Duration.ofMillis(15000), Duration.ofMillis(15000)), gaps);
    }

    @Test
    void failedJobEndsFailedWithItsReason() {
        api.resizeAnswers(new ResizeAccepted("job-1", null))
                .jobs(job("RUNNING"), new io.expanse.cloud.huawei.Job("job-1", "FAIL", "extendVolume", "vol-1",
                        "storage pool exhausted", "EVS.2001", null, null));
        Activity a = tracker.submit(onDemand());
        advance(2);
        advance(3);
        Activity done = current(a);
        assertEquals(ActivityState.FAILED, done.state());
        assertEquals("storage pool exhausted", done.failureReason());
        assertEquals("EVS.2001", done.errorCode());
        assertTrue(done.message().contains("storage pool exhausted"));
        assertNotNull(done.finishedAt());
        assertEquals(0, api.volumeCalls);
    }

    @Test
    void errorExtendingAfterJobSuccessIsFailure() {
        api.resizeAnswers(new ResizeAccepted("job-1", null)).jobs(job("SUCCESS"))
                .volumes(volume("error_extending", 100));
        Activity a = tracker.submit(onDemand());
        advance(2);
        assertEquals(ActivityState.FAILED, current(a).state());
        assertTrue(current(a).message().contains("error_extending"));
    }

    @Test
    void readBackGivesUpWithoutDeclaringAnythingAndCanBeResumed() {
        api.resizeAnswers(new ResizeAccepted("job-1", null)).jobs(job("SUCCESS"))
                .volumes(volume("available", 100));
        Activity a = tracker.submit(onDemand());
        advance(3600);
        assertEquals(20, api.volumeCalls);
        assertEquals(ActivityState.RUNNING, current(a).state(), "never SUCCEEDED nor FAILED on a guess");
        assertTrue(current(a).message().contains("still shows 100 GB"), current(a).message());
        assertFalse(tracker.isFollowing(a.id()));

        api.volumes.clear();
        api.volumes(volume("available", 200));
        tracker.resume(a.id());
        scheduler.runDue();
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
    }

    @Test
    void orderWithAutoPayRunsToSuccess() {
        api.resizeAnswers(new ResizeAccepted(null, "CS123"))
                .orders(order(3), order(5))
                .volumes(volume("available", 200));
        Activity a = tracker.submit(yearly(true));
        assertEquals(ActivityState.SUBMITTED, a.state());
        assertEquals("CS123", a.orderId());
        advance(2);
        assertEquals(ActivityState.RUNNING, current(a).state());
        assertEquals("Order CS123: processing", current(a).message());
        advance(3);
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
        assertEquals(1, api.volumeCalls);
    }

    @Test
    void unpaidOrderWaitsForPaymentAndIsNoticedWhenPaid() {
        api.resizeAnswers(new ResizeAccepted(null, "CS123"))
                .orders(order(6))
                .volumes(volume("extending", 100), volume("in-use", 200));
        Activity a = tracker.submit(yearly(false));
        assertEquals(ActivityState.AWAITING_PAYMENT, a.state());
        assertTrue(a.message().contains("Billing Center > Orders > Pending Payment"), a.message());
        assertTrue(a.message().contains("CS123"));
        assertFalse(a.finished());
        assertTrue(journal.inFlight("vol-1"));

        advance(59);
        assertEquals(0, api.orderCalls, "an unpaid order is checked slowly");
        advance(1);
        assertEquals(1, api.orderCalls);
        assertEquals(ActivityState.AWAITING_PAYMENT, current(a).state());
        advance(4 * 3600);
        assertEquals(ActivityState.AWAITING_PAYMENT, current(a).state(), "waiting for payment does not time out");
        assertTrue(tracker.isFollowing(a.id()));

        api.orders.clear();
        api.orders(order(5));
        advance(60);
        assertEquals(ActivityState.RUNNING, current(a).state());
        assertTrue(current(a).message().contains("expanding"));
        advance(2);
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
    }

    @Test
    void cancelledOrderEndsCancelled() {
        api.resizeAnswers(new ResizeAccepted(null, "CS123")).orders(order(4));
        Activity a = tracker.submit(yearly(false));
        advance(60);
        Activity done = current(a);
        assertEquals(ActivityState.CANCELLED, done.state());
        assertTrue(done.finished());
        assertNotNull(done.finishedAt());
        assertEquals(0, api.volumeCalls);
    }

    @Test
    void unknownOrderStatusKeepsFollowingAndShowsTheCode() {
        api.resizeAnswers(new ResizeAccepted(null, "CS123")).orders(order(7), order(5))
                .volumes(volume("available", 200));
        Activity a = tracker.submit(yearly(true));
        advance(2);
        assertEquals(ActivityState.RUNNING, current(a).state());
        assertTrue(current(a).message().contains("status 7"), current(a).message());
        advance(3);
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
    }

    @Test
    void rejectedRequestFailsWithCodeAndIsNeverResent() {
        api.resizeAnswers(error(Kind.REJECTED, 400, "EVS.1015",
                "The new size must be larger than the current size."));
        Activity a = tracker.submit(onDemand());
        assertEquals(ActivityState.FAILED, a.state());
        assertEquals("EVS.1015", a.errorCode());
        assertEquals("req-EVS.1015", a.requestId());
        assertEquals("The new size must be larger than the current size.", a.message());
        assertEquals(a, current(a));
        advance(3600);
        assertEquals(1, api.resizeCalls);
        assertEquals(0, api.volumeCalls + api.jobCalls + api.orderCalls);
        assertFalse(journal.inFlight("vol-1"));
    }

    @Test
    void activityIsJournaledAsSubmittingBeforeThePost() throws Exception {
        AtomicReference<Activity> duringPost = new AtomicReference<>();
        api.onResize = () -> {
            List<Activity> all = journal.recent();
            assertEquals(1, all.size());
            duringPost.set(all.get(0));
            // What a crash right now would leave on disk:
            assertEquals(ActivityState.SUBMITTING,
                    new ActivityJournal(journal.file()).recent().get(0).state());
        };
        api.resizeAnswers(new ResizeAccepted("job-1", null));
        tracker.submit(onDemand());
        assertNotNull(duringPost.get());
        assertEquals(ActivityState.SUBMITTING, duringPost.get().state());
        assertEquals("vol-1", duringPost.get().resourceId());
        assertEquals(200, duringPost.get().newSizeGb());
    }

    @Test
    void unansweredRequestWithExpandingVolumeIsFollowedToSuccess() {
        api.resizeAnswers(error(Kind.OUTCOME_UNKNOWN, 0, null, "No answer"))
                .volumes(volume("extending", 100), volume("extending", 100), volume("in-use", 200));
        Activity a = tracker.submit(onDemand());
        assertEquals(ActivityState.SUBMITTING, a.state());
        assertEquals(0, api.volumeCalls, "submit does not block on settling");
        scheduler.runDue();
        assertEquals(ActivityState.RUNNING, current(a).state());
        assertEquals("The request timed out, but the disk is expanding: following it.", current(a).message());
        assertNull(current(a).jobId());
        advance(2);
        advance(3);
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
        assertEquals(1, api.resizeCalls);
    }

    @Test
    void unansweredRequestWithUnchangedVolumeFailsAsNotApplied() {
        api.resizeAnswers(error(Kind.OUTCOME_UNKNOWN, 0, null, "No answer")).volumes(volume("in-use", 100));
        Activity a = tracker.submit(onDemand());
        scheduler.runDue();
        assertEquals(1, api.volumeCalls);
        assertEquals(ActivityState.SUBMITTING, current(a).state(), "one read is not enough");
        advance(5);
        assertEquals(2, api.volumeCalls);
        Activity done = current(a);
        assertEquals(ActivityState.FAILED, done.state());
        assertEquals("The request timed out and data-01 is still 100 GB: the expansion was not applied."
                + " You can try again.", done.message());
        advance(3600);
        assertEquals(1, api.resizeCalls);
        assertEquals(2, api.volumeCalls);
    }

    @Test
    void unansweredYearlyRequestWarnsAboutAPossibleOrder() {
        api.resizeAnswers(error(Kind.OUTCOME_UNKNOWN, 0, null, "No answer")).volumes(volume("available", 100));
        Activity a = tracker.submit(yearly(false));
        scheduler.runDue();
        advance(5);
        assertEquals(ActivityState.FAILED, current(a).state());
        assertTrue(current(a).message().contains("an order may still have been created"), current(a).message());
        assertTrue(current(a).message().contains("Pending Payment"));
    }

    @Test
    void unansweredRequestRetriesFailedReadsThenSettles() {
        api.resizeAnswers(error(Kind.OUTCOME_UNKNOWN, 0, null, "No answer"))
                .volumes(error(Kind.SERVER, 503, "EVS.5503", "Service unavailable"), volume("available", 200));
        Activity a = tracker.submit(onDemand());
        scheduler.runDue();
        assertEquals(ActivityState.SUBMITTING, current(a).state());
        assertTrue(current(a).message().contains("retrying"), current(a).message());
        advance(2);
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
        assertTrue(current(a).message().contains("the expansion was applied"));
    }

    @Test
    void unansweredRequestThatCannotBeCheckedStaysUnfinished() {
        api.resizeAnswers(error(Kind.OUTCOME_UNKNOWN, 0, null, "No answer"))
                .volumes(error(Kind.NETWORK, 0, null, "Cannot reach the server"));
        Activity a = tracker.submit(onDemand());
        advance(3600);
        assertEquals(4, api.volumeCalls);
        assertEquals(ActivityState.SUBMITTING, current(a).state());
        assertTrue(current(a).message().startsWith("Could not check whether the expansion of data-01 was applied"));
        assertFalse(tracker.isFollowing(a.id()));
    }

    @Test
    void transientJobReadFailureKeepsFollowing() {
        api.resizeAnswers(new ResizeAccepted("job-1", null))
                .jobs(job("RUNNING"), error(Kind.SERVER, 503, "EVS.5503", "The service is unavailable"),
                        job("SUCCESS"))
                .volumes(volume("available", 200));
        Activity a = tracker.submit(onDemand());
        advance(2);
        advance(3);
        assertEquals(ActivityState.RUNNING, current(a).state());
        assertTrue(current(a).message().startsWith("Job RUNNING — checking job job-1 failed"),
                current(a).message());
        assertTrue(tracker.isFollowing(a.id()));
        advance(5);
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
    }

    @Test
    void authenticationFailureStopsFollowingButKeepsTheActivityOpen() {
        api.resizeAnswers(new ResizeAccepted("job-1", null))
                .jobs(error(Kind.AUTHENTICATION, 401, "APIGW.0301", "The access key is wrong"));
        Activity a = tracker.submit(onDemand());
        advance(2);
        advance(3600);
        assertEquals(1, api.jobCalls);
        assertEquals(ActivityState.SUBMITTED, current(a).state());
        assertTrue(current(a).message().contains("The access key is wrong"));
        assertFalse(tracker.isFollowing(a.id()));
        assertTrue(journal.inFlight("vol-1"));

        api.jobs.clear();
        api.jobs(job("SUCCESS"));
        api.volumes(volume("available", 200));
        tracker.resumeUnfinished();
        scheduler.runDue();
        assertEquals(ActivityState.SUCCEEDED, current(a).state());
    }

    @Test
    void vanishedVolumeFails() {
        api.resizeAnswers(new ResizeAccepted("job-1", null)).jobs(job("SUCCESS"))
                .volumes(error(Kind.NOT_FOUND, 404, "EVS.5404", "The disk does not exist"));
        Activity a = tracker.submit(onDemand());
        advance(2);
        assertEquals(ActivityState.FAILED, current(a).state());
        assertEquals("EVS.5404", current(a).errorCode());
    }

    @Test
    void followingStopsAfterTheOverallTimeout() {
        tracker = new ResizeTracker(api, journal, scheduler, scheduler.clock(),
                PollSchedule.defaults().withOverallTimeout(Duration.ofMinutes(10)));
        api.resizeAnswers(new ResizeAccepted("job-1", null)).jobs(job("RUNNING"));
        Activity a = tracker.submit(onDemand());
        advance(3600);
        assertEquals(ActivityState.RUNNING, current(a).state());
        assertTrue(current(a).message().startsWith("Stopped checking after 10 min"), current(a).message());
        assertFalse(tracker.isFollowing(a.id()));
        int calls = api.jobCalls;
        assertTrue(calls > 30 && calls < 50, "polled about every 15 s for 10 min: " + calls);
    }

    @Test
    void secondSubmitForTheSameVolumeIsRefusedWhileTheFirstRuns() {
        api.resizeAnswers(new ResizeAccepted("job-1", null));
        tracker.submit(onDemand());
        assertThrows(IllegalStateException.class, () -> tracker.submit(onDemand()));
        assertEquals(1, api.resizeCalls);
        assertEquals(1, journal.recent().size());
    }

    @Test
    void resumeFollowsAJobJournaledByAPreviousInstance() {
        api.resizeAnswers(new ResizeAccepted("job-1", null));
        Activity a = tracker.submit(onDemand());
        tracker.shutdown();
        advance(60);
        assertEquals(0, api.jobCalls, "a shut-down tracker polls nothing");

        ActivityJournal reopened = new ActivityJournal(dir.resolve("activities.json"), scheduler.clock());
        assertEquals(ActivityState.SUBMITTED, reopened.find(a.id()).orElseThrow().state());
        api.jobs(job("RUNNING"), job("SUCCESS")).volumes(volume("in-use", 200));
        ResizeTracker next = newTracker(reopened);
        next.resumeUnfinished();
        assertEquals(0, api.jobCalls, "resumeUnfinished returns before polling");
        scheduler.runDue();
        assertEquals(ActivityState.RUNNING, reopened.find(a.id()).orElseThrow().state());
        advance(2);
        assertEquals(ActivityState.SUCCEEDED, reopened.find(a.id()).orElseThrow().state());
        assertEquals(1, api.resizeCalls);
    }

    @Test
    void resumeSettlesARequestLeftSubmittingByACrash() {
        Activity crashed = new Activity("a-1", Activity.KIND_EVS_RESIZE, "prod", FakeEvsApi.REGION,
                FakeEvsApi.PROJECT, "vol-1", "data-01", 100, 200, false, null, "/dev/vdb", ActivityState.SUBMITTING,
                null, null, T0, T0, null, "Sending…", null, null, null);
        journal.record(crashed);
        api.volumes(volume("extending", 150), volume("available", 200));
        tracker.resumeUnfinished();
        scheduler.runDue();
        assertEquals(ActivityState.RUNNING, journal.find("a-1").orElseThrow().state());
        advance(2);
        assertEquals(ActivityState.SUCCEEDED, journal.find("a-1").orElseThrow().state());
        assertEquals(0, api.resizeCalls, "never re-sent");
    }

    @Test
    void resumeLeavesOtherRegionsAlone() {
        Activity elsewhere = new Activity("a-2", Activity.KIND_EVS_RESIZE, "prod", "ap-southeast-1", "proj-9",
                "vol-9", "other", 10, 20, false, null, null, ActivityState.SUBMITTED, "job-9", null, T0, T0, null,
                "Accepted", null, null, null);
        journal.record(elsewhere);
        tracker.resumeUnfinished();
        advance(60);
        assertEquals(0, api.jobCalls);
        assertFalse(tracker.isFollowing("a-2"));
    }
}
