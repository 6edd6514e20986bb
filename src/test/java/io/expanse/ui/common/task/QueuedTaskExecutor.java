package io.expanse.ui.common.task;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A test executor that holds work until the test says so: {@link #runNext()} runs the oldest pending work (and
 * its continuations, on the test thread). Lets a test interleave tasks, e.g. a slow account switch overtaken by a
 * fast one.
 */
public final class QueuedTaskExecutor extends AbstractTaskExecutor {

    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    protected Runnable start(Runnable body) {
        pending.add(body);
        return () -> pending.remove(body);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void uncaught(Throwable error) {
        throw new IllegalStateException("A background task failed and had no failure continuation", error);
    }

    /** How many works wait to run. */
    public int pending() {
        return pending.size();
    }

    /** Runs the oldest pending work; false when there is none. */
    public boolean runNext() {
        Runnable next = pending.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Runs the newest pending work first (a later task that finishes before an earlier one). */
    public boolean runLast() {
        Runnable last = pending.pollLast();
        if (last == null) {
            return false;
        }
        last.run();
        return true;
    }

    /** Runs pending work until none is left (including work started by continuations). */
    public void runAll() {
        while (runNext()) {
            // keep going
        }
    }
}
