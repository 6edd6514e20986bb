package io.expanse.work.accounts;

import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles of one cloud as an account selector sees them: the list, where it starts, how the operator's
 * choice is kept, and deleting one. The methods that write ({@link #remember}, {@link #delete}) touch the settings
 * file and the keyring: call them off the UI thread.
 */
public final class AccountProfiles {

    private final ProfileRepository profiles;
    private final Profile.Kind kind;
    private final boolean forceSandbox;

    /** @param forceSandbox start on the sandbox whatever was chosen last */
    public AccountProfiles(ProfileRepository profiles, Profile.Kind kind, boolean forceSandbox) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.forceSandbox = forceSandbox;
    }

    public Profile.Kind kind() {
        return kind;
    }

    /** This kind's profiles, the SDK's ready-made ones first. */
    public List<Profile> list() {
        return profiles.all().stream().filter(p -> p.kind() == kind).toList();
    }

    /**
     * Where the selector starts; empty means the sandbox. Huawei: the profile chosen last, else an SDK profile.
     * UniCloud: the profile chosen last in the packs view. Always the sandbox when forced.
     */
    public Optional<Profile> initial() {
        if (forceSandbox) {
            return Optional.empty();
        }
        if (kind == Profile.Kind.UNICLOUD) {
            return profiles.lastUniCloud();
        }
        return profiles.lastSelected().filter(p -> p.kind() == kind)
                .or(() -> list().stream().filter(p -> p.source() != Profile.Source.SETTINGS).findFirst());
    }

    /**
     * Keeps the operator's choice for the next start. The packs view keeps the sandbox too; the Huawei side keeps
     * profiles only, so that a start without a choice still finds an SDK profile.
     */
    public void remember(Profile profileOrNull) {
        if (kind == Profile.Kind.UNICLOUD) {
            profiles.selectUniCloud(profileOrNull == null ? null : profileOrNull.id());
        } else if (profileOrNull != null) {
            profiles.select(profileOrNull.id());
        }
    }

    /** Deletes an operator's profile and its stored secrets (an SDK profile: forgets the operator's edits). */
    public void delete(Profile profile) {
        profiles.delete(profile.id());
    }
}
