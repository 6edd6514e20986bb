package io.expanse.cloud.huawei;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.http.ErrorBodies;
import io.expanse.cloud.huawei.EvsBillingApi.OrderDetail;
import io.expanse.cloud.huawei.EvsBillingApi.Subscription;
import io.expanse.cloud.huawei.EvsBillingApi.VolumeOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers for the billing center's answers and the batch job, on top of {@link HuaweiJson}: amounts as
 * exact decimals in any of BSS's units, times in BSS's UTC form.
 */
final class BillingJson {

    private final HuaweiJson json;
    private final String what;

    BillingJson(String what, int status) {
        this.json = new HuaweiJson(what, status);
        this.what = what;
    }

    HuaweiJson json() {
        return json;
    }

    /**
     * An amount in the currency's main unit. BSS's {@code measure_id}: 1 yuan, 2 jiao (0.1), 3 fen (0.01); absent
     * means yuan. Any other unit is refused rather than guessed.
     */
    BigDecimal amount(JsonNode parent, String field, Long measureId) throws ApiException {
        BigDecimal raw = decimal(parent, field);
        if (raw == null) {
            return null;
        }
        long unit = measureId == null ? 1 : measureId;
        return switch ((int) unit) {
            case 1 -> raw;
            case 2 -> raw.movePointLeft(1);
            case 3 -> raw.movePointLeft(2);
            default -> throw json.bad(Texts.get("cloud.huawei.json.unknownUnit", what, String.valueOf(unit)));
        };
    }

    /** A required amount, see {@link #amount}. */
    BigDecimal requiredAmount(JsonNode parent, String field, Long measureId) throws ApiException {
        BigDecimal v = amount(parent, field, measureId);
        if (v == null) {
            throw json.bad(Texts.get("cloud.huawei.json.lacksAmount", what, field));
        }
        return v;
    }

    /** A number or numeric string as an exact decimal; null when missing or JSON null. */
    BigDecimal decimal(JsonNode parent, String field) throws ApiException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual() && !n.asText().isBlank()) {
            try {
                return new BigDecimal(n.asText().strip());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw json.bad(Texts.get("cloud.huawei.json.notAmount", what, field, ErrorBodies.snippet(n.asText())));
    }

    /** BSS times: {@code 2025-03-01T10:00:00Z} (or with an offset); null when missing or empty. */
    Instant time(JsonNode parent, String field) throws ApiException {
        String s = HuaweiJson.text(parent, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw json.bad(Texts.get("cloud.huawei.json.notTime", what, field, ErrorBodies.snippet(s)));
        }
    }

    Subscription subscription(JsonNode n) throws ApiException {
        Long main = json.optionalLong(n, "is_main_resource");
        Long status = json.optionalLong(n, "status");
        String parent = HuaweiJson.text(n, "parent_resource_id");
        return new Subscription(json.requiredText(n, "resource_id"), time(n, "effective_time"),
                time(n, "expire_time"), parent == null || parent.isBlank() ? null : parent,
                main == null || main == 1, status == null ? null : status.intValue());
    }

    OrderDetail orderDetail(JsonNode info, String requestedId) throws ApiException {
        String orderId = HuaweiJson.text(info, "order_id");
        Long type = json.optionalLong(info, "order_type");
        Long measure = json.optionalLong(info, "measure_id");
        return new OrderDetail(orderId == null ? requestedId : orderId, (int) json.requiredLong(info, "status"),
                type == null ? 0 : type.intValue(), amount(info, "amount_after_discount", measure),
                amount(info, "official_amount", measure), HuaweiJson.text(info, "currency"),
                HuaweiJson.text(info, "create_time"), HuaweiJson.text(info, "payment_time"),
                time(info, "pending_payment_end_time"));
    }

    /** The sub-jobs of a batch job: {@code entities.sub_jobs[]}, each with {@code entities.volume_id}. */
    List<VolumeOutcome> subJobs(JsonNode root) throws ApiException {
        JsonNode entities = root.get("entities");
        List<VolumeOutcome> out = new ArrayList<>();
        if (entities == null || !entities.isObject()) {
            return out;
        }
        for (JsonNode sub : json.array(entities, "sub_jobs")) {
            JsonNode e = sub.get("entities");
            if (e == null || !e.isObject()) {
                throw json.bad(Texts.get("cloud.huawei.json.subJobWithoutDisk", what));
            }
            Long size = json.optionalLong(e, "size");
            out.add(new VolumeOutcome(json.requiredText(e, "volume_id"), HuaweiJson.text(sub, "job_id"),
                    json.requiredText(sub, "status"), HuaweiJson.text(sub, "fail_reason"),
                    HuaweiJson.text(sub, "error_code"), size == null ? null : size.intValue()));
        }
        return out;
    }
}
