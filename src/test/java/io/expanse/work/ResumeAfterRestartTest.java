package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.Volume;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resize is started, the app (tracker and journal) goes away before it finishes, the sandbox finishes the job
 * meanwhile, and a new tracker on a journal reopened from the same file follows the entry to SUCCEEDED.
 */
class ResumeAfterRestartTest {

    /** Time that moves only when told to, shared by the sandbox and the client so that signatures stay valid. */
    static final class StepClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final PollSchedule FAST = new PollSchedule(Duration.ofMillis(100), 1.5, Duration.ofMillis(300),
            Duration.ofMinutes(30), Duration.ofMillis(300), 20, 4, Duration.ofMillis(100));

    @TempDir
    Path dir;

    @Test
    void aJobThatFinishedWhileTheAppWasClosedReachesSucceededAfterRestart() throws Exception {
        StepClock clock = new StepClock();
        Path file = dir.resolve("activity.json");
        ExecutorService pages = Executors.newFixedThreadPool(2);
        OkHttpClient http = new OkHttpClient();
        try (SandboxServer sandbox = SandboxServer.start(new SandboxCloud(SandboxSeed.standard(), clock,
                new SandboxTimings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5))))) {
            HuaweiClient api = HuaweiClient.builder().http(http).endpoints(sandbox.endpoints())
                    .credentials(sandbox.credentials()).region(sandbox.region()).projectId(sandbox.projectId())
                    .clock(clock).pageExecutor(pages).build();
            Volume volume = api.getVolume(SandboxSeed.volumeId("data-01"));

            // First run: submit, see the job accepted, close before it finishes.
            ScheduledExecutorService scheduler1 = Executors.newScheduledThreadPool(1);
            ActivityJournal journal1 = new ActivityJournal(file);
            ResizeTracker tracker1 = new ResizeTracker(api, journal1, scheduler1, clock, FAST);
            Activity submitted = tracker1.submit(new ResizeRequest(volume.id(), volume.name(), volume.sizeGb(),
                    volume.sizeGb() + 50, false, null, null, "sandbox", api.region(), api.projectId()));
            assertNotNull(submitted.jobId(), submitted.message());
            Thread.sleep(400);
            tracker1.shutdown();
            scheduler1.shutdownNow();
            assertFalse(journal1.find(submitted.id()).orElseThrow().finished(), "finished before the restart");

            // Meanwhile the cloud finishes the job.
            clock.advance(Duration.ofMinutes(2));
            assertEquals(volume.sizeGb() + 50, api.getVolume(volume.id()).sizeGb());

            // Second run: a new journal on the same file and a new tracker.
            ScheduledExecutorService scheduler2 = Executors.newScheduledThreadPool(1);
            try {
                ActivityJournal journal2 = new ActivityJournal(file);
                assertTrue(journal2.loadProblem().isEmpty());
                assertEquals(submitted.id(), journal2.unfinished().get(0).id());
                ResizeTracker tracker2 = new ResizeTracker(api, journal2, scheduler2, clock, FAST);
                tracker2.resumeUnfinished();
                long deadline = System.currentTimeMillis() + 15_000;
                while (!journal2.find(submitted.id()).orElseThrow().finished()
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                Activity done = journal2.find(submitted.id()).orElseThrow();
                assertEquals(ActivityState.SUCCEEDED, done.state(), done.message());
                assertTrue(done.message().contains((volume.sizeGb() + 50) + " GB"), done.message());
                assertEquals(ActivityState.SUCCEEDED, new ActivityJournal(file).find(submitted.id())
                        .orElseThrow().state(), "the outcome is on disk");
            } finally {
                scheduler2.shutdownNow();
            }
        } finally {
            pages.shutdownNow();
            http.connectionPool().evictAll();
        }
    }
}
