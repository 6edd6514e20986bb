package io.expanse.ui.common.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void successRunsTheSuccessThenTheFinishedContinuation() {
        BackgroundTask.wrap(() -> 42)
                .onSuccess(v -> events.add("success " + v))
                .onFailure(e -> events.add("failure"))
                .onFinished(() -> events.add("finished"))
                .executeWith(new CurrentThreadTaskExecutor());
        assertEquals(List.of("success 42", "finished"), events);
    }

    @Test
    void failureRunsTheFailureThenTheFinishedContinuation() {
        IOException boom = new IOException("disk full");
        List<Throwable> seen = new ArrayList<>();
        BackgroundTask.wrap(() -> {
            throw boom;
        }).onSuccess(v -> events.add("success")).onFailure(e -> {
            seen.add(e);
            events.add("failure");
        }).onFinished(() -> events.add("finished")).executeWith(new CurrentThreadTaskExecutor());
        assertEquals(List.of("failure", "finished"), events);
        assertSame(boom, seen.get(0));
    }

    @Test
    void aFailureWithoutAContinuationReachesTheUncaughtHandler() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BackgroundTask.wrap(() -> {
            throw new IOException("gone");
        }).executeWith(new CurrentThreadTaskExecutor()));
        assertEquals("gone", e.getCause().getMessage());
    }

    @Test
    void aCancelledTaskNeverDeliversItsOutcome() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        TaskHandle handle = BackgroundTask.wrap(() -> "late")
                .onSuccess(v -> events.add("success"))
                .onCancelled(() -> events.add("cancelled"))
                .onFinished(() -> events.add("finished"))
                .executeWith(tasks);
        handle.cancel();
        tasks.runAll();
        assertEquals(List.of("cancelled", "finished"), events);
        assertTrue(handle.isCancelled());
        assertTrue(handle.isDone());
        assertEquals(0, tasks.pending(), "cancelling removes work that had not started");
    }

    @Test
    void cancellingAfterTheOutcomeChangesNothing() {
        TaskHandle handle = BackgroundTask.wrap(() -> 1).onSuccess(v -> events.add("success"))
                .onCancelled(() -> events.add("cancelled")).executeWith(new CurrentThreadTaskExecutor());
        handle.cancel();
        assertEquals(List.of("success"), events);
        assertFalse(handle.isCancelled());
    }

    @Test
    void onlyTheLatestTaskWithAKeyDelivers() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        List<String> discarded = new ArrayList<>();
        TaskHandle first = BackgroundTask.wrap(() -> "first").onSuccess(events::add).onDiscarded(discarded::add)
                .latestWins("account").executeWith(tasks);
        BackgroundTask.wrap(() -> "second").onSuccess(events::add).onDiscarded(discarded::add)
                .latestWins("account").executeWith(tasks);
        assertTrue(first.isDone(), "the first task is superseded as soon as the second starts");
        tasks.runLast();
        tasks.runAll();
        assertEquals(List.of("second"), events);
        assertEquals(List.of(), discarded, "superseded work that had not started never runs");
    }

    @Test
    void aSupersededResultThatWasAlreadyUnderWayIsDiscarded() {
        List<String> discarded = new ArrayList<>();
        // The first task is already running when the second one starts: its work finishes, but it was superseded.
        TaskExecutor[] self = new TaskExecutor[1];
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        self[0] = tasks;
        BackgroundTask.wrap(() -> {
            BackgroundTask.wrap(() -> "second").onSuccess(events::add).latestWins("k").executeWith(self[0]);
            return "first";
        }).onSuccess(events::add).onDiscarded(discarded::add).latestWins("k").executeWith(tasks);
        assertEquals(List.of("second"), events);
        assertEquals(List.of("first"), discarded);
    }

    @Test
    void differentKeysDoNotInterfere() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        BackgroundTask.wrap(() -> "a").onSuccess(events::add).latestWins("one").executeWith(tasks);
        BackgroundTask.wrap(() -> "b").onSuccess(events::add).latestWins("two").executeWith(tasks);
        tasks.runAll();
        assertEquals(List.of("a", "b"), events);
    }

    @Test
    void aKeyIsFreeAgainOnceItsTaskDelivered() {
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        BackgroundTask.wrap(() -> "a").onSuccess(events::add).latestWins("k").executeWith(tasks);
        BackgroundTask.wrap(() -> "b").onSuccess(events::add).latestWins("k").executeWith(tasks);
        assertEquals(List.of("a", "b"), events);
    }
}
