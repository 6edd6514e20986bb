package io.expanse.work.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.cloud.huawei.HuaweiEndpoints;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The Billing Center link follows the account's site, as its BSS host tells it. */
class AccountBillingTest {

    private static HuaweiEndpoints withBss(String bss) {
        URI any = URI.create("https://evs.cn-north-4.myhuaweicloud.com");
        return new HuaweiEndpoints(any, any, any, URI.create(bss));
    }

    @Test
    void theInternationalSiteGetsItsOwnBillingCenter() {
        assertEquals(AccountBilling.INTERNATIONAL_ORDERS,
                AccountBilling.billingCenterFor(withBss("https://bss-intl.myhuaweicloud.com")));
    }

    @Test
    void theChinaSiteAndPrivateEndpointsGetChinas() {
        assertEquals(AccountBilling.CHINA_ORDERS,
                AccountBilling.billingCenterFor(withBss("https://bss.myhuaweicloud.com")));
        assertEquals(AccountBilling.CHINA_ORDERS, AccountBilling.billingCenterFor(withBss("http://127.0.0.1:8443")));
    }
}
