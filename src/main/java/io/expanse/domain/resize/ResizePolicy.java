package io.expanse.domain.resize;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether an EVS volume may be expanded, and to which size, before any API call, following what Huawei
 * documents for the resize call, the volume statuses, the server statuses and the known error codes.
 * Rules are checked in this order, the first failure wins:
 * <ol>
 *   <li>{@link Rule#RESIZE_IN_FLIGHT}: a resize of this volume is already running;</li>
 *   <li>{@link Rule#VOLUME_STATUS}: only {@code available} and {@code in-use} volumes (EVS.1048/EVS.1064);</li>
 *   <li>{@link Rule#MULTIATTACH_IN_USE}: a shared volume only when {@code available} (EVS.1065);</li>
 *   <li>{@link Rule#SERVER_UNKNOWN}: an in-use volume's server state must be known;</li>
 *   <li>{@link Rule#SERVER_STATUS}: and be ACTIVE, PAUSED, SUSPENDED or SHUTOFF (EVS.1066);</li>
 *   <li>size: parse errors, then {@link Rule#SIZE_NOT_LARGER} (EVS.1015), then the role's limit.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ResizePolicy {

    public static final long SYSTEM_DISK_MAX_GB = 1024, DATA_DISK_MAX_GB = 32768;

    /** Volume statuses from which EVS accepts a resize. */
    public static final Set<String> RESIZABLE_STATUSES = Set.of("available", "in-use");

    /** Server statuses (Nova v2.1) that allow expanding an attached volume online. */
    public static final Set<String> ONLINE_RESIZE_SERVER_STATUSES = Set.of("ACTIVE", "PAUSED", "SUSPENDED", "SHUTOFF");

    private static final String ONLINE_STATUSES_TEXT = "ACTIVE, PAUSED, SUSPENDED or SHUTOFF";

    /** Plain words for the documented EVS volume statuses that block a resize. */
    private static final Map<String, String> STATUS_WORDS = Map.ofEntries(
            Map.entry("creating", "is still being created"),
            Map.entry("error", "is in an error state"),
            Map.entry("attaching", "is being attached to a server"),
            Map.entry("detaching", "is being detached from a server"),
            Map.entry("restoring-backup", "is being restored from a backup"),
            Map.entry("backing-up", "is being backed up"),
            Map.entry("error_restoring", "failed to be restored from a backup"),
            Map.entry("uploading", "is being uploaded to an image"),
            Map.entry("downloading", "is being filled from an image"),
            Map.entry("extending", "is already being expanded"),
            Map.entry("deleting", "is being deleted"),
            Map.entry("error_deleting", "failed to be deleted"),
            Map.entry("rollbacking", "is being rolled back from a snapshot"),
            Map.entry("error_rollbacking", "failed to be rolled back from a snapshot"),
            Map.entry("awaiting-transfer", "is waiting to be transferred to another account"));

    /** Parses {@code newSizeText} with {@link NewSizeParser}, then checks volume rules before size rules. */
    public ResizeDecision check(ResizeContext ctx, String newSizeText) {
        Objects.requireNonNull(ctx, "ctx");
        ParsedSize parsed = NewSizeParser.parse(newSizeText);
        long gb = parsed.ok() ? parsed.gb() : -1;
        ResizeDecision refused = volumeRules(ctx, gb);
        if (refused != null) {
            return refused;
        }
        if (parsed.ok()) {
            return sizeRules(ctx, gb);
        }
        if (parsed.rule() == Rule.SIZE_OVER_DATA_LIMIT) {
            // Far above any disk: report against this disk's own limit.
            return ResizeDecision.deny(overLimitRule(ctx.role()),
                    parsed.error() + " " + capitalised(label(ctx.volume())) + " can be at most "
                            + limitText(ctx.role()) + "." + alreadyAtMaximum(ctx), -1);
        }
        return ResizeDecision.deny(parsed.rule(), parsed.error(), -1);
    }

    /** Checks volume rules, then whether {@code newSizeGb} is positive, larger than now and within the limit. */
    public ResizeDecision check(ResizeContext ctx, long newSizeGb) {
        Objects.requireNonNull(ctx, "ctx");
        ResizeDecision refused = volumeRules(ctx, newSizeGb);
        return refused != null ? refused : sizeRules(ctx, newSizeGb);
    }

    /** The limit that applies: SYSTEM → 1024, DATA → 32768, UNKNOWN → 1024 (conservative). */
    public long maxSizeGb(DiskRole role) {
        return role == DiskRole.DATA ? DATA_DISK_MAX_GB : SYSTEM_DISK_MAX_GB;
    }

    private ResizeDecision volumeRules(ResizeContext ctx, long gb) {
        Volume v = ctx.volume();
        String name = label(v);
        if (ctx.resizeInFlight()) {
            return ResizeDecision.deny(Rule.RESIZE_IN_FLIGHT,
                    "A resize of " + name + " is already in progress; wait for it to finish.", gb);
        }
        String status = v.status() == null ? "" : v.status().strip().toLowerCase(Locale.ROOT);
        if (!RESIZABLE_STATUSES.contains(status)) {
            return ResizeDecision.deny(Rule.VOLUME_STATUS, statusReason(name, v.status(), status), gb);
        }
        boolean inUse = "in-use".equals(status);
        if (inUse && v.multiattach()) {
            return ResizeDecision.deny(Rule.MULTIATTACH_IN_USE, capitalised(name)
                    + " is a shared (multi-attach) disk that is in-use; a shared disk can only be expanded when it is"
                    + " available, so detach it from all servers first.", gb);
        }
        if (inUse) {
            ServerInfo server = ctx.server();
            String serverStatus = server == null || server.status() == null || server.status().isBlank()
                    ? null : server.status().strip().toUpperCase(Locale.ROOT);
            if (serverStatus == null) {
                return ResizeDecision.deny(Rule.SERVER_UNKNOWN, "Could not read the state of server "
                        + serverLabel(ctx) + ", which " + name + " is attached to; refresh and try again.", gb);
            }
            if (!ONLINE_RESIZE_SERVER_STATUSES.contains(serverStatus)) {
                return ResizeDecision.deny(Rule.SERVER_STATUS, "Server " + serverLabel(ctx) + " is "
                        + server.status().strip() + "; online expansion of " + name + " needs it "
                        + ONLINE_STATUSES_TEXT + ".", gb);
            }
        }
        return null;
    }

    private ResizeDecision sizeRules(ResizeContext ctx, long gb) {
        String name = label(ctx.volume());
        long current = ctx.volume().sizeGb();
        if (gb <= 0) {
            return ResizeDecision.deny(Rule.SIZE_NOT_POSITIVE,
                    "The new size of " + name + " must be a positive number of GB, not " + gb + ".", gb);
        }
        if (gb <= current) {
            String facts = gb == current ? name + " is already " + current + " GB"
                    : gb + " GB is smaller than the current size of " + name + " (" + current + " GB)";
            return ResizeDecision.deny(Rule.SIZE_NOT_LARGER, facts + "; the new size must be larger, as disks cannot be"
                    + " shrunk." + alreadyAtMaximum(ctx), gb);
        }
        if (gb > maxSizeGb(ctx.role())) {
            return ResizeDecision.deny(overLimitRule(ctx.role()), gb + " GB is too large: " + name + " can be at most "
                    + limitText(ctx.role()) + "." + alreadyAtMaximum(ctx), gb);
        }
        return ResizeDecision.allow(gb);
    }

    private static String statusReason(String name, String raw, String status) {
        if (status.isEmpty()) {
            return capitalised(name) + " has no reported status; refresh, then only available or in-use disks can be"
                    + " expanded.";
        }
        if ("error_extending".equals(status)) {
            return "A previous expansion of " + name + " failed (" + status + "); check the disk and contact Huawei"
                    + " Cloud support before trying again. Only available or in-use disks can be expanded.";
        }
        String words = STATUS_WORDS.get(status);
        if (words == null) {
            return capitalised(name) + " has the unrecognised status \"" + raw.strip()
                    + "\"; only available or in-use disks can be expanded.";
        }
        return capitalised(name) + " " + words + " (" + status + "); only available or in-use disks can be expanded.";
    }

    private Rule overLimitRule(DiskRole role) {
        return role == DiskRole.DATA ? Rule.SIZE_OVER_DATA_LIMIT : Rule.SIZE_OVER_SYSTEM_LIMIT;
    }

    /** "1024 GB for a system disk", or for UNKNOWN an explanation that the system-disk limit is applied. */
    private String limitText(DiskRole role) {
        return switch (role) {
            case SYSTEM -> SYSTEM_DISK_MAX_GB + " GB for a system disk";
            case DATA -> DATA_DISK_MAX_GB + " GB for a data disk";
            case UNKNOWN -> SYSTEM_DISK_MAX_GB + " GB (the system-disk limit, applied because its role, system or data"
                    + " disk, is unknown; refresh once its server can be read)";
        };
    }

    private String alreadyAtMaximum(ResizeContext ctx) {
        return ctx.volume().sizeGb() >= maxSizeGb(ctx.role())
                ? " It is already at the maximum (" + ctx.volume().sizeGb() + " GB)." : "";
    }

    private static String label(Volume v) {
        if (v.name() != null && !v.name().isBlank()) {
            return v.name().strip();
        }
        return v.id() != null && !v.id().isBlank() ? "volume " + v.id().strip() : "this volume";
    }

    private static String serverLabel(ResizeContext ctx) {
        ServerInfo s = ctx.server();
        if (s != null && s.name() != null && !s.name().isBlank()) {
            return s.name().strip();
        }
        if (s != null && s.id() != null && !s.id().isBlank()) {
            return s.id().strip();
        }
        String id = ctx.volume().firstServerId();
        return id != null && !id.isBlank() ? id : "(unknown)";
    }

    private static String capitalised(String s) {
        return s.startsWith("volume ") || s.startsWith("this ")
                ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }
}
