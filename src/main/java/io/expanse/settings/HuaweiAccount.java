package io.expanse.settings;

import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A real Huawei Cloud account to connect to. Until profiles exist, the only source is the official SDK's
 * environment variables, which operators of the SDK, KooCLI or Terraform already have set:
 * {@code HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_SK}, optionally {@code HUAWEICLOUD_SDK_SECURITY_TOKEN} and
 * {@code HUAWEICLOUD_SDK_PROJECT_ID}; the region comes from {@code EXPANSE_REGION} (the SDK has no region
 * variable), and {@code EXPANSE_HUAWEI_ENDPOINT} points every service at one gateway (private deployments).
 *
 * @param projectId null to look it up through IAM from the region
 */
public record HuaweiAccount(String label, String region, String projectId, Credentials credentials,
                            HuaweiEndpoints endpoints) {

    public static Optional<HuaweiAccount> fromEnvironment(Map<String, String> env) {
        String ak = blankToNull(env.get("HUAWEICLOUD_SDK_AK"));
        String sk = blankToNull(env.get("HUAWEICLOUD_SDK_SK"));
        String region = blankToNull(env.get("EXPANSE_REGION"));
        if (ak == null || sk == null || region == null) {
            return Optional.empty();
        }
        String endpoint = blankToNull(env.get("EXPANSE_HUAWEI_ENDPOINT"));
        boolean intl = "intl".equalsIgnoreCase(env.get("EXPANSE_HUAWEI_SITE"));
        HuaweiEndpoints endpoints = endpoint != null
                ? HuaweiEndpoints.single(URI.create(endpoint))
                : HuaweiEndpoints.forRegion(region, intl);
        Credentials creds = new Credentials(ak, sk, blankToNull(env.get("HUAWEICLOUD_SDK_SECURITY_TOKEN")));
        return Optional.of(new HuaweiAccount("Environment (HUAWEICLOUD_SDK_AK)", region,
                blankToNull(env.get("HUAWEICLOUD_SDK_PROJECT_ID")), creds, endpoints));
    }

    /** The account of a Huawei profile with its credentials (see {@link ProfileRepository#huaweiCredentials}). */
    public static HuaweiAccount of(Profile profile, Credentials credentials) {
        if (profile.kind() != Profile.Kind.HUAWEI) {
            throw new IllegalArgumentException("not a Huawei profile: " + profile.id());
        }
        return new HuaweiAccount(profile.label(), profile.region(), profile.projectId(), credentials,
                profile.huaweiEndpoints());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
