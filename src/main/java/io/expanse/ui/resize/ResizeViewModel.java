package io.expanse.ui.resize;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.DiskRole;
import io.expanse.domain.resize.DiskRoles;
import io.expanse.domain.resize.NewSizeParser;
import io.expanse.domain.resize.ParsedSize;
import io.expanse.domain.resize.ResizeContext;
import io.expanse.domain.resize.ResizeDecision;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.domain.resize.Rule;
import io.expanse.text.Texts;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.Submission;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import java.util.List;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import io.expanse.work.ResizeRequest;
import io.expanse.work.ResizeTracker;
import io.expanse.work.accounts.EvsAccount;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The resize dialog's state. Every keystroke re-runs {@link ResizePolicy} on the latest facts about the volume
 * and its server; the facts are read again from the cloud when the dialog opens, so a stale table row cannot
 * lead to a wrong decision. Submitting goes through {@link ResizeTracker}, off the FX thread ({@link Submission}).
 * Blocking work runs on a {@link TaskExecutor}; with a {@code CurrentThreadTaskExecutor} the model runs in a plain
 * unit test, without a JavaFX toolkit.
 */
public final class ResizeViewModel {

    private final EvsAccount connection;
    private final ResizeTracker tracker;
    private final ActivityJournal journal;
    private final ResizePolicy policy;
    private final TaskExecutor tasks;
    private final Submission submission;
    /** A newer re-read of the facts replaces an older one still running. */
    private final Object factsKey = new Object();

    private Volume volume;
    private ServerInfo server;
    /** Every server the disk is attached to, as last read, by id (a shared disk has several). */
    private java.util.Map<String, ServerInfo> attachedServers = java.util.Map.of();

    private final StringProperty newSizeText = new SimpleStringProperty(this, "newSizeText", "");
    /** The disk as last read, and the size the rules allow for what is typed (0 while refused): the price follows. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Volume> currentVolume =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "currentVolume");
    private final javafx.beans.property.ReadOnlyLongWrapper plannedSize =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "plannedSize");
    /** Whether the change was accepted (an order awaiting payment keeps the dialog open): no second send. */
    private final ReadOnlyBooleanWrapper accepted = new ReadOnlyBooleanWrapper(this, "accepted");
    private final ReadOnlyStringWrapper volumeText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper currentSizeText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper roleText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper billingText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper yearlyMonthly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** Whether the facts are being read again. */
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper factsNote = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper attachmentText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper checkAgainOffered = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Rule> failedRule =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    /** Whether anything was typed yet: a missing size is not a refusal before then. */
    private boolean touched;

    /** One-click targets, each still checked by the rules. */
    public enum QuickTarget {
        PLUS_10_PERCENT, PLUS_50_PERCENT, PLUS_100_GB, DOUBLE
    }

    /** Where an MBR partition table stops being able to use a disk: 2 TiB. */
    static final long MBR_LIMIT_GB = 2048;

    public ResizeViewModel(EvsAccount connection, ResizeTracker tracker, ActivityJournal journal, ResizePolicy policy,
                           TaskExecutor tasks, Volume volume, ServerInfo server) {
        this.connection = connection;
        this.tracker = tracker;
        this.journal = journal;
        this.policy = policy;
        this.tasks = tasks;
        this.submission = new Submission(tasks);
        this.volume = volume;
        this.server = server;
        this.attachedServers = server == null || server.id() == null ? java.util.Map.of()
                : java.util.Map.of(server.id(), server);
        busy.bind(reading.or(submission.runningProperty()));
        newSizeText.addListener((o, a, b) -> {
            touched |= b != null && !b.isEmpty();
            evaluate();
        });
        showFacts();
    }

    /** Reads the volume and its server again; until then the table's copy is shown and checked. */
    public void reloadFacts() {
        reading.set(true);
        factsNote.set(Texts.get("resize.facts.checking"));
        String serverId = volume.firstServerId();
        String volumeId = volume.id();
        BackgroundTask.wrap(() -> {
            Volume v = connection.api().getVolume(volumeId);
            ServerInfo s = v.firstServerId() == null ? null : connection.api().getServer(v.firstServerId());
            java.util.Map<String, ServerInfo> all = new java.util.LinkedHashMap<>();
            if (s != null && s.id() != null) {
                all.put(s.id(), s);
            }
            if (v.attachments().size() > 1) {
                // The other servers of a shared disk, for their names; one that cannot be read is named by its id.
                java.util.List<String> others = v.attachments().stream().map(Volume.Attachment::serverId)
                        .filter(id -> id != null && !all.containsKey(id)).toList();
                try {
                    all.putAll(connection.api().servers(others));
                } catch (io.expanse.cloud.ApiException e) {
                    // The first server decides; the others are named by id.
                }
            }
            return new Facts(v, s, all);
        }).onSuccess(facts -> {
            volume = facts.volume();
            server = facts.server();
            attachedServers = facts.attached();
            reading.set(false);
            factsNote.set(null);
            showFacts();
        }).onFailure(error -> {
            reading.set(false);
            factsNote.set(Texts.get(serverId == null ? "resize.facts.rereadFailed" : "resize.facts.rereadFailedChecked",
                    ErrorText.describe(error)));
            evaluate();
        }).latestWins(factsKey).executeWith(tasks);
    }

