package io.expanse.ui.packs;

import io.expanse.text.Texts;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.accounts.NasAccount;
import io.expanse.files.JsonEntries;
import io.expanse.work.nas.EditablePackSource;
import io.expanse.work.nas.PackImport;
import io.expanse.work.nas.PackInventory;
import io.expanse.work.nas.ResourcePack;
import io.expanse.work.nas.ResourcePackSource;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The packs view's state: the account shown ({@link NasAccount}, switched by an {@code AccountSelector}), its
 * list (reloaded when it changes), each row with the state of the pack's latest upgrade in that account from the
 * journal, and a text filter. Edits go to the account's inventory; all I/O runs through the {@link TaskExecutor}.
 * Properties change on the FX thread only.
 */
public final class PacksViewModel {

    private final ActivityJournal journal;
    private final TaskExecutor tasks;
    /** A newer list read replaces an older one still running. */
    private final Object listKey = new Object();
    private final ObservableList<PackRow> rows = FXCollections.observableArrayList();
    private final FilteredList<PackRow> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<NasAccount> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final ReadOnlyBooleanWrapper undoAvailable = new ReadOnlyBooleanWrapper(this, "undoAvailable");
    private final Runnable reloadOnChange;
    /** Today's date (for days left) and the zone moments are shown in. */
    private final Clock clock;

    public PacksViewModel(ActivityJournal journal, TaskExecutor tasks) {
        this(journal, tasks, Clock.systemDefaultZone());
    }

    public PacksViewModel(ActivityJournal journal, TaskExecutor tasks, Clock clock) {
        this.journal = journal;
        this.tasks = tasks;
        this.clock = clock;
        this.reloadOnChange = () -> tasks.runOnUiThread(this::reload);
        filter.addListener((o, a, b) -> applyFilter());
        journal.addListener(a -> {
            if (a.nasPack()) {
                tasks.runOnUiThread(this::reload);
            }
        });
    }

    /** Today's date and the zone moments are shown in. */
    public Clock clock() {
        return clock;
    }

    /** The account shown, or null while connecting or after a failure. */
    public ReadOnlyObjectProperty<NasAccount> accountProperty() {
        return account.getReadOnlyProperty();
    }

    public NasAccount account() {
        return account.get();
    }

    /** The shown account's list, or null when none is shown. */
    public ResourcePackSource source() {
        NasAccount a = account.get();
        return a == null ? null : a.inventory();
    }

    /** Whether add/edit/remove/import are possible now (an account is shown and its list is kept by hand). */
    public boolean editable() {
        return source() instanceof EditablePackSource;
    }

    /** Sandbox or real account, region, and who keeps the list; or what is happening instead. */
    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    /** A switch started: the previous account is closed and nothing is listed until the next one is shown. */
    public void connecting(String what) {
        detach();
        undoAvailable.set(false);
        rows.clear();
        problem.set(null);
        sourceText.set(Texts.get("packs.source.opening", what));
    }

    /** Shows an account (replacing and closing any other). */
    public void show(NasAccount next) {
        detach();
        account.set(next);
        next.inventory().addListener(reloadOnChange);
        sourceText.set(next.describe());
        problem.set(next.inventory().loadProblem().orElse(null));
        reload();
    }

    /** Opening an account failed: the message is shown instead of a list. */
    public void failed(String message) {
        detach();
        undoAvailable.set(false);
        rows.clear();
        sourceText.set(Texts.get("packs.source.none"));
        problem.set(message);
    }

    private void detach() {
        NasAccount old = account.get();
        if (old != null) {
            // The account selector owns the account and closes it; the view only stops listening to it.
            old.inventory().removeListener(reloadOnChange);
            account.set(null);
        }
    }

    /** Reads the shown account's list again off the FX thread; a result for an account no longer shown is dropped. */
    public void reload() {
        NasAccount shown = account.get();
        if (shown == null) {
            return;
        }
        PackInventory source = shown.inventory();
        BackgroundTask.wrap(() -> {
            List<ResourcePack> packs = source.list();
            Map<String, Activity> latest = new HashMap<>();
            for (Activity a : journal.recent()) {
                if (Activity.KIND_NAS_UPGRADE.equals(a.kind()) && source.region().equals(a.region())
                        && source.account().equals(a.account())) {
                    latest.merge(a.resourceId(), a, (x, y) -> x.startedAt().isAfter(y.startedAt()) ? x : y);
                }
            }
            LocalDate today = LocalDate.now(clock);
            return packs.stream().map(p -> row(p, source.region(), latest.get(p.id()), today)).toList();
        }).onSuccess(list -> {
            if (account.get() == shown) {
                problem.set(shown.inventory().loadProblem().orElse(null));
                rows.setAll(list);
                undoAvailable.set(shown.inventory().canUndoImport());
            }
        }).onFailure(error -> {
            if (account.get() == shown) {
                problem.set(Texts.get("packs.problem.list", ErrorText.describe(error)));
            }
        }).latestWins(listKey).executeWith(tasks);
    }

