package io.expanse.ui.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.settings.ConnectionTester;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SecretStore;
import io.expanse.settings.SecretStoreException;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.common.task.QueuedTaskExecutor;
import io.expanse.ui.common.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile editor's model without a window or toolkit. The keyring is a fake that counts its calls, so the tests
 * can tell that nothing touches it before the executor runs the work.
 */
class ProfileEditorViewModelTest {

    /** A keyring in memory that counts reads and writes and can refuse writes. */
    static final class FakeKeyring implements SecretStore {
        final Map<String, String> secrets = new HashMap<>();
        int reads;
        int writes;
        String refuseWith;

        @Override
        public Optional<String> get(String key) {
            reads++;
            return Optional.ofNullable(secrets.get(key));
        }

        @Override
        public void put(String key, String secret) {
            writes++;
            if (refuseWith != null) {
                throw new SecretStoreException(refuseWith, null);
            }
            secrets.put(key, secret);
        }

        @Override
        public void delete(String key) {
            secrets.remove(key);
        }

        @Override
        public boolean persistent() {
            return true;
        }

        @Override
        public String description() {
            return "the fake keyring";
        }
    }

    @TempDir
    Path dir;

    private final FakeKeyring keyring = new FakeKeyring();
    private ProfileRepository repository;
    private ConnectionTester tester;
    private final AtomicReference<Profile> saved = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        repository = new ProfileRepository(new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC()), keyring,
                new SdkProfiles.Discovery(List.of(), List.of()));
        tester = new ConnectionTester(new OkHttpClient(), Runnable::run, Clock.systemUTC());
    }

    private ProfileEditorViewModel editor(TaskExecutor tasks, Profile existing) {
        return new ProfileEditorViewModel(repository, tester, tasks, null, existing);
    }

    private static void fill(ProfileEditorViewModel vm) {
        vm.labelProperty().set("prod");
        vm.regionProperty().set("cn-north-4");
        vm.accessKeyIdProperty().set("AKEXAMPLE0001");
    }

    /** A saved Huawei profile whose secret key is in the keyring. */
    private Profile storedProfile() {
        ProfileEditorViewModel first = editor(new CurrentThreadTaskExecutor(), null);
        fill(first);
        first.secretKeyProperty().set("sk-0123456789");
        assertTrue(first.save(saved::set));
        Profile p = saved.getAndSet(null);
        keyring.reads = 0;
        keyring.writes = 0;
        return p;
    }

    @Test
    void openingAnExistingProfileAsksTheKeyringInTheBackground() {
        Profile p = storedProfile();
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();

        ProfileEditorViewModel vm = editor(tasks, p);

        assertEquals(0, keyring.reads, "the constructor did not touch the keyring");
        assertTrue(vm.checkingSecretProperty().get());
        assertFalse(vm.canSaveBinding().get());
        assertEquals("Looking for the stored secret…", vm.problemsBinding().get());

        tasks.runAll();

        assertEquals(1, keyring.reads);
        assertFalse(vm.checkingSecretProperty().get());
        assertTrue(vm.hasStoredSecret());
        assertTrue(vm.canSaveBinding().get(), vm.problemsBinding().get());
    }

    @Test
    void withoutAStoredSecretTheEditorAsksForOne() {
        Profile p = storedProfile();
        keyring.secrets.clear();
        ProfileEditorViewModel vm = editor(new CurrentThreadTaskExecutor(), p);
        assertFalse(vm.hasStoredSecret());
        assertEquals("Enter the secret key (SK).", vm.problemsBinding().get());
        assertFalse(vm.canSaveBinding().get());
    }

    @Test
    void savingRunsInTheBackgroundWithSaveDisabledMeanwhile() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ProfileEditorViewModel vm = editor(tasks, null);
        fill(vm);
        vm.secretKeyProperty().set("sk-0123456789");
        assertTrue(vm.canSaveBinding().get(), vm.problemsBinding().get());

        assertTrue(vm.save(saved::set));

        assertEquals(0, keyring.writes, "nothing written before the executor ran the save");
        assertTrue(vm.savingProperty().get());
        assertFalse(vm.canSaveBinding().get(), "Save is disabled while saving");
        assertFalse(vm.save(saved::set), "a second save does not start");
        assertEquals("", vm.saveErrorProperty().get());
        assertEquals(1, tasks.pending());

        tasks.runAll();

        assertEquals(1, keyring.writes);
        assertEquals("prod", saved.get().label());
        assertEquals(Optional.of("sk-0123456789"), keyring.secrets.values().stream().findFirst());
        assertEquals("prod", repository.find(saved.get().id()).orElseThrow().label());
        assertFalse(vm.savingProperty().get());
        assertEquals("", vm.secretKeyProperty().get(), "the secret does not stay in the field");
    }

    @Test
    void aRefusedSecretIsReportedInTheDialogAndTheFieldsAreKept() {
        keyring.refuseWith = "The keyring is locked.";
        ProfileEditorViewModel vm = editor(new CurrentThreadTaskExecutor(), null);
        fill(vm);
        vm.secretKeyProperty().set("sk-0123456789");

        vm.save(saved::set);

        assertNull(saved.get());
        assertEquals("The secret could not be stored: The keyring is locked.", vm.saveErrorProperty().get());
        assertEquals("sk-0123456789", vm.secretKeyProperty().get());
        assertFalse(vm.savingProperty().get());
        assertTrue(vm.canSaveBinding().get(), "Save can be tried again");
        assertTrue(repository.all().stream().noneMatch(p -> "prod".equals(p.label())), "the profile was not saved");
    }

    @Test
    void anIncompleteProfileIsNotSavedAndSaysWhy() {
        ProfileEditorViewModel vm = editor(new CurrentThreadTaskExecutor(), null);
        vm.labelProperty().set("prod");

        assertFalse(vm.save(saved::set));

        assertEquals("Choose a region. Enter the access key (AK). Enter the secret key (SK).",
                vm.saveErrorProperty().get());
        assertEquals(0, keyring.writes);
    }

    @Test
    void theConnectionTestRunsOnTheExecutorAndReportsItsOutcome() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ProfileEditorViewModel vm = editor(tasks, null);
        fill(vm);

        vm.testConnection();

        assertTrue(vm.testingProperty().get());
        assertEquals("Testing the connection…", vm.testMessageProperty().get());
        tasks.runAll();
        assertFalse(vm.testingProperty().get());
        assertEquals(ConnectionTester.Outcome.INCOMPLETE, vm.testOutcomeProperty().get());
        assertEquals("Enter the secret key (SK).", vm.testMessageProperty().get());
    }
}
