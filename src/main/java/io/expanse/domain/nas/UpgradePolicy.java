package io.expanse.domain.nas;

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
            return UpgradeDecision.deny(NasRule.CAPACITY_NOT_POSITIVE,
                    "The target capacity must be a positive whole number of GB, not " + targetGb + ".", targetGb);
        }
        if (targetGb <= current) {
            String facts = targetGb == current ? name + " already has " + current + " GB"
                    : targetGb + " GB is smaller than the current capacity of " + name + " (" + current + " GB)";
            long next = rules.nextAbove(current);
            return UpgradeDecision.deny(NasRule.CAPACITY_NOT_LARGER, facts + "; the target must be larger, as packs"
                    + " cannot be shrunk." + (next > 0 ? " The next allowed capacity is " + next + " GB." : ""),
                    targetGb);
        }
        if (targetGb > rules.maxGb()) {
            return UpgradeDecision.deny(NasRule.CAPACITY_OVER_MAXIMUM, targetGb + " GB is above the largest capacity"
                    + " Expanse allows for a pack (" + rules.maxGb() + " GB).", targetGb);
        }
        if (!rules.allows(targetGb)) {
            long lower = targetGb / rules.stepGb() * rules.stepGb();
            long upper = lower + rules.stepGb();
            String options = (lower > current ? lower + " GB or " : "") + (upper <= rules.maxGb() ? upper + " GB" : "");
            return UpgradeDecision.deny(NasRule.CAPACITY_NOT_OFFERED, targetGb + " GB is not an offered capacity: "
                    + "use " + rules.describe() + (options.isEmpty() ? "." : ", e.g. " + options + "."), targetGb);
        }
        return UpgradeDecision.allow(targetGb);
    }

    private static UpgradeDecision inFlight(UpgradeContext ctx) {
        return ctx.upgradeInFlight() ? UpgradeDecision.deny(NasRule.UPGRADE_IN_FLIGHT,
                "An upgrade of " + ctx.name() + " is already in progress; wait for its order to be paid or cancelled.",
                -1) : null;
    }
}
