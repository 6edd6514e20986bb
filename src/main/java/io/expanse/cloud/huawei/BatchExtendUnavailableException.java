package io.expanse.cloud.huawei;

import io.expanse.cloud.ApiException;

/**
 * The region does not serve the v5 batch expansion (the gateway answered 404 {@code APIGW.0101}): nothing was
 * expanded, and the caller should expand the disks one by one with the v2.1 resize instead. Its kind is
 * {@link Kind#NOT_FOUND}; being this type is what tells it apart from a disk that was not found.
 */
public final class BatchExtendUnavailableException extends ApiException {

    private static final long serialVersionUID = 1L;

    BatchExtendUnavailableException(ApiException cause) {
        super(Kind.NOT_FOUND, cause.httpStatus(), cause.code(), cause.serverMessage(), cause.requestId(),
                io.expanse.text.Texts.get("cloud.huawei.batchUnavailable"), cause.clockSkew(), cause);
    }
}
