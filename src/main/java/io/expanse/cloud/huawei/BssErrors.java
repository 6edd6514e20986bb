package io.expanse.cloud.huawei;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import java.util.Map;

/**
 * Operator sentences for the billing center's (BSS) {@code CBC.*} codes, which answer in the body shape
 * {@code {"error_code":"CBC.xxxx","error_msg":"…"}}. {@link HuaweiErrors} reads the body; this table gives the codes
 * of the price, order, pay and cancel calls their meaning. Sources: the BSS customer-operations API reference
 * (pay order, cancel order, rating and subscription pages, 2024–2025); codes not listed keep the generic sentence
 * with the service's own message.
 */
public final class BssErrors {

    /** BSS code → kind and operator sentence. */
    public static final Map<String, HuaweiErrors.Meaning> CODES = Map.ofEntries(
            entry("CBC.0100", Kind.REJECTED),
            entry("CBC.0101", Kind.REJECTED),
            entry("CBC.0151", Kind.PERMISSION),
            entry("CBC.0156", Kind.PERMISSION),
            entry("CBC.0999", Kind.SERVER),
            entry("CBC.30000010", Kind.NOT_FOUND),
            entry("CBC.30050010", Kind.REJECTED),
            entry("CBC.99000088", Kind.REJECTED),
            entry("CBC.99000089", Kind.REJECTED),
            entry("CBC.99003106", Kind.REJECTED),
            entry("CBC.99003110", Kind.REJECTED),
            entry("CBC.99003141", Kind.REJECTED),
            entry("CBC.99003155", Kind.REJECTED),
            entry("CBC.99003198", Kind.REJECTED),
            entry("CBC.99005003", Kind.REJECTED),
            entry("CBC.99005010", Kind.REJECTED),
            entry("CBC.99006006", Kind.REJECTED),
            entry("CBC.99006050", Kind.REJECTED),
            entry("CBC.99006055", Kind.REJECTED),
            entry("CBC.99008040", Kind.THROTTLED),
            entry("CBC.99008056", Kind.REJECTED));

    private BssErrors() {
    }

    private static Map.Entry<String, HuaweiErrors.Meaning> entry(String code, Kind kind) {
        return Map.entry(code, new HuaweiErrors.Meaning(kind, "cloud.bss.error." + code));
    }

    /** The meaning of a BSS code, or null when it is not in the table. */
    public static HuaweiErrors.Meaning describe(String code) {
        return code == null ? null : CODES.get(code);
    }

    /**
     * The same failure with the BSS code's kind and sentence when the code is in {@link #CODES}; otherwise
     * {@code e} itself. Status, code, server message, request id and skew are kept.
     */
    public static ApiException relabel(ApiException e) {
        HuaweiErrors.Meaning meaning = describe(e.code());
        if (meaning == null) {
            return e;
        }
        return new ApiException(meaning.kind(), e.httpStatus(), e.code(), e.serverMessage(), e.requestId(),
                meaning.sentence(), e.clockSkew(), e.getCause());
    }
}
