package io.expanse.work.nas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

    public ResourcePack {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label.strip();
        expiresOn = expiresOn == null || expiresOn.isBlank() ? null : expiresOn.strip();
        payType = payType == null || payType.isBlank() ? DEFAULT_PAY_TYPE : payType.strip();
    }

    /** The expiry as a date, or null when absent or unreadable. */
    @JsonIgnore
    public LocalDate expiryDate() {
        try {
            return expiresOn == null ? null : LocalDate.parse(expiresOn);
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

    /** Operator sentences for everything wrong with this pack; empty when valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            out.add(id.isBlank() ? "Enter the pack ID, e.g. pack-h58kdagr9vsf."
                    : "\"" + id + "\" is not a pack ID: use letters, digits and dashes, e.g. pack-h58kdagr9vsf.");
        }
        if (capacityGb <= 0) {
            out.add("The capacity must be a positive whole number of GB.");
        }
        if (expiresOn != null && expiryDate() == null) {
            out.add("The expiry \"" + expiresOn + "\" is not a date like 2026-12-31.");
        }
        if (label.length() > MAX_LABEL) {
            out.add("The label is longer than " + MAX_LABEL + " characters.");
        }
        if (!payType.matches("[A-Z_]{2,40}")) {
            out.add("The pay type \"" + payType + "\" is not one like YEAR_MONTH.");
        }
        return out;
    }
}
