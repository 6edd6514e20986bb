package io.expanse.ui.resize;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.DiskRoles;
import io.expanse.domain.usage.SizeAdvice;
import io.expanse.domain.usage.SizeAdvice.Suggestion;
import io.expanse.domain.usage.TrendRules.DailyMax;
import io.expanse.domain.usage.TrendRules.Trend;
import io.expanse.text.Texts;
import io.expanse.ui.usage.UsageTexts;
import io.expanse.ui.volumes.RowUsage;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The usage section of the resize dialog: how full the disk is, its last seven days (for the chart), when it will be
 * full, and the suggested size ({@link SizeAdvice}: the 7-day peak at 70 % used, rounded up to 10 GB, within the
 * role's limit) with the free space it leaves and the days it buys; {@link #useSuggestion()} puts it in the size
 * field. Plain JavaFX properties, no toolkit needed: tested in plain JUnit.
 */
public final class UsagePaneViewModel {

    private final RowUsage usage;
    private final double threshold;
    private final Consumer<String> sizeField;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper hasFigure = new ReadOnlyBooleanWrapper(this, "hasFigure");
    private final ReadOnlyStringWrapper usedText = new ReadOnlyStringWrapper(this, "usedText", "");
    private final ReadOnlyStringWrapper trendText = new ReadOnlyStringWrapper(this, "trendText", "");
    private final ReadOnlyStringWrapper suggestionText = new ReadOnlyStringWrapper(this, "suggestionText", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<Long> suggestedGb = new ReadOnlyObjectWrapper<>(this, "suggestedGb");

    /**
     * @param volume    the disk as the dialog shows it (its size now)
     * @param server    its server, for the role and so the limit (may be null)
     * @param usage     the row's usage, or null when none was read
     * @param threshold the attention threshold, for the chart's line
     * @param sizeField where "Use suggested size" writes the size (the dialog's size field)
     */
    public UsagePaneViewModel(Volume volume, ServerInfo server, RowUsage usage, double threshold,
                              Consumer<String> sizeField) {
        this.usage = usage;
        this.threshold = threshold;
        this.sizeField = Objects.requireNonNull(sizeField, "sizeField");
        update(volume, server);
    }

    /** Shows the disk again as the dialog read it (the size may have changed since the table's copy). */
    public void update(Volume volume, ServerInfo server) {
        shown.set(usage != null);
        boolean figure = usage != null && usage.usage() != null;
        hasFigure.set(figure);
        suggestedGb.set(null);
        if (!figure) {
            usedText.set("");
            trendText.set("");
            suggestionText.set("");
            note.set(usage == null ? "" : Objects.requireNonNullElse(usage.tooltip(), ""));
            return;
        }
        usedText.set(UsageTexts.used(usage.usage()));
        trendText.set(UsageTexts.trend(usage.usage().trend()));
        if (usage.kind() == RowUsage.Kind.MAPPED) {
            Double peak = usage.peakPercent();
            Suggestion s = peak == null ? null
                    : SizeAdvice.suggest(volume.sizeGb(), DiskRoles.of(volume, server), peak, usage.usage().trend());
            suggestionText.set(s == null ? "" : UsageTexts.suggestion(s));
            suggestedGb.set(s != null && s.outcome() == SizeAdvice.Outcome.EXPAND ? s.targetGb() : null);
            note.set("");
        } else {
            suggestionText.set("");
            note.set(Texts.sentences(Objects.requireNonNullElse(usage.tooltip(), ""),
                    Texts.get("usage.pane.noSuggestion")));
        }
    }

    /** Puts the suggested size into the size field (nothing when there is none). */
    public void useSuggestion() {
        Long gb = suggestedGb.get();
        if (gb != null) {
            sizeField.accept(Long.toString(gb));
        }
    }

    /** Whether the section is shown at all (usage was read for this disk's server). */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether there is a figure (and so a chart). */
    public ReadOnlyBooleanProperty hasFigureProperty() {
        return hasFigure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usedTextProperty() {
        return usedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trendTextProperty() {
        return trendText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suggestionTextProperty() {
        return suggestionText.getReadOnlyProperty();
    }

    /** Why the figure is per server or missing, with the hint; else empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The suggested size in GB, or null when no larger size is suggested. */
    public ReadOnlyObjectProperty<Long> suggestedGbProperty() {
        return suggestedGb.getReadOnlyProperty();
    }

    /** The chart's data. */
    public List<DailyMax> lastWeek() {
        return usage == null || usage.usage() == null ? List.of() : usage.usage().lastWeek();
    }

    public Trend trend() {
        return usage == null || usage.usage() == null ? null : usage.usage().trend();
    }

    public double threshold() {
        return threshold;
    }
}
