package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.logging.Redactor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("settings.json"), CLOCK);
    }

    private static Profile huawei(String id) {
        return new Profile(id, "Prod " + id, Profile.Kind.HUAWEI, Profile.Source.SETTINGS, "cn-north-4",
                Profile.Site.INTERNATIONAL, null, "ep-1", "HPUAEXAMPLEAK0000001", true,
                Map.of("iam", "https://iam.example.internal"));
    }

    @Test
    void missingFileGivesEmptySettingsWithoutProblem() {
        SettingsStore s = store();
        assertEquals(Settings.empty(), s.load());
        assertTrue(s.loadProblem().isEmpty());
    }

    @Test
    void everythingSurvivesARoundTripAndNoTemporaryFileIsLeft() throws Exception {
        Settings settings = Settings.empty().withProfile(huawei("a")).withProfile(
                        Profile.blank(Profile.Kind.UNICLOUD).withLabel("NAS").withRegion("cn-beijing-1"))
                .withLastProfileId("a")
                .withWindow(new Settings.WindowState(10.0, 20.0, 1300, 820, false))
                .withTable("volumes", new Settings.TableState(List.of("name", "size", "status"),
                        Map.of("name", 220.0), List.of(new Settings.SortColumn("size", false))));
        store().save(settings);
        SettingsStore reopened = store();
        assertEquals(settings, reopened.load());
        assertTrue(reopened.loadProblem().isEmpty());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("settings.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theLastUniCloudProfileIsRememberedAndForgottenWithItsProfile() {
        Profile nas = new Profile("nas-1", "NAS prod", Profile.Kind.UNICLOUD, Profile.Source.SETTINGS,
                "cn-tianjin-yfb", null, null, null, "UCAKEXAMPLE00001", false, Map.of());
        SessionSecretStore secrets = new SessionSecretStore();
        ProfileRepository repo = new ProfileRepository(store(), secrets,
                new SdkProfiles.Discovery(List.of(), List.of()));
        repo.save(huawei("h"), "huawei-secret-value", "token-value");
        repo.save(nas, "nas-secret-value", null);
        assertTrue(repo.lastUniCloud().isEmpty(), "no choice yet means the sandbox");
        assertEquals(List.of("nas-1"), repo.uniCloud().stream().map(Profile::id).toList());

        repo.selectUniCloud("h");
        assertTrue(repo.lastUniCloud().isEmpty(), "a Huawei profile is not a UniCloud choice");
        repo.selectUniCloud("nas-1");
        repo.select("h");
        ProfileRepository reopened = new ProfileRepository(store(), secrets,
                new SdkProfiles.Discovery(List.of(), List.of()));
        assertEquals("nas-1", reopened.lastUniCloud().map(Profile::id).orElse(null));
        assertEquals("h", reopened.settings().current().lastProfileId(), "the Huawei choice is kept apart");
        assertEquals("nas-secret-value", reopened.secretKey(reopened.lastUniCloud().orElseThrow()).orElse(null));

        reopened.delete("nas-1");
        assertNull(store().load().lastUniCloudProfileId());
        assertEquals("h", store().load().lastProfileId());
    }

    @Test
    void updateReplacesAProfileInPlace() {
        SettingsStore s = store();
        s.update(x -> x.withProfile(huawei("a")).withProfile(huawei("b")));
        s.update(x -> x.withProfile(huawei("a").withLabel("renamed")));
        List<Profile> profiles = store().load().profiles();
        assertEquals(List.of("a", "b"), profiles.stream().map(Profile::id).toList());
        assertEquals("renamed", profiles.get(0).label());
    }

    @Test
    void aDamagedFileIsCopiedAsideAndReadUpToTheDamage() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\":1,\"lastProfileId\":\"p\",\"profiles\":[{\"id\":");
        SettingsStore s = store();
        assertEquals(Settings.empty().withLastProfileId("p"), s.load());
        String problem = s.loadProblem().orElseThrow();
        assertTrue(problem.contains("settings.json.corrupt-20260102T030405Z"), problem);
        assertTrue(Files.exists(dir.resolve("settings.json.corrupt-20260102T030405Z")));
        s.save(Settings.empty().withLastProfileId("x"));
        assertEquals("x", store().load().lastProfileId());
    }

    @Test
    void aFileWithTheWrongShapeIsTreatedAsCorrupt() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "[1,2,3]");
        SettingsStore s = store();
        assertEquals(Settings.empty(), s.load());
        assertTrue(s.loadProblem().isPresent());
    }

    @Test
    void aVersionZeroFileIsMigratedWithABackupAndItsPlainTextSecretMovedOut() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("settings-v0.json")) {
            Files.copy(in, dir.resolve("settings.json"));
        }
        SettingsStore s = store();
        Settings settings = s.load();
        assertEquals(SettingsStore.VERSION, settings.version());
        assertEquals(2, settings.profiles().size());
        Profile prod = settings.profiles().get(0);
        assertEquals("prod", prod.label());
        assertEquals(Profile.Kind.HUAWEI, prod.kind());
        assertEquals("cn-north-4", prod.region());
        assertEquals("0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c", prod.projectId());
        assertEquals("HPUAOLDFORMATAK00001", prod.accessKeyId());
        Profile sg = settings.profiles().get(1);
        assertEquals(Profile.Site.INTERNATIONAL, sg.site());
        assertEquals(sg.id(), settings.lastProfileId());
        assertEquals(1280, settings.window().width());
        assertNull(settings.window().x());
        assertTrue(s.loadProblem().orElseThrow().contains("settings.json.v0-backup"));

        String sk = "OldPlainTextSecretKey0123456789abcdefGHIJ";
        assertEquals(Map.of(prod.secretKeyRef(), sk), s.takeRecoveredSecrets());
        assertTrue(s.takeRecoveredSecrets().isEmpty(), "secrets are handed out once");
        assertFalse(Files.readString(dir.resolve("settings.json")).contains(sk));
        String backup = Files.readString(dir.resolve("settings.json.v0-backup"));
        assertTrue(backup.contains("HPUAOLDFORMATAK00002"), "backup keeps the old content");
        assertFalse(backup.contains(sk), "backup has the secret blanked");
        assertEquals(settings, store().load(), "the migrated file is written back");
        assertTrue(store().loadProblem().isEmpty());
    }

    @Test
    void theRepositoryMovesRecoveredSecretsIntoTheSecretStore() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("settings-v0.json")) {
            Files.copy(in, dir.resolve("settings.json"));
        }
        SessionSecretStore secrets = new SessionSecretStore();
        ProfileRepository repo = new ProfileRepository(store(), secrets,
                new SdkProfiles.Discovery(List.of(), List.of()));
        Profile prod = repo.all().get(0);
        assertEquals("OldPlainTextSecretKey0123456789abcdefGHIJ",
                repo.huaweiCredentials(prod).orElseThrow().secretKey());
    }

    @Test
    void aNewerFileIsReadAsFarAsUnderstoodAndBackedUp() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\":7,\"lastProfileId\":\"p\",\"theme\":\"dark\","
                + "\"profiles\":[]}");
        SettingsStore s = store();
        assertEquals("p", s.load().lastProfileId());
        assertTrue(s.loadProblem().orElseThrow().contains("newer version"));
        assertTrue(Files.readString(dir.resolve("settings.json.v7-backup")).contains("dark"));
    }

    @Test
    void aKnownSecretIsNeverWrittenToTheFile() {
        String secret = "LeakedSecretValue0123456789abcdefGHIJKLMN";
        Redactor.registerSecret(secret);
        try {
            SettingsStore s = store();
            Settings bad = Settings.empty().withProfile(huawei("a").withLabel(secret));
            assertThrows(IllegalStateException.class, () -> s.save(bad));
            assertFalse(Files.exists(dir.resolve("settings.json")));
        } finally {
            Redactor.forgetSecret(secret);
        }
    }

    @Test
    void anUnknownKindSkipsOnlyThatProfileNamesItAndKeepsItOnEverySave() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\":1,\"profiles\":["
                + "{\"id\":\"p1\",\"label\":\"ops-prod\",\"kind\":\"azure\",\"temporary\":false},"
                + "{\"id\":\"p2\",\"label\":\"ok\",\"kind\":\"HUAWEI\",\"temporary\":false}],"
                + "\"tables\":{\"volumes\":{\"widths\":{\"name\":null}}},\"window\":{\"x\":\"left\",\"width\":900}}");
        SettingsStore s = store();
        assertEquals(List.of("p2"), s.load().profiles().stream().map(Profile::id).toList());
        assertEquals(List.of("The profile 'ops-prod' could not be read (kind 'azure' is unknown) and was left as it "
                        + "is in settings.json.",
                "The layout of the table 'volumes' could not be read (a value is missing or not allowed) and "
                        + "was left as it is in settings.json.",
                "The window position and size could not be read (x is missing or of the wrong type) and were left "
                        + "as they are in settings.json."), s.loadProblems());
        s.update(x -> x.withLastProfileId("p2"));
        String written = Files.readString(dir.resolve("settings.json"));
        assertTrue(written.contains("\"azure\"") && written.contains("\"left\""), written);
        assertEquals(3, store().loadProblems().size());
    }

    @Test
    void aCurrentFileWithoutAVersionIsReadNotEmptiedAndLeftAsItIs() throws Exception {
        String text = "{\"profiles\":[{\"id\":\"p2\",\"label\":\"ok\",\"kind\":\"HUAWEI\",\"temporary\":false}],"
                + "\"lastProfileId\":\"p2\"}";
        Files.writeString(dir.resolve("settings.json"), text);
        SettingsStore s = store();
        assertEquals("p2", s.load().lastProfileId());
        assertEquals(1, s.load().profiles().size());
        assertTrue(s.loadProblem().orElseThrow().contains("no format version"), s.loadProblem().orElseThrow());
        assertFalse(s.loadProblem().orElseThrow().contains("updated"));
        assertEquals(text, Files.readString(dir.resolve("settings.json")));
    }

    @Test
    void aMigrationThatCannotWriteItsBackupKeepsTheSettingsInMemoryAndTheFileInPlace() throws Exception {
        Path file = dir.resolve("settings.json");
        try (InputStream in = getClass().getResourceAsStream("settings-v0.json")) {
            Files.copy(in, file);
        }
        byte[] old = Files.readAllBytes(file);
        // The backup's place is taken by a folder: writing it fails as on a full or read-only disk.
        Files.createDirectories(dir.resolve("settings.json.v0-backup/occupied"));
        SettingsStore s = store();
        assertEquals(2, s.load().profiles().size());
        assertTrue(s.loadProblem().orElseThrow().contains("the file was left as it is"), s.loadProblem().orElseThrow());
        assertFalse(s.loadProblem().orElseThrow().contains("have been updated"));
        assertEquals(List.of("settings.json", "settings.json.v0-backup"), names());
        org.junit.jupiter.api.Assertions.assertArrayEquals(old, Files.readAllBytes(file));
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedOnLoadAndOthersAreNot() throws Exception {
        Files.writeString(dir.resolve("settings.json.123456789.tmp"), "{");
        Files.writeString(dir.resolve("other.json.42.tmp"), "{");
        store().load();
        assertEquals(List.of("other.json.42.tmp"), names());
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
