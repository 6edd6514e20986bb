package io.expanse.ui.activity;

import io.expanse.ui.common.Background;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
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
    private final SortedList<Activity> sorted = new SortedList<>(items,
            Comparator.comparing(Activity::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));

    public ActivityViewModel(ActivityJournal journal) {
        items.setAll(journal.all());
        journal.addListener(a -> Background.onFx(() -> upsert(a)));
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
