package io.expanse.ui.common;

import io.expanse.text.Texts;
import io.expanse.settings.Profile;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.accounts.AccountProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of one cloud a tab can show (its sandbox and the profiles of that kind) and switching between them.
 * A switch closes the account shown, opens the chosen one in the background and hands it to the {@link Listener}
 * (the tab's view state); when switches overlap, only the latest is shown and an overtaken one that still opened
 * is closed. The selector owns the accounts it opened: it closes them when switching away and on {@link #close()}.
 * Call on the UI thread.
 *
 * @param <A> the opened account
 */
public final class AccountSelector<A extends AutoCloseable> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSelector.class);

    /** Opens a profile's account, or the sandbox's for null. Blocks on the network or disk. */
    @FunctionalInterface
    public interface Opener<A> {
        A open(Profile profileOrNull) throws Exception;
    }

    /** What the tab shows: opening, an opened account, or why there is none. Called on the UI thread. */
    public interface Listener<A> {
        /** A switch started: nothing is shown until {@link #connected} or {@link #failed}. */
        void connecting(String what);

        void connected(A account);

        /** A sentence for the operator. */
        void failed(String message);

        static <A> Listener<A> of(Consumer<String> connecting, Consumer<A> connected, Consumer<String> failed) {
            return new Listener<>() {
                @Override
                public void connecting(String what) {
                    connecting.accept(what);
                }

                @Override
                public void connected(A account) {
                    connected.accept(account);
                }

                @Override
                public void failed(String message) {
                    failed.accept(message);
                }
            };
        }
    }

    private final AccountProfiles profiles;
    private final Opener<A> opener;
    private final TaskExecutor tasks;
    private final Listener<? super A> listener;
    private final ObservableList<AccountChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AccountChoice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private volatile A shown;

    /** Lists the choices at once; nothing is opened until {@link #openInitial()} or {@link #switchTo}. */
    public AccountSelector(AccountProfiles profiles, Opener<A> opener, TaskExecutor tasks,
                           Listener<? super A> listener) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.listener = Objects.requireNonNull(listener, "listener");
        reload();
    }

    /** The sandbox first, then the profiles; each shows its text. */
    public ObservableList<AccountChoice> choices() {
        return choices;
    }

    /** The choice shown or being opened; null before the first switch. */
    public ReadOnlyObjectProperty<AccountChoice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The opened account shown, or null while one is opening or after a failure. */
    public A account() {
        return shown;
    }

    /**
     * Reads the profiles again (after one was added, edited or deleted). The current choice is kept, with the
     * profile's new fields; when its profile is gone the sandbox is shown instead.
     */
    public void reload() {
        List<AccountChoice> list = new ArrayList<>();
        list.add(AccountChoice.SANDBOX);
        profiles.list().forEach(p -> list.add(new AccountChoice(p)));
        update(list);
        AccountChoice now = current.get();
        if (now == null || now.sandbox()) {
            return;
        }
        list.stream().filter(now::sameAccount).findFirst()
                .ifPresentOrElse(current::set, () -> switchTo(AccountChoice.SANDBOX));
    }

    /**
     * Makes the choices {@code next} in place, leaving the ones that stay untouched: a combo box showing a choice
     * that stays keeps it. (Replacing the whole list cleared the box's value, so reading the list again while on the
     * sandbox, e.g. after a profile was deleted or saved, left the selector blank.)
     */
    private void update(List<AccountChoice> next) {
        choices.removeIf(c -> !next.contains(c));
        for (int i = 0; i < next.size(); i++) {
            AccountChoice wanted = next.get(i);
            if (i < choices.size() && choices.get(i).equals(wanted)) {
                continue;
            }
            int at = choices.indexOf(wanted);
            if (at > i) {
                choices.remove(at);
            }
            choices.add(i, wanted);
        }
        if (choices.size() > next.size()) {
            choices.remove(next.size(), choices.size());
        }
    }

    /** Opens where the tab starts (see {@link AccountProfiles#initial()}); the choice is not stored again. */
    public void openInitial() {
        open(profiles.initial().map(AccountChoice::new).orElse(AccountChoice.SANDBOX), false);
    }

    /** The operator's switch: shows the choice and, once it opened, keeps it for the next start. */
    public void switchTo(AccountChoice choice) {
        open(choice, true);
    }

    /** After a profile was saved: the list is read again, and the account opened again when it is the one shown. */
    public void profileSaved(Profile saved) {
        reload();
        AccountChoice now = current.get();
        if (saved.kind() == profiles.kind() && now != null && now.sameAccount(new AccountChoice(saved))) {
            open(now, false);
        }
    }

    /**
     * Deletes a profile and its stored secrets in the background, then reads the list again: when the profile was
     * the one shown, the sandbox is shown instead.
     */
    public void delete(Profile profile) {
        BackgroundTask.wrap(() -> profiles.delete(profile))
                .onSuccess(ok -> reload())
                .onFailure(error -> listener.failed(Texts.get("account.deleteFailed", profile.label(),
                        VolumesViewModel.describe(error))))
                .executeWith(tasks);
    }

    private void open(AccountChoice choice, boolean remember) {
        Objects.requireNonNull(choice, "choice");
        current.set(choice);
        closeShown();
        listener.connecting(choice.toString());
        BackgroundTask.wrap(() -> opener.open(choice.profile()))
                .onSuccess(account -> {
                    shown = account;
                    listener.connected(account);
                    if (remember) {
                        remember(choice);
                    }
                })
                .onFailure(error -> {
                    LOG.warn("Could not connect to {}: {}", choice, VolumesViewModel.describe(error));
                    listener.failed(Texts.get("account.connectFailed", choice.toString(),
                            VolumesViewModel.describe(error)));
                })
                .onDiscarded(AccountSelector::closeQuietly)
                .latestWins(this)
                .executeWith(tasks);
    }

    private void remember(AccountChoice choice) {
        BackgroundTask.wrap(() -> profiles.remember(choice.profile()))
                .onFailure(error -> LOG.warn("Could not remember the account {}", choice, error))
                .executeWith(tasks);
    }

    private void closeShown() {
        A old = shown;
        shown = null;
        if (old != null) {
            closeQuietly(old);
        }
    }

    private static void closeQuietly(AutoCloseable account) {
        try {
            account.close();
        } catch (Exception e) {
            LOG.warn("Could not close an account", e);
        }
    }

    /** Closes the account shown (the app is closing). */
    @Override
    public void close() {
        closeShown();
    }
}
