package io.expanse.cloud.huawei;

import java.util.Objects;

/**
 * An AK/SK pair, optionally temporary (with a security token). {@link #toString()} never shows the secret.
 */
public record Credentials(String accessKey, String secretKey, String securityToken) {

    public Credentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (securityToken != null && securityToken.isBlank()) {
            securityToken = null;
        }
    }

    public static Credentials permanent(String ak, String sk) {
        return new Credentials(ak, sk, null);
    }

    public boolean temporary() {
        return securityToken != null;
    }

    @Override
    public String toString() {
        String masked = accessKey.length() <= 4 ? "****" : accessKey.substring(0, 4) + "****";
        return "Credentials[ak=" + masked + (temporary() ? ", temporary" : "") + "]";
    }
}
