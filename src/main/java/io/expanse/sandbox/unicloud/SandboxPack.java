package io.expanse.sandbox.unicloud;

import java.util.List;

/**
 * A resource pack the simulated UniCloud knows, also used to pre-fill the operator's inventory in sandbox mode.
 *
 * @param neverPaid whether orders for this pack stay unpaid (to show AWAITING_PAYMENT)
 */
public record SandboxPack(String id, String label, long capacityGb, String expiresOn, boolean neverPaid) {

    /** The id of the pack whose upgrade orders are never paid. */
    public static final String UNPAID_PACK = "pack-u9nq2w7dxk4p";

    /** Six packs of 100–2000 GB, one of which ({@link #UNPAID_PACK}) never gets its orders paid. */
    public static List<SandboxPack> standard() {
        return List.of(
                new SandboxPack("pack-h58kdagr9vsf", "web-shared", 100, "2026-12-31", false),
                new SandboxPack("pack-h58kdagr9vyv", "build-cache", 200, "2026-06-30", false),
                new SandboxPack("pack-m3xq8v2rtn5c", "media-archive", 500, "2027-03-15", false),
                new SandboxPack("pack-p7k2j9wz4ldf", "analytics", 1000, "2026-09-01", false),
                new SandboxPack("pack-t4c8n6ye2hqb", "backups", 2000, "2027-01-20", false),
                new SandboxPack(UNPAID_PACK, "awaiting-payment-demo", 300, "2026-11-11", true));
    }
}
