package io.expanse.ui.packs;

import io.expanse.text.Texts;
import io.expanse.cloud.unicloud.UpgradeBody;
import io.expanse.domain.nas.NasRule;
import io.expanse.domain.nas.UpgradeContext;
import io.expanse.domain.nas.UpgradeDecision;
import io.expanse.domain.nas.UpgradePolicy;
import io.expanse.work.Activity;
import io.expanse.ui.common.Submission;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.nas.NasUpgradeRequest;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.ResourcePack;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The upgrade dialog's state: every keystroke re-runs {@link UpgradePolicy}; the specification code that will be
 * sent and the summary follow the typed capacity. Submitting goes through {@link NasUpgradeTracker}, off the FX
 * thread ({@link Submission}).
 */
public final class UpgradeViewModel {

    private final NasUpgradeTracker tracker;
    private final UpgradePolicy policy;
    private final Submission submission;
    private final ResourcePack pack;
    private final String account;
    private final String region;

    private final StringProperty targetText = new SimpleStringProperty(this, "targetText", "");
    private final ReadOnlyStringWrapper specCode = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final String expiryWarning;
    private final boolean expired;

    public UpgradeViewModel(NasUpgradeTracker tracker, UpgradePolicy policy, TaskExecutor tasks, ResourcePack pack,
                            String account, String region) {
        this(tracker, policy, tasks, pack, account, region, Clock.systemDefaultZone());
    }

    /**
     * @param clock today's date, for the expiry warning: an expired pack is warned about before anything is typed
     *              (with Renew… beside it), and so is one within {@link PackRow#EXPIRY_WARNING_DAYS} days
     */
    public UpgradeViewModel(NasUpgradeTracker tracker, UpgradePolicy policy, TaskExecutor tasks, ResourcePack pack,
                            String account, String region, Clock clock) {
        this.tracker = tracker;
        this.policy = policy;
        this.submission = new Submission(tasks);
        this.pack = pack;
        this.account = account;
        this.region = region;
        LocalDate expiry = pack.expiryDate();
        long daysLeft = expiry == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(LocalDate.now(clock), expiry);
        this.expired = daysLeft < 0;
        this.expiryWarning = expired ? Texts.get("upgrade.expiredWarning", packText(), expiry.toString(), -daysLeft)
                : daysLeft <= PackRow.EXPIRY_WARNING_DAYS ? Texts.get("upgrade.expiringWarning", packText(),
                        expiry.toString(), daysLeft) : null;
        targetText.addListener((o, a, b) -> evaluate());
        evaluate();
    }

    private UpgradeDecision decide() {
        return policy.check(new UpgradeContext(pack.id(), pack.label(), pack.capacityGb(), tracker.inFlight(pack.id())),
                targetText.get());
    }

    private void evaluate() {
        UpgradeDecision d = decide();
        valid.set(d.allowed());
        boolean blank = targetText.get() == null || targetText.get().isBlank();
        boolean inFlight = d.failedRule() == NasRule.UPGRADE_IN_FLIGHT;
        // An empty field is not an error yet; an upgrade in flight is said at once.
        validation.set(d.allowed() || blank && !inFlight ? null : d.reason());
        // Only a target the rules accept has a specification code: showing one for a refused target reads as if
        // UniCloud offered it.
        specCode.set(d.allowed() ? UpgradeBody.specificationCode(d.targetGb()) : "—");
        summary.set(d.allowed() ? Texts.get("upgrade.summary", pack.label().isEmpty() ? pack.id()
                : Texts.get("upgrade.packWithLabel", pack.id(), pack.label()), Texts.gb(pack.capacityGb()),
                Texts.gb(d.targetGb()), UpgradeBody.specificationCode(d.targetGb()), PackTexts.payType(pack.payType()))
                : null);
    }

    /** Sends the upgrade in the background; on acceptance {@code onSubmitted} runs, else the error is shown. */
    public void submit() {
        UpgradeDecision d = decide();
        if (!d.allowed() || submission.runningProperty().get()) {
            return;
        }
        NasUpgradeRequest request = new NasUpgradeRequest(pack.id(), pack.label(), pack.capacityGb(), d.targetGb(),
                pack.payType(), account, region);
        submission.start(() -> tracker.submit(request), Activity::message);
    }

    public void setOnSubmitted(Runnable r) {
        submission.setOnSubmitted(r);
    }

    /** The warning about the pack's expiry (expired, or within 30 days), or null. */
    public String expiryWarning() {
        return expiryWarning;
    }

    /** Whether the pack has expired. */
    public boolean expired() {
        return expired;
    }

    public ResourcePack pack() {
        return pack;
    }

    public String packText() {
        return pack.label().isEmpty() ? pack.id() : Texts.get("resize.volumeText", pack.label(), pack.id());
    }

    public String currentText() {
        return Texts.gb(pack.capacityGb());
    }

    public String payTypeText() {
        return PackTexts.payType(pack.payType());
    }

    public String allowedText() {
        return Texts.get("upgrade.allowed", policy.rules().describe());
    }

    public StringProperty targetTextProperty() {
        return targetText;
    }

    public ReadOnlyStringProperty specCodeProperty() {
        return specCode.getReadOnlyProperty();
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
        return submission.runningProperty();
    }

    public ReadOnlyStringProperty submitErrorProperty() {
        return submission.errorProperty();
    }

    /** The failed send's code, HTTP status and request id ("" when none). */
    public ReadOnlyStringProperty submitErrorDetailsProperty() {
        return submission.errorDetailsProperty();
    }
}
