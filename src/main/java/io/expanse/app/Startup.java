package io.expanse.app;

import io.expanse.files.AppDirs;
import io.expanse.files.FolderCheck;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Startup.class);

    /** Builds everything on this thread. */
    static Startup prepare(List<String> args, Map<String, String> env) {
        AppDirs dirs;
        List<FolderCheck.Problem> problems;
        try {
            dirs = AppDirs.detect();
            problems = FolderCheck.check(dirs);
        } catch (RuntimeException e) {
            LOG.error("Expanse could not start", e);
            return new Startup(List.of(), null, e);
        }
        if (!problems.isEmpty()) {
            return new Startup(problems, null, null);
        }
        try {
            StartupTrace.mark("folders checked");
            AppContext context = new AppContext(dirs, env, AppContext.Options.standard(args.contains("--sandbox")
                    || "1".equals(env.get("EXPANSE_SANDBOX"))));
            StartupTrace.mark("context built");
            return new Startup(List.of(), context, null);
        } catch (Exception e) {
            LOG.error("Expanse could not start", e);
            return new Startup(List.of(), null, e);
        }
    }

    /** Begins {@link #prepare} on a daemon thread of its own. */
    static CompletableFuture<Startup> begin(List<String> args) {
        CompletableFuture<Startup> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(prepare(args, System.getenv()));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "expanse-startup");
        t.setDaemon(true);
        t.start();
        return result;
    }
}
