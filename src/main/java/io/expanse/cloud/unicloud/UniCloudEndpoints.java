package io.expanse.cloud.unicloud;

import java.net.URI;
import java.util.Objects;

/**
 * Base URLs of the two UniCloud services Expanse uses (UniCloud's NAS OpenAPI, and its transaction service for orders).
 *
 * @param nas         NAS OpenAPI ({@code UpGradeResourcePack})
 * @param transaction orders ({@code OrderDetail}, {@code QueryOrders})
 */
public record UniCloudEndpoints(URI nas, URI transaction) {

    public static final URI PUBLIC_NAS = URI.create("https://api.unicloud.com/openapi/nas");
    public static final URI PUBLIC_TRANSACTION = URI.create("https://api.unicloud.com/transaction");

    public UniCloudEndpoints {
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(transaction, "transaction");
    }

    /** The public cloud. */
    public static UniCloudEndpoints publicCloud() {
        return new UniCloudEndpoints(PUBLIC_NAS, PUBLIC_TRANSACTION);
    }

    /**
     * The endpoints of a profile's {@code nas} override: a private deployment's base URL, or its NAS URL ending in
     * {@code /openapi/nas}; either way the transaction service is {@code <base>/transaction}. Null or blank: the
     * public cloud.
     */
    public static UniCloudEndpoints fromOverride(String override) {
        if (override == null || override.isBlank()) {
            return publicCloud();
        }
        String base = override.strip().replaceAll("/+$", "");
        if (base.endsWith("/openapi/nas")) {
            base = base.substring(0, base.length() - "/openapi/nas".length());
        }
        return under(URI.create(base));
    }

    /** Both services under one base ({@code <base>/openapi/nas}, {@code <base>/transaction}), e.g. the sandbox. */
    public static UniCloudEndpoints under(URI base) {
        String b = base.toString().replaceAll("/+$", "");
        return new UniCloudEndpoints(URI.create(b + "/openapi/nas"), URI.create(b + "/transaction"));
    }
}
