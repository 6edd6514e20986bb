package io.expanse.ui.batch;

import io.expanse.cloud.huawei.EvsBillingApi;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.billing.BatchPlanner;
import io.expanse.domain.billing.BatchTarget;
import io.expanse.domain.billing.PriceRules;
import io.expanse.domain.resize.DiskRoles;
import io.expanse.domain.resize.NewSizeParser;
import io.expanse.domain.resize.ParsedSize;
import io.expanse.domain.resize.ResizeContext;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.domain.usage.SizeAdvice;
import io.expanse.text.Texts;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.volumes.RowUsage;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.ResizeRequest;
import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.EvsAccount;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Expand selected…" dialog's state: one target rule for every selected disk (to N GB, +N GB, +N %) with
 * per-disk overrides, every disk checked by {@link ResizePolicy} exactly as the single resize checks it; the disks
 * it refuses are listed with the reason and left out. The summary gives the disks, the GB added in all and, per
 * billing mode, the price (on-demand: the difference per hour; yearly/monthly: the estimate). Sending goes through
 * {@link ResizeTracker#submitBatch}, one call per billing mode and per {@value BatchPlanner#MAX_BATCH} disks.
 * Blocking work runs on the {@link TaskExecutor}; with a current-thread executor this runs in plain JUnit.
 */
public final class BatchViewModel {

    /**
     * One selected disk as the table shows it.
     *
     * @param usage how full it is as the table knows it (for "Use suggested sizes"), or null when not read
     */
    public record Disk(Volume volume, ServerInfo server, RowUsage usage) {
        public Disk {
            Objects.requireNonNull(volume, "volume");
        }

        public Disk(Volume volume, ServerInfo server) {
            this(volume, server, null);
        }
    }

    /**
     * One line of the dialog's table.
     *
     * @param target  the size it would get ("" when the rule cannot be read)
     * @param outcome "Will grow by N GB" or the reason it is left out
     */
    public record Line(String volumeId, String name, String current, String target, String billing,
                       boolean overridden, boolean refused, String outcome) {
    }

    private final EvsAccount account;
    private final ActivityJournal journal;
    private final ResizePolicy policy;
    private final TaskExecutor tasks;
    private final Clock clock;
    private List<Disk> disks;
    private final BatchPlanner planner;
    private final Map<String, Long> overrides = new LinkedHashMap<>();
    /** Disks whose size came from "Use suggested sizes". */
    private final java.util.Set<String> suggested = new java.util.HashSet<>();
    /** Why a disk kept the rule when the suggested sizes were taken, by volume id. */
    private final Map<String, String> noSuggestion = new HashMap<>();
    /** Prices already had, per disk and size: changing the rule back does not ask again. */
    private final Map<String, Object> quotes = new ConcurrentHashMap<>();
    private final Object priceKey = new Object();

    private final StringProperty targetText = new SimpleStringProperty(this, "targetText", "");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper(this, "targetError");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper refusedSummary = new ReadOnlyStringWrapper(this, "refusedSummary");
    private final ReadOnlyStringWrapper onDemandPrice = new ReadOnlyStringWrapper(this, "onDemandPrice");
    private final ReadOnlyStringWrapper yearlyPrice = new ReadOnlyStringWrapper(this, "yearlyPrice");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper(this, "sent");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result");
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper(this, "submitError");
    /** While the disks and their servers are read again. */
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final ReadOnlyStringWrapper factsNote = new ReadOnlyStringWrapper(this, "factsNote");
    private final ReadOnlyStringWrapper suggestionNote = new ReadOnlyStringWrapper(this, "suggestionNote");
    private BatchPlanner.BatchPlan plan = new BatchPlanner.BatchPlan(List.of(), List.of());
    /** Called with the first activity of a yearly/monthly order awaiting payment once sent, or null. */
    private java.util.function.Consumer<Activity> onSent = a -> { };

    public BatchViewModel(EvsAccount account, ActivityJournal journal, ResizePolicy policy, TaskExecutor tasks,
                          Clock clock, List<Disk> disks) {
        this.account = Objects.requireNonNull(account, "account");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.disks = List.copyOf(disks);
        this.planner = new BatchPlanner(policy);
        targetText.addListener((o, a, b) -> replan());
        replan();
    }

    /**
     * Reads every selected disk and their servers again, as the single resize does, so that the rules check what
     * the cloud says now rather than the table's copy; until then the table's copy is shown and nothing is sent.
     */
    public void reloadFacts() {
        reading.set(true);
        factsNote.set(Texts.get("batch.facts.checking"));
        List<Disk> before = disks;
        BackgroundTask.wrap(() -> {
            List<Volume> volumes = new ArrayList<>();
            for (Disk d : before) {
                volumes.add(account.api().getVolume(d.volume().id()));
            }
            java.util.Set<String> serverIds = new java.util.LinkedHashSet<>();
            volumes.stream().map(Volume::firstServerId).filter(Objects::nonNull).forEach(serverIds::add);
            Map<String, ServerInfo> servers = serverIds.isEmpty() ? Map.of() : account.api().servers(serverIds);
            Map<String, RowUsage> usage = new HashMap<>();
            before.stream().filter(d -> d.usage() != null).forEach(d -> usage.put(d.volume().id(), d.usage()));
            return volumes.stream().map(v -> new Disk(v, v.firstServerId() == null ? null
                    : servers.get(v.firstServerId()), usage.get(v.id()))).toList();
        }).onSuccess(fresh -> {
            disks = fresh;
            factsNote.set(null);
            replan();
        }).onFailure(e -> factsNote.set(Texts.get("batch.facts.failed", ErrorText.describe(e))))
                .onFinished(() -> {
                    reading.set(false);
                    valid.set(!plan.planned().isEmpty() && !sent.get());
                })
                .executeWith(tasks);
    }

    /** Gives one disk its own size ("" or null goes back to the rule). */
    public void setOverride(String volumeId, String text) {
        suggested.remove(volumeId);
        noSuggestion.remove(volumeId);
        if (text == null || text.isBlank()) {
            overrides.remove(volumeId);
        } else {
            ParsedSize p = NewSizeParser.parse(text.strip());
            if (!p.ok()) {
                targetError.set(Texts.get("batch.override.bad", text.strip()));
                return;
            }
            overrides.put(volumeId, p.gb());
        }
        replan();
    }

    /**
     * Gives every disk with a suggested size from its usage ({@link RowUsage#suggestedSizeGb()}: the seven-day peak
     * at 70 % used) that size as its own; the others keep the rule, and their line says why there is none. The
     * sizes are checked by the same rules as any other. What was done is in {@link #suggestionNoteProperty()}.
     */
    public void useSuggestedSizes() {
        if (sent.get()) {
            return;
        }
        int taken = 0;
        for (Disk d : disks) {
            String id = d.volume().id();
            Long gb = d.usage() == null ? null : d.usage().suggestedSizeGb();
            if (gb != null && gb > d.volume().sizeGb()) {
                overrides.put(id, gb);
                suggested.add(id);
                noSuggestion.remove(id);
                taken++;
            } else {
                if (suggested.remove(id)) {
                    overrides.remove(id);
                }
                // A disk given its own size by hand keeps it; the others keep the rule and say why.
                if (!overrides.containsKey(id)) {
                    noSuggestion.put(id, whyNoSuggestion(d));
                }
            }
        }
        int kept = disks.size() - taken;
        suggestionNote.set(taken == 0 ? Texts.get("batch.suggested.none")
                : Texts.get("batch.suggested.taken", taken, kept));
        replan();
    }

    /** Why a disk has no suggested size, as the end of a sentence. */
    static String whyNoSuggestion(Disk d) {
        RowUsage u = d.usage();
        if (u == null && d.volume().firstServerId() == null) {
            return Texts.get("batch.suggested.why.detached");
        }
        if (u == null) {
            return Texts.get("batch.suggested.why.notRead");
        }
        return switch (u.kind()) {
            case NO_AGENT -> Texts.get("batch.suggested.why.noAgent");
            case PER_SERVER -> Texts.get("batch.suggested.why.perServer");
            case NO_FILE_SYSTEM -> Texts.get("batch.suggested.why.noFileSystem");
            case UNREAD -> Texts.get("batch.suggested.why.notRead");
            case MAPPED -> {
                SizeAdvice.Suggestion s = u.usage().suggestion();
                if (s == null) {
                    yield Texts.get("batch.suggested.why.tooLittle");
                } else if (s.outcome() == SizeAdvice.Outcome.AT_LIMIT) {
                    yield Texts.get("batch.suggested.why.atLimit");
                } else if (s.outcome() == SizeAdvice.Outcome.NOT_NEEDED) {
                    yield Texts.get("batch.suggested.why.notNeeded", RowUsage.percentText(SizeAdvice.TARGET_PERCENT));
                }
                // Suggested, but not above the size the disk has now (it grew since the usage was read).
                yield Texts.get("batch.suggested.why.notLarger");
            }
        };
    }

    /** The rule as typed, or null when it cannot be read (the reason is in {@link #targetErrorProperty()}). */
    private BatchTarget target() {
        String t = targetText.get();
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return BatchTarget.parse(t);
        } catch (IllegalArgumentException e) {
            targetError.set(e.getMessage());
            return null;
        }
    }

    private void replan() {
        targetError.set(null);
        BatchTarget target = target();
        List<ResizeContext> contexts = disks.stream().map(d -> new ResizeContext(d.volume(), d.server(),
                DiskRoles.of(d.volume(), d.server()), journal.inFlight(d.volume().id()))).toList();
        if (target == null) {
            // Only the overridden disks can be planned without a rule: the others get an impossible size of 0.
            plan = planner.plan(contexts.stream().filter(c -> overrides.containsKey(c.volume().id())).toList(),
                    new BatchTarget.AddGb(1), overrides);
        } else {
            plan = planner.plan(contexts, target, overrides);
        }
        Map<String, BatchPlanner.Planned> planned = new HashMap<>();
        plan.planned().forEach(p -> planned.put(p.volume().id(), p));
        Map<String, BatchPlanner.Refused> refused = new HashMap<>();
        plan.refused().forEach(r -> refused.put(r.volume().id(), r));
        List<Line> out = new ArrayList<>();
        for (Disk d : disks) {
            Volume v = d.volume();
            String billing = Texts.get(v.yearlyMonthly() ? "batch.billing.yearly" : "batch.billing.onDemand");
            BatchPlanner.Planned p = planned.get(v.id());
            BatchPlanner.Refused r = refused.get(v.id());
            String why = noSuggestion.get(v.id());
            if (p != null) {
                String grows = Texts.get("batch.line.grows", Texts.gb(p.addedGb()));
                if (suggested.contains(v.id())) {
                    grows = Texts.get("batch.line.suggested", grows);
                } else if (why != null) {
                    grows = Texts.get("batch.line.keepsRule", grows, why);
                }
                out.add(new Line(v.id(), v.name(), Texts.gb(v.sizeGb()), Texts.gb(p.targetGb()), billing,
                        p.overridden(), false, grows));
            } else if (r != null) {
                out.add(new Line(v.id(), v.name(), Texts.gb(v.sizeGb()), Texts.gb(r.targetGb()), billing,
                        overrides.containsKey(v.id()), true, Texts.get("batch.line.leftOut", r.reason())));
            } else {
                out.add(new Line(v.id(), v.name(), Texts.gb(v.sizeGb()), "", billing, false, true,
                        why == null ? Texts.get("batch.line.noTarget")
                                : Texts.get("batch.line.noSuggestion", why)));
            }
        }
        lines.setAll(out);
        long added = plan.planned().stream().mapToLong(BatchPlanner.Planned::addedGb).sum();
        int n = plan.planned().size();
        valid.set(n > 0 && !sent.get());
        summary.set(n == 0 ? null : Texts.get("batch.summary", n, Texts.gb(added),
                Math.max(1, plan.batches().size())));
        refusedSummary.set(plan.refused().isEmpty() ? null : Texts.get("batch.refusedSummary",
                plan.refused().size()));
        price();
    }

    // ------------------------------------------------------------------------------------------ price

    private record Hourly(BigDecimal oldPerHour, BigDecimal newPerHour, String currency) {
    }

    private record Estimate(BigDecimal amount, String currency) {
    }

    /** Prices the planned disks per billing mode, in the background, with what was already had kept. */
    private void price() {
        List<BatchPlanner.Planned> onDemand = plan.planned().stream().filter(p -> !p.volume().yearlyMonthly())
                .toList();
        List<BatchPlanner.Planned> yearly = plan.planned().stream().filter(p -> p.volume().yearlyMonthly()).toList();
        onDemandPrice.set(onDemand.isEmpty() ? null : Texts.get("batch.price.asking"));
        yearlyPrice.set(yearly.isEmpty() ? null : Texts.get("batch.price.asking"));
        if (plan.planned().isEmpty()) {
            BackgroundTask.wrap(() -> null).latestWins(priceKey).executeWith(tasks);
            return;
        }
        if (account.billing() == null) {
            onDemandPrice.set(onDemand.isEmpty() ? null : Texts.get("billing.price.notOffered"));
            yearlyPrice.set(yearly.isEmpty() ? null : Texts.get("billing.price.notOffered"));
            return;
        }
        EvsBillingApi api = account.billing().api();
        BackgroundTask.wrap(() -> new String[] {hourlyTotal(api, onDemand), yearlyTotal(api, yearly)})
                .latestWins(priceKey)
                .onSuccess(texts -> {
                    onDemandPrice.set(texts[0]);
                    yearlyPrice.set(texts[1]);
                })
                .executeWith(tasks);
    }

    private String hourlyTotal(EvsBillingApi api, List<BatchPlanner.Planned> disks) {
        if (disks.isEmpty()) {
            return null;
        }
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
        String currency = null;
        try {
            // The disks not priced yet go in one request (two products each), not one call per disk.
            List<BatchPlanner.Planned> unpriced = disks.stream().filter(p -> !quotes.containsKey(hourlyKey(p)))
                    .toList();
            if (!unpriced.isEmpty()) {
                List<EvsBillingApi.OnDemandPrice> prices = api.rateOnDemandAll(unpriced.stream()
                        .map(p -> new EvsBillingApi.RatedChange(EvsBillingApi.RatedDisk.of(p.volume()),
                                Math.toIntExact(p.targetGb()))).toList());
                for (int i = 0; i < unpriced.size(); i++) {
                    EvsBillingApi.OnDemandPrice price = prices.get(i);
                    quotes.put(hourlyKey(unpriced.get(i)), new Hourly(price.oldPerHour(), price.newPerHour(),
                            price.currency()));
                }
            }
            for (BatchPlanner.Planned p : disks) {
                Hourly h = (Hourly) quotes.get(hourlyKey(p));
                before = before.add(h.oldPerHour());
                after = after.add(h.newPerHour());
                currency = h.currency();
            }
        } catch (Exception e) {
            return Texts.get("batch.price.onDemand", disks.size(),
                    Texts.get("billing.price.unavailable", ErrorText.describe(e)));
        }
        return Texts.get("batch.price.onDemand", disks.size(),
                PriceRules.onDemandDifference(before, after, currency).label());
    }

    private String yearlyTotal(EvsBillingApi api, List<BatchPlanner.Planned> disks) {
        if (disks.isEmpty()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        int missing = 0;
        try {
            Map<String, EvsBillingApi.Subscription> subs = new HashMap<>();
            List<String> ids = disks.stream().map(p -> p.volume().id())
                    .filter(id -> !quotes.containsKey("s|" + id)).toList();
            if (!ids.isEmpty()) {
                for (EvsBillingApi.Subscription s : api.subscriptions(ids)) {
                    quotes.put("s|" + s.resourceId(), s);
                }
            }
            for (BatchPlanner.Planned p : disks) {
                Object s = quotes.get("s|" + p.volume().id());
                if (s instanceof EvsBillingApi.Subscription sub && sub.expireTime() != null) {
                    subs.put(p.volume().id(), sub);
                }
            }
            // Every size still unpriced (old and new, per type and zone) in one period rating request.
            List<EvsBillingApi.RatedDisk> unpriced = new ArrayList<>();
            for (BatchPlanner.Planned p : disks) {
                if (!subs.containsKey(p.volume().id())) {
                    continue;
                }
                EvsBillingApi.RatedDisk disk = EvsBillingApi.RatedDisk.of(p.volume());
                for (long gb : new long[] {p.volume().sizeGb(), p.targetGb()}) {
                    EvsBillingApi.RatedDisk sized = new EvsBillingApi.RatedDisk(disk.volumeType(),
                            disk.availabilityZone(), Math.toIntExact(gb));
                    if (!quotes.containsKey(monthlyKey(sized)) && !unpriced.contains(sized)) {
                        unpriced.add(sized);
                    }
                }
            }
            if (!unpriced.isEmpty()) {
                List<EvsBillingApi.PeriodPrice> prices = api.rateMonthlyAll(unpriced);
                for (int i = 0; i < unpriced.size(); i++) {
                    quotes.put(monthlyKey(unpriced.get(i)), prices.get(i));
                }
            }
            for (BatchPlanner.Planned p : disks) {
                EvsBillingApi.Subscription sub = subs.get(p.volume().id());
                if (sub == null) {
                    missing++;
                    continue;
                }
                EvsBillingApi.RatedDisk disk = EvsBillingApi.RatedDisk.of(p.volume());
                EvsBillingApi.PeriodPrice before = monthly(api, disk, p.volume().sizeGb());
                EvsBillingApi.PeriodPrice after = monthly(api, disk, p.targetGb());
                PriceRules.PeriodEstimate e = PriceRules.periodExpansion(before.amount(), after.amount(),
                        after.currency(), clock.instant(), sub.expireTime(), PriceRules.CHINA);
                total = total.add(e.amount());
                currency = e.currency();
            }
        } catch (Exception e) {
            return Texts.get("batch.price.yearly", disks.size(),
                    Texts.get("billing.price.unavailable", ErrorText.describe(e)));
        }
        String text = Texts.get("billing.price.estimateLabel", PriceRules.money(total, currency));
        if (missing > 0) {
            text = Texts.sentences(text, Texts.get("batch.price.someWithoutExpiry", missing));
        }
        return Texts.get("batch.price.yearly", disks.size(), text);
    }

    private EvsBillingApi.PeriodPrice monthly(EvsBillingApi api, EvsBillingApi.RatedDisk disk, long sizeGb)
            throws Exception {
        EvsBillingApi.RatedDisk sized = new EvsBillingApi.RatedDisk(disk.volumeType(), disk.availabilityZone(),
                Math.toIntExact(sizeGb));
        EvsBillingApi.PeriodPrice p = (EvsBillingApi.PeriodPrice) quotes.get(monthlyKey(sized));
        if (p == null) {
            p = api.rateMonthly(sized, sized.sizeGb());
            quotes.put(monthlyKey(sized), p);
        }
        return p;
    }

    private static String monthlyKey(EvsBillingApi.RatedDisk sized) {
        return "m|" + sized.volumeType() + "|" + sized.availabilityZone() + "|" + sized.sizeGb();
    }

    private static String hourlyKey(BatchPlanner.Planned p) {
        return "h|" + p.volume().id() + "|" + p.volume().sizeGb() + "|" + p.targetGb();
    }

    // ------------------------------------------------------------------------------------------ sending

    /**
     * Sends the planned disks, one call per billing mode (and per {@value BatchPlanner#MAX_BATCH} disks), in the
     * background. Afterwards {@link #resultProperty()} says what was sent; the first yearly/monthly order awaiting
     * payment goes to {@code onSent} (for its pay/cancel step), or null when there is none.
     */
    public void submit() {
        if (!valid.get() || busy.get() || reading.get() || sent.get() || account.tracker() == null) {
            return;
        }
        List<List<ResizeRequest>> calls = new ArrayList<>();
        for (List<BatchPlanner.Planned> batch : plan.batches()) {
            calls.add(batch.stream().map(this::request).toList());
        }
        ResizeTracker tracker = account.tracker();
        busy.set(true);
        submitError.set(null);
        BackgroundTask.wrap(() -> {
            List<ResizeTracker.BatchSubmission> out = new ArrayList<>();
            for (List<ResizeRequest> call : calls) {
                out.add(tracker.submitBatch(call));
            }
            return out;
        }).onSuccess(results -> {
            sent.set(true);
            valid.set(false);
            result.set(describe(results));
            Activity order = results.stream().flatMap(r -> r.activities().stream())
                    .filter(a -> a.state() == ActivityState.AWAITING_PAYMENT && a.orderId() != null)
                    .findFirst().orElse(null);
            boolean allFailed = results.stream().flatMap(r -> r.activities().stream())
                    .allMatch(a -> a.state() == ActivityState.FAILED);
            if (!allFailed) {
                // Everything refused stays on screen with the reason; otherwise the activity rows take over.
                onSent.accept(order);
            }
        }).onFailure(e -> submitError.set(ErrorText.describe(e)))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private ResizeRequest request(BatchPlanner.Planned p) {
        Volume v = p.volume();
        return new ResizeRequest(v.id(), v.name(), v.sizeGb(), p.targetGb(), v.yearlyMonthly(),
                v.yearlyMonthly() ? Boolean.FALSE : null, v.firstDevice(), account.label(), account.region(),
                account.projectId());
    }

    /** "Sent 4 disks: …; 1 was refused by Huawei Cloud: …" in sentences. */
    static String describe(List<ResizeTracker.BatchSubmission> results) {
        List<String> parts = new ArrayList<>();
        int failed = 0;
        int sentDisks = 0;
        for (ResizeTracker.BatchSubmission r : results) {
            sentDisks += r.activities().size();
            failed += (int) r.activities().stream().filter(a -> a.state() == ActivityState.FAILED).count();
            if (r.oneByOne()) {
                parts.add(Texts.get("batch.result.oneByOne", r.activities().size()));
            } else if (r.jobId() != null) {
                parts.add(Texts.get("batch.result.job", r.jobId(), r.activities().size()));
            } else if (r.orderId() != null) {
                parts.add(Texts.get("batch.result.order", r.orderId(), r.activities().size()));
            }
            if (!r.busy().isEmpty()) {
                parts.add(Texts.get("batch.result.busy", r.busy().size()));
            }
        }
        parts.add(0, Texts.get("batch.result.sent", sentDisks));
        if (failed > 0) {
            parts.add(Texts.get("batch.result.failed", failed));
        }
        return Texts.sentences(parts.toArray(String[]::new));
    }

    /** Runs once sent, with the first activity of an order awaiting payment, or null. */
    public void setOnSent(java.util.function.Consumer<Activity> action) {
        onSent = Objects.requireNonNull(action, "action");
    }

    /** The disks planned now (for tests and the confirmation). */
    public BatchPlanner.BatchPlan plan() {
        return plan;
    }

    public StringProperty targetTextProperty() {
        return targetText;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refusedSummaryProperty() {
        return refusedSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty onDemandPriceProperty() {
        return onDemandPrice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yearlyPriceProperty() {
        return yearlyPrice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the disks are being read again (nothing is sent meanwhile). */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** What "Use suggested sizes" did ("Suggested sizes taken for 3 disks; 2 keep the rule…"), or null. */
    public ReadOnlyStringProperty suggestionNoteProperty() {
        return suggestionNote.getReadOnlyProperty();
    }

    /** "Checking the current state of the disks…", or why they could not be read again; else null. */
    public ReadOnlyStringProperty factsNoteProperty() {
        return factsNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty submitErrorProperty() {
        return submitError.getReadOnlyProperty();
    }
}
