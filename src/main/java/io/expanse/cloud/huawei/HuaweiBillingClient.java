package io.expanse.cloud.huawei;

import io.expanse.text.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link EvsBillingApi} over HTTPS with AK/SK signing, built from the same inputs as {@link HuaweiClient} and
 * sharing its transport: price ratings and the subscription query are questions and are retried like reads; pay,
 * cancel and the batch expansion are sent exactly once. BSS calls go to {@link HuaweiEndpoints#bss()} (the
 * international host when the profile says so), the batch to {@link HuaweiEndpoints#evs()}. Thread-safe.
 */
public final class HuaweiBillingClient implements EvsBillingApi {

    /** BSS's names for an EVS disk in a price request. */
    static final String CLOUD_SERVICE_TYPE = "hws.service.type.ebs";
    static final String RESOURCE_TYPE = "hws.resource.type.volume";
    /** Size unit GB, usage unit hour, period unit month (BSS rating API). */
    static final int SIZE_MEASURE_GB = 17;
    static final int USAGE_MEASURE_HOUR = 4;
    static final int PERIOD_TYPE_MONTH = 2;
    /** How an unknown outcome of pay or cancel is settled. */
    static String settleOrder() {
        return Texts.get("cloud.huawei.settle.order");
    }

    /** How an unknown outcome of a batch is settled. */
    static String settleBatch() {
        return Texts.get("cloud.huawei.settle.disks");
    }

    private final HuaweiTransport transport;
    private final HuaweiEndpoints endpoints;
    private final String region;
    private final String projectId;

    /** Made by {@link HuaweiClient.Builder#buildBilling()}, from the same settings as the account's EVS client. */
    HuaweiBillingClient(HuaweiTransport transport, HuaweiEndpoints endpoints, String region, String projectId) {
        this.transport = transport;
        this.endpoints = endpoints;
        this.region = region;
        this.projectId = projectId;
    }

    public String projectId() {
        return projectId;
    }

    public String region() {
        return region;
    }

    @Override
    public OnDemandPrice rateOnDemand(RatedDisk disk, int newSizeGb) throws ApiException {
        Objects.requireNonNull(disk, "disk");
        requirePositive(newSizeGb);
        ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
        body.put("project_id", projectId);
        body.put("inquiry_precision", 0);
        ArrayNode products = body.putArray("product_infos");
        onDemandProduct(products.addObject(), "1", disk, disk.sizeGb());
        onDemandProduct(products.addObject(), "2", disk, newSizeGb);
        String what = Texts.get("cloud.huawei.what.onDemandPrice", disk.volumeType());
        JsonNode root = bss(() -> transport.postRead(what, endpoints.bss(), bytes(body), "v2", "bills", "ratings",
                "on-demand-resources"));
        BillingJson json = new BillingJson(what, 200);
        Long measure = json.json().optionalLong(root, "measure_id");
        BigDecimal oldPrice = null;
        BigDecimal newPrice = null;
        for (JsonNode r : json.json().array(root, "product_rating_results")) {
            Long own = json.json().optionalLong(r, "measure_id");
            BigDecimal amount = json.requiredAmount(r, "amount", own != null ? own : measure);
            String id = HuaweiJson.text(r, "id");
            if ("1".equals(id)) {
                oldPrice = amount;
            } else if ("2".equals(id)) {
                newPrice = amount;
            }
        }
        if (oldPrice == null || newPrice == null) {
            throw json.json().bad(Texts.get(oldPrice == null ? "cloud.huawei.json.lacksOldPrice"
                    : "cloud.huawei.json.lacksNewPrice", what));
        }
        return new OnDemandPrice(oldPrice, newPrice, HuaweiJson.text(root, "currency"));
    }

    private void onDemandProduct(ObjectNode p, String id, RatedDisk disk, int sizeGb) {
        product(p, id, disk, sizeGb);
        p.put("usage_factor", "Duration");
        p.put("usage_value", 1);
        p.put("usage_measure_id", USAGE_MEASURE_HOUR);
        p.put("subscription_num", 1);
    }

    private void product(ObjectNode p, String id, RatedDisk disk, int sizeGb) {
        p.put("id", id);
        p.put("cloud_service_type", CLOUD_SERVICE_TYPE);
        p.put("resource_type", RESOURCE_TYPE);
        p.put("resource_spec", disk.volumeType());
        p.put("region", region);
        p.put("available_zone", disk.availabilityZone());
        p.put("resource_size", sizeGb);
        p.put("size_measure_id", SIZE_MEASURE_GB);
    }

    @Override
    public PeriodPrice rateMonthly(RatedDisk disk, int sizeGb) throws ApiException {
        Objects.requireNonNull(disk, "disk");
        requirePositive(sizeGb);
        ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
        body.put("project_id", projectId);
        ObjectNode p = body.putArray("product_infos").addObject();
        product(p, "1", disk, sizeGb);
        p.put("period_type", PERIOD_TYPE_MONTH);
        p.put("period_num", 1);
        p.put("subscription_num", 1);
        String what = Texts.get("cloud.huawei.what.monthlyPrice", Texts.gb(sizeGb), disk.volumeType());
        JsonNode root = bss(() -> transport.postRead(what, endpoints.bss(), bytes(body), "v2", "bills", "ratings",
                "period-resources", "subscribe-rate"));
        BillingJson json = new BillingJson(what, 200);
        JsonNode official = json.json().object(root, "official_website_rating_result");
        BigDecimal listPrice = json.requiredAmount(official, "official_website_amount",
                json.json().optionalLong(official, "measure_id"));
        BigDecimal best = null;
        for (JsonNode d : json.json().array(root, "optional_discount_rating_results")) {
            Long bestOffer = json.json().optionalLong(d, "best_offer");
            if (bestOffer != null && bestOffer == 1) {
                best = json.requiredAmount(d, "amount", json.json().optionalLong(d, "measure_id"));
            }
        }
        return new PeriodPrice(listPrice, best == null ? listPrice : best, HuaweiJson.text(root, "currency"));
    }

    /**
     * Every disk's current and new size as two products ({@code "<n>o"}, {@code "<n>n"}) of one on-demand rating
     * request, {@value #MAX_RATED_PRODUCTS} products a call; the answer's {@code product_rating_results} are matched
     * back by id.
     */
    @Override
    public List<OnDemandPrice> rateOnDemandAll(List<RatedChange> changes) throws ApiException {
        List<OnDemandPrice> out = new ArrayList<>();
        int perCall = MAX_RATED_PRODUCTS / 2;
        for (int from = 0; from < changes.size(); from += perCall) {
            List<RatedChange> chunk = changes.subList(from, Math.min(changes.size(), from + perCall));
            ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
            body.put("project_id", projectId);
            body.put("inquiry_precision", 0);
            ArrayNode products = body.putArray("product_infos");
            for (int i = 0; i < chunk.size(); i++) {
                RatedChange c = chunk.get(i);
                requirePositive(c.newSizeGb());
                onDemandProduct(products.addObject(), i + "o", c.disk(), c.disk().sizeGb());
                onDemandProduct(products.addObject(), i + "n", c.disk(), c.newSizeGb());
            }
            String what = Texts.get("cloud.huawei.what.onDemandPrices", chunk.size());
            JsonNode root = bss(() -> transport.postRead(what, endpoints.bss(), bytes(body), "v2", "bills",
                    "ratings", "on-demand-resources"));
            BillingJson json = new BillingJson(what, 200);
            Long measure = json.json().optionalLong(root, "measure_id");
            java.util.Map<String, BigDecimal> byId = new java.util.HashMap<>();
            for (JsonNode r : json.json().array(root, "product_rating_results")) {
                Long own = json.json().optionalLong(r, "measure_id");
                byId.put(HuaweiJson.text(r, "id"), json.requiredAmount(r, "amount", own != null ? own : measure));
            }
            String currency = HuaweiJson.text(root, "currency");
            for (int i = 0; i < chunk.size(); i++) {
                BigDecimal oldPrice = byId.get(i + "o");
                BigDecimal newPrice = byId.get(i + "n");
                if (oldPrice == null || newPrice == null) {
                    throw json.json().bad(Texts.get("cloud.huawei.billing.priceMissing", what,
                            i + (oldPrice == null ? "o" : "n")));
                }
                out.add(new OnDemandPrice(oldPrice, newPrice, currency));
            }
        }
        return out;
    }

    /**
     * Each distinct disk (type, zone, size) as one product of a period rating request, {@value #MAX_RATED_PRODUCTS}
     * a call. Per product, the list price is in {@code official_website_rating_result.product_rating_results} and the
     * account's best offer in the {@code product_rating_results} of the {@code optional_discount_rating_results}
     * entry with {@code best_offer} 1 (the official SDK's {@code PeriodProductOfficialRatingResult} and
     * {@code PeriodProductRatingResult}); without a best offer for a product its list price is used.
     */
    @Override
    public List<PeriodPrice> rateMonthlyAll(List<RatedDisk> disks) throws ApiException {
        List<RatedDisk> distinct = disks.stream().distinct().toList();
        java.util.Map<RatedDisk, PeriodPrice> prices = new java.util.HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_RATED_PRODUCTS) {
            List<RatedDisk> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_RATED_PRODUCTS));
            ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
            body.put("project_id", projectId);
            ArrayNode products = body.putArray("product_infos");
            for (int i = 0; i < chunk.size(); i++) {
                ObjectNode p = products.addObject();
                product(p, String.valueOf(i + 1), chunk.get(i), chunk.get(i).sizeGb());
                p.put("period_type", PERIOD_TYPE_MONTH);
                p.put("period_num", 1);
                p.put("subscription_num", 1);
            }
            String what = Texts.get("cloud.huawei.what.monthlyPrices", chunk.size());
            JsonNode root = bss(() -> transport.postRead(what, endpoints.bss(), bytes(body), "v2", "bills",
                    "ratings", "period-resources", "subscribe-rate"));
            BillingJson json = new BillingJson(what, 200);
            JsonNode official = json.json().object(root, "official_website_rating_result");
            Long officialMeasure = json.json().optionalLong(official, "measure_id");
            java.util.Map<String, BigDecimal> list = new java.util.HashMap<>();
            for (JsonNode r : json.json().array(official, "product_rating_results")) {
                Long own = json.json().optionalLong(r, "measure_id");
                list.put(HuaweiJson.text(r, "id"), json.requiredAmount(r, "official_website_amount",
                        own != null ? own : officialMeasure));
            }
            java.util.Map<String, BigDecimal> best = new java.util.HashMap<>();
            for (JsonNode d : json.json().array(root, "optional_discount_rating_results")) {
                Long bestOffer = json.json().optionalLong(d, "best_offer");
                JsonNode perProduct = d.get("product_rating_results");
                if (bestOffer == null || bestOffer != 1 || perProduct == null || !perProduct.isArray()) {
                    continue;
                }
                Long measure = json.json().optionalLong(d, "measure_id");
                for (JsonNode r : perProduct) {
                    Long own = json.json().optionalLong(r, "measure_id");
                    best.put(HuaweiJson.text(r, "id"), json.requiredAmount(r, "amount",
                            own != null ? own : measure));
                }
            }
            String currency = HuaweiJson.text(root, "currency");
            for (int i = 0; i < chunk.size(); i++) {
                String id = String.valueOf(i + 1);
                BigDecimal listPrice = list.get(id);
                if (listPrice == null) {
                    throw json.json().bad(Texts.get("cloud.huawei.billing.priceMissing", what, id));
                }
                prices.put(chunk.get(i), new PeriodPrice(listPrice, best.getOrDefault(id, listPrice), currency));
            }
        }
        return disks.stream().map(prices::get).toList();
    }

    @Override
    public List<Subscription> subscriptions(List<String> resourceIds) throws ApiException {
        List<String> ids = resourceIds.stream().map(id -> requireId(id, "resourceId")).distinct().toList();
        List<Subscription> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_SUBSCRIPTION_IDS) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_SUBSCRIPTION_IDS));
            ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
            chunk.forEach(body.putArray("resource_ids")::add);
            body.put("only_main_resource", 0);
            body.put("offset", 0);
            body.put("limit", MAX_SUBSCRIPTION_IDS);
            String what = Texts.get("cloud.huawei.what.subscriptions", chunk.size());
            JsonNode root = bss(() -> transport.postRead(what, endpoints.bss(), bytes(body), "v2", "orders",
                    "suscriptions", "resources", "query"));
            BillingJson json = new BillingJson(what, 200);
            for (JsonNode n : json.json().array(root, "data")) {
                out.add(json.subscription(n));
            }
        }
        return out;
    }

    @Override
    public OrderDetail getOrderDetail(String orderId) throws ApiException {
        String what = Texts.get("cloud.huawei.what.order", orderId);
        JsonNode root = bss(() -> transport.get(what, endpoints.bss(),
                List.of(new QueryParam("offset", "0"), new QueryParam("limit", "10")),
                "v2", "orders", "customer-orders", "details", requireId(orderId, "orderId")));
        BillingJson json = new BillingJson(what, 200);
        return json.orderDetail(json.json().object(root, "order_info"), orderId);
    }

    @Override
    public void payOrder(String orderId) throws ApiException {
        ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
        body.put("order_id", requireId(orderId, "orderId"));
        body.put("use_coupon", "NO");
        body.put("use_discount", "NO");
        orderWrite("POST", Texts.get("cloud.huawei.what.payment", orderId), body, "v3", "orders", "customer-orders", "pay");
    }

    @Override
    public void cancelOrder(String orderId) throws ApiException {
        ObjectNode body = HuaweiJson.MAPPER.createObjectNode();
        body.put("order_id", requireId(orderId, "orderId"));
        orderWrite("PUT", Texts.get("cloud.huawei.what.cancellation", orderId), body, "v2", "orders", "customer-orders",
                "cancel");
    }

    /**
     * Sends once. BSS answers success with 204 or 200, sometimes with {@code error_code} {@code CBC.0000}; a 2xx
     * body naming another code is a refusal.
     */
    private void orderWrite(String method, String what, ObjectNode body, String... segments) throws ApiException {
        HuaweiTransport.Reply reply = bss(() -> transport.sendOnce(method, endpoints.bss(), bytes(body),
                settleOrder(), segments));
        if (reply.body() == null || reply.body().isBlank()) {
            return;
        }
        JsonNode root;
        try {
            root = new HuaweiJson(what, reply.status()).parse(reply.body());
        } catch (ApiException e) {
            return; // accepted (2xx); the body is not needed
        }
        String code = HuaweiJson.text(root, "error_code");
        if (code != null && !code.isBlank() && !"CBC.0000".equals(code)) {
            ApiException refused = HuaweiErrors.fromResponse(400, "application/json", null, reply.body());
            throw BssErrors.relabel(new ApiException(Kind.REJECTED, reply.status(), code, refused.serverMessage(),
                    refused.requestId(), refused.operatorMessage(), null, null));
        }
    }

    @Override
    public BatchAccepted batchExtend(List<BatchVolume> volumes, Boolean autoPay) throws ApiException {
        Objects.requireNonNull(volumes, "volumes");
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one disk");
        }
        if (volumes.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch takes at most " + MAX_BATCH + " disks, not "
                    + volumes.size());
        }
        Set<String> seen = new HashSet<>();
        for (BatchVolume v : volumes) {
            if (!seen.add(v.volumeId())) {
                throw new IllegalArgumentException("disk " + v.volumeId() + " is named twice in the batch");
            }
        }
        HuaweiTransport.Reply reply;
        try {
            reply = transport.sendOnce("POST", endpoints.evs(), batchBody(volumes, autoPay), settleBatch(), "v5",
                    projectId, "volumes", "batch-extend");
        } catch (ApiException e) {
            if (e.httpStatus() == 404 && "APIGW.0101".equals(e.code())) {
                throw new BatchExtendUnavailableException(e);
            }
            throw e;
        }
        String what = Texts.get("cloud.huawei.what.batch", volumes.size());
        try {
            HuaweiJson json = new HuaweiJson(what, reply.status());
            JsonNode root = json.parse(reply.body());
            String jobId = blankToNull(HuaweiJson.text(root, "job_id"));
            String orderId = blankToNull(HuaweiJson.text(root, "order_id"));
            if (jobId == null && orderId == null) {
                throw json.bad(Texts.get("cloud.huawei.json.neitherJobNorOrder", what));
            }
            return new BatchAccepted(jobId, orderId);
        } catch (ApiException e) {
            // Accepted, but the answer cannot be read: the disks must be read back to learn what happened.
            throw new ApiException(Kind.OUTCOME_UNKNOWN, reply.status(), null, null, null,
                    Texts.get("cloud.huawei.acceptedUnreadable.disks", what, String.valueOf(reply.status()),
                            e.operatorMessage()), null, e);
        }
    }

    /** {@code {"volumes":[{"id","new_size"}],"bss_param":{"is_auto_pay":"true"|"false"}}}, bss_param when given. */
    static byte[] batchBody(List<BatchVolume> volumes, Boolean autoPay) {
        ObjectNode root = HuaweiJson.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("volumes");
        volumes.forEach(v -> list.addObject().put("id", v.volumeId()).put("new_size", v.newSizeGb()));
        if (autoPay != null) {
            root.putObject("bss_param").put("is_auto_pay", autoPay.toString());
        }
        return bytes(root);
    }

    @Override
    public BatchJob getBatchJob(String jobId) throws ApiException {
        String what = Texts.get("cloud.huawei.what.batchJob", jobId);
        JsonNode root = transport.get(what, endpoints.evs(), List.of(), "v1", projectId, "jobs",
                requireId(jobId, "jobId"));
        BillingJson json = new BillingJson(what, 200);
        String id = HuaweiJson.text(root, "job_id");
        return new BatchJob(id == null ? jobId : id, json.json().requiredText(root, "status"),
                HuaweiJson.text(root, "fail_reason"), HuaweiJson.text(root, "error_code"), json.subJobs(root));
    }

    /** A BSS call whose {@code CBC.*} failures get their operator sentence. */
    private static <T> T bss(Call<T> call) throws ApiException {
        try {
            return call.run();
        } catch (ApiException e) {
            throw BssErrors.relabel(e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return HuaweiJson.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requirePositive(int sizeGb) {
        if (sizeGb < 1) {
            throw new IllegalArgumentException("the size must be positive");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String requireId(String id, String name) {
        if (id == null || id.isBlank() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(name + " must be a non-blank id");
        }
        return id;
    }
}
