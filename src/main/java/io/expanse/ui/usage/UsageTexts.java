package io.expanse.ui.usage;

import io.expanse.domain.usage.SizeAdvice;
import io.expanse.domain.usage.SizeAdvice.Suggestion;
import io.expanse.domain.usage.TrendRules;
import io.expanse.domain.usage.TrendRules.Trend;
import io.expanse.text.Texts;
import io.expanse.work.usage.MountUsage;

/** The sentences the details pane and the resize dialog say about a disk's usage. No JavaFX. */
public final class UsageTexts {

    private UsageTexts() {
    }

    /** "96 % used: 94 of 98 GB (/data)", with whatever is known. */
    public static String used(MountUsage u) {
        String mount = u.mountPoint() == null ? "" : u.mountPoint();
        Double p = u.percent() != null ? u.percent()
                : u.lastWeek().isEmpty() ? null : u.lastWeek().get(u.lastWeek().size() - 1).percent();
        if (p == null) {
            return Texts.get("usage.text.noRecent", mount);
        }
        if (u.usedGb() != null && u.totalGb() != null) {
            return Texts.get("usage.text.usedOf", Math.round(p), gb(u.usedGb()), gb(u.totalGb()), mount);
        }
        return Texts.get("usage.text.used", Math.round(p), mount);
    }

    /** "Full in about 12 days at +0.9 points a day", or why there is no figure. */
    public static String trend(Trend t) {
        if (t == null) {
            return Texts.get("usage.text.trend.none");
        }
        if (t.outcome() == TrendRules.Outcome.RISING) {
            String pace = String.format(Texts.locale(), "%.1f", t.slopePerDay());
            return t.daysUntilFull() == null || t.daysUntilFull() <= 0 ? Texts.get("usage.text.trend.fullNow", pace)
                    : Texts.get("usage.text.trend.rising", t.daysUntilFull(), pace);
        }
        return Texts.get("usage.text.trend.noFigure", t.reason());
    }

    /** What the suggestion means: the target, the free space it leaves and the days it buys; or why none. */
    public static String suggestion(Suggestion s) {
        if (s == null) {
            return "";
        }
        return switch (s.outcome()) {
            case EXPAND -> {
                String base = Texts.get("usage.text.suggest", s.targetGb(), Math.round(SizeAdvice.TARGET_PERCENT),
                        gb(s.freeGb()));
                String capped = s.capped() ? Texts.get("usage.text.suggest.capped", s.limitGb()) : "";
                String days = s.daysBought() == null ? "" : Texts.get("usage.text.suggest.days", s.daysBought());
                yield Texts.sentences(base, capped, days);
            }
            case NOT_NEEDED -> Texts.get("usage.text.notNeeded", Math.round(SizeAdvice.TARGET_PERCENT));
            case AT_LIMIT -> Texts.get("usage.text.atLimit", s.limitGb());
        };
    }

    /** A size in GB with at most one decimal: "94", "97.5". */
    static String gb(double gb) {
        double r = Math.round(gb * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Texts.locale(), "%.1f", r);
    }
}
