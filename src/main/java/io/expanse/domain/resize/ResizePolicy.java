package io.expanse.domain.resize;

import io.expanse.text.Texts;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.Locale;
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

    /**
     * The documented EVS volume statuses that block a resize and have plain words of their own
     * ({@code resize.statusWords.<status>} in the bundles).
     */
    private static final Set<String> STATUS_WORDS = Set.of("creating", "error", "attaching", "detaching",
            "restoring-backup", "backing-up", "error_restoring", "uploading", "downloading", "extending", "deleting",
            "error_deleting", "rollbacking", "error_rollbacking", "awaiting-transfer");

    /**
     * Server statuses that pass on their own within minutes (a reboot, a flavour change, a migration, a build):
     * a refusal because of one is worth checking again rather than giving up on.
     */
    public static final Set<String> PASSING_SERVER_STATUSES = Set.of("REBOOT", "HARD_REBOOT", "RESIZE",
            "VERIFY_RESIZE", "REVERT_RESIZE", "MIGRATING", "BUILD", "REBUILD");

    /** Volume statuses that pass on their own (an expansion, an attach or detach, a backup running). */
    public static final Set<String> PASSING_VOLUME_STATUSES = Set.of("extending", "attaching", "detaching",
            "backing-up", "creating", "restoring-backup", "uploading", "downloading", "rollbacking");

    /**
     * Whether a refusal comes from a state of the disk or its server that passes on its own, or from a server
     * whose state could not be read: reading the facts again later may allow the expansion.
     */
    public boolean worthCheckingAgain(ResizeContext ctx, ResizeDecision decision) {
        if (decision == null || decision.allowed() || decision.failedRule() == null) {
            return false;
        }
        return switch (decision.failedRule()) {
            case SERVER_UNKNOWN -> true;
            case SERVER_STATUS -> ctx.server() != null && ctx.server().status() != null
                    && PASSING_SERVER_STATUSES.contains(ctx.server().status().strip().toUpperCase(Locale.ROOT));
            case VOLUME_STATUS -> ctx.volume().status() != null
                    && PASSING_VOLUME_STATUSES.contains(ctx.volume().status().strip().toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

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
            return ResizeDecision.deny(overLimitRule(ctx.role()), Texts.sentences(parsed.error(),
                    Texts.get("resize.refused.atMost", capitalised(label(ctx.volume())), limitText(ctx.role())),
                    alreadyAtMaximum(ctx)), -1);
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
            return ResizeDecision.deny(Rule.RESIZE_IN_FLIGHT, Texts.get("resize.refused.inFlight", name), gb);
        }
        String status = v.status() == null ? "" : v.status().strip().toLowerCase(Locale.ROOT);
        if (!RESIZABLE_STATUSES.contains(status)) {
            return ResizeDecision.deny(Rule.VOLUME_STATUS, statusReason(name, v.status(), status), gb);
        }
        boolean inUse = "in-use".equals(status);
        if (inUse && v.multiattach()) {
            return ResizeDecision.deny(Rule.MULTIATTACH_IN_USE, ctx.attachedServerNames().isEmpty()
                    ? Texts.get("resize.refused.sharedInUse", capitalised(name))
                    : Texts.get("resize.refused.sharedInUseOn", capitalised(name),
                            String.join(Texts.get("resize.listSeparator"), ctx.attachedServerNames())), gb);
        }
        if (inUse) {
            ServerInfo server = ctx.server();
            String serverStatus = server == null || server.status() == null || server.status().isBlank()
                    ? null : server.status().strip().toUpperCase(Locale.ROOT);
            if (serverStatus == null) {
                return ResizeDecision.deny(Rule.SERVER_UNKNOWN, Texts.get("resize.refused.serverUnknown",
                        serverLabel(ctx), name), gb);
            }
            if (!ONLINE_RESIZE_SERVER_STATUSES.contains(serverStatus)) {
                return ResizeDecision.deny(Rule.SERVER_STATUS, Texts.get("resize.refused.serverStatus",
                        serverLabel(ctx), server.status().strip(), name), gb);
            }
        }
        return null;
    }

    private ResizeDecision sizeRules(ResizeContext ctx, long gb) {
        String name = label(ctx.volume());
        long current = ctx.volume().sizeGb();
        if (gb <= 0) {
            return ResizeDecision.deny(Rule.SIZE_NOT_POSITIVE, Texts.get("resize.refused.notPositive", name,
                    Long.toString(gb)), gb);
        }
        if (gb <= current) {
            String refusal = gb == current
                    ? Texts.get("resize.refused.sameSize", name, Long.toString(current))
                    : Texts.get("resize.refused.smaller", Long.toString(gb), name, Long.toString(current));
            return ResizeDecision.deny(Rule.SIZE_NOT_LARGER, Texts.sentences(refusal, alreadyAtMaximum(ctx)), gb);
        }
        if (gb > maxSizeGb(ctx.role())) {
            return ResizeDecision.deny(overLimitRule(ctx.role()), Texts.sentences(Texts.get("resize.refused.tooLarge",
                    Long.toString(gb), name, limitText(ctx.role())), alreadyAtMaximum(ctx)), gb);
        }
        return ResizeDecision.allow(gb);
    }

    private static String statusReason(String name, String raw, String status) {
        if (status.isEmpty()) {
            return Texts.get("resize.status.none", capitalised(name));
        }
        if ("error_extending".equals(status)) {
            return Texts.get("resize.status.errorExtending", name, status);
        }
        if (!STATUS_WORDS.contains(status)) {
            return Texts.get("resize.status.unrecognised", capitalised(name), raw.strip());
        }
        return Texts.get("resize.status.words", capitalised(name), Texts.get("resize.statusWords." + status), status);
    }

    private Rule overLimitRule(DiskRole role) {
        return role == DiskRole.DATA ? Rule.SIZE_OVER_DATA_LIMIT : Rule.SIZE_OVER_SYSTEM_LIMIT;
    }

    /** "1024 GB for a system disk", or for UNKNOWN an explanation that the system-disk limit is applied. */
    private String limitText(DiskRole role) {
        return switch (role) {
            case SYSTEM -> Texts.get("resize.limit.system", Long.toString(SYSTEM_DISK_MAX_GB));
            case DATA -> Texts.get("resize.limit.data", Long.toString(DATA_DISK_MAX_GB));
            case UNKNOWN -> Texts.get("resize.limit.unknown", Long.toString(SYSTEM_DISK_MAX_GB));
        };
    }

    private String alreadyAtMaximum(ResizeContext ctx) {
        return ctx.volume().sizeGb() >= maxSizeGb(ctx.role())
                ? Texts.get("resize.refused.atMaximum", Long.toString(ctx.volume().sizeGb())) : "";
    }

    private static String label(Volume v) {
        if (v.name() != null && !v.name().isBlank()) {
            return v.name().strip();
        }
        return v.id() != null && !v.id().isBlank() ? Texts.get("resize.name.volumeId", v.id().strip())
                : Texts.get("resize.name.thisVolume");
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
        return id != null && !id.isBlank() ? id : Texts.get("resize.server.unknown");
    }

    private static String capitalised(String s) {
        return s.startsWith("volume ") || s.startsWith("this ")
                ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }
}
