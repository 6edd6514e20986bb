package io.expanse.ui.profiles;

import io.expanse.text.Texts;
import io.expanse.ui.common.ErrorText;

import io.expanse.cloud.huawei.Credentials;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SecretStoreException;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State and rules of the profile editor, without any node: the fields of a profile, its secrets (sent to the
 * secret store on save, never kept in the profile), the keyring-unavailable choice, and the connection test.
 * Properties are changed on the FX thread only. Everything that touches the keyring or the settings file (whether
 * a secret is stored, saving, the connection test) runs on the {@link TaskExecutor}: the OS keyring can take
 * seconds to answer and the settings are forced to disk.
 */
public final class ProfileEditorViewModel {

    private final ProfileRepository repository;
    private final ConnectionTester tester;
    private final TaskExecutor tasks;
    private final String keyringNotice;
    private final Profile original;
    /** Whether a secret is stored for the profile edited; known once {@link #checkingSecret} is false. */
    private final ReadOnlyBooleanWrapper storedSecret = new ReadOnlyBooleanWrapper(this, "storedSecret");
    private final ReadOnlyBooleanWrapper checkingSecret = new ReadOnlyBooleanWrapper(this, "checkingSecret");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    private final ObjectProperty<Profile.Kind> kind = new SimpleObjectProperty<>(this, "kind", Profile.Kind.HUAWEI);
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ObjectProperty<Profile.Site> site = new SimpleObjectProperty<>(this, "site", Profile.Site.CHINA);
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty projectId = new SimpleStringProperty(this, "projectId", "");
    private final StringProperty enterpriseProjectId = new SimpleStringProperty(this, "enterpriseProjectId", "");
    private final StringProperty accessKeyId = new SimpleStringProperty(this, "accessKeyId", "");
    private final StringProperty secretKey = new SimpleStringProperty(this, "secretKey", "");
    private final StringProperty securityToken = new SimpleStringProperty(this, "securityToken", "");
    private final BooleanProperty temporary = new SimpleBooleanProperty(this, "temporary");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final BooleanProperty keepForThisRun = new SimpleBooleanProperty(this, "keepForThisRun");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper(this, "testMessage", "");
    private final ReadOnlyObjectWrapper<ConnectionTester.Outcome> testOutcome =
            new ReadOnlyObjectWrapper<>(this, "testOutcome");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private final javafx.collections.ObservableList<io.expanse.cloud.huawei.EnterpriseProject> enterpriseProjects =
            javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper enterpriseProjectNote = new ReadOnlyStringWrapper(this, "epNote");
    private final ReadOnlyStringWrapper enterpriseProjectName = new ReadOnlyStringWrapper(this, "epName");
    private final StringBinding problems;
    private final BooleanBinding canSave;

