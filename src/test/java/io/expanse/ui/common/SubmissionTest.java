package io.expanse.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.expanse.cloud.ApiException;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    @Test
    void aRefusedSendShowsTheSentenceAndKeepsTheCodesApart() {
        Submission submission = new Submission(new CurrentThreadTaskExecutor());
        submission.start(() -> {
            throw new ApiException(ApiException.Kind.PERMISSION, 403, "EVS.0001", "denied", "req-9",
                    "The key may not expand disks.", null, null);
        }, a -> "failed");

        assertEquals("The key may not expand disks.", submission.errorProperty().get());
        assertEquals("EVS.0001, HTTP 403, request req-9", submission.errorDetailsProperty().get());
        assertFalse(submission.runningProperty().get());
    }

    @Test
    void aFailureWithoutCodesHasNoDetails() {
        Submission submission = new Submission(new CurrentThreadTaskExecutor());
        submission.start(() -> {
            throw new ApiException(ApiException.Kind.NETWORK, "The region could not be reached.", null);
        }, a -> "failed");

        assertEquals("The region could not be reached.", submission.errorProperty().get());
        assertEquals("", submission.errorDetailsProperty().get());
    }
}
