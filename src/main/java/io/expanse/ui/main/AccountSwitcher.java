package io.expanse.ui.main;

import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.ui.common.Background;
import io.expanse.ui.common.Session;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.Connection;
import io.expanse.work.ResizeTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accounts the window can show (the built-in sandbox and every Huawei profile) and switching between them:
 * connecting happens in the background, then the {@link Session} changes and the views follow.
 */
public final class AccountSwitcher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountSwitcher.class);

    /** Opens a connection for a profile (null: the sandbox). Blocks on the network. */
    @FunctionalInterface
    public interface Connector {
        Connected connect(Profile profileOrNull) throws Exception;
    }

    /** A live connection and the tracker that follows its resizes. */
    public record Connected(Connection connection, ResizeTracker tracker) {
    }

    /** One entry of the account selector; a null profile is the sandbox. */
    public record Choice(Profile profile) {
        public boolean sandbox() {
            return profile == null;
        }

        @Override
        public String toString() {
            if (profile == null) {
                return "Sandbox (simulated, built in)";
            }
            String region = profile.region() == null || profile.region().isBlank() ? "no region" : profile.region();
            String source = switch (profile.source()) {
                case SDK_ENV -> " · from SDK environment";
                case SDK_FILE -> " · from SDK credentials file";
                case SETTINGS -> "";
            };
            return profile.label() + " · " + region + source;
        }
    }

    private final ProfileRepository profiles;
    private final Background background;
    private final Session session;
    private final Connector connector;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Choice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private long attempt;

    public AccountSwitcher(ProfileRepository profiles, Background background, Session session, Connector connector) {
        this.profiles = profiles;
        this.background = background;
        this.session = session;
        this.connector = connector;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<Choice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Re-reads the profiles (after one was added or edited); keeps the current choice when it still exists. */
    public void reloadChoices(List<Profile> huaweiProfiles) {
        List<Choice> list = new ArrayList<>();
        list.add(new Choice(null));
        huaweiProfiles.forEach(p -> list.add(new Choice(p)));
        choices.setAll(list);
        Choice now = current.get();
        if (now != null && !now.sandbox()) {
            choices.stream().filter(c -> !c.sandbox() && c.profile().id().equals(now.profile().id())).findFirst()
                    .ifPresent(current::set);
        }
    }

    /** Switches to a choice: clears the views, connects in the background, remembers the choice. */
    public void switchTo(Choice choice) {
        Objects.requireNonNull(choice, "choice");
        long mine = ++attempt;
        current.set(choice);
        session.connecting(choice.toString());
        background.run(() -> connector.connect(choice.profile()), connected -> {
            if (mine != attempt) {
                connected.tracker().shutdown();
                return;
            }
            session.connected(connected.connection(), connected.tracker());
            if (!choice.sandbox()) {
                background.run(() -> {
                    profiles.select(choice.profile().id());
                    return null;
                }, ok -> { }, error -> { });
            }
        }, error -> {
            LOG.warn("Could not connect to {}: {}", choice, VolumesViewModel.describe(error));
            if (mine == attempt) {
                session.failed("Could not connect to " + choice + ": " + VolumesViewModel.describe(error));
            }
        });
    }
}
