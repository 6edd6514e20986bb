package io.expanse.domain.nas;

import io.expanse.text.Texts;
import java.util.Objects;

/**
 * Decides whether a NAS resource pack may be upgraded, and to which capacity, before any API call. Checked in this
 * order, the first failure wins: an upgrade of the pack already in flight; the text (whole GB, positive); strictly
 * larger than the current capacity (packs cannot shrink); within {@link CapacityRules}. Stateless and thread-safe.
 */
public final class UpgradePolicy {

    private final CapacityRules rules;

    public UpgradePolicy() {
        this(CapacityRules.DEFAULT);
    }

    public UpgradePolicy(CapacityRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public CapacityRules rules() {
        return rules;
    }

    /** Parses {@code text}, then checks it. */
    public UpgradeDecision check(UpgradeContext ctx, String text) {
        Objects.requireNonNull(ctx, "ctx");
        UpgradeDecision flight = inFlight(ctx);
        if (flight != null) {
            return flight;
        }
        UpgradeDecision parsed = CapacityParser.parse(text, rules);
        return parsed.allowed() ? check(ctx, parsed.targetGb()) : parsed;
    }

    /** Checks an already parsed target. */
    public UpgradeDecision check(UpgradeContext ctx, long targetGb) {
        Objects.requireNonNull(ctx, "ctx");
        UpgradeDecision flight = inFlight(ctx);
        if (flight != null) {
            return flight;
        }
        String name = ctx.name();
        long current = ctx.currentCapacityGb();
        if (targetGb <= 0) {
            return UpgradeDecision.deny(NasRule.CAPACITY_NOT_POSITIVE, Texts.get("nas.refused.notPositive",
                    Long.toString(targetGb)), targetGb);
        }
        if (targetGb <= current) {
            String refusal = targetGb == current
                    ? Texts.get("nas.refused.sameCapacity", name, Long.toString(current))
                    : Texts.get("nas.refused.smaller", Long.toString(targetGb), name, Long.toString(current));
            long next = rules.nextAbove(current);
            return UpgradeDecision.deny(NasRule.CAPACITY_NOT_LARGER, Texts.sentences(refusal, next > 0
                    ? Texts.get("nas.refused.next", Long.toString(next)) : ""), targetGb);
        }
        if (targetGb > rules.maxGb()) {
            return UpgradeDecision.deny(NasRule.CAPACITY_OVER_MAXIMUM, Texts.get("nas.refused.tooLarge",
                    Long.toString(targetGb), Long.toString(rules.maxGb())), targetGb);
        }
        if (!rules.allows(targetGb)) {
            long lower = targetGb / rules.stepGb() * rules.stepGb();
            long upper = lower + rules.stepGb();
            boolean lowerOk = lower > current;
            boolean upperOk = upper <= rules.maxGb();
            String options = lowerOk && upperOk
                    ? Texts.get("nas.options.either", Long.toString(lower), Long.toString(upper))
                    : lowerOk ? Texts.gb(lower) : upperOk ? Texts.gb(upper) : "";
            return UpgradeDecision.deny(NasRule.CAPACITY_NOT_OFFERED, options.isEmpty()
                    ? Texts.get("nas.refused.notOffered", Long.toString(targetGb), rules.describe())
                    : Texts.get("nas.refused.notOfferedExample", Long.toString(targetGb), rules.describe(), options),
                    targetGb);
        }
        return UpgradeDecision.allow(targetGb);
    }

    private static UpgradeDecision inFlight(UpgradeContext ctx) {
        return ctx.upgradeInFlight() ? UpgradeDecision.deny(NasRule.UPGRADE_IN_FLIGHT,
                Texts.get("nas.refused.inFlight", ctx.name()), -1) : null;
    }
}
