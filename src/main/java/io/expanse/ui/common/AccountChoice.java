package io.expanse.ui.common;

import io.expanse.text.Texts;
import io.expanse.settings.Profile;

/** One entry of an account selector; a null profile is the built-in sandbox of the selector's cloud. */
public record AccountChoice(Profile profile) {

    public static final AccountChoice SANDBOX = new AccountChoice(null);

    public boolean sandbox() {
        return profile == null;
    }

    /** Whether both name the same account (the sandbox, or profiles with the same id), edits aside. */
    public boolean sameAccount(AccountChoice other) {
        return other != null && (sandbox() ? other.sandbox()
                : !other.sandbox() && profile.id().equals(other.profile().id()));
    }

    /** The selector's text: the sandbox, or the profile's label, region and where it came from. */
    @Override
    public String toString() {
        if (profile == null) {
            return Texts.get("account.sandbox");
        }
        String region = profile.region() == null || profile.region().isBlank() ? Texts.get("account.noRegion")
                : profile.region();
        String source = switch (profile.source()) {
            case SDK_ENV -> Texts.get("account.fromSdkEnvironment", profile.label(), region);
            case SDK_FILE -> Texts.get("account.fromSdkFile", profile.label(), region);
            case SETTINGS -> Texts.get("account.profile", profile.label(), region);
        };
        return source;
    }
}
