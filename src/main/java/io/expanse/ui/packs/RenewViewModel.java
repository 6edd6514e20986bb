package io.expanse.ui.packs;

import io.expanse.domain.nas.RenewalPeriod;
import io.expanse.text.Texts;
import io.expanse.ui.common.Submission;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.nas.NasRenewRequest;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.ResourcePack;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The renew dialog's state: the period chosen (1–11 months, 1–3 years), the expiry it would give (an estimate, see
 * {@link RenewalPeriod#extend}) and the order summary. Submitting goes through {@link NasUpgradeTracker#renew}, off
 * the FX thread, and is recorded and followed like an upgrade. When UniCloud refuses, its own answer (code and
 * message) is shown: whether its upgrade action accepts a renewal is unconfirmed.
 */
public final class RenewViewModel {

    private final NasUpgradeTracker tracker;
    private final Submission submission;
    private final ResourcePack pack;
    private final String account;
    private final String region;
    private final LocalDate today;

    private final ObjectProperty<RenewalPeriod> period = new SimpleObjectProperty<>(this, "period",
            new RenewalPeriod(1, RenewalPeriod.Unit.YEAR));
    private final ReadOnlyStringWrapper newExpiry = new ReadOnlyStringWrapper(this, "newExpiry");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper(this, "validation");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    public RenewViewModel(NasUpgradeTracker tracker, TaskExecutor tasks, ResourcePack pack, String account,
                          String region, Clock clock) {
        this.tracker = tracker;
        this.submission = new Submission(tasks);
        this.pack = pack;
        this.account = account;
        this.region = region;
        this.today = LocalDate.now(clock);
        period.addListener((o, a, b) -> evaluate());
        evaluate();
    }

    private void evaluate() {
        RenewalPeriod p = period.get();
        boolean inFlight = tracker.inFlight(pack.id());
        valid.set(p != null && !inFlight);
        validation.set(inFlight ? Texts.get("renew.inFlight", packText()) : null);
        newExpiry.set(p == null ? "—" : p.extend(pack.expiryDate(), today).toString());
        summary.set(valid.get() ? Texts.get("renew.summary", packText(), p.text(), PackTexts.payType(pack.payType()))
                : null);
    }

    /** Every period offered, shortest first. */
    public List<RenewalPeriod> periods() {
        return RenewalPeriod.offered();
    }

    /** Sends the renewal in the background; on acceptance {@code onSubmitted} runs, else UniCloud's answer shows. */
    public void submit() {
        RenewalPeriod p = period.get();
        if (p == null || !valid.get() || submission.runningProperty().get()) {
            return;
        }
        NasRenewRequest request = new NasRenewRequest(pack.id(), pack.label(), pack.capacityGb(), pack.payType(), p,
                account, region);
        submission.start(() -> tracker.renew(request), RenewViewModel::refusal);
    }

    /** The tracker's sentence, then UniCloud's own answer (its code and message) when it gave one. */
    static String refusal(Activity a) {
        String code = a.errorCode();
        String said = a.failureReason();
        if (code == null && (said == null || said.equals(a.message()))) {
            return a.message();
        }
        String answer = code == null ? said : said == null || said.equals(a.message()) ? code : code + ": " + said;
        return Texts.get("renew.refused", a.message(), answer);
    }

    public void setOnSubmitted(Runnable r) {
        submission.setOnSubmitted(r);
    }

    public ResourcePack pack() {
        return pack;
    }

    public String packText() {
        return pack.label().isEmpty() ? pack.id() : Texts.get("upgrade.packWithLabel", pack.id(), pack.label());
    }

    public String currentExpiryText() {
        return pack.expiresOn() == null ? Texts.get("renew.noExpiry") : pack.expiresOn();
    }

    public String payTypeText() {
        return PackTexts.payType(pack.payType());
    }

    public ObjectProperty<RenewalPeriod> periodProperty() {
        return period;
    }

    public ReadOnlyStringProperty newExpiryProperty() {
        return newExpiry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
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
