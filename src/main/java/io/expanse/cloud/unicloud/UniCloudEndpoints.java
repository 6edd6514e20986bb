package io.expanse.cloud.unicloud;

import java.net.URI;
import java.util.Objects;

/**
 * Base URLs of the two UniCloud services Expanse uses (reference §0, §4).
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

    /** Both services under one base ({@code <base>/openapi/nas}, {@code <base>/transaction}), e.g. the sandbox. */
    public static UniCloudEndpoints under(URI base) {
        String b = base.toString().replaceAll("/+$", "");
        return new UniCloudEndpoints(URI.create(b + "/openapi/nas"), URI.create(b + "/transaction"));
    }
}
