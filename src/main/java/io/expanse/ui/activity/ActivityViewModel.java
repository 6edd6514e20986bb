package io.expanse.ui.activity;

import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityFilter;
import io.expanse.work.ActivityJournal;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;
import java.util.Comparator;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The activity panel's rows: a live mirror of the journal, newest first. Journal listeners fire on whatever
 * thread made the change; the mirror is updated on the FX thread.
 */
public final class ActivityViewModel {

    private final ObservableList<Activity> items = FXCollections.observableArrayList();
    private final FilteredList<Activity> filtered = new FilteredList<>(items);
    private final SortedList<Activity> sorted = new SortedList<>(filtered,
            Comparator.comparing(Activity::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty unfinishedOnly = new SimpleBooleanProperty(this, "unfinishedOnly", false);

    public ActivityViewModel(ActivityJournal journal, TaskExecutor tasks) {
        items.setAll(journal.all());
        journal.addListener(a -> tasks.runOnUiThread(() -> upsert(a)));
        filterText.addListener((o, a, b) -> applyFilter());
        unfinishedOnly.addListener((o, a, b) -> applyFilter());
    }

    private void applyFilter() {
        ActivityFilter f = (unfinishedOnly.get() ? ActivityFilter.unfinished() : ActivityFilter.all())
                .withText(filterText.get());
        filtered.setPredicate(f.text().isEmpty() && f.states().isEmpty() ? null : f);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty unfinishedOnlyProperty() {
        return unfinishedOnly;
    }

    /** What the panel shows now (filter applied, newest first), for export. */
    public List<Activity> shown() {
        return List.copyOf(sorted);
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
