package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers see an immutable snapshot and never wait for a writer: the dialogs ask {@code inFlight} on every keystroke
 * on the FX thread while a tracker may be in the middle of committing a change to the database.
 */
class ActivityJournalReadersTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Activity activity(String id, String volume, ActivityState state) {
        return new Activity(id, Activity.KIND_EVS_RESIZE, "prod", "cn-north-4", "proj-1", volume, "data-01", 100,
                200, false, null, "/dev/vdb", state, "job-1", null, T0, T0, state.finished() ? T0 : null, "m", null,
                null, null);
    }

    @Test
    void readersAnswerFromTheLastSnapshotWhileAWriteIsStuckOnTheDisk() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.db"), CLOCK, null, 100, written -> {
            if (written.id().equals("b")) {
                // Inside b's transaction, before its commit: as if the disk took its time to sync.
                writing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Activity a = activity("a", "vol-1", ActivityState.RUNNING);
        journal.record(a);

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() ->
                journal.record(activity("b", "vol-2", ActivityState.RUNNING)));
        try {
            assertTrue(writing.await(10, TimeUnit.SECONDS), "the second write started");
            // Each read below would block until release when readers took the writers' lock.
            CompletableFuture<List<Object>> reads = CompletableFuture.supplyAsync(() -> List.of(
                    journal.inFlight("vol-1"), journal.inFlight("vol-2"), journal.recent(), journal.unfinished(),
                    journal.find("b")));
            List<Object> seen = reads.get(5, TimeUnit.SECONDS);
            assertEquals(List.of(true, false, List.of(a), List.of(a), Optional.empty()), seen);
        } finally {
            release.countDown();
        }
        writer.get(10, TimeUnit.SECONDS);
        assertTrue(journal.inFlight("vol-2"));
        assertEquals(List.of("a", "b"), journal.recent().stream().map(Activity::id).toList());
    }

    @Test
    void aSnapshotHandedOutDoesNotChangeLater() {
        ActivityJournal journal = new ActivityJournal(dir.resolve("activity.db"), CLOCK);
        Activity a = activity("a", "vol-1", ActivityState.RUNNING);
        journal.record(a);
        List<Activity> before = journal.unfinished();
        journal.record(a.withState(ActivityState.SUCCEEDED, "done", T0.plusSeconds(5)));
        assertEquals(List.of(a), before);
        assertTrue(journal.unfinished().isEmpty());
        assertFalse(journal.inFlight("vol-1"));
    }
}
