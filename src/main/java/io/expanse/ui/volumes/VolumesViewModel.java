package io.expanse.ui.volumes;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.Session;
import io.expanse.work.accounts.EvsAccount;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the volumes view: the rows, the text filter, the sort, the selection, whether a load is running, failed
 * or came back empty, and the status line. Loading happens on the {@link TaskExecutor} (the attached servers, read
 * in one {@link EvsApi#servers} call after the list, on an executor of their own); every property changes on the UI
 * thread.
 *
 * <p>The selection is a volume id, not a position: after the shown rows change (a row replaced after a re-read, a
 * row filtered out, a refresh, a sort) the selection is the row with the same id, or nothing when that volume is no
 * longer shown. It is never a neighbour that moved into the selected position: that disk could then be expanded by
 * mistake. Rows with equal sort keys keep a stable order (by id).
 */
public final class VolumesViewModel {

    /** What the table area shows. */
    public enum LoadState { IDLE, LOADING, READY, EMPTY, ERROR }

    private final Session session;
    private final TaskExecutor tasks;
    private final Executor lookupExecutor;
    /** A newer list load replaces an older one still running. */
    private final Object listKey = new Object();

    private final ObservableList<VolumeRow> rows = FXCollections.observableArrayList();
    private final FilteredList<VolumeRow> filtered = new FilteredList<>(rows);
    private final SortedList<VolumeRow> sorted = new SortedList<>(filtered);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.IDLE);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    /** The failed load's code, HTTP status and request id, shown apart from the sentence; "" when none. */
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails", "");
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper(this, "statusLine", "");
    private final ReadOnlyStringWrapper selectedVolumeId = new ReadOnlyStringWrapper(this, "selectedVolumeId");
    private final ReadOnlyObjectWrapper<VolumeRow> selectedRow = new ReadOnlyObjectWrapper<>(this, "selectedRow");
    private final ObjectProperty<Comparator<VolumeRow>> order =
            new javafx.beans.property.SimpleObjectProperty<>(this, "order");
    private final List<Runnable> selectionListeners = new CopyOnWriteArrayList<>();
    /** True while this model changes the shown rows: selection changes seen meanwhile are not the operator's. */
    private boolean adjusting;
    private final Map<String, List<VolumeRow>> rowsByServer = new HashMap<>();
    private long generation;
    /** The last load whose attached servers' details are all in their rows (or known unreadable). */
    private final javafx.beans.property.ReadOnlyLongWrapper serversApplied =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "serversApplied");
    /** True while a fresh list is still going in, slice by slice: a selected volume not shown yet stays selected. */
    private boolean filling;
    /** Rows in the first slice of a fresh list: the table makes the cells of each new visible row in one frame. */
    static final int FIRST_SLICE = 2;
    /** Rows in the first slice of a refresh: about as many as a table shows at once. */
    static final int REFRESH_FIRST_SLICE = 64;
    /** Most rows a refresh changes where they are, in one event; a refresh that changes more goes in slices. */
    static final int REFRESH_IN_PLACE_MOST = 256;
    /** Most rows per UI event while a fresh list goes in. */
    static final int MOST_SLICE = 1024;
    /** How long one slice should hold the UI thread at the most (ms): well within a frame. */
    static final long SLICE_BUDGET_MS = 8;
    /**
     * How long a slice of a fresh list and the frame that lays out its rows should hold the UI thread together (ms):
     * well under the 50 ms an operator notices, as the frame is timed only once it has run.
     */
    static final long SLICE_AND_FRAME_BUDGET_MS = 20;
    /** Servers whose details go into their rows in the first UI event (about 8 rows each); then by time. */
    static final int SERVER_FIRST_SLICE = 16;
    /** Where each next slice of a fresh list runs; by default the next UI event (see {@link #paceSlices}). */
    private SlicePacer pacer;
    /** How full the disks are: read after the server pass, never before. */
    private final UsageColumnModel usage;
    /** Starts the usage read once the server pass of the current list is applied (UI thread). */
    private Runnable afterServers;
    /** Completes when the server pass of the current list is applied (UI thread). */
    private CompletableFuture<Void> serverPass = new CompletableFuture<>();
    private final ProjectNames projectNames;

    /**
     * Runs the next slice of a fresh list when it is due, telling it how long the frame before it held the UI thread
     * (its CSS and layout, where the table made the previous slice's cells; 0 without frames).
     */
    @FunctionalInterface
    public interface SlicePacer {
        void next(java.util.function.LongConsumer slice);
    }

    /**
     * @param lookupExecutor where the attached servers are read after each list
     */
    public VolumesViewModel(Session session, TaskExecutor tasks, Executor lookupExecutor) {
        this.session = session;
        this.tasks = tasks;
        this.lookupExecutor = lookupExecutor;
        this.pacer = slice -> tasks.runLaterOnUiThread(() -> slice.accept(0));
        this.usage = new UsageColumnModel(tasks, () -> rows);
        usage.addChangeListener(this::usageChanged);
        usage.summaryProperty().addListener((o, a, b) -> updateStatusLine());
        this.projectNames = new ProjectNames(session, tasks);
        filterText.addListener((o, a, b) -> applyFilter());
        order.addListener((o, a, b) -> adjust(() -> sorted.setComparator(b == null ? null
                : b.thenComparing(r -> r.volume().id(), Comparator.nullsFirst(Comparator.naturalOrder())))));
        filtered.addListener((javafx.collections.ListChangeListener<VolumeRow>) c -> updateStatusLine());
        // The first listener of the shown rows: whoever listens after it (the table) finds the selection settled.
        sorted.addListener((javafx.collections.ListChangeListener<VolumeRow>) c -> reselect());
        session.connectionProperty().addListener((o, a, b) -> refresh());
        session.connectingToProperty().addListener((o, a, b) -> {
            if (b != null) {
                emptied(LoadState.LOADING, null);
            }
        });
        session.problemProperty().addListener((o, a, problem) -> {
            if (problem != null) {
                emptied(LoadState.ERROR, problem);
            }
        });
    }

    /** No account is shown (one is connecting, or connecting failed): rows go, results still running are dropped. */
    private void emptied(LoadState next, String error) {
        generation++;
        filling = false;
        adjust(rows::clear);
        rowsByServer.clear();
        usage.cleared();
        errorMessage.set(error);
        errorDetails.set("");
        state.set(next);
        updateStatusLine();
    }

    /** The Used and Full in columns, the "Needs attention" filter and the usage summary. */
    public UsageColumnModel usage() {
        return usage;
    }

    /** New usage, threshold or filter: the rows are filtered and sorted again, and the status line follows. */
    private void usageChanged() {
        applyFilter();
        Comparator<VolumeRow> c = order.get();
        if (c != null && usage.sortedByUsageProperty().get()) {
            // The rows' usage is not an element change of the list: the sorted view is told to sort again.
            adjust(() -> {
                sorted.setComparator(null);
                sorted.setComparator(c.thenComparing(r -> r.volume().id(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
            });
        }
        updateStatusLine();
    }

    public SortedList<VolumeRow> sortedRows() {
        return sorted;
    }

    /** Every row of the list, filtered out or not (read-only). */
    public ObservableList<VolumeRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /**
     * The order the table asks for (its comparator; null for the list's order). Equal keys are ordered by volume
     * id, so that rows do not swap places between loads.
     */
    public ObjectProperty<Comparator<VolumeRow>> orderProperty() {
        return order;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /**
     * The number of the last load whose every attached server has been read and put into its rows (a load without
     * attached servers has none to wait for); equal to {@link #currentLoad()} once the current load's are in. Rows
     * kept from the previous load show their server's earlier details until then.
     */
    public javafx.beans.property.ReadOnlyLongProperty serversAppliedProperty() {
        return serversApplied.getReadOnlyProperty();
    }

    /** The number of the current load (each load, and each emptying of the table, gets the next number). */
    public long currentLoad() {
        return generation;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The code, HTTP status and request id of the failed load ("" when none): the details under the sentence. */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    /** The id of the selected volume, or null. */
    public ReadOnlyStringProperty selectedVolumeIdProperty() {
        return selectedVolumeId.getReadOnlyProperty();
    }

    /** The shown row of the selected volume, or null; follows {@link #selectedVolumeIdProperty()}. */
    public ReadOnlyObjectProperty<VolumeRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public VolumeRow selectedRow() {
        return selectedRow.get();
    }

    /** Selects the shown volume with this id; null, or an id not shown, clears the selection. */
    public void select(String volumeId) {
        selectedVolumeId.set(volumeId);
        reselect();
    }

    /**
     * Whether this model is changing the shown rows right now. A table's selection model moves its selection to
     * whatever row lands on the selected position meanwhile; such changes must not be taken for the operator's.
     */
    public boolean adjusting() {
        return adjusting;
    }

    /** Runs after every re-establishment of the selection (the controller puts the table's selection in line). */
    public void addSelectionListener(Runnable listener) {
        selectionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Changes the rows. The listener on the shown rows then selects the same volume again, or nothing when it is
     * no longer shown; meanwhile {@link #adjusting()} is true.
     */
    private void adjust(Runnable change) {
        boolean outer = !adjusting;
        adjusting = true;
        try {
            change.run();
        } finally {
            if (outer) {
                adjusting = false;
            }
        }
    }

    /** The shown row of this volume, or null when it is not shown (or the id is null). */
    public VolumeRow shownRow(String volumeId) {
        if (volumeId != null) {
            for (VolumeRow r : sorted) {
                if (volumeId.equals(r.volume().id())) {
                    return r;
                }
            }
        }
        return null;
    }

    private void reselect() {
        VolumeRow row = shownRow(selectedVolumeId.get());
        if (row == null && !filling) {
            selectedVolumeId.set(null);
        }
        selectedRow.set(row);
        for (Runnable listener : selectionListeners) {
            listener.run();
        }
    }

    /**
     * Where each next slice of a fresh list runs. The view sets one that waits for the table's next frame, so that
     * every frame lays out the cells of one slice's new rows only; by default the next UI event.
     */
    public void paceSlices(SlicePacer pacer) {
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /** Reloads every volume of the current connection; results of an older load are dropped. */
    public void refresh() {
        EvsAccount c = session.connection();
        if (c == null) {
            return;
        }
        long gen = ++generation;
        filling = false;
        usage.listLoading();
        state.set(LoadState.LOADING);
        errorMessage.set(null);
        errorDetails.set("");
        updateStatusLine();
        EvsApi api = c.api();
        // Rows are built and sorted on the background thread too: they are not shown yet, and with thousands of
        // volumes building them and computing their sort keys was most of what held the FX thread. Handed an
        // already sorted list, the sorted view's own sort is a single pass.
        Comparator<? super VolumeRow> presort = sorted.getComparator();
        List<VolumeRow> previous = List.copyOf(rows);
        BackgroundTask.wrap(() -> Loaded.of(api.listVolumes(), presort, previous)).onSuccess(loaded -> {
            if (gen == generation) {
                show(loaded, api, gen);
                projectNames.ensureFor(c);
            }
        }).onFailure(error -> {
            if (gen == generation) {
                state.set(LoadState.ERROR);
                errorMessage.set(ErrorText.sentence(error));
                errorDetails.set(ErrorText.details(error));
                updateStatusLine();
            }
        }).latestWins(listKey).executeWith(tasks);
    }

    /** Rows for a fresh list, and the rows of each attached server (for the lookups that fill them in). */
    private record Loaded(List<VolumeRow> rows, Map<String, List<VolumeRow>> byServer, List<VolumeRow> previous,
                          InPlace inPlace) {
        /**
         * @param presort  the table's order when the load started, or null
         * @param previous the rows shown when the load started: a volume that has not changed keeps its row (and its
         *                 server's details until the new ones arrive), so that a refresh leaves the cells of
         *                 unchanged rows alone instead of working out every visible cell and its CSS again
         */
        static Loaded of(List<Volume> volumes, Comparator<? super VolumeRow> presort, List<VolumeRow> previous) {
            Map<String, VolumeRow> before = new HashMap<>(previous.size() * 2);
            for (VolumeRow r : previous) {
                before.put(r.volume().id(), r);
            }
            List<VolumeRow> rows = new ArrayList<>(volumes.size());
            Map<String, List<VolumeRow>> byServer = new HashMap<>();
            for (Volume v : volumes) {
                VolumeRow kept = v.id() == null ? null : before.remove(v.id());
                VolumeRow row = kept != null && kept.volume().equals(v) ? kept : new VolumeRow(v);
                rows.add(row);
                for (Volume.Attachment a : v.attachments()) {
                    byServer.computeIfAbsent(a.serverId(), k -> new ArrayList<>()).add(row);
                }
            }
            if (presort != null) {
                try {
                    rows.sort(presort);
                } catch (RuntimeException e) {
                    // Only a head start: the sorted view sorts them in any case.
                }
            }
            return new Loaded(rows, byServer, previous, previous.isEmpty() ? null : InPlace.plan(previous, rows));
        }
    }

    /**
     * How a refresh changes the rows where they are (worked out on the background thread, against the rows shown
     * when it started): the indices whose row is replaced and their new rows, the rows removed, the rows added.
     */
    private record InPlace(List<Integer> replaced, List<VolumeRow> replacements, List<VolumeRow> removed,
                           List<VolumeRow> added) {

        /** Null when more than {@value #REFRESH_IN_PLACE_MOST} rows would change, or a volume has no or the same id. */
        static InPlace plan(List<VolumeRow> previous, List<VolumeRow> fresh) {
            Map<String, VolumeRow> byId = new HashMap<>(fresh.size() * 2);
            for (VolumeRow r : fresh) {
                if (r.volume().id() == null || byId.put(r.volume().id(), r) != null) {
                    return null;
                }
            }
            List<Integer> replaced = new ArrayList<>();
            List<VolumeRow> replacements = new ArrayList<>();
            List<VolumeRow> removed = new ArrayList<>();
            java.util.Set<String> present = new java.util.HashSet<>(previous.size() * 2);
            for (int i = 0; i < previous.size(); i++) {
                VolumeRow now = previous.get(i);
                VolumeRow next = now.volume().id() == null ? null : byId.get(now.volume().id());
                if (next == null || !present.add(now.volume().id())) {
                    removed.add(now);
                } else if (next != now) {
                    replaced.add(i);
                    replacements.add(next);
                }
                if (replaced.size() + removed.size() > REFRESH_IN_PLACE_MOST) {
                    return null;
                }
            }
            List<VolumeRow> added = new ArrayList<>();
            for (VolumeRow r : fresh) {
                if (!present.contains(r.volume().id())) {
                    added.add(r);
                }
            }
            return replaced.size() + removed.size() + added.size() > REFRESH_IN_PLACE_MOST ? null
                    : new InPlace(replaced, replacements, removed, added);
        }
    }

    /**
     * Shows a fresh list a slice per UI event, so that no single event holds the UI thread for long and input and
     * layout pulses run between slices: {@value #FIRST_SLICE} rows first, then twice as many each time while a
     * slice's event and the frame after it stay within half of {@value #SLICE_AND_FRAME_BUDGET_MS} ms, half as many
     * when they took longer ({@link SliceSize}), each after the previous one's frame (see {@link #paceSlices}). The table
     * makes the cells of its visible rows for the first slices, a few rows per frame. The list stays LOADING until the last slice is in; the selected volume is kept meanwhile even while
     * its row has not arrived yet. The servers are read at once.
     */
    private void show(Loaded loaded, EvsApi api, long gen) {
        rowsByServer.clear();
        rowsByServer.putAll(loaded.byServer());
        List<String> serverIds = new ArrayList<>(rowsByServer.keySet());
        List<VolumeRow> all = loaded.rows();
        EvsAccount account = session.connection();
        List<Volume> volumes = all.stream().map(VolumeRow::volume).toList();
        carryOverUsage(all);
        if (!serverIds.isEmpty()) {
            // Cloud Eye needs only the list: its part of the usage read runs alongside the server pass.
            serverPass.cancel(false); // an older list's first read, if it still waits, is not made at all
            serverPass = new CompletableFuture<>();
            var fetched = usage.fetch(account, volumes, lookupExecutor, serverPass);
            lookupExecutor.execute(() -> lookUpServers(api, serverIds, gen, account, volumes, fetched));
        } else {
            serversApplied.set(gen);
        }
        if (!rows.isEmpty() && changedInPlace(loaded)) {
            fill(all, all.size(), null, gen, 0);
            return;
        }
        // A refresh replaces the shown rows at once: emptied for a frame, every visible row would have its CSS worked
        // out again twice (empty, then filled), and that frame would be the slowest of the load.
        SliceSize sizes = rows.isEmpty() ? new SliceSize(FIRST_SLICE, 1, MOST_SLICE, SLICE_AND_FRAME_BUDGET_MS)
                : new SliceSize(REFRESH_FIRST_SLICE, 1, MOST_SLICE, SLICE_AND_FRAME_BUDGET_MS);
        int first = Math.min(all.size(), sizes.next());
        filling = first < all.size();
        long began = System.nanoTime();
        adjust(() -> rows.setAll(all.subList(0, first)));
        fill(all, first, sizes, gen, System.nanoTime() - began);
    }

    /**
     * A refresh that changes only a few rows changes only those, in one event: volumes gone are removed, changed
     * ones replaced where they are, new ones added; the rows of unchanged volumes (kept by {@link Loaded#of}) stay
     * as they are, so the table has nothing to do for them. False, changing nothing, when more than
     * {@value #REFRESH_IN_PLACE_MOST} rows would change (those go in slices) or the rows changed since the refresh
     * began (a volume read again meanwhile).
     */
    private boolean changedInPlace(Loaded loaded) {
        InPlace plan = loaded.inPlace();
        List<VolumeRow> previous = loaded.previous();
        if (plan == null || rows.size() != previous.size()) {
            return false;
        }
        for (int i = 0; i < previous.size(); i++) {
            if (rows.get(i) != previous.get(i)) {
                return false;
            }
        }
        adjust(() -> {
            for (int k = 0; k < plan.replaced().size(); k++) {
                rows.set(plan.replaced().get(k), plan.replacements().get(k));
            }
            if (!plan.removed().isEmpty()) {
                java.util.Set<VolumeRow> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                gone.addAll(plan.removed());
                rows.removeIf(gone::contains);
            }
            rows.addAll(plan.added());
        });
        return true;
    }

    /** A refresh keeps each disk's last usage until the new read comes in (rows not shown yet: no listeners). */
    private void carryOverUsage(List<VolumeRow> fresh) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, RowUsage> last = new HashMap<>();
        for (VolumeRow r : rows) {
            if (r.usage() != null) {
                last.put(r.volume().id(), r.usage());
            }
        }
        if (!last.isEmpty()) {
            for (VolumeRow r : fresh) {
                r.usageProperty().set(last.get(r.volume().id()));
            }
        }
    }

    /** @param lastNanos how long the event that added the previous slice took */
    private void fill(List<VolumeRow> all, int from, SliceSize sizes, long gen, long lastNanos) {
        if (gen != generation) {
            return;
        }
        if (from >= all.size()) {
            filling = false;
            reselect();
            state.set(all.isEmpty() ? LoadState.EMPTY : LoadState.READY);
            updateStatusLine();
            usage.listComplete();
            return;
        }
        pacer.next(frameNanos -> {
            if (gen == generation) {
                // The slice's event and the frame that made its rows' cells: on a cold JVM the frame is the
                // larger part, and it grows with the rows the slice added.
                sizes.took(lastNanos + frameNanos);
                long began = System.nanoTime();
                int to = Math.min(all.size(), from + sizes.next());
                adjust(() -> rows.addAll(all.subList(from, to)));
                fill(all, to, sizes, gen, System.nanoTime() - began);
            }
        });
    }

    /**
     * Every attached server in one {@link EvsApi#servers} call (a few HTTP calls for the real client, which falls
     * back to reading servers one by one itself where a region does not serve the batch). A server missing from
     * the answer, or a failed call, marks its rows' server as unreadable.
     */
    private void lookUpServers(EvsApi api, List<String> serverIds, long gen, EvsAccount account,
                               List<Volume> volumes, CompletableFuture<UsageColumnModel.Prefetched> fetched) {
        Map<String, ServerInfo> found;
        try {
            found = api.servers(serverIds);
        } catch (ApiException | RuntimeException e) {
            found = Map.of();
        }
        Map<String, ServerInfo> answer = found;
        tasks.runOnUiThread(() -> {
            // Usage goes in once every server detail is in its row (which disk boots decides where "/" goes): it
            // never holds up the list or the server pass, and its Cloud Eye calls are under way already.
            afterServers = account == null || account.usage() == null ? null
                    : () -> lookupExecutor.execute(() -> usage.read(account, volumes, answer,
                    () -> gen == generation, fetched));
            applyServers(serverIds, 0, answer, gen, new SliceSize(SERVER_FIRST_SLICE, 1, MOST_SLICE,
                    SLICE_BUDGET_MS));
        });
    }

    /** The servers' details into their rows, as many servers per UI event as fit the time budget. */
    private void applyServers(List<String> serverIds, int from, Map<String, ServerInfo> answer, long gen,
                              SliceSize sizes) {
        if (gen != generation) {
            return;
        }
        long began = System.nanoTime();
        int to = Math.min(serverIds.size(), from + sizes.next());
        for (String serverId : serverIds.subList(from, to)) {
            applyServer(serverId, answer.get(serverId));
        }
        sizes.took(System.nanoTime() - began);
        if (to < serverIds.size()) {
            tasks.runLaterOnUiThread(() -> applyServers(serverIds, to, answer, gen, sizes));
        } else {
            serversApplied.set(gen);
            serverPass.complete(null);
            if (afterServers != null) {
                Runnable next = afterServers;
                afterServers = null;
                next.run();
            }
        }
    }

    private void applyServer(String serverId, ServerInfo info) {
        for (VolumeRow row : rowsByServer.getOrDefault(serverId, List.of())) {
            // Multiattach volumes have several servers; the first attachment is the one shown and checked.
            // A kept row whose server has not changed is left alone: its cells need no update.
            if (serverId.equals(row.volume().firstServerId())) {
                if (!Objects.equals(row.server(), info)) {
                    row.serverProperty().set(info);
                }
                row.lookupProperty().set(info == null ? VolumeRow.ServerLookup.FAILED : VolumeRow.ServerLookup.LOADED);
            }
        }
    }

    /**
     * Reads one volume again in the background and updates its row, e.g. when an expansion changed its state.
     * A failed read leaves the row as it is: the activity panel carries the news.
     */
    public void reread(String volumeId) {
        EvsAccount c = session.connection();
        if (c == null || rows.stream().noneMatch(r -> r.volume().id().equals(volumeId))) {
            return;
        }
        long gen = generation;
        // A newer re-read of the same volume replaces an older one still running: the older answer is staler.
        BackgroundTask.wrap(() -> c.api().getVolume(volumeId)).onSuccess(v -> {
            if (gen == generation) {
                replace(v);
            }
        }).onFailure(error -> { }).latestWins(Map.entry(listKey, volumeId)).executeWith(tasks);
    }

    /** Replaces one volume after it was read again (e.g. after a resize finished). */
    public void replace(Volume updated) {
        for (int i = 0; i < rows.size(); i++) {
            VolumeRow old = rows.get(i);
            if (old.volume().id().equals(updated.id())) {
                VolumeRow row = new VolumeRow(updated);
                row.usageProperty().set(old.usage());
                row.serverProperty().set(old.server());
                row.lookupProperty().set(old.lookupProperty().get());
                rowsByServer.values().forEach(list -> list.replaceAll(r -> r == old ? row : r));
                int at = i;
                adjust(() -> rows.set(at, row));
                return;
            }
        }
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        Predicate<VolumeRow> attention = usage == null ? null
                : usage.attentionOnlyProperty().get() ? usage.filter() : null;
        if (text.isEmpty()) {
            adjust(() -> filtered.setPredicate(attention));
        } else {
            String[] words = text.split("\\s+");
            Predicate<VolumeRow> p = r -> r.matches(words);
            adjust(() -> filtered.setPredicate(attention == null ? p : p.and(attention)));
        }
    }

    /** Shows a short confirmation in the status line. */
    public void confirm(String text) {
        session.flash().show(text);
    }

    /** The names of the enterprise projects of the account shown (ids when they cannot be listed). */
    public ProjectNames projectNames() {
        return projectNames;
    }

    /** The language changed: texts this model made are made again. */
    public void retranslate() {
        usage.retranslate();
        updateStatusLine();
    }

    private void updateStatusLine() {
        EvsAccount c = session.connection();
        if (c == null) {
            String connecting = session.connectingToProperty().get();
            statusLine.set(connecting != null ? Texts.get("status.connecting", connecting) : Texts.get("status.notConnected"));
            return;
        }
        String account = Texts.get("status.account", io.expanse.work.accounts.AccountOpener.shownLabel(c.label()),
                c.region(), c.projectId());
        statusLine.set(switch (state.get()) {
            case LOADING -> Texts.get("status.loading", account);
            case ERROR -> Texts.get("status.error", account);
            default -> {
                long inUse = rows.stream().filter(r -> "in-use".equals(r.volume().status())).count();
                String line = filtered.size() != rows.size()
                        ? Texts.get("status.volumesShown", account, rows.size(), filtered.size(), inUse)
                        : Texts.get("status.volumes", account, rows.size(), inUse);
                String usageSummary = usage.summaryProperty().get();
                yield usageSummary.isEmpty() ? line : Texts.get("usage.status", line, usageSummary);
            }
        });
    }

    /** A sentence for the error state: the operator message of an API failure, or the exception text. */
    public static String describe(Throwable error) {
        return ErrorText.describe(error);
    }
}
