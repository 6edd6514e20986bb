package io.expanse.ui.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityErrorDetailsTest {

    private static Activity failed(String code, String requestId) {
        Instant t = Instant.parse("2026-12-02T08:00:00Z");
        return new Activity("a1", Activity.KIND_EVS_RESIZE, "Sandbox", "cn-north-4", "p1", "vol-1", "data-01", 100,
                200, false, null, "/dev/vdb", ActivityState.FAILED, null, null, t, t, t, "refused",
                "Huawei Cloud refused the request.", code, requestId);
    }

    @Test
    void aFailedRowOffersItsCodeAndRequestIdApartFromItsSentence() {
        assertEquals("EVS.2024, request req-7", ActivityController.errorDetails(failed("EVS.2024", "req-7")));
        assertEquals("EVS.2024", ActivityController.errorDetails(failed("EVS.2024", null)));
    }

    @Test
    void aRowWithoutCodesOffersNothing() {
        assertEquals("", ActivityController.errorDetails(failed(null, null)));
        assertEquals("", ActivityController.errorDetails(null));
    }
}
