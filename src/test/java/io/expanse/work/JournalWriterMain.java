package io.expanse.work;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Child process of {@link JournalCrashSafetyTest}: opens the history database, prints {@code READY}, then records
 * activities in a loop (new, running, and every other one finished), printing {@code ACK <id> <state>} after each
 * {@link ActivityJournal#record} returned (that is, committed), until it is killed. Exits with 3 if the database it
 * opened had a problem.
 */
public final class JournalWriterMain {

    private JournalWriterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        ActivityJournal journal = new ActivityJournal(Path.of(args[0]));
        if (journal.loadProblem().isPresent()) {
            out.println("PROBLEM " + journal.loadProblem().get());
            out.flush();
            System.exit(3);
        }
        out.println("READY " + journal.recent().size());
        out.flush();
        String run = args[1];
        for (int i = 0; ; i++) {
            Instant now = Instant.now();
            Activity a = new Activity(UUID.randomUUID().toString(), Activity.KIND_EVS_RESIZE, "crash-test",
                    "cn-north-4", "project", "vol-" + run + "-" + i, "disk " + run + "/" + i, 10, 20, false, null,
                    null, ActivityState.SUBMITTING, null, null, now, now, null, "submitting \"" + i + "\"\n, ok",
                    null, null, null);
            journal.record(a);
            ack(out, a);
            Activity running = a.withJobId("job-" + i).withState(ActivityState.RUNNING, "running", Instant.now());
            journal.record(running);
            ack(out, running);
            if (i % 2 == 0) {
                Activity done = running.withState(ActivityState.SUCCEEDED, "done", Instant.now());
                journal.record(done);
                ack(out, done);
            }
        }
    }

    private static void ack(PrintStream out, Activity a) {
        out.println("ACK " + a.id() + " " + a.state());
        out.flush();
    }
}
