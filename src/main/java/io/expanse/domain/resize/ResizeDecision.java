package io.expanse.domain.resize;

/**
 * The verdict on a resize. Allowed ⇔ {@code failedRule == null} ⇔ {@code reason == null}.
 *
 * @param reason     an operator sentence naming the volume and the facts, or null when allowed
 * @param newSizeGb  the parsed new size, or -1 when there is none (volume-only check, or the text was refused)
 */
public record ResizeDecision(boolean allowed, Rule failedRule, String reason, long newSizeGb) {

    public ResizeDecision {
        if (allowed != (failedRule == null) || allowed != (reason == null)) {
            throw new IllegalArgumentException("allowed needs failedRule == null and reason == null, refused needs both");
        }
    }

    public static ResizeDecision allow(long newSizeGb) {
        return new ResizeDecision(true, null, null, newSizeGb);
    }

    public static ResizeDecision deny(Rule rule, String reason, long newSizeGb) {
        return new ResizeDecision(false, rule, reason, newSizeGb);
    }
}
