package io.expanse.ui.packs;

import io.expanse.ui.common.Background;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.nas.EditablePackSource;
import io.expanse.work.nas.ResourcePack;
import io.expanse.work.nas.ResourcePackSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The packs view's state: the list from a {@link ResourcePackSource} (reloaded when it changes), each row with the
 * state of the pack's latest upgrade from the journal, and a text filter. Edits go to the source when it is an
 * {@link EditablePackSource}; all I/O runs through {@link Background}.
 */
public final class PacksViewModel {

    private final ResourcePackSource source;
    private final ActivityJournal journal;
    private final Background background;
    private final ObservableList<PackRow> rows = FXCollections.observableArrayList();
    private final FilteredList<PackRow> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public PacksViewModel(ResourcePackSource source, ActivityJournal journal, Background background) {
        this.source = source;
        this.journal = journal;
        this.background = background;
        filter.addListener((o, a, b) -> applyFilter());
        source.addListener(() -> Background.onFx(this::reload));
        journal.addListener(a -> {
            if (Activity.KIND_NAS_UPGRADE.equals(a.kind())) {
                Background.onFx(this::reload);
            }
        });
    }

    public ResourcePackSource source() {
        return source;
    }

    /** Whether add/edit/remove/import are possible (an inventory, not an API listing). */
    public boolean editable() {
        return source instanceof EditablePackSource;
    }

    /** Reads the list again off the FX thread. */
    public void reload() {
        background.run(() -> {
            List<ResourcePack> packs = source.list();
            Map<String, Activity> latest = new HashMap<>();
            for (Activity a : journal.all()) {
                if (Activity.KIND_NAS_UPGRADE.equals(a.kind()) && source.region().equals(a.region())) {
                    latest.merge(a.resourceId(), a, (x, y) -> x.startedAt().isAfter(y.startedAt()) ? x : y);
                }
            }
            return packs.stream().map(p -> new PackRow(p, source.region(),
                    latest.containsKey(p.id()) ? latest.get(p.id()).state().label() : "")).toList();
        }, list -> {
            problem.set(null);
            rows.setAll(list);
        }, error -> problem.set("Could not list the resource packs: " + VolumesViewModel.describe(error)));
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(r -> f.isEmpty() || (r.pack().id() + " " + r.pack().label() + " "
                + r.pack().capacityGb() + " " + r.lastUpgrade()).toLowerCase(Locale.ROOT).contains(f));
    }

    /** Adds (original null) or replaces a pack in the background; {@code done} gets null or an error sentence. */
    public void save(String originalId, ResourcePack pack, Consumer<String> done) {
        EditablePackSource editable = (EditablePackSource) source;
        background.run(() -> {
            if (originalId == null) {
                editable.add(pack);
            } else {
                editable.update(originalId, pack);
            }
            return Boolean.TRUE;
        }, ok -> done.accept(null), error -> done.accept(VolumesViewModel.describe(error)));
    }

    public void remove(String id, Consumer<String> done) {
        EditablePackSource editable = (EditablePackSource) source;
        background.run(() -> editable.remove(id), ok -> done.accept(null),
                error -> done.accept(VolumesViewModel.describe(error)));
    }

    /** Imports CSV text; {@code done} gets the report's summary. */
    public void importCsv(String csv, Consumer<String> done) {
        EditablePackSource editable = (EditablePackSource) source;
        background.run(() -> editable.importCsv(csv).summary(), done,
                error -> done.accept("The import failed: " + VolumesViewModel.describe(error)));
    }

    /** Whether the id belongs to a listed pack other than {@code exceptId}. */
    public boolean idTaken(String id, String exceptId) {
        return rows.stream().anyMatch(r -> r.pack().id().equals(id) && !r.pack().id().equals(exceptId));
    }

    public FilteredList<PackRow> rows() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
