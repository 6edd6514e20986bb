package io.expanse.ui.packs;

import io.expanse.domain.nas.RenewalPeriod;
import io.expanse.text.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.ZoneOffset;

/** How the packs view writes a pack's pay type and a moment, in the language in use. */
public final class PackTexts {

    private PackTexts() {
    }

    /**
     * A pay type in words: 包年/包月 "Yearly/monthly" for {@code YEAR_MONTH}, and so on; a code this build does not
     * know is shown as it is.
     */
    public static String payType(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "YEAR_MONTH" -> Texts.get("packs.payType.yearMonth");
            case "DAY_MONTH" -> Texts.get("packs.payType.dayMonth");
            case "CHARGING_HOURS" -> Texts.get("packs.payType.chargingHours");
            default -> code;
        };
    }

    /** The change column of a renewal: "Renew 3 months" for the period's code as the history stores it. */
    public static String renewal(String periodCode) {
        RenewalPeriod period = RenewalPeriod.parse(periodCode);
        return Texts.get("packs.renewal.change", period == null ? String.valueOf(periodCode) : period.text());
    }

    /**
     * A moment as the locale writes a date and time, followed by its offset from UTC: "Dec 2, 2026, 3:04 PM
     * UTC+08:00" (a zone's short name can be ambiguous: "CST" is China's and the US's).
     */
    public static String moment(Instant at, ZoneId zone) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Texts.locale()).withZone(zone).format(at);
        ZoneOffset offset = zone.getRules().getOffset(at);
        return when + " " + (offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId());
    }
}
