package io.expanse.app;

import io.expanse.files.AppDirs;
import io.expanse.files.FolderCheck;
import io.expanse.ui.profiles.LayoutMemory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What start-up builds before the window can show anything: the folders checked, then the composition root
 * ({@link AppContext}: settings, the activity journal, the keyring probe). None of it needs the JavaFX toolkit, so
 * {@link Launcher#main} begins it on a thread of its own while the toolkit starts and the theme is read, and
 * {@link ExpanseApp#start} takes the result.
 *
 * @param folderProblems folders that cannot be used, found before anything was read or written; empty when all is well
 * @param context        the composition root, or null when the folders or building it failed
 * @param failure        any other failure while building the application, or null
 */
record Startup(List<FolderCheck.Problem> folderProblems, AppContext context, Exception failure) {

    /** Logging is set up when first used, on the start-up thread: {@link #begin} runs on the launcher's thread. */
    private static final class Log {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Startup.class);
    }

    /** Builds everything on this thread. */
    static Startup prepare(List<String> args, Map<String, String> env) {
        return prepare(args, env, new CompletableFuture<>());
    }

    /**
     * Builds everything on this thread, completing {@code layoutReady} with the window memory as soon as the
     * settings are read (with null when the folders cannot be used or building fails before that point).
     */
    static Startup prepare(List<String> args, Map<String, String> env,
                           CompletableFuture<LayoutMemory> layoutReady) {
        AppDirs dirs;
        List<FolderCheck.Problem> problems;
        try {
            dirs = AppDirs.detect();
            problems = FolderCheck.check(dirs);
        } catch (RuntimeException e) {
            layoutReady.complete(null);
            Log.LOG.error("Expanse could not start", e);
            return new Startup(List.of(), null, e);
        }
        if (!problems.isEmpty()) {
            layoutReady.complete(null);
            return new Startup(problems, null, null);
        }
        try {
            StartupTrace.mark("folders checked");
            AppContext context = new AppContext(dirs, env, AppContext.Options.standard(args.contains("--sandbox")
                    || "1".equals(env.get("EXPANSE_SANDBOX"))), layoutReady::complete);
            StartupTrace.mark("context built");
            return new Startup(List.of(), context, null);
        } catch (Exception e) {
            layoutReady.complete(null);
            Log.LOG.error("Expanse could not start", e);
            return new Startup(List.of(), null, e);
        }
    }

    /**
     * The start-up under way: {@code layout} completes first, once the settings are read (null when start-up
     * fails before that), so that the window can show while {@code done} is still being built.
     */
    record Begun(CompletableFuture<LayoutMemory> layout, CompletableFuture<Startup> done) {
    }

    /** Begins {@link #prepare} on a daemon thread of its own. */
    static Begun begin(List<String> args) {
        CompletableFuture<LayoutMemory> layout = new CompletableFuture<>();
        CompletableFuture<Startup> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(prepare(args, System.getenv(), layout));
            } catch (Throwable e) {
                layout.complete(null);
                result.completeExceptionally(e);
            }
        }, "expanse-startup");
        t.setDaemon(true);
        t.start();
        return new Begun(layout, result);
    }
}