    /** The volume and its server as read again. */
    private record Facts(Volume volume, ServerInfo server, java.util.Map<String, ServerInfo> attached) {
    }

    /** Reads the disk and its servers again and decides afresh (after a reboot ended, an expansion finished…). */
    public void checkAgain() {
        reloadFacts();
    }

    /**
     * The server of an in-use disk with its status, or for a shared disk every server it is attached to; for a
     * detached disk a short "not attached".
     */
    private String attachment() {
        List<Volume.Attachment> atts = volume.attachments();
        if (atts.isEmpty()) {
            return Texts.get("resize.attachment.none");
        }
        if (volume.multiattach() || atts.size() > 1) {
            return Texts.get("resize.attachment.shared", String.join(Texts.get("resize.listSeparator"),
                    atts.stream().map(a -> serverWithStatus(a.serverId())).toList()));
        }
        return Texts.get("resize.attachment.single", serverWithStatus(atts.get(0).serverId()));
    }

    /** "web-01 · Running (ACTIVE)", or the id alone when the server could not be read. */
    private String serverWithStatus(String serverId) {
        ServerInfo s = attachedServers.get(serverId);
        if (s == null && server != null && serverId != null && serverId.equals(server.id())) {
            s = server;
        }
        String name = serverName(s, serverId);
        if (s == null || s.status() == null || s.status().isBlank()) {
            return Texts.get("resize.attachment.serverUnread", name);
        }
        String status = s.status().strip();
        String key = "server.status." + status.toLowerCase(java.util.Locale.ROOT);
        String words = Texts.has(key) ? Texts.get(key) : status;
        return words.equals(status) ? Texts.get("resize.attachment.serverStatus", name, status)
                : Texts.get("resize.attachment.serverStatusWords", name, words, status);
    }

    private static String serverName(ServerInfo s, String serverId) {
        if (s != null && s.name() != null && !s.name().isBlank()) {
            return s.name().strip();
        }
        return serverId == null ? Texts.get("resize.server.unknown") : serverId;
    }

    /** The names of every server the disk is attached to, for a refusal that names them. */
    private List<String> attachedServerNames() {
        return volume.attachments().stream().map(a -> serverName(attachedServers.get(a.serverId()), a.serverId()))
                .toList();
    }

    private void showFacts() {
        currentVolume.set(volume);
        volumeText.set(Texts.get("resize.volumeText", volume.name(), volume.id()));
        currentSizeText.set(Texts.gb(volume.sizeGb()));
        DiskRole role = role();
        long max = policy.maxSizeGb(role);
        roleText.set(switch (role) {
            case SYSTEM -> Texts.get("resize.role.system", Texts.gb(max));
            case DATA -> Texts.get("resize.role.data", Texts.gb(max));
            case UNKNOWN -> Texts.get("resize.role.unknown", Texts.gb(max));
        });
        yearlyMonthly.set(volume.yearlyMonthly());
        attachmentText.set(attachment());
        billingText.set(volume.yearlyMonthly()
                ? Texts.get("resize.billing.yearlyMonthly", String.valueOf(volume.orderId()))
                : Texts.get("resize.billing.onDemand"));
        evaluate();
    }

    private DiskRole role() {
        return DiskRoles.of(volume, server);
    }

    private ResizeContext context() {
        return new ResizeContext(volume, server, role(), journal.inFlight(volume.id()), attachedServerNames());
    }

    /**
     * The total size the field asks for: what was typed, or for "+N" (an increase, as the Huawei console asks for
     * the capacity to add) the current size plus N. The parser itself reads only totals.
     */
    private String requestedTotal() {
        String raw = newSizeText.get() == null ? "" : newSizeText.get().strip();
        if (raw.startsWith("+") || raw.startsWith("\uFF0B")) {
            ParsedSize added = NewSizeParser.parse(raw.substring(1));
            return added.ok() ? Long.toString(volume.sizeGb() + added.gb()) : raw.substring(1);
        }
        return raw;
    }

