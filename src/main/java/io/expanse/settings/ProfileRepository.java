package io.expanse.settings;

import io.expanse.cloud.huawei.Credentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles the operator can choose from: those in the settings file, and the SDK ones found at start-up
 * (with the operator's edits to their label, region or project applied). Secrets go to the {@link SecretStore};
 * an SDK profile's credentials always come from the SDK conventions. Thread-safe.
 */
public final class ProfileRepository {

    private final SettingsStore store;
    private final SecretStore secrets;
    private final SdkProfiles.Discovery sdk;

    public ProfileRepository(SettingsStore store, SecretStore secrets, SdkProfiles.Discovery sdk) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.sdk = Objects.requireNonNull(sdk, "sdk");
        store.takeRecoveredSecrets().forEach(secrets::put);
    }

    public SettingsStore settings() {
        return store;
    }

    /** Problems found while reading the SDK conventions, for a notice. */
    public List<String> sdkProblems() {
        return sdk.problems();
    }

    /** SDK profiles first (in discovery order), then the operator's, in the order they were made. */
    public synchronized List<Profile> all() {
        Map<String, Profile> out = new LinkedHashMap<>();
        Settings s = store.current();
        for (SdkProfiles.Found f : sdk.found()) {
            out.put(f.profile().id(), s.profile(f.profile().id()).map(edit -> merge(f.profile(), edit))
                    .orElse(f.profile()));
        }
        for (Profile p : s.profiles()) {
            if (p.source() == Profile.Source.SETTINGS) {
                out.put(p.id(), p);
            }
        }
        return List.copyOf(out.values());
    }

    public Optional<Profile> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The profile chosen last, else the first one. */
    public Optional<Profile> lastSelected() {
        String id = store.current().lastProfileId();
        Optional<Profile> last = id == null ? Optional.empty() : find(id);
        return last.isPresent() ? last : all().stream().findFirst();
    }

    /** Remembers the operator's choice. */
    public synchronized void select(String id) {
        store.update(s -> s.withLastProfileId(id));
    }

    /** UniCloud profiles, in the order of {@link #all()}. */
    public List<Profile> uniCloud() {
        return all().stream().filter(p -> p.kind() == Profile.Kind.UNICLOUD).toList();
    }

    /** The UniCloud profile chosen last in the resource packs view, when it still exists; empty: the sandbox. */
    public Optional<Profile> lastUniCloud() {
        String id = store.current().lastUniCloudProfileId();
        return id == null ? Optional.empty() : find(id).filter(p -> p.kind() == Profile.Kind.UNICLOUD);
    }

    /** Remembers the packs view's choice: a UniCloud profile id, or null for the sandbox. */
    public synchronized void selectUniCloud(String idOrNull) {
        store.update(s -> s.withLastUniCloudProfileId(idOrNull));
    }

    /**
     * Saves a profile. For an operator's profile, a non-null {@code secretKey} or {@code securityToken} replaces
     * the stored one (null keeps it); a non-temporary profile loses its token. For an SDK profile only the
     * label, region, site, project, enterprise project and endpoints are kept; secrets passed are ignored.
     *
     * @throws SecretStoreException when the secret store refused a secret; the profile is then not saved
     */
    public synchronized void save(Profile profile, String secretKey, String securityToken) {
        if (profile.readOnlyCredentials()) {
            store.update(s -> s.withProfile(profile));
            return;
        }
        if (secretKey != null) {
            secrets.put(profile.secretKeyRef(), secretKey);
        }
        if (!profile.temporary()) {
            secrets.delete(profile.tokenRef());
        } else if (securityToken != null) {
            secrets.put(profile.tokenRef(), securityToken);
        }
        store.update(s -> s.withProfile(profile));
    }

    /** Deletes an operator's profile and its secrets; for an SDK profile, forgets the operator's edits. */
    public synchronized void delete(String id) {
        Optional<Profile> p = store.current().profile(id);
        p.filter(x -> !x.readOnlyCredentials()).ifPresent(x -> {
            secrets.delete(x.secretKeyRef());
            secrets.delete(x.tokenRef());
        });
        store.update(s -> s.withoutProfile(id));
    }

    /** Whether a secret key is available for the profile (stored, or from the SDK conventions). */
    public boolean hasSecret(Profile profile) {
        return profile.readOnlyCredentials() ? sdk.find(profile.id()).isPresent()
                : secrets.get(profile.secretKeyRef()).isPresent();
    }

    /** Huawei credentials of the profile, when its secrets are available. */
    public Optional<Credentials> huaweiCredentials(Profile profile) {
        if (profile.readOnlyCredentials()) {
            return sdk.find(profile.id()).map(SdkProfiles.Found::credentials);
        }
        if (profile.accessKeyId() == null) {
            return Optional.empty();
        }
        Optional<String> sk = secrets.get(profile.secretKeyRef());
        String token = profile.temporary() ? secrets.get(profile.tokenRef()).orElse(null) : null;
        if (sk.isEmpty() || profile.temporary() && token == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(profile.accessKeyId(), sk.get(), token));
    }

    /** The UniCloud AccessKeySecret (or any profile's secret key) from the secret store. */
    public Optional<String> secretKey(Profile profile) {
        return profile.readOnlyCredentials() ? huaweiCredentials(profile).map(Credentials::secretKey)
                : secrets.get(profile.secretKeyRef());
    }

    /** The SDK profile with the operator's edits; its kind, source, AK and temporariness stay the SDK's. */
    private static Profile merge(Profile found, Profile edit) {
        Map<String, String> endpoints = new LinkedHashMap<>(found.endpoints());
        endpoints.putAll(edit.endpoints());
        return new Profile(found.id(), edit.label(), found.kind(), found.source(),
                edit.region() != null ? edit.region() : found.region(), edit.site(),
                edit.projectId() != null ? edit.projectId() : found.projectId(), edit.enterpriseProjectId(),
                found.accessKeyId(), found.temporary(), endpoints);
    }

    /** For tests and the editor: the profiles as stored, without SDK discovery. */
    List<Profile> stored() {
        return new ArrayList<>(store.current().profiles());
    }
}
