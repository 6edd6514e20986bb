package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityStateTest {

    @ParameterizedTest
    @CsvSource({"SUBMITTING,false", "SUBMITTED,false", "RUNNING,false", "AWAITING_PAYMENT,false",
            "SUCCEEDED,true", "FAILED,true", "CANCELLED,true"})
    void finalStates(ActivityState state, boolean finished) {
        assertEquals(finished, state.finished());
        assertFalse(state.label().isBlank());
    }
}
