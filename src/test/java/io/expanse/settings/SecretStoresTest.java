package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyring choice and fallback, with fake keyrings: no test needs a real one. */
class SecretStoresTest {

    /** A working keyring in memory. */
    static class MapKeyring implements KeyringSecretStore.Backend {
        final Map<String, String> entries = new ConcurrentHashMap<>();

        @Override
        public String get(String service, String account) throws Exception {
            String v = entries.get(service + "/" + account);
            if (v == null) {
                throw new Exception("not found");
            }
            return v;
        }

        @Override
        public void set(String service, String account, String secret) {
            entries.put(service + "/" + account, secret);
        }

        @Override
        public void delete(String service, String account) {
            entries.remove(service + "/" + account);
        }
    }

    @TempDir
    Path dir;

    @Test
    void aWorkingKeyringIsChosenAndTheProbeLeavesNothingBehind() {
        MapKeyring keyring = new MapKeyring();
        SecretStores.Choice choice = SecretStores.choose(() -> keyring, Duration.ofSeconds(2));
        assertTrue(choice.keyringAvailable());
        assertNull(choice.notice());
        assertTrue(keyring.entries.isEmpty());
        choice.store().put("profile/p/secret", "s3cretValue");
        assertEquals("Expanse/profile/p/secret", keyring.entries.keySet().iterator().next());
        assertEquals("s3cretValue", choice.store().get("profile/p/secret").orElseThrow());
        choice.store().delete("profile/p/secret");
        assertTrue(choice.store().get("profile/p/secret").isEmpty());
    }

    @Test
    void noKeyringServiceFallsBackToThisRunOnlyAndSaysSo() {
        SecretStores.Choice choice = SecretStores.choose(() -> {
            throw new IllegalStateException("no D-Bus session");
        }, Duration.ofSeconds(2));
        assertFalse(choice.keyringAvailable());
        assertTrue(choice.store() instanceof SessionSecretStore);
        assertTrue(choice.notice().contains("No keyring"), choice.notice());
        assertTrue(choice.notice().contains("this run only"), choice.notice());
    }

    @Test
    void aKeyringThatRefusesWritesOrLiesOrHangsIsUnavailable() {
        KeyringSecretStore.Backend refusing = new MapKeyring() {
            @Override
            public void set(String service, String account, String secret) {
                throw new SecurityException("locked");
            }
        };
        assertFalse(SecretStores.choose(() -> refusing, Duration.ofSeconds(2)).keyringAvailable());
        KeyringSecretStore.Backend lying = new MapKeyring() {
            @Override
            public String get(String service, String account) {
                return "something else";
            }
        };
        assertFalse(SecretStores.choose(() -> lying, Duration.ofSeconds(2)).keyringAvailable());
        SecretStores.Choice hanging = SecretStores.choose(() -> {
            Thread.sleep(10_000);
            return new MapKeyring();
        }, Duration.ofMillis(200));
        assertFalse(hanging.keyringAvailable());
        assertTrue(hanging.notice().contains("did not answer"));
    }

    @Test
    void secretsGoToTheStoreAndNeverIntoTheSettingsFile() throws Exception {
        MapKeyring keyring = new MapKeyring();
        SecretStore store = SecretStores.choose(() -> keyring, Duration.ofSeconds(2)).store();
        SettingsStore settings = new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC());
        ProfileRepository repo = new ProfileRepository(settings, store, new SdkProfiles.Discovery(List.of(),
                List.of()));
        Profile p = new Profile("p1", "Prod", Profile.Kind.HUAWEI, Profile.Source.SETTINGS, "cn-north-4", null, null,
                null, "HPUAEXAMPLEAK0000001", true, Map.of());
        String sk = "KeyringSecretKey0123456789abcdefGHIJKLMN";
        String token = "TemporaryToken-0123456789-abcdef";
        repo.save(p, sk, token);
        String file = Files.readString(settings.file());
        assertFalse(file.contains(sk));
        assertFalse(file.contains(token));
        assertEquals(new Credentials("HPUAEXAMPLEAK0000001", sk, token), repo.huaweiCredentials(p).orElseThrow());
        assertEquals(2, keyring.entries.size());

        repo.save(p.withLabel("Renamed"), null, null);
        assertEquals(sk, repo.huaweiCredentials(p).orElseThrow().secretKey(), "null keeps the stored secret");
        repo.delete("p1");
        assertTrue(keyring.entries.isEmpty(), "deleting the profile deletes its secrets");
        assertTrue(repo.all().isEmpty());
    }

    @Test
    void theSessionStoreForgetsOnRestart() {
        SessionSecretStore run1 = new SessionSecretStore();
        run1.put("k", "value123");
        assertEquals("value123", run1.get("k").orElseThrow());
        assertFalse(run1.persistent());
        assertTrue(new SessionSecretStore().get("k").isEmpty());
    }
}
