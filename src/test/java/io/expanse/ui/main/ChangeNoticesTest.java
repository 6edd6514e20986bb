package io.expanse.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which finished changes are worth a desktop notice, and what it says. */
class ChangeNoticesTest {

    private static Activity activity(String kind, ActivityState state, String reason) {
        Instant t = Instant.parse("2025-05-01T10:00:00Z");
        return new Activity("a-1", kind, "Sandbox", "cn-north-4", "p", "vol-1", "data-01", 100, 300, false, null,
                "/dev/vdb", state, "job-1", null, t, t, state.finished() ? t : null, "the message", reason, null,
                null);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2}): {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "RUNNING|SUCCEEDED|evs.resize|data-01 grew from 100 GB to 300 GB.",
        "-|SUCCEEDED|evs.resize|data-01 grew from 100 GB to 300 GB.",
        "RUNNING|FAILED|evs.resize|The expansion of data-01 to 300 GB failed: the disk broke",
        "SUBMITTED|AWAITING_PAYMENT|evs.resize|The order to expand data-01 to 300 GB awaits payment in the Billing Center.",
        "RUNNING|SUCCEEDED|nas.upgrade|Resource pack data-01 was upgraded to 300 GB.",
        "SUCCEEDED|SUCCEEDED|evs.resize|-",
        "SUBMITTING|RUNNING|evs.resize|-",
        "RUNNING|CANCELLED|evs.resize|-",
        "RUNNING|SUCCEEDED|other.kind|-"})
    void aNoticeOnlyWhenAChangeJustFinished(ActivityState before, ActivityState now, String kind, String expected) {
        assertEquals(expected, ChangeNotices.notice(before, activity(kind, now, "the disk broke")));
    }

    @Test
    void aFailureWithoutAReasonUsesTheMessage() {
        assertEquals("The expansion of data-01 to 300 GB failed: the message",
                ChangeNotices.notice(ActivityState.RUNNING, activity("evs.resize", ActivityState.FAILED, null)));
    }

    @Test
    void onlyWhileNoExpanseWindowHasTheFocus() {
        assertTrue(ChangeNotices.wanted(false));
        assertFalse(ChangeNotices.wanted(true));
    }
}
