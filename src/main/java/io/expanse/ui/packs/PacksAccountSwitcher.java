package io.expanse.ui.packs;

import io.expanse.settings.Profile;
import io.expanse.ui.common.Background;
import io.expanse.ui.volumes.VolumesViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accounts the packs view can show (the UniCloud sandbox and every UniCloud profile) and switching between
 * them: the account is opened in the background (inventory read, tracker resumed), then the view model shows it
 * and the previous account is closed. Call on the FX thread.
 */
public final class PacksAccountSwitcher {

    /** Opens the NAS pieces of a profile (null: the sandbox). Blocks on disk I/O. */
    @FunctionalInterface
    public interface Opener {
        NasAccount open(Profile profileOrNull) throws Exception;
    }

    private final Opener opener;
    private final Background background;
    private final PacksViewModel packs;
    private final Consumer<String> remember;
    private final ObservableList<PackAccountChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PackAccountChoice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private long attempt;

    /**
     * @param remember stores the operator's choice (a profile id, or null for the sandbox); called off the FX thread
     */
    public PacksAccountSwitcher(Opener opener, Background background, PacksViewModel packs,
                                Consumer<String> remember) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.background = Objects.requireNonNull(background, "background");
        this.packs = Objects.requireNonNull(packs, "packs");
        this.remember = Objects.requireNonNull(remember, "remember");
    }

    public ObservableList<PackAccountChoice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<PackAccountChoice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Lists the sandbox and these UniCloud profiles; the current choice is kept (refreshed) when still listed. */
    public void reloadChoices(List<Profile> uniCloudProfiles) {
        List<PackAccountChoice> list = new ArrayList<>();
        list.add(PackAccountChoice.SANDBOX);
        uniCloudProfiles.stream().filter(p -> p.kind() == Profile.Kind.UNICLOUD)
                .forEach(p -> list.add(new PackAccountChoice(p)));
        choices.setAll(list);
        PackAccountChoice now = current.get();
        if (now != null) {
            choices.stream().filter(now::sameAccount).findFirst().ifPresent(current::set);
        }
    }

    /**
     * After a profile was saved: the selector is refreshed from {@code uniCloudProfiles}; when the saved profile is
     * the one shown, it is opened again with its new fields and secret.
     */
    public void profileSaved(Profile saved, List<Profile> uniCloudProfiles) {
        reloadChoices(uniCloudProfiles);
        PackAccountChoice now = current.get();
        if (saved.kind() == Profile.Kind.UNICLOUD && now != null && now.sameAccount(new PackAccountChoice(saved))) {
            switchTo(current.get(), false);
        }
    }

    /**
     * Shows a choice: the view clears, the account opens in the background, then it is shown and the previous
     * one closed. With {@code rememberIt} the choice is stored once it worked.
     */
    public void switchTo(PackAccountChoice choice, boolean rememberIt) {
        Objects.requireNonNull(choice, "choice");
        long mine = ++attempt;
        current.set(choice);
        packs.connecting(choice.toString());
        background.run(() -> opener.open(choice.profile()), account -> {
            if (mine != attempt) {
                account.close();
                return;
            }
            packs.show(account);
            if (rememberIt) {
                background.run(() -> {
                    remember.accept(choice.sandbox() ? null : choice.profile().id());
                    return null;
                }, ok -> { }, error -> { });
            }
        }, error -> {
            if (mine == attempt) {
                packs.failed(VolumesViewModel.describe(error));
            }
        });
    }
}
