package io.expanse.cloud.unicloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON body of {@code UpGradeResourcePack}, and the one place that decides its shape.
 *
 * <p>UNCONFIRMED choice (UniCloud's UpGradeResourcePack page, whose parameter table and example disagree): UniCloud's page has a parameter table
 * ({@code instanceIds}, {@code orderCategory: RENEW}, {@code rentCount}, {@code rentUnit}) that looks copied from a
 * renewal API, and a request example that is an actual upgrade. Following the reference's recommendation this sends
 * the example's shape: {@code instanceId} (singular), {@code orderCategory: "UPGRADE"}, {@code capacity} as a
 * string, {@code specificationCode: "nasbag.capacity.{N}G"} carrying the same N, {@code componentCode:
 * "packageInstance"}, {@code payType}, {@code renewType}, {@code quantity: 0} and {@code regionId}. Whether
 * {@code capacity} is the new total or the amount added is undocumented; Expanse sends the new total. To change the
 * shape, change {@link #toJson()} only.
 *
 * @param instanceId the resource pack id ({@code pack-…})
 * @param capacityGb the target capacity in GB
 * @param payType    e.g. {@code YEAR_MONTH}
 * @param renewType  e.g. {@code manualrenew} (the example's value)
 * @param regionId   e.g. {@code cn-tianjin-yfb}
 */
public record UpgradeBody(String instanceId, long capacityGb, String payType, String renewType, String regionId) {

    public static final String ORDER_CATEGORY = "UPGRADE";
    public static final String COMPONENT_CODE = "packageInstance";
    public static final String DEFAULT_PAY_TYPE = "YEAR_MONTH";
    public static final String DEFAULT_RENEW_TYPE = "manualrenew";
    /** The example sends 0; its meaning is undocumented. */
    public static final int QUANTITY = 0;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public UpgradeBody {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(regionId, "regionId");
        if (capacityGb <= 0) {
            throw new IllegalArgumentException("capacityGb must be positive");
        }
        payType = payType == null || payType.isBlank() ? DEFAULT_PAY_TYPE : payType;
        renewType = renewType == null || renewType.isBlank() ? DEFAULT_RENEW_TYPE : renewType;
    }

    /** The body with the example's default pay and renew types. */
    public static UpgradeBody of(String instanceId, long capacityGb, String payType, String regionId) {
        return new UpgradeBody(instanceId, capacityGb, payType, DEFAULT_RENEW_TYPE, regionId);
    }

    /** {@code nasbag.capacity.{N}G}, the specification code for a capacity. */
    public static String specificationCode(long capacityGb) {
        return "nasbag.capacity." + capacityGb + "G";
    }

    public String specificationCode() {
        return specificationCode(capacityGb);
    }

    /** The body as a JSON object, fields as in the document's request example. */
    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("capacity", Long.toString(capacityGb));
        o.put("componentCode", COMPONENT_CODE);
        o.put("instanceId", instanceId);
        o.put("orderCategory", ORDER_CATEGORY);
        o.put("payType", payType);
        o.put("quantity", QUANTITY);
        o.put("regionId", regionId);
        o.put("renewType", renewType);
        o.put("specificationCode", specificationCode());
        return o;
    }

    public byte[] toBytes() {
        return toJson().toString().getBytes(StandardCharsets.UTF_8);
    }
}
