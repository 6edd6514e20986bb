package io.expanse.domain.nas;

import io.expanse.text.Texts;
import io.expanse.domain.resize.NewSizeParser;
import io.expanse.domain.resize.ParsedSize;

/**
 * Parses a capacity in GB with the shared {@link NewSizeParser} (whole GB, optional unit, full-width digits,
 * decimals and signs refused with a sentence) and maps its outcome to {@link NasRule}s. The one disk-specific
 * message (a number far above any disk) is replaced with a NAS one.
 */
public final class CapacityParser {

    private CapacityParser() {
    }

    /** The parsed capacity, or a refusal with the rule and the operator sentence. */
    public static UpgradeDecision parse(String text, CapacityRules rules) {
        ParsedSize p = NewSizeParser.parse(text, Texts.get("size.noun.capacity"));
        if (p.ok()) {
            return UpgradeDecision.allow(p.gb());
        }
        return switch (p.rule()) {
            case SIZE_MISSING -> UpgradeDecision.deny(NasRule.CAPACITY_MISSING,
                    NewSizeParser.missing(Texts.get("size.noun.targetCapacity")), -1);
            case SIZE_DECIMAL -> UpgradeDecision.deny(NasRule.CAPACITY_DECIMAL, p.error(), -1);
            case SIZE_NOT_POSITIVE -> UpgradeDecision.deny(NasRule.CAPACITY_NOT_POSITIVE,
                    NewSizeParser.parse(text, Texts.get("size.noun.targetCapacity")).error(), -1);
            case SIZE_OVER_DATA_LIMIT, SIZE_OVER_SYSTEM_LIMIT -> UpgradeDecision.deny(NasRule.CAPACITY_OVER_MAXIMUM,
                    Texts.get("nas.capacity.farAbove", Long.toString(rules.maxGb())), -1);
            default -> UpgradeDecision.deny(NasRule.CAPACITY_NOT_A_NUMBER, p.error(), -1);
        };
    }
}
