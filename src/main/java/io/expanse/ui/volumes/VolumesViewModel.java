package io.expanse.ui.volumes;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.ui.common.Background;
import io.expanse.ui.common.Session;
import io.expanse.work.accounts.EvsAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the volumes view: the rows, the text filter, whether a load is running, failed or came back empty,
 * and the status line. Loading happens on background executors; every property changes on the FX thread.
 */
public final class VolumesViewModel {

    /** What the table area shows. */
    public enum LoadState { IDLE, LOADING, READY, EMPTY, ERROR }

    private final Session session;
    private final Background background;
    private final Executor lookupExecutor;

    private final ObservableList<VolumeRow> rows = FXCollections.observableArrayList();
    private final FilteredList<VolumeRow> filtered = new FilteredList<>(rows);
    private final SortedList<VolumeRow> sorted = new SortedList<>(filtered);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.IDLE);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper(this, "statusLine", "");
    private final ObjectProperty<VolumeRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<String, List<VolumeRow>> rowsByServer = new HashMap<>();
    private long generation;

    /**
     * @param lookupExecutor bounded executor for the per-server lookups, so thousands of volumes do not open
     *                       thousands of connections at once
     */
    public VolumesViewModel(Session session, Background background, Executor lookupExecutor) {
        this.session = session;
        this.background = background;
        this.lookupExecutor = lookupExecutor;
        filterText.addListener((o, a, b) -> applyFilter());
        filtered.addListener((javafx.collections.ListChangeListener<VolumeRow>) c -> updateStatusLine());
        session.connectionProperty().addListener((o, a, b) -> refresh());
        session.connectingToProperty().addListener((o, a, b) -> {
            if (b != null) {
                generation++;
                rows.clear();
                rowsByServer.clear();
                errorMessage.set(null);
                state.set(LoadState.LOADING);
                updateStatusLine();
            }
        });
        session.problemProperty().addListener((o, a, problem) -> {
            if (problem != null) {
                generation++;
                rows.clear();
                rowsByServer.clear();
                errorMessage.set(problem);
                state.set(LoadState.ERROR);
                updateStatusLine();
            }
        });
    }

    public SortedList<VolumeRow> sortedRows() {
        return sorted;
    }

    public ObservableList<VolumeRow> allRows() {
        return rows;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    public ObjectProperty<VolumeRow> selectedProperty() {
        return selected;
    }

    /** Reloads every volume of the current connection; results of an older load are dropped. */
    public void refresh() {
        EvsAccount c = session.connection();
        if (c == null) {
            return;
        }
        long gen = ++generation;
        state.set(LoadState.LOADING);
        errorMessage.set(null);
        updateStatusLine();
        EvsApi api = c.api();
        // Rows are built on the background thread too: they are not shown yet, and with thousands of volumes
        // building them is a noticeable share of the work the FX thread would otherwise do.
        background.run(() -> Loaded.of(api.listVolumes()), loaded -> {
            if (gen == generation) {
                show(loaded, api, gen);
            }
        }, error -> {
            if (gen == generation) {
                state.set(LoadState.ERROR);
                errorMessage.set(describe(error));
                updateStatusLine();
            }
        });
    }

    /** Rows for a fresh list, and the rows of each attached server (for the lookups that fill them in). */
    private record Loaded(List<VolumeRow> rows, Map<String, List<VolumeRow>> byServer) {
        static Loaded of(List<Volume> volumes) {
            List<VolumeRow> rows = new ArrayList<>(volumes.size());
            Map<String, List<VolumeRow>> byServer = new HashMap<>();
            for (Volume v : volumes) {
                VolumeRow row = new VolumeRow(v);
                rows.add(row);
                for (Volume.Attachment a : v.attachments()) {
                    byServer.computeIfAbsent(a.serverId(), k -> new ArrayList<>()).add(row);
                }
            }
            return new Loaded(rows, byServer);
        }
    }

    private void show(Loaded loaded, EvsApi api, long gen) {
        rowsByServer.clear();
        rowsByServer.putAll(loaded.byServer());
        rows.setAll(loaded.rows());
        state.set(loaded.rows().isEmpty() ? LoadState.EMPTY : LoadState.READY);
        updateStatusLine();
        Set<String> serverIds = new LinkedHashSet<>(rowsByServer.keySet());
        for (String serverId : serverIds) {
            lookupExecutor.execute(() -> lookUpServer(api, serverId, gen));
        }
    }

    private void lookUpServer(EvsApi api, String serverId, long gen) {
        ServerInfo info;
        try {
            info = api.getServer(serverId);
        } catch (ApiException | RuntimeException e) {
            Background.onFx(() -> applyServer(serverId, null, gen));
            return;
        }
        Background.onFx(() -> applyServer(serverId, info, gen));
    }

    private void applyServer(String serverId, ServerInfo info, long gen) {
        if (gen != generation) {
            return;
        }
        for (VolumeRow row : rowsByServer.getOrDefault(serverId, List.of())) {
            // Multiattach volumes have several servers; the first attachment is the one shown and checked.
            if (serverId.equals(row.volume().firstServerId())) {
                row.serverProperty().set(info);
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
        background.run(() -> c.api().getVolume(volumeId), v -> {
            if (gen == generation) {
                replace(v);
            }
        }, error -> { });
    }

    /** Replaces one volume after it was read again (e.g. after a resize finished). */
    public void replace(Volume updated) {
        for (int i = 0; i < rows.size(); i++) {
            VolumeRow old = rows.get(i);
            if (old.volume().id().equals(updated.id())) {
                VolumeRow row = new VolumeRow(updated);
                row.serverProperty().set(old.server());
                row.lookupProperty().set(old.lookupProperty().get());
                rowsByServer.values().forEach(list -> list.replaceAll(r -> r == old ? row : r));
                rows.set(i, row);
                if (selected.get() == old) {
                    selected.set(row);
                }
                return;
            }
        }
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            filtered.setPredicate(null);
        } else {
            String[] words = text.split("\\s+");
            Predicate<VolumeRow> p = r -> r.matches(words);
            filtered.setPredicate(p);
        }
    }

    private void updateStatusLine() {
        EvsAccount c = session.connection();
        if (c == null) {
            String connecting = session.connectingToProperty().get();
            statusLine.set(connecting != null ? "Connecting to " + connecting + "…" : "Not connected");
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(c.label()).append(" · ").append(c.region()).append(" · project ").append(c.projectId());
        switch (state.get()) {
            case LOADING -> sb.append(" · loading volumes…");
            case ERROR -> sb.append(" · could not load volumes");
            default -> {
                long inUse = rows.stream().filter(r -> "in-use".equals(r.volume().status())).count();
                sb.append(" · ").append(rows.size()).append(rows.size() == 1 ? " volume" : " volumes");
                if (filtered.size() != rows.size()) {
                    sb.append(" (").append(filtered.size()).append(" shown)");
                }
                sb.append(" · ").append(inUse).append(" in use");
            }
        }
        statusLine.set(sb.toString());
    }

    /** A sentence for the error state: the operator message of an API failure, or the exception text. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof ApiException api) {
                return api.getMessage();
            }
            t = t.getCause();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
