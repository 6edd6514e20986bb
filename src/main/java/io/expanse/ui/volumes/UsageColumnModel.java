package io.expanse.ui.volumes;

import io.expanse.cloud.huawei.DiskUsageApi;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.usage.GrowthCheck;
import io.expanse.text.Texts;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.accounts.EvsAccount;
import io.expanse.work.usage.Expansion;
import io.expanse.work.usage.MountUsage;
import io.expanse.work.usage.UsageReader;
import io.expanse.work.usage.UsageReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The usage columns of the volumes table: reads how full the disks are after the list and its server pass (never
 * before, never holding them up), puts each row's {@link RowUsage} in, a slice of rows per UI event, and keeps the
 * attention threshold, the "Needs attention" filter and the status-line summary. The read runs on the thread that
 * calls {@link #read} (the volumes model's lookup executor); every property changes on the UI thread.
 */
public final class UsageColumnModel {

    /** What the usage columns show. */
    public enum State {
        /** No read yet, or the account reads no usage. */
        IDLE,
        /** Usage is being read; the rows show what they had. */
        READING,
        /** The rows carry the latest read. */
        READY
    }

    /** Completed expansions younger than this are checked for a file system that has not grown. */
    static final Duration EXPANSIONS_CHECKED = Duration.ofDays(7);
    /** A re-read for the "not grown" check comes this long after the hour (the agent reports every minute). */
    static final Duration RECHECK_MARGIN = Duration.ofMinutes(5);
    /**
     * Servers whose mount points may be asked while the server pass is still out (one round of the client's
     * concurrent calls); more wait for it.
     */
    static final int UNGATED_DIMENSION_READS = 16;
    /** Lowest and highest threshold the operator may choose. */
    public static final double MIN_THRESHOLD = 50;
    public static final double MAX_THRESHOLD = 99;

    private final TaskExecutor tasks;
    private final Supplier<List<VolumeRow>> rows;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold",
            UsageReader.ATTENTION_PERCENT);
    private final BooleanProperty attentionOnly = new SimpleBooleanProperty(this, "attentionOnly");
    private final BooleanProperty sortedByUsage = new SimpleBooleanProperty(this, "sortedByUsage");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Set<String>> notGrown = new ReadOnlyObjectWrapper<>(this, "notGrown",
            Set.of());
    private volatile Clock clock = Clock.systemUTC();
    /** Runs a task off the UI thread after a delay (the app's scheduler); null: no re-read on its own. */
    private volatile BiConsumer<Duration, Runnable> later;
    /** The account and list of the last read (UI thread), for a re-read on its own. */
    private EvsAccount lastAccount;
    private BooleanSupplier lastCurrent;
    private volatile ActivityJournal journal;
    private long generation;
    /** Usage read before the list was all in, waiting for {@link #listComplete()}. */
    private Runnable pendingApply;
    /** Whether every row of the current list is in. */
    private boolean listComplete;
    /** Per-server file systems at or over the threshold are counted once each, not once per disk. */
    private List<MountUsage> perServer = List.of();
    private int withoutAgent;
    private volatile int lastReadCalls;

    /** @param rows every row of the table, filtered out or not (read on the UI thread) */
    UsageColumnModel(TaskExecutor tasks, Supplier<List<VolumeRow>> rows) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.rows = Objects.requireNonNull(rows, "rows");
        threshold.addListener((o, a, b) -> {
            updateSummary();
            changed();
        });
        attentionOnly.addListener((o, a, b) -> changed());
    }

    /** The clock of the trends and the "not grown" check (a fake one in tests). */
    public void useClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where completed expansions are found for the "file system not grown" check; none when not set. */
    public void expansionsFrom(ActivityJournal journal) {
        this.journal = journal;
    }

    /**
     * Where usage is read again on its own: an hour after an expansion succeeded (and when a read found one too
     * recent to judge), so that "the file system has not grown" shows without a refresh.
     */
    public void rereadWith(BiConsumer<Duration, Runnable> later) {
        this.later = later;
    }

    /** An expansion succeeded (any thread): usage is read again once its file system had its hour to grow. */
    public void expansionSucceeded() {
        rereadIn(GrowthCheck.GRACE.plus(RECHECK_MARGIN));
    }

    private void rereadIn(Duration delay) {
        BiConsumer<Duration, Runnable> l = later;
        if (l != null) {
            l.accept(delay, () -> tasks.runOnUiThread(this::rereadNow));
        }
    }

    /** Reads the usage of the rows shown now again, in the background, when the list is still the last read's. */
    private void rereadNow() {
        EvsAccount account = lastAccount;
        BooleanSupplier current = lastCurrent;
        BiConsumer<Duration, Runnable> l = later;
        if (account == null || current == null || l == null || !listComplete || !current.getAsBoolean()) {
            return;
        }
        List<VolumeRow> all = rows.get();
        List<Volume> volumes = new ArrayList<>(all.size());
        Map<String, ServerInfo> servers = new HashMap<>();
        for (VolumeRow r : all) {
            volumes.add(r.volume());
            if (r.server() != null && r.server().id() != null) {
                servers.put(r.server().id(), r.server());
            }
        }
        l.accept(Duration.ZERO, () -> read(account, volumes, servers, current));
    }

    /** Use at or above this many percent needs attention (85 by default; the settings remember it). */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public double threshold() {
        return threshold.get();
    }

    /** Whether the table shows only the disks that need attention. */
    public BooleanProperty attentionOnlyProperty() {
        return attentionOnly;
    }

    /** Whether the table's order uses a usage column: then new usage sorts the rows again. */
    public BooleanProperty sortedByUsageProperty() {
        return sortedByUsage;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** For the status line: "7 disks over 85 %", "reading usage…", or empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Ids of the succeeded expansions whose file system has not grown an hour on (for the activity panel). */
    public ReadOnlyObjectProperty<Set<String>> notGrownActivitiesProperty() {
        return notGrown.getReadOnlyProperty();
    }

    /** Runs after the rows' usage, the threshold or the filter changed (the table re-filters and re-sorts). */
    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /** The filter of the "Needs attention" toggle; every row passes while it is off. */
    Predicate<VolumeRow> filter() {
        if (!attentionOnly.get()) {
            return r -> true;
        }
        double t = threshold.get();
        return r -> r.usage() != null && r.usage().attention(t);
    }

    /** The rows are gone (another account, an error): nothing of an older read goes in any more. */
    void cleared() {
        generation++;
        pendingApply = null;
        listComplete = false;
        perServer = List.of();
        withoutAgent = 0;
        state.set(State.IDLE);
        updateSummary();
    }

    /** A new list is loading: a read still running is dropped. Call on the UI thread. */
    void listLoading() {
        generation++;
        pendingApply = null;
        listComplete = false;
    }

    /** The generation a read started now must still have to go in (call on the UI thread). */
    long currentGeneration() {
        return generation;
    }

    /**
     * Reads the usage of {@code volumes} through the account's Cloud Eye client and puts it into the rows. Blocks:
     * call it off the UI thread, after the server pass. Does nothing for an account that reads no usage.
     *
     * @param current whether the list these volumes came from is still the shown one (asked on the UI thread)
     */
    void read(EvsAccount account, List<Volume> volumes, Map<String, ServerInfo> servers, BooleanSupplier current) {
        read(account, volumes, servers, current, null);
    }

    /**
     * Starts the Cloud Eye part of a read of {@code volumes} on {@code executor} ({@link UsageReader#fetch}: mount
     * points and metric values, which need only the volume list), so that it runs while the servers' details are
     * read (on a project's first read, after {@code serverPass}: see below); hand the result to
     * {@link #read(EvsAccount, List, Map, BooleanSupplier, CompletableFuture)} once they are in. Null for an account
     * that reads no usage or volumes on no server.
     */
    CompletableFuture<Prefetched> fetch(EvsAccount account, List<Volume> volumes, Executor executor,
                                        CompletableFuture<?> serverPass) {
        DiskUsageApi api = account == null ? null : account.usage();
        if (api == null || volumes.stream().allMatch(v -> v.firstServerId() == null)) {
            return null;
        }
        UsageReader reader = new UsageReader(api, clock);
        // A project's first read asks each server for its mount points (about two calls a server): that many calls
        // would compete with the server pass for the connection and the processor, so they wait for it. Once the
        // mount points are kept, the metric reads (a few batched calls) go out at once.
        return CompletableFuture.supplyAsync(() -> reader.dimensionsToRead(volumes) > UNGATED_DIMENSION_READS,
                        executor)
                .thenCompose(gated -> (gated ? serverPass : CompletableFuture.completedFuture(null))
                        .thenApplyAsync(x -> {
                            try {
                                return prefetch(reader, account, volumes);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new CompletionException(e);
                            }
                        }, executor));
    }

    /**
     * What a read needs before the server details: the recent expansions (from the journal) and what Cloud Eye says.
     *
     * @param activityByVolume volume id → the activity of its latest recent expansion
     */
    record Prefetched(UsageReader.Fetched fetched, List<Expansion> recent, Map<String, String> activityByVolume) {
    }

    private Prefetched prefetch(UsageReader reader, EvsAccount account, List<Volume> volumes)
            throws InterruptedException {
        Map<String, String> expansionActivity = new HashMap<>();
        List<Expansion> recent = recentExpansions(account, expansionActivity);
        return new Prefetched(reader.fetch(volumes, recent), recent, expansionActivity);
    }

    /**
     * As {@link #read(EvsAccount, List, Map, BooleanSupplier)}, with the Cloud Eye part already started by
     * {@link #fetch} (null: read it now).
     */
    void read(EvsAccount account, List<Volume> volumes, Map<String, ServerInfo> servers, BooleanSupplier current,
              CompletableFuture<Prefetched> fetched) {
        DiskUsageApi api = account == null ? null : account.usage();
        if (api == null || volumes.stream().allMatch(v -> v.firstServerId() == null)) {
            return;
        }
        long[] gen = new long[1];
        tasks.runOnUiThread(() -> {
            gen[0] = generation;
            lastAccount = account;
            lastCurrent = current;
            if (current.getAsBoolean()) {
                state.set(State.READING);
                updateSummary();
            }
        });
        Map<String, String> expansionActivity = new HashMap<>();
        List<Expansion> recent = List.of();
        Map<String, RowUsage> byVolume;
        UsageReport report = null;
        try {
            UsageReader reader = new UsageReader(api, clock, io.expanse.domain.usage.TrendRules.DEFAULT,
                    threshold.get());
            Prefetched pre = fetched == null ? prefetch(reader, account, volumes) : awaitFetch(fetched);
            recent = pre.recent();
            expansionActivity.putAll(pre.activityByVolume());
            report = reader.map(pre.fetched(), volumes, servers, recent);
            byVolume = assign(report, volumes);
            lastReadCalls = report.metricCalls();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            byVolume = new HashMap<>();
            String why = ErrorText.describe(e);
            for (Volume v : volumes) {
                if (v.firstServerId() != null) {
                    byVolume.put(v.id(), RowUsage.without(RowUsage.Kind.UNREAD, why));
                }
            }
        }
        Map<String, RowUsage> answer = byVolume;
        List<MountUsage> servedPerServer = report == null ? List.of() : report.byServer();
        int noAgent = report == null ? 0 : report.withoutAgent().size();
        Set<String> notGrownIds = new HashSet<>();
        Duration recheck = null;
        if (report != null) {
            for (MountUsage u : report.byVolume().values()) {
                if (u.growth() == GrowthCheck.Growth.NOT_GROWN && expansionActivity.containsKey(u.volumeId())) {
                    notGrownIds.add(expansionActivity.get(u.volumeId()));
                } else if (u.growth() == GrowthCheck.Growth.TOO_EARLY) {
                    for (Expansion e : recent) {
                        if (e.volumeId().equals(u.volumeId())) {
                            Duration due = Duration.between(clock.instant(),
                                    e.completedAt().plus(GrowthCheck.GRACE).plus(RECHECK_MARGIN));
                            recheck = recheck == null || due.compareTo(recheck) < 0 ? due : recheck;
                        }
                    }
                }
            }
        }
        if (recheck != null) {
            rereadIn(recheck.isNegative() ? RECHECK_MARGIN : recheck);
        }
        tasks.runOnUiThread(() -> {
            if (gen[0] != generation || !current.getAsBoolean()) {
                return;
            }
            perServer = servedPerServer;
            withoutAgent = noAgent;
            notGrown.set(Set.copyOf(notGrownIds));
            Runnable go = () -> apply(answer, 0, new SliceSize(VolumesViewModel.REFRESH_FIRST_SLICE, 1,
                    VolumesViewModel.MOST_SLICE, VolumesViewModel.SLICE_BUDGET_MS), gen[0], current);
            if (listComplete) {
                go.run();
            } else {
                pendingApply = go;
            }
        });
    }

    /** What {@link #fetch} read; its failure as thrown by the read itself. */
    private static Prefetched awaitFetch(CompletableFuture<Prefetched> fetched)
            throws InterruptedException {
        try {
            return fetched.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof InterruptedException) {
                throw new InterruptedException(cause.getMessage());
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Every row of a fresh list is in (it goes in a slice per frame): usage that came first goes in now. */
    void listComplete() {
        listComplete = true;
        Runnable go = pendingApply;
        pendingApply = null;
        if (go != null) {
            go.run();
        }
    }

    /** Puts the usage into the rows, as many per UI event as fit the time budget; then the summary and filter. */
    private void apply(Map<String, RowUsage> byVolume, int from, SliceSize sizes, long gen, BooleanSupplier current) {
        if (gen != generation || !current.getAsBoolean()) {
            return;
        }
        List<VolumeRow> all = rows.get();
        long began = System.nanoTime();
        int to = Math.min(all.size(), from + sizes.next());
        for (VolumeRow row : all.subList(from, to)) {
            RowUsage u = byVolume.get(row.volume().id());
            if (!Objects.equals(u, row.usage())) {
                row.usageProperty().set(u);
            }
        }
        sizes.took(System.nanoTime() - began);
        if (to < all.size()) {
            tasks.runLaterOnUiThread(() -> apply(byVolume, to, sizes, gen, current));
            return;
        }
        state.set(State.READY);
        updateSummary();
        changed();
    }

    /**
     * Which usage each volume shows: its own file system; else a file system of its server that may span it (LVM,
     * …); else why there is none (no agent, not read, no file system reported). Unattached volumes have none.
     */
    static Map<String, RowUsage> assign(UsageReport report, List<Volume> volumes) {
        Map<String, MountUsage> perServerByVolume = new HashMap<>();
        for (MountUsage u : report.byServer()) {
            for (String candidate : u.candidates()) {
                perServerByVolume.merge(candidate, u, (a, b) -> percent(b) > percent(a) ? b : a);
            }
        }
        Map<String, RowUsage> out = new HashMap<>();
        for (Volume v : volumes) {
            String serverId = v.firstServerId();
            if (serverId == null) {
                continue;
            }
            MountUsage own = report.byVolume().get(v.id());
            MountUsage shared = perServerByVolume.get(v.id());
            RowUsage u;
            if (own != null) {
                u = RowUsage.mapped(own);
            } else if (shared != null) {
                u = RowUsage.perServer(shared);
            } else if (report.withoutAgent().containsKey(serverId)) {
                u = RowUsage.without(RowUsage.Kind.NO_AGENT, report.withoutAgent().get(serverId));
            } else if (report.unread().containsKey(serverId)) {
                u = RowUsage.without(RowUsage.Kind.UNREAD, report.unread().get(serverId));
            } else {
                u = RowUsage.without(RowUsage.Kind.NO_FILE_SYSTEM, null);
            }
            out.put(v.id(), u);
        }
        return out;
    }

    private static double percent(MountUsage u) {
        return u.percent() == null ? -1 : u.percent();
    }

    /**
     * The account's EVS expansions that succeeded within {@link #EXPANSIONS_CHECKED}, newest per volume, with the
     * activity each came from. Reads the journal (disk): background only.
     */
    private List<Expansion> recentExpansions(EvsAccount account, Map<String, String> activityByVolume) {
        ActivityJournal j = journal;
        if (j == null) {
            return List.of();
        }
        Instant since = clock.instant().minus(EXPANSIONS_CHECKED);
        Map<String, Activity> newest = new HashMap<>();
        try {
            for (Activity a : j.recent()) {
                if (Activity.KIND_EVS_RESIZE.equals(a.kind()) && a.state() == ActivityState.SUCCEEDED
                        && a.finishedAt() != null && a.finishedAt().isAfter(since)
                        && Objects.equals(a.account(), account.label()) && Objects.equals(a.region(), account.region())
                        && a.newSizeGb() > a.oldSizeGb()) {
                    newest.merge(a.resourceId(), a, (x, y) -> x.finishedAt().isAfter(y.finishedAt()) ? x : y);
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Expansion> out = new ArrayList<>();
        for (Activity a : newest.values()) {
            out.add(new Expansion(a.resourceId(), a.oldSizeGb(), a.newSizeGb(), a.finishedAt()));
            activityByVolume.put(a.resourceId(), a.id());
        }
        return out;
    }

    /** How many metric calls the last read made (for the benchmark). */
    public int lastReadCalls() {
        return lastReadCalls;
    }

    /** How many disks (and per-server file systems) are at or over the threshold, among every row. */
    int overThreshold() {
        double t = threshold.get();
        int n = 0;
        for (VolumeRow r : rows.get()) {
            if (r.usage() != null && r.usage().kind() == RowUsage.Kind.MAPPED && r.usage().attention(t)) {
                n++;
            }
        }
        for (MountUsage u : perServer) {
            Double p = u.percent();
            if (p != null && p >= t) {
                n++;
            }
        }
        return n;
    }

    private void updateSummary() {
        summary.set(switch (state.get()) {
            case IDLE -> "";
            case READING -> Texts.get("usage.summary.reading");
            case READY -> {
                String over = Texts.get("usage.summary.over", overThreshold(), Math.round(threshold.get()));
                yield withoutAgent == 0 ? over : Texts.get("usage.summary.withNoAgent", over, withoutAgent);
            }
        });
    }

    /** The language changed: the summary is made again. */
    void retranslate() {
        updateSummary();
    }

    private void changed() {
        for (Runnable r : changeListeners) {
            r.run();
        }
    }
}
