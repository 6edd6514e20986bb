package io.expanse.cloud.unicloud;

import java.util.Objects;

/** A UniCloud AccessKey pair. {@link #toString()} never shows the secret. */
public record UniCloudCredentials(String accessKeyId, String accessKeySecret) {

    public UniCloudCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        if (accessKeyId.isBlank() || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException("the AccessKey id and secret must not be blank");
        }
    }

    @Override
    public String toString() {
        String masked = accessKeyId.length() <= 4 ? "****" : accessKeyId.substring(0, 4) + "****";
        return "UniCloudCredentials[accessKeyId=" + masked + "]";
    }
}