    /**
     * @param existing the profile to edit, or null for a new one
     */
    public ProfileEditorViewModel(ProfileRepository repository, ConnectionTester tester, TaskExecutor tasks,
                                  String keyringNotice, Profile existing) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.keyringNotice = keyringNotice;
        this.original = existing;
        if (existing != null) {
            kind.set(existing.kind());
            label.set(existing.label());
            site.set(existing.site());
            region.set(nz(existing.region()));
            projectId.set(nz(existing.projectId()));
            enterpriseProjectId.set(nz(existing.enterpriseProjectId()));
            accessKeyId.set(nz(existing.accessKeyId()));
            temporary.set(existing.temporary());
            endpoint.set(nz(existing.endpoints().getOrDefault(endpointKey(existing.kind()), "")));
        }
        enterpriseProjectId.addListener((o, a, b) -> showEnterpriseProjectName());
        problems = Bindings.createStringBinding(() -> String.join(" ", currentProblems()), kind, region,
                accessKeyId, secretKey, securityToken, temporary, projectId, endpoint, keepForThisRun, storedSecret,
                checkingSecret);
        canSave = Bindings.createBooleanBinding(() -> currentProblems().isEmpty() && !saving.get(), problems,
                saving);
        if (existing != null) {
            checkSecret(existing);
        }
    }

    /** Asks the secret store (the keyring: possibly slow) whether a secret is stored, off the FX thread. */
    private void checkSecret(Profile existing) {
        checkingSecret.set(true);
        BackgroundTask.wrap(() -> repository.hasSecret(existing))
                .onSuccess(storedSecret::set)
                // Unreadable counts as not stored: the operator is asked for the secret again.
                .onFailure(e -> storedSecret.set(false))
                .onFinished(() -> checkingSecret.set(false))
                .executeWith(tasks);
    }

    // ------------------------------------------------------------------------------------------ properties

    public ObjectProperty<Profile.Kind> kindProperty() {
        return kind;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ObjectProperty<Profile.Site> siteProperty() {
        return site;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty projectIdProperty() {
        return projectId;
    }

    public StringProperty enterpriseProjectIdProperty() {
        return enterpriseProjectId;
    }

    public StringProperty accessKeyIdProperty() {
        return accessKeyId;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    public StringProperty securityTokenProperty() {
        return securityToken;
    }

    public BooleanProperty temporaryProperty() {
        return temporary;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public BooleanProperty keepForThisRunProperty() {
        return keepForThisRun;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionTester.Outcome> testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** Why Save is disabled, in sentences; empty when it is enabled. */
    public StringBinding problemsBinding() {
        return problems;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    /** Null when secrets go to the OS keyring; else the notice to show with the "this run only" choice. */
    public String keyringNotice() {
        return keyringNotice;
    }

    /** Whether the credentials come from the SDK conventions (keys are shown but cannot be edited). */
    public boolean readOnlyCredentials() {
        return original != null && original.readOnlyCredentials();
    }

    /** Whether a stored secret exists, so that an empty secret field means "keep it". */
    public boolean hasStoredSecret() {
        return storedSecret.get();
    }

    /** See {@link #hasStoredSecret()}; false until the secret store answered. */
    public ReadOnlyBooleanProperty storedSecretProperty() {
        return storedSecret.getReadOnlyProperty();
    }

    /** Whether the secret store is being asked whether a secret is stored. */
    public ReadOnlyBooleanProperty checkingSecretProperty() {
        return checkingSecret.getReadOnlyProperty();
    }

    /** Whether a save is under way (Save is disabled meanwhile). */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public boolean isNew() {
        return original == null;
    }

    // ------------------------------------------------------------------------------------------ actions

    /** The profile as the fields describe it (no secrets). */
    public Profile toProfile() {
        Profile base = original != null ? original : Profile.blank(kind.get());
        Map<String, String> endpoints = new LinkedHashMap<>();
        if (original != null) {
            endpoints.putAll(original.endpoints());
        }
        endpoints.remove(endpointKey(kind.get()));
        if (!endpoint.get().isBlank()) {
            endpoints.put(endpointKey(kind.get()), endpoint.get().strip());
        }
        boolean huawei = kind.get() == Profile.Kind.HUAWEI;
        String ak = readOnlyCredentials() ? original.accessKeyId() : accessKeyId.get();
        boolean temp = readOnlyCredentials() ? original.temporary() : huawei && temporary.get();
        return new Profile(base.id(), label.get(), kind.get(), base.source(), region.get(), site.get(),
                huawei ? projectId.get() : null, huawei ? enterpriseProjectId.get() : null, ak, temp, endpoints);
    }

    /** Runs the connection test in the background; the result lands in {@link #testMessageProperty()}. */
    public void testConnection() {
        Profile profile = toProfile();
        String sk = secretKey.get();
        String token = securityToken.get();
        testing.set(true);
        testOutcome.set(null);
        testMessage.set(Texts.get("profile.testing"));
        BackgroundTask.wrap(() -> runTest(profile, sk, token))
                .onSuccess(this::showTestResult)
                .onFailure(e -> showTestResult(new ConnectionTester.Result(ConnectionTester.Outcome.OTHER,
                        ErrorText.describe(e), null, null)))
                .executeWith(tasks);
    }

    private void showTestResult(ConnectionTester.Result result) {
        testing.set(false);
        testOutcome.set(result.outcome());
        testMessage.set(result.message());
    }

    /** Runs on the executor: it may read secrets from the keyring. */
    private ConnectionTester.Result runTest(Profile profile, String sk, String token) {
        if (profile.kind() == Profile.Kind.UNICLOUD) {
            String secret = !sk.isBlank() ? sk : original == null ? null : repository.secretKey(original).orElse(null);
            return tester.testUniCloud(profile, secret);
        }
        return tester.testHuawei(profile, huaweiCredentials(profile, sk, token));
    }

    /**
     * Lists the enterprise projects the entered (or stored) key may see, in the background, so that one can be
     * chosen by name; without a key, or when the account may not list them, a note says so and the ID can still
     * be typed.
     */
    public void loadEnterpriseProjects() {
        Profile profile = toProfile();
        String sk = secretKey.get();
        String token = securityToken.get();
        enterpriseProjectNote.set(Texts.get("profile.ep.reading"));
        BackgroundTask.wrap(() -> {
            Credentials credentials = huaweiCredentials(profile, sk, token);
            if (credentials == null) {
                return null;
            }
            return tester.enterpriseProjects(profile, credentials);
        }).onSuccess(found -> {
            if (found == null) {
                enterpriseProjects.clear();
                enterpriseProjectNote.set(Texts.get("profile.ep.needKey"));
                return;
            }
            enterpriseProjects.setAll(found);
            enterpriseProjectNote.set(found.isEmpty() ? Texts.get("profile.ep.none") : null);
            showEnterpriseProjectName();
        }).onFailure(e -> {
            enterpriseProjects.clear();
            enterpriseProjectNote.set(Texts.get("profile.ep.failed", ErrorText.describe(e)));
        }).executeWith(tasks);
    }

    /** Puts a listed enterprise project's ID in the field. */
    public void chooseEnterpriseProject(io.expanse.cloud.huawei.EnterpriseProject p) {
        enterpriseProjectId.set(p == null ? "" : p.id());
    }

    private void showEnterpriseProjectName() {
        String id = enterpriseProjectId.get() == null ? "" : enterpriseProjectId.get().strip();
        String name = enterpriseProjects.stream().filter(p -> p.id().equals(id)).map(
                io.expanse.cloud.huawei.EnterpriseProject::name).findFirst().orElse(null);
        enterpriseProjectName.set(id.equalsIgnoreCase("all") ? Texts.get("profile.ep.allName")
                : name == null ? null : Texts.get("profile.ep.name", name));
    }

    /** The enterprise projects listed by {@link #loadEnterpriseProjects()}. */
    public javafx.collections.ObservableList<io.expanse.cloud.huawei.EnterpriseProject> enterpriseProjects() {
        return enterpriseProjects;
    }

    /** Reading, or why the projects could not be listed; null once they are. */
    public ReadOnlyStringProperty enterpriseProjectNoteProperty() {
        return enterpriseProjectNote.getReadOnlyProperty();
    }

    /** The name of the enterprise project whose ID is in the field, when known. */
    public ReadOnlyStringProperty enterpriseProjectNameProperty() {
        return enterpriseProjectName.getReadOnlyProperty();
    }

    /** The credentials to call Huawei Cloud with: typed, or stored for the profile edited; null when incomplete. */
    private Credentials huaweiCredentials(Profile profile, String sk, String token) {
        Credentials credentials;
        if (profile.readOnlyCredentials() || sk.isBlank() && original != null && repository.hasSecret(original)) {
            credentials = repository.huaweiCredentials(original).orElse(null);
            if (credentials != null && !profile.readOnlyCredentials() && profile.temporary() && !token.isBlank()) {
                credentials = new Credentials(credentials.accessKey(), credentials.secretKey(), token);
            }
        } else if (sk.isBlank() || profile.accessKeyId() == null || profile.temporary() && token.isBlank()) {
            credentials = null;
        } else {
            credentials = new Credentials(profile.accessKeyId(), sk, profile.temporary() ? token : null);
        }
        return credentials;
    }

    /**
     * Saves the profile and its secrets in the background (the keyring and the settings file); Save is disabled
     * meanwhile. On failure {@link #saveErrorProperty()} says why and the fields are kept.
     *
     * @param whenSaved gets the saved profile, on the UI thread
     * @return false when nothing was started (problems, or a save already running)
     */
    public boolean save(Consumer<Profile> whenSaved) {
        if (!canSave.get()) {
            if (!saving.get()) {
                saveError.set(problems.get());
            }
            return false;
        }
        Profile profile = toProfile();
        String sk = blankToNull(secretKey.get());
        String token = blankToNull(securityToken.get());
        saving.set(true);
        saveError.set("");
        BackgroundTask.wrap(() -> repository.save(profile, sk, token))
                .onSuccess(ok -> {
                    secretKey.set("");
                    securityToken.set("");
                    saveError.set("");
                    whenSaved.accept(profile);
                })
                .onFailure(e -> saveError.set(e instanceof SecretStoreException
                        ? Texts.get("profile.save.secretFailed", e.getMessage())
                        : Texts.get("profile.save.failed", ErrorText.describe(e))))
                .onFinished(() -> saving.set(false))
                .executeWith(tasks);
        return true;
    }

    private List<String> currentProblems() {
        List<String> out = new ArrayList<>(toProfile().problems());
        if (readOnlyCredentials()) {
            return out;
        }
        boolean secretEntered = !secretKey.get().isBlank() || !securityToken.get().isBlank();
        if (checkingSecret.get() && !secretEntered) {
            out.add(Texts.get("profile.problem.lookingForSecret"));
            return out;
        }
        if (secretKey.get().isBlank() && !hasStoredSecret()) {
            out.add(Texts.get(kind.get() == Profile.Kind.HUAWEI ? "profile.problem.enterSk"
                    : "profile.problem.enterSecret"));
        }
        if (kind.get() == Profile.Kind.HUAWEI && temporary.get() && securityToken.get().isBlank()
                && !hasStoredSecret()) {
            out.add(Texts.get("profile.problem.enterToken"));
        }
        if (secretEntered && keyringNotice != null && !keepForThisRun.get()) {
            out.add(Texts.get("profile.problem.noKeyring"));
        }
        return out;
    }

    static String endpointKey(Profile.Kind kind) {
        return kind == Profile.Kind.HUAWEI ? "all" : "nas";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
