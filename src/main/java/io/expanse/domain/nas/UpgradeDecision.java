package io.expanse.domain.nas;

/**
 * The verdict on a pack upgrade. Allowed ⇔ {@code failedRule == null} ⇔ {@code reason == null}.
 *
 * @param targetGb the parsed target capacity, or -1 when the text was refused
 */
public record UpgradeDecision(boolean allowed, NasRule failedRule, String reason, long targetGb) {

    public UpgradeDecision {
        if (allowed != (failedRule == null) || allowed != (reason == null)) {
            throw new IllegalArgumentException("allowed needs no rule and no reason; refused needs both");
        }
    }

    public static UpgradeDecision allow(long targetGb) {
        return new UpgradeDecision(true, null, null, targetGb);
    }

    public static UpgradeDecision deny(NasRule rule, String reason, long targetGb) {
        return new UpgradeDecision(false, rule, reason, targetGb);
    }
}
