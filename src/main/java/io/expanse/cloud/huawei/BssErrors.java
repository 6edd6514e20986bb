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
            entry("CBC.0100", Kind.REJECTED, "The billing center found a parameter of the request invalid."),
            entry("CBC.0101", Kind.REJECTED, "The billing center found a parameter of the request invalid."),
            entry("CBC.0151", Kind.PERMISSION, "The billing center denied access: the IAM user needs billing "
                    + "permissions (for example billing:order:view, billing:order:pay)."),
            entry("CBC.0156", Kind.PERMISSION, "The billing center denied access: the account does not belong to "
                    + "this site (China or international); check the site in the profile."),
            entry("CBC.0999", Kind.SERVER, "The billing center had an internal error; try again later."),
            entry("CBC.30000010", Kind.NOT_FOUND, "The order does not exist, or it cannot be operated on."),
            entry("CBC.30050010", Kind.REJECTED, "The disk is part of an order that is still awaiting payment; pay "
                    + "or cancel that order first."),
            entry("CBC.99000088", Kind.REJECTED, "The payment of this order is already being processed; wait for it "
                    + "instead of paying again."),
            entry("CBC.99000089", Kind.REJECTED, "This order is part of a combined transaction and must be paid or "
                    + "cancelled through its combined order number in the Huawei Cloud console."),
            entry("CBC.99003106", Kind.REJECTED, "The order's status has changed (it was already paid or cancelled), "
                    + "so it cannot be paid."),
            entry("CBC.99003110", Kind.REJECTED, "The payment deadline of the order has passed; submit the expansion "
                    + "again."),
            entry("CBC.99003141", Kind.REJECTED, "The cloud service's quota or capacity is insufficient, or the "
                    + "specification changed; the order cannot be paid."),
            entry("CBC.99003155", Kind.REJECTED, "The enterprise project's funds quota is insufficient, or the project "
                    + "is unavailable."),
            entry("CBC.99003198", Kind.REJECTED, "The enterprise organisation's budget is insufficient."),
            entry("CBC.99005003", Kind.REJECTED, "The account balance is insufficient to pay the order; top up the "
                    + "account, then pay again."),
            entry("CBC.99005010", Kind.REJECTED, "The order's status does not allow cancelling it (it was already "
                    + "paid, completed or cancelled)."),
            entry("CBC.99006006", Kind.REJECTED, "The billing center knows no product for this disk type, size or "
                    + "region, so it cannot give a price."),
            entry("CBC.99006050", Kind.REJECTED, "The billing center refused the usage unit of the price request."),
            entry("CBC.99006055", Kind.REJECTED, "The price would exceed the billing center's largest amount."),
            entry("CBC.99008040", Kind.THROTTLED, "The billing center is refusing operations made too often; wait a "
                    + "moment and try again."),
            entry("CBC.99008056", Kind.REJECTED, "The account reached today's limit of new transactions."));

    private BssErrors() {
    }

    private static Map.Entry<String, HuaweiErrors.Meaning> entry(String code, Kind kind, String sentence) {
        return Map.entry(code, new HuaweiErrors.Meaning(kind, sentence));
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
