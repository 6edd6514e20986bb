package io.expanse.app;

/**
 * Start-up milestones on standard error, for profiling where start-up time goes: set the system property
 * {@code expanse.trace.startup} to the epoch milliseconds at which the process was started (e.g.
 * {@code -Dexpanse.trace.startup=$(date +%s%3N)}), and each milestone prints {@code startup <ms> <what>}, the
 * milliseconds since then. Without the property it does nothing.
 */
public final class StartupTrace {

    private static final long ORIGIN = origin();

    private StartupTrace() {
    }

    private static long origin() {
        try {
            String value = System.getProperty("expanse.trace.startup");
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException | SecurityException e) {
            return -1;
        }
    }

    /** Whether milestones are printed. */
    public static boolean on() {
        return ORIGIN >= 0;
    }

    /** Prints one milestone when tracing is on. */
    public static void mark(String what) {
        if (ORIGIN >= 0) {
            System.err.println("startup " + (System.currentTimeMillis() - ORIGIN) + " ms " + what
                    + " [" + Thread.currentThread().getName() + "]");
        }
    }
}
