package io.expanse.settings;

import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiEndpoints;

/**
 * A Huawei Cloud account ready to connect to: a profile's settings together with its credentials.
 *
 * @param projectId null to look it up through IAM from the region
 */
public record HuaweiAccount(String label, String region, String projectId, Credentials credentials,
                            HuaweiEndpoints endpoints) {

    /** The account of a Huawei profile with its credentials (see {@link ProfileRepository#huaweiCredentials}). */
    public static HuaweiAccount of(Profile profile, Credentials credentials) {
        if (profile.kind() != Profile.Kind.HUAWEI) {
            throw new IllegalArgumentException("not a Huawei profile: " + profile.id());
        }
        return new HuaweiAccount(profile.label(), profile.region(), profile.projectId(), credentials,
                profile.huaweiEndpoints());
    }
}
