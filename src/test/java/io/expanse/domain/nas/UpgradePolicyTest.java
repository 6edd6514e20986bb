package io.expanse.domain.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpgradePolicyTest {

    private final UpgradePolicy policy = new UpgradePolicy();
    private final UpgradeContext pack = new UpgradeContext("pack-h58kdagr9vsf", "web", 100, false);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "200|NULL|200",
            "200GB|NULL|200",
            "'  300 gb '|NULL|300",
            "２００|NULL|200",
            "102400|NULL|102400",
            "''|CAPACITY_MISSING|-1",
            "0|CAPACITY_NOT_POSITIVE|-1",
            "-200|CAPACITY_NOT_POSITIVE|-1",
            "150.5|CAPACITY_DECIMAL|-1",
            "200.0|CAPACITY_DECIMAL|-1",
            "abc|CAPACITY_NOT_A_NUMBER|-1",
            "1TB|CAPACITY_NOT_A_NUMBER|-1",
            "50|CAPACITY_NOT_LARGER|50",
            "100|CAPACITY_NOT_LARGER|100",
            "150|CAPACITY_NOT_OFFERED|150",
            "102500|CAPACITY_OVER_MAXIMUM|102500",
            "99999999999|CAPACITY_OVER_MAXIMUM|-1"})
    void table(String text, NasRule rule, long target) {
        UpgradeDecision d = policy.check(pack, text);
        assertEquals(rule, d.failedRule(), String.valueOf(d.reason()));
        assertEquals(target, d.targetGb());
        assertEquals(rule == null, d.allowed());
    }

    @Test
    void inFlightWinsOverEverything() {
        UpgradeDecision d = policy.check(new UpgradeContext("pack-x1", null, 100, true), "200");
        assertEquals(NasRule.UPGRADE_IN_FLIGHT, d.failedRule());
        assertTrue(d.reason().contains("pack-x1"));
    }

    @Test
    void messagesNameTheFactsAndNoDisks() {
        String smaller = policy.check(pack, "50").reason();
        assertTrue(smaller.contains("100 GB") && smaller.contains("200 GB"), smaller);
        String offered = policy.check(pack, "150").reason();
        assertTrue(offered.contains("multiples of 100 GB"), offered);
        String far = policy.check(pack, "99999999999").reason();
        assertFalse(far.contains("disk"), far);
        assertTrue(far.contains("102400"), far);
    }

    @Test
    void customRulesAreUsed() {
        UpgradePolicy fine = new UpgradePolicy(new CapacityRules(1, 500));
        assertTrue(fine.check(pack, "101").allowed());
        assertEquals(NasRule.CAPACITY_OVER_MAXIMUM, fine.check(pack, "501").failedRule());
        assertEquals(200, CapacityRules.DEFAULT.nextAbove(100));
        assertEquals(-1, new CapacityRules(100, 200).nextAbove(200));
    }
}
