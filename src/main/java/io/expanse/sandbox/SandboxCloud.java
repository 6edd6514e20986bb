package io.expanse.sandbox;

import io.expanse.cloud.huawei.ResizeAccepted;
import java.math.BigDecimal;
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
 *
 * <p>Billing ({@link SandboxBilling} has the invented prices): yearly/monthly volumes have subscriptions that end
 * 5, 11 and 1 months after the start month (in seed order; the first of each three, when attached, a sub-resource of
 * its server: billing-03 of app-01 in the standard seed); an
 * expansion order costs the price difference over the remaining days and can be paid within
 * {@link SandboxBilling#PAYMENT_WINDOW} (then BSS cancels it) if the balance covers it; a cancelled order frees the
 * volume. A batch expansion makes one job with a sub-job per on-demand volume, or one order with a line per
 * yearly/monthly volume; volumes seeded to fail fail in their sub-job.
 */
public final class SandboxCloud {

    /** The project id of the sandbox account. */
    public static final String PROJECT_ID = "0b2f5c7e9a1d4e6f8c3b5a7d9e1f2a4c";
    public static final int SYSTEM_DISK_MAX_GB = 1024;
    public static final int DATA_DISK_MAX_GB = 32768;
    /** The most volumes one batch expansion takes. */
    public static final int MAX_BATCH = 60;
    private static final Set<String> ONLINE_EXTEND_SERVER_STATES = Set.of("ACTIVE", "PAUSED", "SUSPENDED", "SHUTOFF");
    private static final DateTimeFormatter ORDER_STAMP =
            DateTimeFormatter.ofPattern("yyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.ofHours(8));
    private static final String ORDER_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private final Clock clock;
    private final SandboxTimings timings;
    private final Map<String, SandboxVolume> volumes = new LinkedHashMap<>();
    private final Map<String, SandboxInstance> servers = new LinkedHashMap<>();
    private final Map<String, SandboxExtension> jobs = new LinkedHashMap<>();
    /** Order id → one part per disk (a batch order has several). */
    private final Map<String, List<SandboxExtension>> orders = new LinkedHashMap<>();
    /** Batch job id → one sub-job per disk. */
    private final Map<String, List<SandboxExtension>> batches = new LinkedHashMap<>();
    /** Yearly/monthly volume id → its subscription. */
    private final Map<String, SandboxSubscription> subscriptions = new LinkedHashMap<>();
    private BigDecimal balance = SandboxBilling.START_BALANCE;
    private boolean batchExtendServed = true;
    private final List<SandboxExtension> pending = new ArrayList<>();
    /** Volume ids per attached server, in seed order; attachments never change after seeding. */
    private final Map<String, List<String>> volumeIdsByServer = new java.util.HashMap<>();
    private final Random random;
    private final SandboxCloudEye cloudEye;
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
        int[] months = {5, 11, 1};
        int n = 0;
        for (SandboxVolume v : seed.volumes()) {
            if (v.yearlyMonthly()) {
                // The first of every three attached yearly/monthly disks was bought with its server: a
                // sub-resource of that server (billing-03 of app-01 in the standard seed).
                String parent = n % 3 == 0 && !v.attachments().isEmpty() ? v.attachments().get(0).serverId() : null;
                subscriptions.put(v.id(), new SandboxSubscription(v.id(), v.orderId(), v.createdAt(),
                        SandboxBilling.expiryAfter(clock.instant(), months[n % 3]), parent));
                n++;
            }
        }
        // Now, before any resize: the file systems start at the seeded sizes.
        this.cloudEye = new SandboxCloudEye(this);
    }

    /** The standard 50-volume seed with default timings. */
    public static SandboxCloud standard(Clock clock) {
        return new SandboxCloud(SandboxSeed.standard(), clock, SandboxTimings.DEFAULT);
    }

    public Clock clock() {
        return clock;
    }

    /** The simulated Cloud Eye over these servers and volumes. */
    public SandboxCloudEye cloudEye() {
        return cloudEye;
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
        List<SandboxExtension> parts = orders.get(orderId);
        if (parts == null) {
            return Optional.empty();
        }
        SandboxExtension first = parts.get(0);
        BigDecimal amount = parts.stream().map(e -> e.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new SandboxOrder(orderId, first.orderStatusAt(clock.instant()),
                parts.stream().map(SandboxExtension::line).toList(), amount, first.createdAt, first.paidAt(),
                first.createdAt.plus(SandboxBilling.PAYMENT_WINDOW)));
    }

    /** A batch-extend job: the job and one sub-job per disk, at this instant. */
    public synchronized Optional<SandboxBatchJob> batchJob(String jobId) {
        List<SandboxExtension> parts = batches.get(jobId);
        if (parts == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(new SandboxBatchJob(jobId, parts.stream().map(e -> e.jobAt(now)).toList()));
    }

    /**
     * The subscriptions of the yearly/monthly volumes among {@code volumeIds}, in the order asked; other ids are
     * left out.
     */
    public synchronized List<SandboxSubscription> subscriptions(List<String> volumeIds) {
        return volumeIds.stream().distinct().map(subscriptions::get).filter(Objects::nonNull).toList();
    }

    /** The account balance pay orders are paid from. */
    public synchronized BigDecimal balance() {
        return balance;
    }

    /** Sets the account balance, e.g. below an order's amount to see a payment refused. */
    public synchronized void setBalance(BigDecimal balance) {
        this.balance = Objects.requireNonNull(balance, "balance");
    }

    /** Whether {@code /v5/{project_id}/volumes/batch-extend} is served; when not, it is 404 APIGW.0101. */
    public synchronized boolean batchExtendServed() {
        return batchExtendServed;
    }

    /** Makes the sandbox a region without the v5 batch expansion (or one with it again). */
    public synchronized void serveBatchExtend(boolean served) {
        this.batchExtendServed = served;
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
            orders.put(ext.orderId, List.of(ext));
        } else {
            ext = SandboxExtension.job(v, newSize, HexFormat.of().formatHex(randomBytes(16)), now, timings);
            jobs.put(ext.jobId, ext);
        }
        pending.add(ext);
        settle();
        return new ResizeAccepted(ext.jobId, ext.orderId);
    }

    /**
     * Pays an order awaiting payment from the balance ({@code POST /v3/orders/customer-orders/pay}); from then on it
     * runs like an auto-paid one: 3 (processing), then 5, and only then do its disks grow.
     *
     * @throws SandboxError {@code CBC.30000010} unknown order; {@code CBC.99003106} already paid or cancelled;
     *                      {@code CBC.99003110} past its payment deadline; {@code CBC.99005003} balance too low
     */
    public synchronized void pay(String orderId) {
        settle();
        List<SandboxExtension> parts = knownOrder(orderId);
        SandboxExtension first = parts.get(0);
        Instant now = clock.instant();
        if (first.paidAt() == null && !now.isBefore(first.createdAt.plus(SandboxBilling.PAYMENT_WINDOW))) {
            throw SandboxError.bss("CBC.99003110", "The payment deadline of order " + orderId + " has passed.");
        }
        if (first.paidAt() != null || first.cancelledAt() != null) {
            throw SandboxError.bss("CBC.99003106", "The order status has changed and the order cannot be paid: "
                    + orderId + " is " + (first.cancelledAt() != null ? "cancelled." : "already paid."));
        }
        BigDecimal amount = parts.stream().map(e -> e.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (balance.compareTo(amount) < 0) {
            throw SandboxError.bss("CBC.99005003", "Insufficient balance: the order costs " + amount.toPlainString()
                    + " CNY, the account holds " + balance.toPlainString() + " CNY.");
        }
        balance = balance.subtract(amount);
        parts.forEach(e -> e.pay(now));
    }

    /**
     * Cancels an order awaiting payment ({@code PUT /v2/orders/customer-orders/cancel}): status 4, and its disks
     * are free for another change.
     *
     * @throws SandboxError {@code CBC.30000010} unknown order; {@code CBC.99005010} paid, completed or cancelled
     */
    public synchronized void cancel(String orderId) {
        settle();
        List<SandboxExtension> parts = knownOrder(orderId);
        SandboxExtension first = parts.get(0);
        if (first.paidAt() != null || first.cancelledAt() != null) {
            throw SandboxError.bss("CBC.99005010", "The order status does not allow cancellation: " + orderId
                    + " is " + (first.cancelledAt() != null ? "already cancelled." : "paid."));
        }
        Instant now = clock.instant();
        parts.forEach(e -> e.cancel(now));
        pending.removeAll(parts);
    }

    private List<SandboxExtension> knownOrder(String orderId) {
        List<SandboxExtension> parts = orders.get(orderId);
        if (parts == null) {
            throw SandboxError.bss("CBC.30000010", "Invalid order: " + orderId + " does not exist.");
        }
        return parts;
    }

    /**
     * Accepts a batch expansion the way {@code POST /v5/{project_id}/volumes/batch-extend} does. Every disk is
     * checked by the resize rules first; the first refusal refuses the whole batch (its message names the disk).
     * On-demand disks make one job with a sub-job per disk; yearly/monthly disks one order with a line per disk.
     *
     * @param sizes volume id → new size, in the order asked; 1 to {@value #MAX_BATCH} disks
     * @throws SandboxError EVS.5400 for more than {@value #MAX_BATCH} disks or a batch mixing billing modes (a
     *                      sandbox choice: Huawei does not document it), else the resize rules' codes
     */
    public synchronized ResizeAccepted batchExtend(Map<String, Long> sizes, boolean autoPay) {
        settle();
        if (sizes.isEmpty() || sizes.size() > MAX_BATCH) {
            throw SandboxError.evs(400, "EVS.5400", "Invalid volumes: a batch expands 1 to " + MAX_BATCH
                    + " volumes, not " + sizes.size() + ".");
        }
        List<SandboxVolume> batch = new ArrayList<>();
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            SandboxVolume v = volumes.get(e.getKey());
            if (v == null) {
                throw volumeNotFound(e.getKey());
            }
            checkResizable(v, e.getValue());
            batch.add(v);
        }
        boolean yearly = batch.get(0).yearlyMonthly();
        if (batch.stream().anyMatch(v -> v.yearlyMonthly() != yearly)) {
            throw SandboxError.evs(400, "EVS.5400", "Invalid volumes: a batch must be all pay-per-use or all "
                    + "yearly/monthly volumes.");
        }
        Instant now = clock.instant();
        List<SandboxExtension> parts = new ArrayList<>();
        String orderId = yearly ? newOrderId(now) : null;
        for (SandboxVolume v : batch) {
            long size = sizes.get(v.id());
            SandboxExtension ext = yearly
                    ? SandboxExtension.order(v, size, orderId, price(v, size), autoPay, now, timings)
                    : SandboxExtension.job(v, size, HexFormat.of().formatHex(randomBytes(16)), now, timings);
            parts.add(ext);
            if (!yearly) {
                jobs.put(ext.jobId, ext);
            }
        }
        pending.addAll(parts);
        settle();
        if (yearly) {
            orders.put(orderId, List.copyOf(parts));
            return new ResizeAccepted(null, orderId);
        }
        String jobId = HexFormat.of().formatHex(randomBytes(16));
        batches.put(jobId, List.copyOf(parts));
        return new ResizeAccepted(jobId, null);
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
                throw SandboxError.evs(400, "EVS.1068", "Extending the volume " + v.id() + " failed: "
                        + (e.orderId == null ? "its expansion job " + e.jobId + " is not finished yet."
                        : e.paidAt() == null ? "it is in order " + e.orderId + ", which is awaiting payment; pay"
                        + " or cancel that order first." : "its order " + e.orderId + " is not finished yet."));
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
            Instant deadline = e.createdAt.plus(SandboxBilling.PAYMENT_WINDOW);
            if (e.orderId != null && e.paidAt() == null && !now.isBefore(deadline)) {
                e.cancel(deadline); // BSS cancels an order left unpaid past its deadline
                it.remove();
                continue;
            }
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

    /** The expansion order's amount by the sandbox's rule ({@link SandboxBilling#expansion}). */
    private BigDecimal price(SandboxVolume v, long newSize) {
        SandboxSubscription sub = subscriptions.get(v.id());
        Instant now = clock.instant();
        Instant expiry = sub != null ? sub.expireTime() : SandboxBilling.expiryAfter(now, 1);
        return SandboxBilling.expansion(v.volumeType(), v.size(), newSize, now, expiry);
    }
}
