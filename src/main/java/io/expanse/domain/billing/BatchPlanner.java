package io.expanse.domain.billing;

import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.ResizeContext;
import io.expanse.domain.resize.ResizeDecision;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.domain.resize.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a batch target into one size per disk and checks each with {@link ResizePolicy}: the disks it allows are
 * planned, the others are listed with the policy's reason. A per-disk override (by volume id) replaces the batch
 * target for that disk. Planned disks are grouped into batches of at most {@value #MAX_BATCH}, on-demand and
 * yearly/monthly apart (what a mixed v5 batch returns is not documented). Stateless.
 */
public final class BatchPlanner {

    /** The most disks in one v5 batch-extend call. */
    public static final int MAX_BATCH = 60;

    private final ResizePolicy policy;

    public BatchPlanner(ResizePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param disks     the selected disks with what the policy needs to know of each
     * @param target    the batch's rule
     * @param overrides volume id → size in GB, for disks that get another size than the rule gives
     */
    public BatchPlan plan(List<ResizeContext> disks, BatchTarget target, Map<String, Long> overrides) {
        Objects.requireNonNull(target, "target");
        Map<String, Long> own = overrides == null ? Map.of() : overrides;
        List<Planned> planned = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (ResizeContext ctx : disks) {
            Volume v = ctx.volume();
            Long override = own.get(v.id());
            long size = override != null ? override : target.targetFor(v.sizeGb());
            ResizeDecision d = policy.check(ctx, size);
            if (d.allowed()) {
                planned.add(new Planned(v, size, override != null));
            } else {
                refused.add(new Refused(v, d.failedRule(), d.reason(), size));
            }
        }
        return new BatchPlan(planned, refused);
    }

    /** A disk that will be expanded. */
    public record Planned(Volume volume, long targetGb, boolean overridden) {
        public long addedGb() {
            return targetGb - volume.sizeGb();
        }
    }

    /**
     * A disk left out, with the policy's rule and sentence.
     *
     * @param targetGb the size it would have had
     */
    public record Refused(Volume volume, Rule rule, String reason, long targetGb) {
    }

    /** The planned and the refused disks, in the order given. */
    public record BatchPlan(List<Planned> planned, List<Refused> refused) {
        public BatchPlan {
            planned = List.copyOf(planned);
            refused = List.copyOf(refused);
        }

        /**
         * The planned disks as calls: on-demand disks first, then yearly/monthly ones, each in chunks of at most
         * {@value BatchPlanner#MAX_BATCH}.
         */
        public List<List<Planned>> batches() {
            List<List<Planned>> out = new ArrayList<>();
            for (boolean yearly : new boolean[] {false, true}) {
                List<Planned> same = planned.stream().filter(p -> p.volume().yearlyMonthly() == yearly).toList();
                for (int i = 0; i < same.size(); i += MAX_BATCH) {
                    out.add(same.subList(i, Math.min(same.size(), i + MAX_BATCH)));
                }
            }
            return out;
        }
    }
}
