package io.expanse.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.EnterpriseProject;
import io.expanse.sandbox.SandboxCloud;
import io.expanse.sandbox.SandboxSeed;
import io.expanse.sandbox.SandboxServer;
import io.expanse.sandbox.SandboxTimings;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SessionSecretStore;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.profiles.ProfileEditorViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile editor lists the enterprise projects of the key typed, against the sandbox, to choose by name. */
class EnterpriseProjectPickerTest {

    @TempDir
    Path dir;

    private SandboxServer server;
    private ProfileEditorViewModel vm;

    @BeforeEach
    void start() {
        server = SandboxServer.start(new SandboxCloud(SandboxSeed.standard(), Clock.systemUTC(),
                SandboxTimings.DEFAULT));
        ProfileRepository repository = new ProfileRepository(new SettingsStore(dir.resolve("settings.json"),
                Clock.systemUTC()), new SessionSecretStore(), new SdkProfiles.Discovery(List.of(), List.of()));
        vm = new ProfileEditorViewModel(repository, new ConnectionTester(new OkHttpClient(), Runnable::run,
                Clock.systemUTC()), new CurrentThreadTaskExecutor(), null, null);
        vm.labelProperty().set("sandbox-copy");
        vm.regionProperty().set(server.region());
        vm.projectIdProperty().set(server.projectId());
        vm.endpointProperty().set(server.baseUri().toString());
        vm.accessKeyIdProperty().set(server.credentials().accessKey());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutASecretItAsksForTheKeyFirst() {
        vm.loadEnterpriseProjects();
        assertEquals("Enter the access key and secret key first, to list the enterprise projects by name.",
                vm.enterpriseProjectNoteProperty().get());
        assertTrue(vm.enterpriseProjects().isEmpty());
    }

    @Test
    void theProjectsAreListedByNameAndChoosingOnePutsItsIdInTheField() {
        vm.secretKeyProperty().set(server.credentials().secretKey());
        vm.loadEnterpriseProjects();
        assertNull(vm.enterpriseProjectNoteProperty().get());
        assertEquals(List.of("default", "database", "analytics"),
                vm.enterpriseProjects().stream().map(EnterpriseProject::name).toList());
        vm.chooseEnterpriseProject(vm.enterpriseProjects().get(1));
        assertEquals(SandboxSeed.EP_DATABASE, vm.enterpriseProjectIdProperty().get());
        assertEquals("Enterprise project: database", vm.enterpriseProjectNameProperty().get());
    }

    @Test
    void aWrongKeySaysTheListFailedAndTheIdCanStillBeTyped() {
        vm.secretKeyProperty().set("not-the-secret");
        vm.loadEnterpriseProjects();
        assertTrue(vm.enterpriseProjectNoteProperty().get().startsWith("The enterprise projects could not be listed ("),
                vm.enterpriseProjectNoteProperty().get());
        assertTrue(vm.enterpriseProjectNoteProperty().get().endsWith("type the ID instead."));
    }
}