    private PackRow row(ResourcePack p, String region, Activity latest, LocalDate today) {
        LocalDate expiry = p.expiryDate();
        Long daysLeft = expiry == null ? null : ChronoUnit.DAYS.between(today, expiry);
        if (latest == null) {
            return new PackRow(p, region, "", null, "", daysLeft);
        }
        Instant at = latest.finishedAt() != null ? latest.finishedAt() : latest.updatedAt();
        return new PackRow(p, region, latest.state().label(), at, at == null ? "" : PackTexts.moment(at,
                clock.getZone()), daysLeft);
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(r -> f.isEmpty() || (r.pack().id() + " " + r.pack().label() + " "
                + r.pack().capacityGb() + " " + r.lastUpgrade()).toLowerCase(Locale.ROOT).contains(f));
    }

    /** Adds (original null) or replaces a pack in the background; {@code done} gets null or an error sentence. */
    public void save(String originalId, ResourcePack pack, Consumer<String> done) {
        EditablePackSource editable = editableSource();
        BackgroundTask.wrap(() -> {
            if (originalId == null) {
                editable.add(pack);
            } else {
                editable.update(originalId, pack);
            }
        }).onSuccess(ok -> done.accept(null))
                .onFailure(error -> done.accept(ErrorText.describe(error)))
                .executeWith(tasks);
    }

    public void remove(String id, Consumer<String> done) {
        EditablePackSource editable = editableSource();
        BackgroundTask.wrap(() -> editable.remove(id))
                .onSuccess(ok -> done.accept(null))
                .onFailure(error -> done.accept(ErrorText.describe(error)))
                .executeWith(tasks);
    }

    /**
     * Reads a CSV file and works out what importing it would do, both in the background; nothing changes yet.
     *
     * @param ready      gets the preview, to be shown before anything is imported
     * @param unreadable gets a sentence when the file could not be read or the preview failed
     */
    public void previewImport(Path file, Consumer<PackImport.Preview> ready, Consumer<String> unreadable) {
        EditablePackSource editable = editableSource();
        BackgroundTask.wrap(() -> {
            String csv;
            try {
                csv = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                return new PreviewOutcome(null, Texts.get("packs.import.notUtf8", file.getFileName().toString()));
            } catch (IOException e) {
                return new PreviewOutcome(null, Texts.get("packs.import.unreadable", file.toString(),
                        JsonEntries.reason(e)));
            }
            return new PreviewOutcome(editable.previewImport(csv), null);
        }).onSuccess(outcome -> {
            if (outcome.unreadable() != null) {
                unreadable.accept(outcome.unreadable());
            } else {
                ready.accept(outcome.preview());
            }
        }).onFailure(error -> unreadable.accept(Texts.get("packs.import.readFailed", ErrorText.describe(error))))
                .executeWith(tasks);
    }

    /** Imports what the preview shows as added or updated, in the background; {@code done} gets the outcome. */
    public void applyImport(PackImport.Preview preview, Consumer<String> done, Consumer<String> failed) {
        EditablePackSource editable = editableSource();
        BackgroundTask.wrap(() -> editable.applyImport(preview))
                .onSuccess(result -> {
                    undoAvailable.set(editable.canUndoImport());
                    done.accept(result.summary());
                })
                .onFailure(error -> failed.accept(Texts.get("packs.import.failed", ErrorText.describe(error))))
                .executeWith(tasks);
    }

    /** Restores the list as it was before the last import, in the background; {@code done} gets null or an error. */
    public void undoImport(Consumer<String> done) {
        EditablePackSource editable = editableSource();
        BackgroundTask.wrap(editable::undoLastImport)
                .onSuccess(undone -> {
                    undoAvailable.set(editable.canUndoImport());
                    done.accept(undone ? null : Texts.get("packs.import.nothingToUndo"));
                })
                .onFailure(error -> done.accept(Texts.get("packs.import.undoFailed", ErrorText.describe(error))))
                .executeWith(tasks);
    }

    /** Whether the shown list's last import can be undone (nothing else changed since). */
    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return undoAvailable.getReadOnlyProperty();
    }

    /** The preview, or why the file could not be read. */
    private record PreviewOutcome(PackImport.Preview preview, String unreadable) {
    }

    private EditablePackSource editableSource() {
        if (!(source() instanceof EditablePackSource editable)) {
            throw new IllegalStateException("No editable pack list is shown");
        }
        return editable;
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
