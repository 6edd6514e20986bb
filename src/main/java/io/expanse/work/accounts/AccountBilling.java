package io.expanse.work.accounts;

import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import java.util.Objects;

/**
 * The billing side of an opened Huawei account: the price, order and batch calls, and the address of the Billing
 * Center page where the operator's orders awaiting payment are listed, on the account's site.
 *
 * @param api              prices, subscriptions, order detail, pay, cancel, v5 batch expansion
 * @param billingCenterUrl the Billing Center's order list on the account's site (China or international)
 */
public record AccountBilling(EvsBillingApi api, String billingCenterUrl) {

    /** The order list of the China site's Billing Center. */
    public static final String CHINA_ORDERS = "https://account.huaweicloud.com/usercenter/#/userindex/allOrders";
    /** The order list of the international site's Billing Center. */
    public static final String INTERNATIONAL_ORDERS =
            "https://account-intl.huaweicloud.com/usercenter/#/userindex/allOrders";

    public AccountBilling {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(billingCenterUrl, "billingCenterUrl");
    }

    /**
     * The Billing Center of the site whose BSS host the account uses: the international one when the host is
     * {@code bss-intl…}, else China's (a private or sandbox endpoint counts as the China site).
     */
    public static String billingCenterFor(HuaweiEndpoints endpoints) {
        String host = endpoints.bss().getHost();
        return host != null && host.startsWith("bss-intl") ? INTERNATIONAL_ORDERS : CHINA_ORDERS;
    }
}
