package io.expanse.bench;

import io.expanse.app.AppContext;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.DiskUsageApi;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.huawei.Job;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.files.AppDirs;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.volumes.UsageColumnModel;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.PollSchedule;
import io.expanse.work.accounts.AccountOpener;
import io.expanse.work.accounts.EvsAccount;
import io.expanse.work.usage.DimensionCacheFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import atlantafx.base.theme.PrimerLight;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * Speed and memory figures for the volume list: the client over loopback HTTP, the real main window (real
 * {@link AppContext}, {@code main.fxml} with {@code volumes.fxml}, {@code VolumesController}, {@link VolumesViewModel})
 * on headless Monocle, and retained heap. A plain program, not a test: {@code mvn verify} never runs it, and it
 * asserts nothing. It prints figures; judge them.
 *
 * <p>Run (Maven 3.8.7+, JDK 17; forks a JVM with the installed app's {@code -Xmx512m} and the Monocle headless
 * properties, and the sandbox in a JVM of its own):
 * <pre>
 * mvn -B -q -Pbench test-compile exec:exec
 * mvn -B -q -Pbench test-compile exec:exec -Dbench.sizes=10000      # one size only
 * mvn -B -q -Pbench test-compile exec:exec -Dbench.sizes=50000      # several minutes
 * </pre>
 * The {@code bench} profile in {@code pom.xml} holds the JVM options; the class sets the same Monocle properties
 * itself when they are missing, so an IDE run of {@code main} works too. Arguments: a comma-separated list of volume
 * counts (default {@code 1000,10000}; 50,000 works, {@code -Dbench.sizes=50000}, but its
 * server lookup pass alone takes minutes, see below).
 *
 * <p>Per size it starts a sandbox seeded with {@link SandboxSeed#generated(int, int, long)} in a process of its own
 * ({@link SandboxProcess}: an independent server, as a Huawei region is) and measures:
 * <ol>
 *   <li>Client: {@link HuaweiClient#listVolumes()} over loopback, pages of 1000 fetched concurrently; median of
 *       several runs after warm-up.</li>
 *   <li>UI: list result → {@code show()} done (state READY) → first layout pulse; FX-thread event latency
 *       (a probe thread posts one {@code Platform.runLater} at a time and records how long it waited) and the
 *       longest gap between pulses (an {@link AnimationTimer}) from the refresh until every server lookup has been
 *       applied; text filter, sort, {@code TableView.scrollTo} top to bottom, and {@code replace()} of single rows,
 *       each timed on the FX thread including the CSS and layout pass it causes.</li>
 *   <li>Memory: used heap after repeated {@code System.gc()} before the connection and after every row and server
 *       lookup is in; the parsed {@link Volume} list alone is measured separately.</li>
 * </ol>
 */
public final class VolumeListBenchmark {

    private static final long SEED = 20251124L;
    /** Added to every sandbox answer ({@code -Dbench.latencyMs=100}: about the round trip to a Huawei region). */
    private static final long LATENCY_MS = Long.getLong("bench.latencyMs", 0);
    /** Volumes per attached server in the generated seed: 10,000 volumes on 1,250 servers, as in issue 11. */
    private static final int VOLUMES_PER_SERVER = 8;
    /** {@code -Dbench.endpoint=URL}: measure against that Huawei-compatible endpoint instead of a sandbox. */
    private static final Remote REMOTE = Remote.fromProperties();
    /** {@code -Dbench.stalls=true}: sample the FX thread's stack during long waits and print the commonest. */
    private static final boolean STALLS = Boolean.getBoolean("bench.stalls");
    /** Whether the account being measured reads disk usage (then each load waits for it too). */
    private static volatile boolean readsUsage;
    private static final Map<String, Map<Integer, String>> SUMMARY = new LinkedHashMap<>();
    private static final List<Integer> SIZES = new ArrayList<>();

    private VolumeListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        headlessDefaults();
        String spec = args.length > 0 && !args[0].isBlank() ? args[0] : "1000,10000";
        if (REMOTE == null) {
            for (String s : spec.split(",")) {
                SIZES.add(Integer.parseInt(s.trim()));
            }
        }
        long started = System.nanoTime();
        printMachine();
        CountDownLatch fxUp = new CountDownLatch(1);
        Platform.startup(fxUp::countDown);
        fxUp.await();
        Platform.setImplicitExit(false);
        int status = 1;
        try {
            // The theme the app sets in ExpanseApp.start: its CSS is part of what every layout pass costs.
            fx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                return null;
            });
            if (REMOTE != null) {
                runRemote(REMOTE);
            } else {
                for (int n : SIZES) {
                    runSize(n);
                }
            }
            printSummary();
            System.out.printf(Locale.ROOT, "%nTotal benchmark time: %.1f s; load average now %s%n",
                    (System.nanoTime() - started) / 1e9, loadAverage());
            status = 0;
        } catch (Throwable t) {
            t.printStackTrace(System.out);
        } finally {
            System.out.flush();
            // The FX thread is not a daemon: leave on failure too.
            System.exit(status);
        }
    }

    private static void headlessDefaults() {
        Map<String, String> props = Map.of("glass.platform", "Monocle", "monocle.platform", "Headless",
                "prism.order", "sw", "prism.text", "t2k", "java.awt.headless", "true",
                "headless.geometry", "1600x1200-32");
        props.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }

    private static void printMachine() {
        Runtime rt = Runtime.getRuntime();
        System.out.println("Expanse volume list benchmark");
        System.out.printf(Locale.ROOT, "  Java        %s (%s %s)%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"));
        System.out.printf(Locale.ROOT, "  OS          %s %s %s%n", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "  Cores       %d%n", rt.availableProcessors());
        System.out.printf(Locale.ROOT, "  Max heap    %d MiB%n", rt.maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "  GC          %s%n", String.join(", ", ManagementFactory
                .getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList()));
        System.out.printf(Locale.ROOT, "  JavaFX      %s, glass %s/%s, prism %s%n",
                System.getProperty("javafx.runtime.version", "?"), System.getProperty("glass.platform"),
                System.getProperty("monocle.platform"), System.getProperty("prism.order"));
        System.out.printf(Locale.ROOT, "  Load avg    %s (other processes share these cores: figures vary with it)%n",
                loadAverage());
        if (REMOTE != null) {
            System.out.printf(Locale.ROOT, "  Endpoint    %s, region %s, project %s%n", REMOTE.endpoint(),
                    REMOTE.region(), REMOTE.projectId());
        } else {
            System.out.printf(Locale.ROOT, "  Sizes       %s volumes on 1 server per %d volumes (seed %d), "
                    + "%d ms added to every sandbox answer%n", SIZES, VOLUMES_PER_SERVER, SEED, LATENCY_MS);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void runSize(int n) throws Exception {
        System.out.printf(Locale.ROOT, "%n=== %,d volumes ===%n", n);
        long t0 = System.nanoTime();
        int serverCount = Math.max(1, n / VOLUMES_PER_SERVER);
        SandboxSeed seed = SandboxSeed.generated(n, serverCount, SEED);
        long servers = seed.volumes().stream().filter(v -> !v.attachments().isEmpty())
                .map(v -> v.attachments().get(0).serverId()).distinct().count();
        seed = null;
        SandboxProcess sandbox = SandboxProcess.start(n, serverCount, SEED, LATENCY_MS);
        System.out.printf(Locale.ROOT, "sandbox: %,d volumes, %,d servers with attached volumes, started in its own "
                + "process in %.0f ms%n", n, servers, ms(System.nanoTime() - t0));
        ExecutorService io = benchIo();
        OkHttpClient http = benchHttp();
        try {
            HuaweiClient.Builder builder = HuaweiClient.builder().http(http).endpoints(sandbox.endpoints())
                    .credentials(sandbox.credentials()).region(sandbox.region()).projectId(sandbox.projectId())
                    .clock(Clock.systemUTC()).pageExecutor(io);
            HuaweiClient client = builder.build();
            clientFigures(n, client);
            Path dimensions = Files.createTempDirectory("expanse-bench-ces");
            uiFigures(n, "Sandbox", true, client, () -> builder.buildCloudEye(io, AccountOpener.USAGE_CONCURRENCY,
                    DimensionCacheFile.of(dimensions, AccountOpener.SANDBOX_LABEL, sandbox.projectId())));
        } finally {
            io.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            sandbox.close();
        }
    }

    /** 1. The client alone: median time to list every volume, and the heap the parsed list takes. */
    private static void clientFigures(int n, HuaweiClient client) throws Exception {
        int warmups = 2;
        int runs = 5;
        for (int i = 0; i < warmups; i++) {
            check(client.listVolumes().size() == n, "listed " + n);
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            List<Volume> all = client.listVolumes();
            times[i] = System.nanoTime() - t;
            check(all.size() == n, "listed " + n);
        }
        Arrays.sort(times);
        int pages = (n + 999) / 1000;
        double median = ms(times[runs / 2]);
        System.out.printf(Locale.ROOT, "client listVolumes: %d pages of 1000, %d runs: median %.1f ms, min %.1f ms, "
                + "max %.1f ms (%,.0f volumes/s)%n", pages, runs, median, ms(times[0]), ms(times[runs - 1]),
                n / (median / 1000));
        put("Client: list all volumes, median (ms)", n, f1(median));

        long before = usedAfterGc();
        List<Volume> held = client.listVolumes();
        long after = usedAfterGc();
        check(held.size() == n, "listed");
        double perVolume = (after - before) / (double) n;
        System.out.printf(Locale.ROOT, "client heap: the parsed List<Volume> retains %.1f MiB = %,.0f bytes/volume%n",
                (after - before) / 1048576.0, perVolume);
        put("Memory: parsed Volume list (bytes/volume)", n, f0(perVolume));
        java.lang.ref.Reference.reachabilityFence(held);
    }

    /**
     * Against any Huawei-compatible endpoint: the list through the real client, then the real table filled exactly
     * as the app fills it. The size is whatever the account holds.
     */
    private static void runRemote(Remote remote) throws Exception {
        ExecutorService io = benchIo();
        OkHttpClient http = benchHttp();
        try {
            HuaweiClient.Builder builder = HuaweiClient.builder().http(http)
                    .endpoints(HuaweiEndpoints.single(java.net.URI.create(remote.endpoint())))
                    .credentials(Credentials.permanent(remote.accessKey(), remote.secretKey()))
                    .region(remote.region()).projectId(remote.projectId()).clock(Clock.systemUTC())
                    .pageExecutor(io);
            HuaweiClient client = builder.build();
            int n = client.listVolumes().size();
            SIZES.add(n);
            System.out.printf(Locale.ROOT, "%n=== %,d volumes at %s ===%n", n, remote.endpoint());
            clientFigures(n, client);
            Path dimensions = Files.createTempDirectory("expanse-bench-ces");
            uiFigures(n, "Benchmark endpoint", false, client, () -> builder.buildCloudEye(io,
                    AccountOpener.USAGE_CONCURRENCY, DimensionCacheFile.of(dimensions, "bench", remote.projectId())));
        } finally {
            io.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The endpoint, keys, project and region of {@code -Dbench.endpoint=…}; null without it. */
    private record Remote(String endpoint, String accessKey, String secretKey, String projectId, String region) {
        static Remote fromProperties() {
            String endpoint = System.getProperty("bench.endpoint", "").strip();
            if (endpoint.isEmpty()) {
                return null;
            }
            return new Remote(endpoint, required("bench.ak"), required("bench.sk"), required("bench.project"),
                    required("bench.region"));
        }

        private static String required(String name) {
            String v = System.getProperty(name, "").strip();
            if (v.isEmpty()) {
                throw new IllegalArgumentException("-Dbench.endpoint needs -D" + name + " too");
            }
            return v;
        }

        @Override
        public String toString() {
            return "Remote[" + endpoint + ", " + region + ", " + projectId + "]";
        }
    }

    /** Daemon threads for the client's concurrent pages and server reads. */
    private static ExecutorService benchIo() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-io");
            t.setDaemon(true);
            return t;
        });
    }

    /** The HTTP client with the app's timeouts. */
    private static OkHttpClient benchHttp() {
        return new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS).writeTimeout(30, TimeUnit.SECONDS).build();
    }

    /** 2 and 3. The real window on headless Monocle. */
    private static void uiFigures(int n, String label, boolean sandbox, HuaweiClient client,
                                  Supplier<DiskUsageApi> usage)
            throws Exception {
        Path home = Files.createTempDirectory("expanse-bench");
        AppDirs dirs = new AppDirs(home.resolve("data"), home.resolve("config"), home.resolve("logs"));
        AppContext context = new AppContext(dirs, Map.of(),
                new AppContext.Options(true, SandboxTimings.DEFAULT, PollSchedule.defaults(),
                        java.time.Duration.ofSeconds(3), false));
        Stage stage = fx(() -> {
            Fxml.View<Object> main = context.fxml().load("main.fxml");
            Scene scene = new Scene(main.root(), 1400, 850);
            scene.getStylesheets().add(Objects.requireNonNull(
                    VolumeListBenchmark.class.getResource("/io/expanse/ui/app.css")).toExternalForm());
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        try {
            runUi(n, label, sandbox, client, usage, context, stage);
        } finally {
            fx(() -> {
                stage.close();
                return null;
            });
            context.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static void runUi(int n, String label, boolean sandbox, HuaweiClient client,
                              Supplier<DiskUsageApi> usages,
                              AppContext context, Stage stage)
            throws Exception {
        Scene scene = stage.getScene();
        Parent root = scene.getRoot();
        TableView<VolumeRow> table = (TableView<VolumeRow>) scene.lookup("#table");
        VolumesViewModel vm = context.volumes();
        waitPulses(scene, 5);

        RecordingApi api = new RecordingApi(client);
        DiskUsageApi usage = usages == null ? null : usages.get();
        EvsAccount connection = new EvsAccount(label, sandbox, client.region(), client.projectId(), api, null,
                usage);
        readsUsage = usage != null;
        PulseWatch pulses = fx(() -> new PulseWatch(scene));
        fx(() -> {
            vm.stateProperty().addListener((o, a, b) -> {
                if (b == VolumesViewModel.LoadState.READY) {
                    pulses.ready = System.nanoTime();
                }
            });
            vm.usage().stateProperty().addListener((o, a, b) -> {
                if (b == UsageColumnModel.State.READY) {
                    pulses.usageReady = System.nanoTime();
                }
            });
            return null;
        });

        long heapBefore = usedAfterGc();

        // First load: connecting makes the view model refresh.
        LoadFigures first = load(n, api, pulses, vm, () -> context.session().connected(connection));
        long heapAfter = usedAfterGc();
        int shown = fx(() -> table.getItems().size());
        check(shown == n, "table shows " + shown + " of " + n);
        first.print("first load");
        first.complete(n);
        first.usage(n, "first load");

        // A refresh with the table full and sorted by name, as after F5.
        LoadFigures warm = load(n, api, pulses, vm, vm::refresh);
        warm.print("refresh (2nd load)");
        warm.complete(n);
        warm.usage(n, "refresh");
        int firstAndRefreshCalls = dimensionCalls(usage);

        // A second launch: a new Cloud Eye client (nothing in memory) over the same data folder, connected anew.
        if (usage != null) {
            DiskUsageApi relaunched = usages.get();
            EvsAccount again = new EvsAccount(label, sandbox, client.region(), client.projectId(), api, null,
                    relaunched);
            LoadFigures second = load(n, api, pulses, vm, () -> context.session().connected(again));
            second.usage(n, "second launch, same data folder");
            System.out.printf(Locale.ROOT, "usage: Cloud Eye dimension and metric-list calls: first load and refresh "
                    + "%d, second launch %d%n", firstAndRefreshCalls, dimensionCalls(relaunched));
            put("Usage: list -> every row's usage in, second launch (ms)", n, second.usageText());
        }
        put("Usage: list -> every row's usage in, first load / refresh (ms)", n, first.usageText() + " / "
                + warm.usageText());
        put("Complete table: list / servers / total, first load (ms)", n, first.completeText());
        put("Complete table: list / servers / total, refresh (ms)", n, warm.completeText());
        put("Complete table: longest FX wait, first load / refresh (ms)", n,
                f0(ms(first.latencies[first.latencies.length - 1])) + " / "
                        + f0(ms(warm.latencies[warm.latencies.length - 1])));
        put("UI: list result -> show() done, first load (ms)", n, f1(ms(first.ready - first.listReturned)));
        put("UI: list result -> rows laid out, first load (ms)", n, f1(ms(first.laidOut - first.listReturned)));
        put("UI: list result -> rows laid out, refresh (ms)", n, f1(ms(warm.laidOut - warm.listReturned)));
        put("UI: refresh -> all server lookups applied (ms)", n, f0(ms(warm.done - warm.start)));
        put("UI: FX event latency p50 / p99 / max, first load (ms)", n, first.latencyText());
        put("UI: FX event latency p50 / p99 / max, refresh (ms)", n, warm.latencyText());
        put("UI: longest pulse gap, first load / refresh (ms)", n,
                f1(first.maxPulseGap) + " / " + f1(warm.maxPulseGap));
        put("UI: network calls made on the FX thread", n, Integer.toString(api.onFxThread.get()));

        double retained = heapAfter - heapBefore;
        System.out.printf(Locale.ROOT, "heap: %.1f MiB before connecting, %.1f MiB with %,d rows and their servers: "
                + "%.1f MiB retained = %,.0f bytes/row (Volume + VolumeRow + ServerInfo share + list structures)%n",
                heapBefore / 1048576.0, heapAfter / 1048576.0, n, retained / 1048576.0, retained / n);
        put("Memory: retained after load (MiB)", n, f1(retained / 1048576.0));
        put("Memory: retained per row (bytes)", n, f0(retained / n));

        filterFigures(n, root, vm, table);
        sortFigures(n, root, table);
        scrollFigures(n, root, table);
        replaceFigures(n, root, vm, table);
    }

    /** The agent-dimension and metric-list calls of a Cloud Eye client so far; -1 for another kind. */
    private static int dimensionCalls(DiskUsageApi usage) {
        return usage instanceof io.expanse.cloud.huawei.CloudEyeClient c ? c.dimensionCalls() : -1;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Loading with FX-thread probes

    private static LoadFigures load(int n, RecordingApi api, PulseWatch pulses, VolumesViewModel vm, Runnable start)
            throws Exception {
        LatencyProbe probe = new LatencyProbe();
        pulses.reset();
        api.listReturned = 0;
        probe.start();
        fx(() -> {
            pulses.timer.start();
            return null;
        });
        LoadFigures f = new LoadFigures();
        f.start = System.nanoTime();
        fx(() -> {
            start.run();
            return null;
        });
        // The servers come in a few batch calls; rows kept from the previous load wait for them as new ones do.
        waitFor("all rows and server lookups of " + n + " volumes", Math.max(120, n / 40), () -> fx(() ->
                vm.stateProperty().get() == VolumesViewModel.LoadState.READY && vm.allRows().size() == n
                        && vm.serversAppliedProperty().get() == vm.currentLoad()
                        && vm.allRows().stream().noneMatch(r -> r.lookupProperty().get()
                        == VolumeRow.ServerLookup.LOADING)));
        f.done = System.nanoTime();
        // Then the usage, read after the server pass; the FX probe keeps running meanwhile.
        waitFor("usage of " + n + " volumes", 900, () -> pulses.usageReady != 0 || !readsUsage);
        f.usageDone = pulses.usageReady;
        f.usageCalls = vm.usage().lastReadCalls();
        f.servers = fx(() -> (int) vm.allRows().stream().map(r -> r.volume().firstServerId())
                .filter(Objects::nonNull).distinct().count());
        waitFor("a layout pulse after READY", 10, () -> pulses.laidOut != 0);
        probe.stop();
        fx(() -> {
            pulses.timer.stop();
            return null;
        });
        f.listReturned = api.listReturned;
        f.ready = pulses.ready;
        f.laidOut = pulses.laidOut;
        f.maxPulseGap = ms(pulses.maxGap);
        f.pulseCount = pulses.count;
        f.latencies = probe.samples();
        f.lookups = api.serverCalls.getAndSet(0);
        return f;
    }

    /** Posts one {@code runLater} at a time, 2 ms apart, and records how long each waited for the FX thread. */
    private static final class LatencyProbe {
        private final List<Long> samples = new ArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    CountDownLatch ran = new CountDownLatch(1);
                    long posted = System.nanoTime();
                    Platform.runLater(() -> {
                        long waited = System.nanoTime() - posted;
                        synchronized (samples) {
                            samples.add(waited);
                        }
                        ran.countDown();
                    });
                    try {
                        if (STALLS) {
                            sampleWhileWaiting(ran, posted);
                        }
                        if (!ran.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("FX thread blocked for 30 s");
                        }
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-fx-probe");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            if (STALLS && !stallStacks.isEmpty()) {
                System.out.println("  FX thread stack samples taken while a probe waited over 20 ms (top 12):");
                stallStacks.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(12).forEach(e -> System.out.printf(Locale.ROOT, "  %4d x%n%s%n", e.getValue(),
                                e.getKey()));
                System.out.println("  the same samples by what the FX thread was doing (5 ms each):");
                stallKinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(20).forEach(e -> System.out.printf(Locale.ROOT, "  %4d x %s%n", e.getValue(),
                                e.getKey()));
                System.out.println("  the longest waits, by what the FX thread was doing:");
                stalls.stream().sorted(Comparator.comparingLong((Stall st) -> st.waited).reversed()).limit(5)
                        .forEach(st -> System.out.printf(Locale.ROOT, "  %6.1f ms: %s%n", st.waited / 1e6,
                                st.kinds));
            }
        }

        /** {@code -Dbench.stalls=true}: the FX thread's stack every 5 ms while the probe has waited over 20 ms. */
        private final Map<String, Integer> stallStacks = new LinkedHashMap<>();

        private final Map<String, Integer> stallKinds = new LinkedHashMap<>();
        private final List<Stall> stalls = new ArrayList<>();

        /** One long wait: how long, and what the FX thread was doing meanwhile (samples per kind). */
        private static final class Stall {
            long waited;
            final Map<String, Integer> kinds = new LinkedHashMap<>();
        }

        /** A short name for what a sampled FX stack is doing: the pulse phase or event, and the work inside it. */
        static String kindOf(StackTraceElement[] stack) {
            String phase = "event";
            String app = null;
            for (int i = stack.length - 1; i >= 0; i--) {
                String c = stack[i].getClassName();
                String m = stack[i].getMethodName();
                if (m.equals("doCSSPass")) {
                    phase = "pulse: CSS";
                } else if (m.equals("doLayoutPass")) {
                    phase = "pulse: layout";
                } else if (m.equals("synchronizeSceneNodes") || m.equals("syncAll")) {
                    phase = "pulse: sync";
                } else if (c.endsWith("PaintCollector") || c.endsWith("QuantumRenderer")) {
                    phase = "pulse: render";
                } else if (c.contains("animation") && phase.equals("event")) {
                    phase = "pulse: animation";
                } else if (c.startsWith("io.expanse") && !c.startsWith("io.expanse.bench") && app == null) {
                    app = c.substring(c.lastIndexOf('.') + 1).replaceAll("\\$\\$Lambda.*", "") + "." + m;
                } else if (c.startsWith("io.expanse.bench") && app == null) {
                    app = "bench";
                }
            }
            String work = "";
            for (StackTraceElement f : stack) {
                String m = f.getMethodName();
                String c = f.getClassName();
                if (m.equals("createDefaultSkin") || c.endsWith("Skin") && m.equals("<init>")) {
                    work = "skin " + c.substring(c.lastIndexOf('.') + 1);
                } else if (m.equals("doProcessCSS") || m.equals("reapplyCss") || m.equals("transitionToState")) {
                    work = work.isEmpty() ? "CSS" : work;
                } else if (m.equals("updateItem") || m.equals("updateIndex")) {
                    work = work.isEmpty() ? "cell update" : work;
                } else if (c.contains("SortedList") || c.contains("FilteredList")) {
                    work = work.isEmpty() ? c.substring(c.lastIndexOf('.') + 1) : work;
                } else if (m.equals("loadClass") || m.equals("defineClass1")) {
                    work = "class loading";
                }
            }
            return phase + (app == null ? "" : " [" + app + "]") + (work.isEmpty() ? "" : " " + work);
        }

        private void sampleWhileWaiting(CountDownLatch ran, long posted) throws InterruptedException {
            Thread fxThread = fxThread();
            Stall stall = null;
            while (!ran.await(5, TimeUnit.MILLISECONDS)) {
                if (fxThread != null && System.nanoTime() - posted > 20_000_000L) {
                    StringBuilder sb = new StringBuilder();
                    StackTraceElement[] stack = fxThread.getStackTrace();
                    String kind = kindOf(stack);
                    stallKinds.merge(kind, 1, Integer::sum);
                    if (stall == null) {
                        stall = new Stall();
                        stalls.add(stall);
                    }
                    stall.kinds.merge(kind, 1, Integer::sum);
                    int shown = 0;
                    for (StackTraceElement f : stack) {
                        String c = f.getClassName();
                        if (shown < 3 || c.startsWith("io.expanse") || shown < 14) {
                            sb.append("      ").append(f).append('\n');
                            shown++;
                        }
                        if (shown >= 22) {
                            break;
                        }
                    }
                    stallStacks.merge(sb.toString(), 1, Integer::sum);
                }
            }
            if (stall != null) {
                stall.waited = System.nanoTime() - posted;
            }
        }

        private static Thread fxThread() {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElse(null);
        }

        long[] samples() {
            synchronized (samples) {
                return samples.stream().mapToLong(Long::longValue).sorted().toArray();
            }
        }
    }

    /** Pulse gaps (an AnimationTimer keeps pulses coming) and the first layout pass after the rows arrived. */
    private static final class PulseWatch {
        final AnimationTimer timer;
        volatile long ready;
        volatile long laidOut;
        volatile long usageReady;
        long last;
        long maxGap;
        int count;

        PulseWatch(Scene scene) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (last != 0) {
                        maxGap = Math.max(maxGap, t - last);
                    }
                    last = t;
                    count++;
                }
            };
            scene.addPostLayoutPulseListener(() -> {
                if (ready != 0 && laidOut == 0) {
                    laidOut = System.nanoTime();
                }
            });
        }

        void reset() throws Exception {
            fx(() -> {
                ready = 0;
                laidOut = 0;
                usageReady = 0;
                last = 0;
                maxGap = 0;
                count = 0;
                return null;
            });
        }
    }

    private static final class LoadFigures {
        long usageDone;
        int usageCalls;
        long start;
        long listReturned;
        long ready;
        long laidOut;
        long done;
        double maxPulseGap;
        int pulseCount;
        int lookups;
        int servers;
        long[] latencies;

        /** Start to the list returned, the list to every server status and role in, start to all in. */
        String completeText() {
            return f0(ms(listReturned - start)) + " / " + f0(ms(done - listReturned)) + " / " + f0(ms(done - start));
        }

        /** The one-line figure of issue 11. */
        void complete(int volumes) {
            System.out.printf(Locale.ROOT, "complete table: %d volumes, %d servers, list %d ms, servers %d ms, "
                    + "total %d ms, longest FX wait %d ms%n", volumes, servers,
                    Math.round(ms(listReturned - start)), Math.round(ms(done - listReturned)),
                    Math.round(ms(done - start)), Math.round(ms(latencies[latencies.length - 1])));
        }

        String usageText() {
            return usageDone == 0 ? "-" : f0(ms(usageDone - listReturned));
        }

        /** The issue 15 figure: how long after the list every row's usage is in. */
        void usage(int volumes, String which) {
            if (usageDone == 0) {
                System.out.println("usage: not read (no Cloud Eye client)");
                return;
            }
            System.out.printf(Locale.ROOT, "usage: %d volumes, %d servers, %s, list -> usage in %d ms (server pass"
                    + " -> usage in %d ms), %d metric calls, longest FX wait %d ms, load average %s%n", volumes,
                    servers, which, Math.round(ms(usageDone - listReturned)), Math.round(ms(usageDone - done)),
                    usageCalls, Math.round(ms(latencies[latencies.length - 1])), loadAverage());
        }

        String latencyText() {
            return f1(ms(pct(latencies, 50))) + " / " + f1(ms(pct(latencies, 99))) + " / "
                    + f1(ms(latencies[latencies.length - 1]));
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "%s: list result -> show() done %.1f ms -> rows laid out %.1f ms; "
                    + "refresh -> %,d server reads (getServer or servers calls) applied %.0f ms%n", what,
                    ms(ready - listReturned), ms(laidOut - listReturned), lookups, ms(done - start));
            System.out.printf(Locale.ROOT, "  FX event latency over %,d probes: p50 %.2f ms, p99 %.2f ms, max %.1f ms;"
                    + " %d pulses, longest pulse gap %.1f ms%n", latencies.length, ms(pct(latencies, 50)),
                    ms(pct(latencies, 99)), ms(latencies[latencies.length - 1]), pulseCount, maxPulseGap);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Interactions, each timed on the FX thread with the CSS + layout pass it causes

    private static void filterFigures(int n, Parent root, VolumesViewModel vm, TableView<VolumeRow> table)
            throws Exception {
        String[] filters = {"pg", "redis sys", "data-1", "0042", "no-such-volume"};
        List<Long> applies = new ArrayList<>();
        List<Long> clears = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (String text : filters) {
            long[] t = new long[5];
            int shown = 0;
            for (int i = 0; i < t.length; i++) {
                t[i] = fxTimed(root, () -> vm.filterTextProperty().set(text));
                shown = fx(() -> table.getItems().size());
                clears.add(fxTimed(root, () -> vm.filterTextProperty().set("")));
            }
            Arrays.sort(t);
            for (long x : t) {
                applies.add(x);
            }
            detail.append(String.format(Locale.ROOT, "  '%s' -> %,d rows: median %.1f ms%n", text, shown,
                    ms(t[t.length / 2])));
        }
        // Typing char by char, as a person would.
        String typed = "mysql-0123";
        long[] keys = new long[typed.length()];
        for (int i = 0; i < typed.length(); i++) {
            String prefix = typed.substring(0, i + 1);
            keys[i] = fxTimed(root, () -> vm.filterTextProperty().set(prefix));
        }
        fxTimed(root, () -> vm.filterTextProperty().set(""));
        Arrays.sort(keys);
        long[] a = sorted(applies);
        long[] c = sorted(clears);
        System.out.printf(Locale.ROOT, "filter on %,d rows: apply median %.1f ms (max %.1f), clear median %.1f ms "
                + "(max %.1f), typing '%s' per key median %.1f ms (max %.1f)%n%s", n, ms(pct(a, 50)),
                ms(a[a.length - 1]), ms(pct(c, 50)), ms(c[c.length - 1]), typed, ms(pct(keys, 50)),
                ms(keys[keys.length - 1]), detail);
        put("UI: apply text filter, median / max (ms)", n, f1(ms(pct(a, 50))) + " / " + f1(ms(a[a.length - 1])));
        put("UI: clear text filter, median / max (ms)", n, f1(ms(pct(c, 50))) + " / " + f1(ms(c[c.length - 1])));
        put("UI: typing in filter, per key median / max (ms)", n,
                f1(ms(pct(keys, 50))) + " / " + f1(ms(keys[keys.length - 1])));
    }

    private static void sortFigures(int n, Parent root, TableView<VolumeRow> table) throws Exception {
        TableColumn<VolumeRow, ?> size = column(table, "Size (GB)");
        TableColumn<VolumeRow, ?> name = column(table, "Name");
        List<Long> bySize = new ArrayList<>();
        List<Long> byName = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (TableColumn.SortType type : TableColumn.SortType.values()) {
                bySize.add(fxTimed(root, () -> {
                    size.setSortType(type);
                    table.getSortOrder().setAll(size);
                }));
                byName.add(fxTimed(root, () -> {
                    name.setSortType(type);
                    table.getSortOrder().setAll(name);
                }));
            }
        }
        // Leave it as the controller sets it up: by name, ascending.
        fxTimed(root, () -> {
            name.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(name);
        });
        long[] s = sorted(bySize);
        long[] m = sorted(byName);
        System.out.printf(Locale.ROOT, "sort %,d rows: by size median %.1f ms (max %.1f), by name median %.1f ms "
                + "(max %.1f)%n", n, ms(pct(s, 50)), ms(s[s.length - 1]), ms(pct(m, 50)), ms(m[m.length - 1]));
        put("UI: sort by size, median / max (ms)", n, f1(ms(pct(s, 50))) + " / " + f1(ms(s[s.length - 1])));
        put("UI: sort by name, median / max (ms)", n, f1(ms(pct(m, 50))) + " / " + f1(ms(m[m.length - 1])));
    }

    private static void scrollFigures(int n, Parent root, TableView<VolumeRow> table) throws Exception {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        int visible = fx(() -> Math.max(1, flow.getLastVisibleCell().getIndex() - flow.getFirstVisibleCell().getIndex()));
        // A page at a time, or bigger jumps so that no size takes more than 500 steps.
        int page = Math.max(visible, (n + 499) / 500);
        fxTimed(root, () -> table.scrollTo(0));
        List<Long> steps = new ArrayList<>();
        long wall = System.nanoTime();
        for (int i = page; i < n; i += page) {
            int target = Math.min(i, n - 1);
            steps.add(fxTimed(root, () -> table.scrollTo(target)));
        }
        // TableView.scrollTo puts a row at the top where it can; for the last rows it stops short of the end, with
        // the last row below the viewport. The flow's own scrollTo makes a row fully visible, as the keyboard does.
        steps.add(fxTimed(root, () -> flow.scrollTo(n - 1)));
        wall = System.nanoTime() - wall;
        int last = fx(() -> flow.getLastVisibleCell().getIndex());
        check(last == n - 1, "scrolled to the last row, at " + last + " of " + fx(() -> table.getItems().size())
                + " rows");
        long[] s = sorted(steps);
        long total = Arrays.stream(s).sum();
        System.out.printf(Locale.ROOT, "scroll %,d rows top to bottom in %,d steps of %d rows: FX time %.0f ms total "
                + "(wall %.0f ms), per step median %.2f ms, p99 %.2f ms, max %.1f ms%n", n, s.length, page, ms(total),
                ms(wall), ms(pct(s, 50)), ms(pct(s, 99)), ms(s[s.length - 1]));
        put("UI: scroll top->bottom, steps x rows", n, s.length + " x " + page);
        put("UI: scroll, FX time total (ms)", n, f0(ms(total)));
        put("UI: scroll, per step median / max (ms)", n, f2(ms(pct(s, 50))) + " / " + f1(ms(s[s.length - 1])));
        fxTimed(root, () -> table.scrollTo(0));
    }

    /** {@code VolumesViewModel.replace}, as when an expansion changes state and its volume is read again. */
    private static void replaceFigures(int n, Parent root, VolumesViewModel vm, TableView<VolumeRow> table)
            throws Exception {
        int count = 50;
        List<Volume> some = fx(() -> {
            List<Volume> l = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                l.add(vm.allRows().get((int) ((long) i * (n - 1) / (count - 1))).volume());
            }
            return l;
        });
        List<Long> times = new ArrayList<>();
        for (Volume v : some) {
            times.add(fxTimed(root, () -> vm.replace(v)));
        }
        long[] s = sorted(times);
        System.out.printf(Locale.ROOT, "replace one row (re-read volume) among %,d: median %.2f ms, max %.2f ms%n", n,
                ms(pct(s, 50)), ms(s[s.length - 1]));
        put("UI: replace one row, median / max (ms)", n, f2(ms(pct(s, 50))) + " / " + f2(ms(s[s.length - 1])));
    }

    private static TableColumn<VolumeRow, ?> column(TableView<VolumeRow> table, String text) {
        return table.getColumns().stream().filter(c -> text.equals(c.getText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no column " + text));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The API as the view model sees it, recording when the list came back and where calls ran

    private static final class RecordingApi implements EvsApi {
        private final EvsApi delegate;
        final AtomicInteger onFxThread = new AtomicInteger();
        final AtomicInteger serverCalls = new AtomicInteger();
        volatile long listReturned;

        RecordingApi(EvsApi delegate) {
            this.delegate = delegate;
        }

        private void called() {
            if (Platform.isFxApplicationThread()) {
                onFxThread.incrementAndGet();
            }
        }

        @Override
        public List<Volume> listVolumes() throws ApiException {
            called();
            List<Volume> l = delegate.listVolumes();
            listReturned = System.nanoTime();
            return l;
        }

        @Override
        public Volume getVolume(String volumeId) throws ApiException {
            called();
            return delegate.getVolume(volumeId);
        }

        @Override
        public ResizeAccepted resize(String volumeId, int newSizeGb, Boolean autoPay) throws ApiException {
            called();
            return delegate.resize(volumeId, newSizeGb, autoPay);
        }

        @Override
        public Job getJob(String jobId) throws ApiException {
            called();
            return delegate.getJob(jobId);
        }

        @Override
        public ServerInfo getServer(String serverId) throws ApiException {
            called();
            serverCalls.incrementAndGet();
            return delegate.getServer(serverId);
        }

        @Override
        public Map<String, ServerInfo> servers(java.util.Collection<String> serverIds) throws ApiException {
            called();
            serverCalls.incrementAndGet();
            return delegate.servers(serverIds);
        }

        @Override
        public Order getOrder(String orderId) throws ApiException {
            called();
            return delegate.getOrder(orderId);
        }

        @Override
        public String projectId() {
            return delegate.projectId();
        }

        @Override
        public String region() {
            return delegate.region();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the FX thread, then the CSS and layout pass a pulse would run; returns nanoseconds. */
    private static long fxTimed(Parent root, Runnable action) throws Exception {
        return fx(() -> {
            long t = System.nanoTime();
            action.run();
            root.applyCss();
            root.layout();
            return System.nanoTime() - t;
        });
    }

    private static void waitPulses(Scene scene, int count) throws Exception {
        CountDownLatch latch = new CountDownLatch(count);
        Runnable listener = latch::countDown;
        fx(() -> {
            scene.addPostLayoutPulseListener(listener);
            Platform.requestNextPulse();
            return null;
        });
        AnimationTimer keepPulsing = new AnimationTimer() {
            @Override
            public void handle(long now) {
            }
        };
        fx(() -> {
            keepPulsing.start();
            return null;
        });
        latch.await(10, TimeUnit.SECONDS);
        fx(() -> {
            keepPulsing.stop();
            scene.removePostLayoutPulseListener(listener);
            return null;
        });
    }

    private static void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(60);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Benchmark precondition failed: " + what);
        }
    }

    private static long[] sorted(List<Long> l) {
        return l.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long pct(long[] sortedValues, int p) {
        int i = (int) Math.ceil(p / 100.0 * sortedValues.length) - 1;
        return sortedValues[Math.max(0, Math.min(sortedValues.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void put(String metric, int n, String value) {
        SUMMARY.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(n, value);
    }

    private static void printSummary() {
        int w = SUMMARY.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%n%-" + w + "s", "Summary"));
        for (int n : SIZES) {
            header.append(String.format(Locale.ROOT, " | %20s", String.format(Locale.ROOT, "%,d volumes", n)));
        }
        System.out.println(header);
        System.out.println("-".repeat(w + SIZES.size() * 23));
        SUMMARY.forEach((metric, values) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + w + "s", metric));
            for (int n : SIZES) {
                line.append(String.format(Locale.ROOT, " | %20s", values.getOrDefault(n, "-")));
            }
            System.out.println(line);
        });
    }
}
