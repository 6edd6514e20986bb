package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkProfilesTest {

    @TempDir
    Path home;

    @Test
    void environmentVariablesBecomeAReadOnlyProfile() {
        SdkProfiles.Discovery d = SdkProfiles.discover(Map.of("HUAWEICLOUD_SDK_AK", "HPUAENVIRONMENTAK001",
                "HUAWEICLOUD_SDK_SK", "EnvSecretKey0123456789abcdefGHIJKLMNOPQR", "HUAWEICLOUD_SDK_SECURITY_TOKEN",
                "tok-123456", "HUAWEICLOUD_SDK_PROJECT_ID", "0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c",
                "EXPANSE_REGION", "cn-north-4"), home);
        assertEquals(1, d.found().size());
        SdkProfiles.Found f = d.found().get(0);
        assertEquals(SdkProfiles.ENV_ID, f.profile().id());
        assertEquals(Profile.Source.SDK_ENV, f.profile().source());
        assertTrue(f.profile().readOnlyCredentials());
        assertTrue(f.profile().temporary());
        assertEquals("cn-north-4", f.profile().region());
        assertEquals("tok-123456", f.credentials().securityToken());
        assertTrue(f.profile().problems().isEmpty(), f.profile().problems().toString());
    }

    @Test
    void credentialsFileSectionsBecomeProfilesAndUnusableOnesAreExplained() throws Exception {
        Path file = home.resolve(".huaweicloud").resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                # SDK credentials
                [default]
                ak = HPUAFILEDEFAULTAK001
                sk = FileSecretKey0123456789abcdefGHIJKLMNOPQ
                project_id = 0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c
                iam_endpoint = https://iam.cn-north-4.myhuaweicloud.com

                [federated]
                idp_id = my-idp
                id_token_file = /tmp/token
                """);
        SdkProfiles.Discovery d = SdkProfiles.discover(Map.of(), home);
        assertEquals(1, d.found().size());
        Profile p = d.found().get(0).profile();
        assertEquals("sdk-file:default", p.id());
        assertEquals("https://iam.cn-north-4.myhuaweicloud.com", p.endpoints().get("iam"));
        assertNull(p.region(), "the SDK has no region: the operator picks one");
        assertEquals(List.of("Choose a region."), p.problems());
        assertEquals(1, d.problems().size());
        assertTrue(d.problems().get(0).contains("federated"), d.problems().get(0));
    }

    @Test
    void aCredentialsFileNamedByTheEnvironmentMustHaveAnAllowedName() throws Exception {
        Path good = home.resolve("team creds.ini");
        Files.writeString(good, "[ops]\nak=HPUAOPSAK00000000001\nsk=OpsSecretKey0123456789abcdefGHIJKLMNOPQR\n");
        assertEquals("sdk-file:ops", SdkProfiles.discover(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE",
                good.toString()), home).found().get(0).profile().id());
        Path bad = home.resolve("creds.txt");
        Files.writeString(bad, "[ops]\nak=A\nsk=B\n");
        SdkProfiles.Discovery d = SdkProfiles.discover(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", bad.toString()),
                home);
        assertTrue(d.found().isEmpty());
        assertEquals(1, d.problems().size());
    }

    @Test
    void operatorEditsToAnSdkProfileAreSavedWithoutItsSecrets() throws Exception {
        String sk = "EnvSecretKey0123456789abcdefGHIJKLMNOPQR";
        SdkProfiles.Discovery d = SdkProfiles.discover(Map.of("HUAWEICLOUD_SDK_AK", "HPUAENVIRONMENTAK001",
                "HUAWEICLOUD_SDK_SK", sk), home);
        SettingsStore store = new SettingsStore(home.resolve("cfg/settings.json"), Clock.systemUTC());
        ProfileRepository repo = new ProfileRepository(store, new SessionSecretStore(), d);
        Profile p = repo.all().get(0);
        repo.save(p.withRegion("ap-southeast-3").withLabel("From env"), "ignored-secret-value", null);
        Profile merged = new ProfileRepository(store, new SessionSecretStore(), d).find(SdkProfiles.ENV_ID)
                .orElseThrow();
        assertEquals("ap-southeast-3", merged.region());
        assertEquals("From env", merged.label());
        assertEquals(Profile.Source.SDK_ENV, merged.source());
        assertEquals(sk, repo.huaweiCredentials(merged).orElseThrow().secretKey());
        String file = Files.readString(store.file());
        assertFalse(file.contains(sk));
        assertFalse(file.contains("ignored-secret-value"));
    }
}
