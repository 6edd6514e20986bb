package io.expanse.cloud.unicloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON body of a resource pack renewal, and the one place that decides its shape.
 *
 * <p>UNCONFIRMED: UniCloud documents no renewal action for NAS resource packs. The parameter table of its
 * {@code UpGradeResourcePack} page lists exactly a renewal's fields: {@code instanceIds} (a string holding the pack
 * id), {@code orderCategory} {@code RENEW}, {@code payType}, {@code rentCount} (integer) and {@code rentUnit}
 * ({@code month}); so Expanse sends this body, with those five fields and nothing else, to {@code UpGradeResourcePack}.
 * Whether that action accepts {@code RENEW} is not known: when UniCloud refuses, its own answer (code and message) is
 * shown to the operator, who can renew in the console instead. To change the shape, change {@link #toJson()} only.
 *
 * @param instanceIds the resource pack id ({@code pack-…})
 * @param payType     e.g. {@code YEAR_MONTH}
 * @param rentCount   how many {@code rentUnit}s, at least 1
 * @param rentUnit    {@code month} or {@code year}
 */
public record RenewBody(String instanceIds, String payType, int rentCount, String rentUnit) {

    public static final String ORDER_CATEGORY = "RENEW";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RenewBody {
        Objects.requireNonNull(instanceIds, "instanceIds");
        Objects.requireNonNull(rentUnit, "rentUnit");
        if (rentCount < 1) {
            throw new IllegalArgumentException("rentCount must be at least 1");
        }
        payType = payType == null || payType.isBlank() ? UpgradeBody.DEFAULT_PAY_TYPE : payType;
    }

    /** The body as a JSON object, fields as in the document's parameter table. */
    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("instanceIds", instanceIds);
        o.put("orderCategory", ORDER_CATEGORY);
        o.put("payType", payType);
        o.put("rentCount", rentCount);
        o.put("rentUnit", rentUnit);
        return o;
    }

    public byte[] toBytes() {
        return toJson().toString().getBytes(StandardCharsets.UTF_8);
    }
}
