package io.expanse.ui.packs;

import io.expanse.settings.Profile;

/** One entry of the packs view's account selector; a null profile is the built-in UniCloud sandbox. */
public record PackAccountChoice(Profile profile) {

    public static final PackAccountChoice SANDBOX = new PackAccountChoice(null);

    public boolean sandbox() {
        return profile == null;
    }

    /** Whether both name the same account (the sandbox, or profiles with the same id). */
    public boolean sameAccount(PackAccountChoice other) {
        return other != null && (sandbox() ? other.sandbox() : !other.sandbox()
                && profile.id().equals(other.profile().id()));
    }

    @Override
    public String toString() {
        if (profile == null) {
            return "Sandbox (simulated, built in)";
        }
        return profile.label() + " · " + (profile.region() == null ? "no region" : profile.region());
    }
}
