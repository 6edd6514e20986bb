package io.expanse.ui.activity;

import io.expanse.text.Texts;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityCsv;
import io.expanse.work.ActivityFilter;
import io.expanse.work.ActivityJournal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The activity panel's rows, newest first. With no filter they mirror the journal's snapshot (the latest
 * {@link ActivityJournal#DEFAULT_RECENT} activities and every unfinished one), kept live by its listener. With a
 * filter (text or "unfinished only") the whole history in the database is searched off the FX thread, and the
 * latest {@link #SHOWN_LIMIT} matches are shown; later changes that match are added live. Export writes every
 * activity matching the filter, not only the rows shown. Journal listeners fire on whatever thread made the change;
 * the rows are updated on the FX thread.
 */
public final class ActivityViewModel {

    /** The most rows a filtered search shows. */
    public static final int SHOWN_LIMIT = ActivityJournal.DEFAULT_RECENT;

    private final ActivityJournal journal;
    private final TaskExecutor tasks;
    private final ObservableList<Activity> items = FXCollections.observableArrayList();
    private final FilteredList<Activity> filtered = new FilteredList<>(items);
    private final SortedList<Activity> sorted = new SortedList<>(filtered,
            Comparator.comparing(Activity::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty unfinishedOnly = new SimpleBooleanProperty(this, "unfinishedOnly", false);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final Object searchKey = new Object();
    /** Succeeded expansions whose file system has not grown an hour on (Cloud Eye's disk_total). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.util.Set<String>> notGrown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "notGrown", java.util.Set.of());

    public ActivityViewModel(ActivityJournal journal, TaskExecutor tasks) {
        this.journal = journal;
        this.tasks = tasks;
        showRecent();
        journal.addListener(a -> tasks.runOnUiThread(() -> upsert(a)));
        filterText.addListener((o, a, b) -> applyFilter());
        unfinishedOnly.addListener((o, a, b) -> applyFilter());
    }

    /** Marks these activities (ids) as expansions whose file system has not grown; replaces the earlier marks. */
    public void fileSystemNotGrown(java.util.Set<String> activityIds) {
        notGrown.set(java.util.Set.copyOf(activityIds));
    }

    /** Whether this activity's disk grew but its file system has not. */
    public boolean fileSystemNotGrown(Activity a) {
        return a != null && notGrown.get().contains(a.id());
    }

    public javafx.beans.property.ReadOnlyObjectProperty<java.util.Set<String>> notGrownProperty() {
        return notGrown.getReadOnlyProperty();
    }

    /** The filter as set now. */
    public ActivityFilter filter() {
        return (unfinishedOnly.get() ? ActivityFilter.unfinished() : ActivityFilter.all()).withText(filterText.get());
    }

    /** What the status line says after an export: how many changes, where, and whether only those filtered. */
    public static String exportDoneText(boolean filtered, int count, Path file) {
        return Texts.get(filtered ? "activity.export.doneFiltered" : "activity.export.doneAll", count,
                file.toString());
    }

    /** Whether a filter (text or "unfinished only") narrows the list, and so what an export writes. */
    public boolean filterApplied() {
        return !isEmpty(filter());
    }

    private static boolean isEmpty(ActivityFilter f) {
        return f.text().isEmpty() && f.states().isEmpty();
    }

    private void showRecent() {
        List<Activity> recent = journal.recent();
        items.setAll(recent);
        note.set(recent.size() >= ActivityJournal.DEFAULT_RECENT ? Texts.get("activity.note.latest",
                Integer.toString(ActivityJournal.DEFAULT_RECENT)) : "");
    }

    private void applyFilter() {
        ActivityFilter f = filter();
        if (isEmpty(f)) {
            filtered.setPredicate(null);
            // Supersedes a search still running.
            BackgroundTask.wrap(() -> null).latestWins(searchKey).executeWith(tasks);
            showRecent();
            return;
        }
        filtered.setPredicate(f);
        note.set(Texts.get("activity.note.searching"));
        BackgroundTask.wrap(() -> journal.query(f, SHOWN_LIMIT))
                .latestWins(searchKey)
                .onSuccess(found -> {
                    items.setAll(found);
                    note.set(found.size() >= SHOWN_LIMIT ? Texts.get("activity.note.latestMatches",
                            Integer.toString(SHOWN_LIMIT))
                            : "");
                })
                .onFailure(error -> note.set(Texts.get("activity.note.searchFailed", ErrorText.describe(error))))
                .executeWith(tasks);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty unfinishedOnlyProperty() {
        return unfinishedOnly;
    }

    /** A line under the filter: how much is shown, a search in progress, or a search that failed; else empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What the panel shows now (filter applied, newest first). */
    public List<Activity> shown() {
        return List.copyOf(sorted);
    }

    /**
     * A task that writes every activity of the history matching the current filter (not only the rows shown) to
     * {@code file} as CSV and returns how many; the caller adds its continuations and starts it.
     */
    public BackgroundTask<Integer> export(Path file) {
        ActivityFilter f = filter();
        return BackgroundTask.wrap(() -> {
            List<Activity> rows = journal.query(f, 0);
            ActivityCsv.export(rows, file);
            return rows.size();
        });
    }

    private void upsert(Activity a) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(a.id())) {
                items.set(i, a);
                return;
            }
        }
        items.add(a);
    }

    public SortedList<Activity> rows() {
        return sorted;
    }
}
