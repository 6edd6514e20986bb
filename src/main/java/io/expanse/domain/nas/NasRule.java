package io.expanse.domain.nas;

/** The rule an upgrade request failed, in the order {@link UpgradePolicy} checks them. */
public enum NasRule {
    UPGRADE_IN_FLIGHT,
    CAPACITY_MISSING,
    CAPACITY_NOT_A_NUMBER,
    CAPACITY_DECIMAL,
    CAPACITY_NOT_POSITIVE,
    CAPACITY_NOT_LARGER,
    CAPACITY_NOT_OFFERED,
    CAPACITY_OVER_MAXIMUM
}
