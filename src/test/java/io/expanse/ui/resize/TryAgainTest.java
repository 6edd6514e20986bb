package io.expanse.ui.resize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.ui.fakes.FakeEvs;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import io.expanse.work.accounts.EvsAccount;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which activity rows offer Try again…, and when the account shown is the one a change was made with. */
class TryAgainTest {

    private static Activity activity(String kind, ActivityState state, String account, String region,
                                     String project) {
        Instant t = Instant.parse("2025-05-01T10:00:00Z");
        return new Activity("a-1", kind, account, region, project, "vol-1", "data-01", 100, 300, false, null,
                "/dev/vdb", state, "job-1", null, t, t, state.finished() ? t : null, "m", null, null, null);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "evs.resize, FAILED, true", "evs.resize, CANCELLED, true", "evs.resize, SUCCEEDED, false",
        "evs.resize, RUNNING, false", "evs.resize, SUBMITTED, false", "evs.resize, AWAITING_PAYMENT, false",
        "evs.resize, UNKNOWN, false", "nas.upgrade, FAILED, false"})
    void offeredForFailedOrCancelledExpansionsOnly(String kind, ActivityState state, boolean offered) {
        assertEquals(offered, ResizeDialogs.canTryAgain(activity(kind, state, "Sandbox", "cn-north-4", "p")));
    }

    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "Test, cn-north-4, proj-1, true", "Test, cn-north-4, -, true", "Other, cn-north-4, proj-1, false",
        "Test, cn-east-3, proj-1, false", "Test, cn-north-4, proj-2, false"})
    void onlyWithTheAccountItWasMadeWith(String account, String region, String project, boolean same) {
        EvsAccount shown = new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, new FakeEvs(), null);
        assertEquals(same, ResizeDialogs.sameAccount(shown,
                activity("evs.resize", ActivityState.FAILED, account, region, project)));
    }
}
