package io.expanse.sandbox;

import io.expanse.cloud.huawei.ResizeAccepted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Thread-safe in-memory state of the simulated Huawei cloud: volumes, servers, resize jobs and orders.
 *
 * <p>Time-driven transitions are computed from timestamps against the injected {@link Clock} whenever the state is
 * read, so a test advances a fake clock instead of sleeping. An accepted on-demand resize makes the volume
 * {@code extending} at once; its job is INIT for {@link SandboxTimings#jobInit()}, RUNNING for
 * {@link SandboxTimings#extend()}, then SUCCESS (new size) or, for volumes seeded to fail, FAIL with
 * {@code error_code} {@value SandboxExtension#FAIL_CODE} (old size). In both cases the volume gets its previous
 * status back. A yearly/monthly resize creates an order: status 6 until paid ({@code isAutoPay "true"} pays at
 * once), then 3 for {@link SandboxTimings#orderProcessing()}, then 5; only then does the volume turn
 * {@code extending} for {@link SandboxTimings#extend()} and grow.
 *
 * <p>Server-side resize rules, checked in this order (all HTTP 400 unless noted):
 * unknown volume 404 {@code EVS.5404}; status not available/in-use {@code EVS.1064}; an unfinished order on the
 * volume {@code EVS.1068}; multiattach and in-use {@code EVS.1065}; in-use on a server not in ACTIVE, PAUSED,
 * SUSPENDED or SHUTOFF {@code EVS.1066}; {@code new_size <= size} {@code EVS.1015}; above 1024 GB for a system disk
 * or 32768 GB for a data disk {@code EVS.1014} (Huawei documents no code of its own; the message names the limit).
 */
public final class SandboxCloud {

    /** The project id of the sandbox account. */
    public static final String PROJECT_ID = "0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c";
    public static final int SYSTEM_DISK_MAX_GB = 1024;
    public static final int DATA_DISK_MAX_GB = 32768;
    private static final Set<String> ONLINE_EXTEND_SERVER_STATES = Set.of("ACTIVE", "PAUSED", "SUSPENDED", "SHUTOFF");
    private static final DateTimeFormatter ORDER_STAMP =
            DateTimeFormatter.ofPattern("yyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.ofHours(8));
    private static final String ORDER_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private final Clock clock;
    private final SandboxTimings timings;
    private final Map<String, SandboxVolume> volumes = new LinkedHashMap<>();
    private final Map<String, SandboxInstance> servers = new LinkedHashMap<>();
    private final Map<String, SandboxExtension> jobs = new LinkedHashMap<>();
    private final Map<String, SandboxExtension> orders = new LinkedHashMap<>();
    private final List<SandboxExtension> pending = new ArrayList<>();
    /** Volume ids per attached server, in seed order; attachments never change after seeding. */
    private final Map<String, List<String>> volumeIdsByServer = new java.util.HashMap<>();
    private final Random random;
    private int injectedFailures;
    private int injectedStatus;

    public SandboxCloud(SandboxSeed seed, Clock clock, SandboxTimings timings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timings = Objects.requireNonNull(timings, "timings");
        seed.servers().forEach(s -> servers.put(s.id(), s));
        seed.volumes().forEach(v -> volumes.put(v.id(), v));
        for (SandboxVolume v : seed.volumes()) {
            for (SandboxAttachment a : v.attachments()) {
                List<String> ids = volumeIdsByServer.computeIfAbsent(a.serverId(), k -> new ArrayList<>());
                if (!ids.contains(v.id())) {
                    ids.add(v.id());
                }
            }
        }
        this.random = new Random(seed.volumes().size());
    }

    /** The standard 50-volume seed with default timings. */
    public static SandboxCloud standard(Clock clock) {
        return new SandboxCloud(SandboxSeed.standard(), clock, SandboxTimings.DEFAULT);
    }

    public Clock clock() {
        return clock;
    }

    public String projectId() {
        return PROJECT_ID;
    }

    /** Every volume in seed order, transitions applied up to now. */
    public synchronized List<SandboxVolume> volumes() {
        settle();
        return List.copyOf(volumes.values());
    }

    public synchronized Optional<SandboxVolume> volume(String id) {
        settle();
        return Optional.ofNullable(volumes.get(id));
    }

    /** The volume with this name; names of the standard seed are unique. */
    public synchronized Optional<SandboxVolume> volumeByName(String name) {
        settle();
        return volumes.values().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public synchronized List<SandboxInstance> servers() {
        return List.copyOf(servers.values());
    }

    public synchronized Optional<SandboxInstance> server(String id) {
        return Optional.ofNullable(servers.get(id));
    }

    /** Volumes attached to a server, in seed order. */
    public synchronized List<SandboxVolume> volumesOf(String serverId) {
        settle();
        return volumeIdsByServer.getOrDefault(serverId, List.of()).stream().map(volumes::get).toList();
    }

    public synchronized Optional<SandboxJob> job(String jobId) {
        SandboxExtension e = jobs.get(jobId);
        return e == null ? Optional.empty() : Optional.of(e.jobAt(clock.instant()));
    }

    public synchronized Optional<SandboxOrder> order(String orderId) {
        SandboxExtension e = orders.get(orderId);
        return e == null ? Optional.empty() : Optional.of(e.orderAt(clock.instant()));
    }

    /**
     * Accepts a resize the way {@code POST /v2.1/{pid}/cloudvolumes/{id}/action} does.
     *
     * @param autoPay only read for yearly/monthly volumes
     * @return a job id for an on-demand volume, an order id for a yearly/monthly one
     * @throws SandboxError with the EVS code of the first rule that fails (see the class comment)
     */
    public synchronized ResizeAccepted resize(String volumeId, long newSize, boolean autoPay) {
        settle();
        SandboxVolume v = volumes.get(volumeId);
        if (v == null) {
            throw volumeNotFound(volumeId);
        }
        checkResizable(v, newSize);
        Instant now = clock.instant();
        SandboxExtension ext;
        if (v.yearlyMonthly()) {
            ext = SandboxExtension.order(v, newSize, newOrderId(now), price(v, newSize), autoPay, now, timings);
            orders.put(ext.orderId, ext);
        } else {
            ext = SandboxExtension.job(v, newSize, HexFormat.of().formatHex(randomBytes(16)), now, timings);
            jobs.put(ext.jobId, ext);
        }
        pending.add(ext);
        settle();
        return new ResizeAccepted(ext.jobId, ext.orderId);
    }

    /**
     * Pays an order awaiting payment ({@code POST /v3/orders/customer-orders/pay}); from then on it runs like an
     * auto-paid one.
     *
     * @throws SandboxError {@code CBC.0101} for an unknown order or one not awaiting payment
     */
    public synchronized void pay(String orderId) {
        SandboxExtension e = orders.get(orderId);
        if (e == null) {
            throw SandboxError.bss("CBC.0101", "Invalid parameter: the order " + orderId + " does not exist.");
        }
        if (e.paidAt() != null) {
            throw SandboxError.bss("CBC.0101", "Invalid parameter: the order " + orderId + " is not awaiting payment.");
        }
        e.pay(clock.instant());
    }

    /** Fault injection: the next {@code count} authenticated requests fail with {@code httpStatus}. */
    public synchronized void failNextRequests(int count, int httpStatus) {
        injectedFailures = count;
        injectedStatus = httpStatus;
    }

    /** Consumes one injected failure: its HTTP status, or 0 when none is pending. */
    synchronized int takeInjectedFailure() {
        if (injectedFailures <= 0) {
            return 0;
        }
        injectedFailures--;
        return injectedStatus;
    }

    static SandboxError volumeNotFound(String volumeId) {
        return SandboxError.evs(404, "EVS.5404", "The volume " + volumeId + " could not be found.");
    }

    private void checkResizable(SandboxVolume v, long newSize) {
        boolean inUse = "in-use".equals(v.status());
        if (!inUse && !"available".equals(v.status())) {
            throw SandboxError.evs(400, "EVS.1064", "The volume status must be available or in-use when extending,"
                    + " but volume " + v.id() + " is " + v.status() + ".");
        }
        for (SandboxExtension e : pending) {
            if (e.volumeId.equals(v.id())) {
                throw SandboxError.evs(400, "EVS.1068", "Extending the yearly/monthly volume " + v.id()
                        + " failed: its order " + e.orderId + " is not finished yet.");
            }
        }
        if (inUse && v.multiattach()) {
            throw SandboxError.evs(400, "EVS.1065",
                    "A shared (multiattach) volume can be extended only when it is available.");
        }
        if (inUse && !v.attachments().isEmpty()) {
            SandboxInstance s = servers.get(v.attachments().get(0).serverId());
            if (s != null && !ONLINE_EXTEND_SERVER_STATES.contains(s.status())) {
                throw SandboxError.evs(400, "EVS.1066", "The status of server " + s.id() + " is " + s.status()
                        + "; online extension needs ACTIVE, PAUSED, SUSPENDED or SHUTOFF.");
            }
        }
        if (newSize <= v.size()) {
            throw SandboxError.evs(400, "EVS.1015", "Invalid input received: New size for extend must be greater"
                    + " than current size. (current: " + v.size() + ", extended: " + newSize + ").");
        }
        int max = v.systemDisk() ? SYSTEM_DISK_MAX_GB : DATA_DISK_MAX_GB;
        if (newSize > max) {
            throw SandboxError.evs(400, "EVS.1014", "The volume cannot be extended: " + newSize + " GB exceeds the "
                    + "maximum of " + max + " GB for a " + (v.systemDisk() ? "system" : "data") + " disk.");
        }
    }

    /** Applies every transition whose time has come. */
    private void settle() {
        Instant now = clock.instant();
        var it = pending.iterator();
        while (it.hasNext()) {
            SandboxExtension e = it.next();
            Instant start = e.extendStart();
            if (start == null || now.isBefore(start)) {
                continue;
            }
            SandboxVolume v = volumes.get(e.volumeId);
            Instant end = e.extendEnd();
            if (now.isBefore(end)) {
                if (!"extending".equals(v.status())) {
                    volumes.put(v.id(), v.withStatus("extending", start));
                }
            } else {
                volumes.put(v.id(), v.withSizeAndStatus(e.fails ? e.oldSize : e.newSize, e.oldStatus, end));
                it.remove();
            }
        }
    }

    private String newOrderId(Instant now) {
        StringBuilder sb = new StringBuilder("CS").append(ORDER_STAMP.format(now));
        for (int i = 0; i < 5; i++) {
            sb.append(ORDER_CHARS.charAt(random.nextInt(ORDER_CHARS.length())));
        }
        return orders.containsKey(sb.toString()) ? newOrderId(now) : sb.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A believable one-month price of the added capacity, in CNY. */
    private static BigDecimal price(SandboxVolume v, long newSize) {
        BigDecimal perGbMonth = switch (v.volumeType()) {
            case "SSD" -> new BigDecimal("1.00");
            case "ESSD" -> new BigDecimal("1.50");
            case "GPSSD" -> new BigDecimal("0.70");
            default -> new BigDecimal("0.35");
        };
        return perGbMonth.multiply(BigDecimal.valueOf(newSize - v.size())).setScale(2, RoundingMode.HALF_UP);
    }
}
