package io.expanse.work.nas;

import io.expanse.text.Texts;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.expanse.domain.nas.CapacityRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A UniCloud NAS resource pack as the operator recorded it (copied from the UniCloud console: no API lists packs).
 *
 * @param id         pack id, e.g. {@code pack-h58kdagr9vsf}
 * @param label      operator's label, may be empty
 * @param capacityGb current capacity in GB
 * @param expiresOn  expiry date {@code yyyy-MM-dd}, or null when not recorded
 * @param payType    billing mode sent with an upgrade, e.g. {@code YEAR_MONTH}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourcePack(String id, String label, long capacityGb, String expiresOn, String payType) {

    /**
     * The billing modes UniCloud's SDK names (yearly/monthly, daily/monthly settlement, hourly); YEAR_MONTH is the
     * one in UniCloud's upgrade example.
     */
    public static final List<String> PAY_TYPES = List.of("YEAR_MONTH", "DAY_MONTH", "CHARGING_HOURS");
    public static final String DEFAULT_PAY_TYPE = "YEAR_MONTH";
    public static final int MAX_LABEL = 100;
    /**
     * UNCONFIRMED id format: only {@code pack-h58kdagr9vsf} is documented, so any token of letters, digits, dash and
     * underscore is accepted rather than insisting on the {@code pack-} prefix.
     */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,63}");
    /** The largest capacity a pack can have: the upgrade rules' ceiling ({@link CapacityRules#DEFAULT_MAX_GB}). */
    public static final long MAX_CAPACITY_GB = CapacityRules.DEFAULT_MAX_GB;
    /** Expiry years accepted: four digits, in a range a pack bought today can have. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2199;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ResourcePack {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label.strip();
        expiresOn = expiresOn == null || expiresOn.isBlank() ? null : expiresOn.strip();
        payType = payType == null || payType.isBlank() ? DEFAULT_PAY_TYPE : payType.strip();
    }

    /** The expiry as a date, or null when absent or unreadable. */
    @JsonIgnore
    public LocalDate expiryDate() {
        if (expiresOn == null || !DATE.matcher(expiresOn).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(expiresOn);
            return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The label, or the id when there is none. */
    @JsonIgnore
    public String displayName() {
        return label.isEmpty() ? id : label;
    }

    public ResourcePack withCapacity(long gb) {
        return new ResourcePack(id, label, gb, expiresOn, payType);
    }

    /** A copy with another expiry ({@code yyyy-MM-dd}). */
    public ResourcePack withExpiry(String date) {
        return new ResourcePack(id, label, capacityGb, date, payType);
    }

    /** Operator sentences for everything wrong with this pack; empty when valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            out.add(id.isBlank() ? Texts.get("pack.problem.enterId") : Texts.get("pack.problem.id", id));
        }
        if (capacityGb <= 0) {
            out.add(Texts.get("pack.problem.capacity"));
        } else if (capacityGb > MAX_CAPACITY_GB) {
            out.add(Texts.get("pack.problem.capacityMax", Texts.gb(MAX_CAPACITY_GB)));
        }
        if (expiresOn != null && expiryDate() == null) {
            out.add(Texts.get("pack.problem.expiry", printable(expiresOn), String.valueOf(MIN_YEAR),
                    String.valueOf(MAX_YEAR)));
        }
        if (label.length() > MAX_LABEL) {
            out.add(Texts.get("pack.problem.labelLength", MAX_LABEL));
        }
        if (label.codePoints().anyMatch(ResourcePack::forbidden)) {
            out.add(Texts.get("pack.problem.labelCharacters"));
        }
        if (!PAY_TYPES.contains(payType)) {
            out.add(Texts.get("pack.problem.payType", printable(payType), String.join(", ", PAY_TYPES)));
        }
        return out;
    }

    /**
     * Characters a label may not hold: C0 and C1 controls, and the bidirectional embeddings, overrides and isolates
     * (U+202A–U+202E, U+2066–U+2069) that make text read differently from how it is stored.
     */
    public static boolean forbidden(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F)
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** The text with forbidden characters shown as {@code U+XXXX}, for messages. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (forbidden(c)) {
                out.append(String.format("U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