    private void evaluate() {
        ResizeContext ctx = context();
        ResizeDecision d = policy.check(ctx, requestedTotal());
        valid.set(d.allowed());
        plannedSize.set(d.allowed() ? d.newSizeGb() : 0);
        failedRule.set(d.failedRule());
        checkAgainOffered.set(policy.worthCheckingAgain(ctx, d));
        // Nothing typed yet is not a refusal; a refusal of the disk itself (its state, its server) still shows.
        boolean untouchedEmpty = !touched && d.failedRule() == Rule.SIZE_MISSING;
        validation.set(d.allowed() || untouchedEmpty ? null : d.reason());
        warning.set(d.allowed() && d.newSizeGb() > MBR_LIMIT_GB && volume.sizeGb() <= MBR_LIMIT_GB
                ? Texts.get("resize.warning.mbr", Texts.gb(MBR_LIMIT_GB)) : null);
        if (!d.allowed()) {
            summary.set(null);
            return;
        }
        long added = d.newSizeGb() - volume.sizeGb();
        String head = Texts.get("resize.summary.head", volume.name(), Texts.gb(volume.sizeGb()),
                Texts.gb(d.newSizeGb()), Texts.gb(added));
        if (volume.yearlyMonthly()) {
            summary.set(Texts.get("resize.summary.order", head));
        } else {
            summary.set(Texts.get("resize.summary.job", head));
        }
    }

    /** Puts a one-click target in the field: the current size plus 10 % or 50 % (rounded up), plus 100 GB, or twice. */
    public void applyQuickTarget(QuickTarget target) {
        long now = volume.sizeGb();
        long total = switch (target) {
            case PLUS_10_PERCENT -> now + Math.max(1, (now * 10 + 99) / 100);
            case PLUS_50_PERCENT -> now + Math.max(1, (now * 50 + 99) / 100);
            case PLUS_100_GB -> now + 100;
            case DOUBLE -> now * 2;
        };
        newSizeText.set(Long.toString(total));
    }

    /** Sends the resize in the background; on acceptance {@code onSubmitted} runs, else the error is shown. */
    public void submit() {
        ResizeDecision d = policy.check(context(), requestedTotal());
        if (!d.allowed() || busy.get() || accepted.get()) {
            return;
        }
        // A yearly/monthly order is always created unpaid: its amount is shown, then the operator pays or cancels.
        ResizeRequest request = new ResizeRequest(volume.id(), volume.name(), volume.sizeGb(), d.newSizeGb(),
                volume.yearlyMonthly(), volume.yearlyMonthly() ? Boolean.FALSE : null, volume.firstDevice(),
                connection.label(), connection.region(), connection.projectId());
        submission.start(() -> tracker.submit(request),
                activity -> activity.failureReason() == null ? activity.message() : activity.failureReason());
    }

    public void setOnSubmitted(Runnable r) {
        submission.setOnSubmitted(r);
    }

    public StringProperty newSizeTextProperty() {
        return newSizeText;
    }

    /**
     * Runs with an accepted activity instead of the dialog closing (see {@link Submission#setOnAccepted}); the
     * dialog then no longer sends.
     */
    public void setOnAccepted(java.util.function.Consumer<io.expanse.work.Activity> action) {
        submission.setOnAccepted(activity -> {
            accepted.set(true);
            action.accept(activity);
        });
    }

    /** The disk as last read. */
    public javafx.beans.property.ReadOnlyObjectProperty<Volume> currentVolumeProperty() {
        return currentVolume.getReadOnlyProperty();
    }

    /** The new size the rules allow for what is typed, or 0 while it is refused. */
    public javafx.beans.property.ReadOnlyLongProperty plannedSizeProperty() {
        return plannedSize.getReadOnlyProperty();
    }

    /** Whether the change was sent and accepted. */
    public ReadOnlyBooleanProperty acceptedProperty() {
        return accepted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty volumeTextProperty() {
        return volumeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentSizeTextProperty() {
        return currentSizeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleTextProperty() {
        return roleText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty billingTextProperty() {
        return billingText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty yearlyMonthlyProperty() {
        return yearlyMonthly.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty factsNoteProperty() {
        return factsNote.getReadOnlyProperty();
    }

    /** A warning about the size chosen that does not refuse it (past 2 TiB: MBR partitions), or null. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The server of an in-use disk and its status, or every server a shared disk is attached to. */
    public ReadOnlyStringProperty attachmentTextProperty() {
        return attachmentText.getReadOnlyProperty();
    }

    /** Whether the refusal comes from a state that passes on its own, so that {@link #checkAgain()} is offered. */
    public ReadOnlyBooleanProperty checkAgainOfferedProperty() {
        return checkAgainOffered.getReadOnlyProperty();
    }

    /** The rule the current input or facts fail, or null when allowed. */
    public javafx.beans.property.ReadOnlyObjectProperty<Rule> failedRuleProperty() {
        return failedRule.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty submitErrorProperty() {
        return submission.errorProperty();
    }

    /** The failed send's code, HTTP status and request id ("" when none). */
    public ReadOnlyStringProperty submitErrorDetailsProperty() {
        return submission.errorDetailsProperty();
    }
}
