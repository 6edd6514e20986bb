package io.expanse.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void authorizationHeadersAreMaskedWhole() {
        String line = "Authorization: SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, "
                + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";
        String out = Redactor.redact(line);
        assertFalse(out.contains("QTWAOYTTINDUT2QVKYUC"), out);
        assertFalse(out.contains("7be6668032f7"), out);
        assertTrue(out.startsWith("Authorization: "), out);
    }

    @Test
    void tokensSignaturesAndSecretAssignmentsAreMasked() {
        assertEquals("X-Security-Token: ****", Redactor.redact("X-Security-Token: gQpjbi1ub3J0aC00"));
        assertEquals("{\"security_token\":\"****\"}", Redactor.redact("{\"security_token\":\"abc.def-ghi\"}"));
        assertEquals("https://nas.example/?Action=Describe&Signature=****&Version=1",
                Redactor.redact("https://nas.example/?Action=Describe&Signature=q%2Bx9Zk%3D&Version=1"));
        assertEquals("sk = ****", Redactor.redact("sk = hunter2hunter2"));
        assertEquals("password=****", Redactor.redact("password=letmein"));
    }

    @Test
    void accessKeyIdsKeepTheirFirstFourCharacters() {
        assertEquals("https://nas.example/?AccessKeyId=LTAI****&Action=x",
                Redactor.redact("https://nas.example/?AccessKeyId=LTAI5tQwErTy12345&Action=x"));
        assertEquals("ak: HPUA****", Redactor.redact("ak: HPUAEXAMPLEAK0000001"));
        assertEquals("LTAI****", Redactor.mask("LTAI5tQwErTy12345"));
        assertEquals("****", Redactor.mask("abc"));
    }

    @Test
    void fortyCharacterKeyLookalikesAreMaskedButDigestsAndWordsAreNot() {
        String sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
        assertEquals("key is ****.", Redactor.redact("key is " + sk + "."));
        String sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
        assertEquals("commit " + sha1, Redactor.redact("commit " + sha1));
        assertEquals("volume data-01 is now 200 GB", Redactor.redact("volume data-01 is now 200 GB"));
    }

    @Test
    void registeredSecretsAreMaskedAnywhere() {
        String secret = "short-but-registered";
        Redactor.registerSecret(secret);
        try {
            assertEquals("x****y", Redactor.redact("x" + secret + "y"));
            assertTrue(Redactor.containsKnownSecret("..." + secret));
        } finally {
            Redactor.forgetSecret(secret);
        }
        assertFalse(Redactor.containsKnownSecret("..." + secret));
    }

    @Test
    void sensitiveHeadersAreMaskedByName() {
        assertEquals("****", Redactor.header("authorization", "anything"));
        assertEquals("****", Redactor.header("X-Security-Token", "anything"));
        assertEquals("application/json", Redactor.header("Content-Type", "application/json"));
    }
}
