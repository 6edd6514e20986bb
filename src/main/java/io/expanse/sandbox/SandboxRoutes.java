package io.expanse.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.expanse.cloud.huawei.AkSkSigner;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import io.expanse.cloud.huawei.ResizeAccepted;
import java.io.IOException;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The routes of the simulated EVS, ECS, IAM and BSS services. Requests reach it already authenticated.
 *
 * <p>Choices where Huawei's documentation leaves room: an unknown volume or job is 404 {@code EVS.5404} in the
 * {@code {"error":{…}}} shape; a project id in the path other than the sandbox's is 403 {@code APIGW.0310};
 * an unknown server is 404 Nova {@code itemNotFound} (v2.1) or {@code Ecs.0114} (v1); an unknown order's detail is BSS 400
 * {@code CBC.0101}; paying or cancelling an unknown order is {@code CBC.30000010}, paying a paid or cancelled one
 * {@code CBC.99003106}, cancelling one {@code CBC.99005010}; a batch expansion refuses the whole batch at the first
 * disk the resize rules refuse; the v5 route can be switched off ({@link SandboxCloud#serveBatchExtend}), and is then
 * 404 {@code APIGW.0101} like any unpublished API; a known path with the wrong method is 404 {@code APIGW.0101} like an unknown one.
 */
final class SandboxRoutes {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PID = "([^/]+)";
    private static final String ID = "([^/]+)";
    private static final Pattern LIST = Pattern.compile("/v2/" + PID + "/cloudvolumes/detail");
    private static final Pattern VOLUME = Pattern.compile("/v2/" + PID + "/cloudvolumes/" + ID);
    private static final Pattern ACTION = Pattern.compile("/v2\\.1/" + PID + "/cloudvolumes/" + ID + "/action");
    private static final Pattern JOB = Pattern.compile("/v1/" + PID + "/jobs/" + ID);
    private static final Pattern NOVA_LIST = Pattern.compile("/v2\\.1/" + PID + "/servers/detail");
    private static final Pattern NOVA_SERVER = Pattern.compile("/v2\\.1/" + PID + "/servers/" + ID);
    private static final Pattern ECS_LIST = Pattern.compile("/v1/" + PID + "/cloudservers/detail");
    private static final Pattern ECS_SERVER = Pattern.compile("/v1/" + PID + "/cloudservers/" + ID);
    private static final Pattern PROJECTS = Pattern.compile("/v3/projects");
    private static final Pattern ENTERPRISE_PROJECTS = Pattern.compile("/v1\\.0/enterprise-projects");
    private static final Pattern ORDER = Pattern.compile("/v2/orders/customer-orders/details/" + ID);
    private static final Pattern PAY = Pattern.compile("/v3/orders/customer-orders/pay");
    private static final Pattern CANCEL = Pattern.compile("/v2/orders/customer-orders/cancel");
    private static final Pattern RATE_ON_DEMAND = Pattern.compile("/v2/bills/ratings/on-demand-resources");
    private static final Pattern RATE_PERIOD = Pattern.compile("/v2/bills/ratings/period-resources/subscribe-rate");
    private static final Pattern SUBSCRIPTIONS = Pattern.compile("/v2/orders/suscriptions/resources/query");
    private static final Pattern BATCH_EXTEND = Pattern.compile("/v5/" + PID + "/volumes/batch-extend");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_LIMIT = 1000;

    private final SandboxCloud cloud;
    private final SandboxJson json;
    private final String baseUri;
    private final String region;

    SandboxRoutes(SandboxCloud cloud, String baseUri, String region) {
        this.cloud = cloud;
        this.baseUri = baseUri;
        this.region = region;
        this.json = new SandboxJson(baseUri, cloud.projectId(), region);
    }

    SandboxResponse handle(String method, String path, List<QueryParam> query, String rawQuery, byte[] body) {
        Matcher m;
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        if (get && (m = match(LIST, path)) != null) {
            return ok(listVolumes(first(query)));
        } else if (get && (m = match(VOLUME, path)) != null) {
            String id = m.group(2);
            SandboxVolume v = cloud.volume(id).orElseThrow(() -> SandboxCloud.volumeNotFound(id));
            return ok(JsonNodeFactory.instance.objectNode().set("volume", json.volume(v)));
        } else if (post && (m = match(ACTION, path)) != null) {
            return resize(m.group(2), body);
        } else if (get && (m = match(JOB, path)) != null) {
            String jobId = m.group(2);
            var batch = cloud.batchJob(jobId);
            if (batch.isPresent()) {
                return ok(SandboxJson.batchJob(batch.get()));
            }
            return ok(SandboxJson.job(cloud.job(jobId).orElseThrow(() -> SandboxError.evs(404, "EVS.5404",
                    "The job " + jobId + " could not be found."))));
        } else if (get && match(NOVA_LIST, path) != null) {
            return ok(novaList(first(query)));
        } else if (get && match(ECS_LIST, path) != null) {
            return ok(ecsList(first(query)));
        } else if (get && (m = match(NOVA_SERVER, path)) != null) {
            String id = m.group(2);
            SandboxInstance s = cloud.server(id).orElseThrow(() ->
                    SandboxError.novaNotFound("Instance " + id + " could not be found."));
            return ok(json.novaServer(s, cloud.volumesOf(id)));
        } else if (get && (m = match(ECS_SERVER, path)) != null) {
            String id = m.group(2);
            SandboxInstance s = cloud.server(id).orElseThrow(() ->
                    SandboxError.evs(404, "Ecs.0114", "Instance[" + id + "] could not be found."));
            return ok(json.ecsServer(s, cloud.volumesOf(id)));
        } else if (get && PROJECTS.matcher(path).matches()) {
            String name = first(query).get("name");
            return ok(json.projects(name == null || region.equals(name), rawQuery));
        } else if (get && ENTERPRISE_PROJECTS.matcher(path).matches()) {
            return ok(SandboxJson.enterpriseProjects(first(query)));
        } else if (get && (m = ORDER.matcher(path)).matches()) {
            String id = m.group(1);
            return ok(SandboxJson.order(cloud.order(id).orElseThrow(() ->
                    SandboxError.bss("CBC.0101", "Invalid parameter: the order " + id + " does not exist."))));
        } else if (post && PAY.matcher(path).matches()) {
            return pay(body);
        } else if ("PUT".equals(method) && CANCEL.matcher(path).matches()) {
            cloud.cancel(orderIdOf(body));
            return new SandboxResponse(204, null);
        } else if (post && RATE_ON_DEMAND.matcher(path).matches()) {
            return ok(rate(body, false));
        } else if (post && RATE_PERIOD.matcher(path).matches()) {
            return ok(rate(body, true));
        } else if (post && SUBSCRIPTIONS.matcher(path).matches()) {
            return ok(subscriptions(body));
        } else if (post && (m = match(BATCH_EXTEND, path)) != null && cloud.batchExtendServed()) {
            return batchExtend(body);
        } else if (get && (m = match(SandboxCloudEye.AGENT_DIMENSIONS, path)) != null) {
            return ok(cloud.cloudEye().agentDimensions(m.group(2), first(query)));
        } else if (get && match(SandboxCloudEye.LIST_METRICS, path) != null) {
            return ok(cloud.cloudEye().listMetrics(first(query)));
        } else if (post && match(SandboxCloudEye.BATCH_QUERY, path) != null) {
            return ok(cloud.cloudEye().batchQuery(body));
        }
        throw SandboxError.gateway(404, "APIGW.0101",
                "The API does not exist or has not been published in the environment");
    }

    /** Matches a route with a project id and rejects any project other than the sandbox's. */
    private Matcher match(Pattern p, String path) {
        Matcher m = p.matcher(path);
        if (!m.matches()) {
            return null;
        }
        if (!m.group(1).equals(cloud.projectId())) {
            throw SandboxError.gateway(403, "APIGW.0310", "The project " + m.group(1) + " is unavailable.");
        }
        return m;
    }

    private JsonNode listVolumes(Map<String, String> q) {
        int limit = intParam(q, "limit", MAX_LIMIT);
        if (limit > MAX_LIMIT) {
            throw SandboxError.evs(400, "EVS.2142", "Invalid limit " + limit + ": it must be between 1 and "
                    + MAX_LIMIT + ".");
        }
        if (limit < 1) {
            throw badRequest("Invalid limit " + limit + ": it must be between 1 and " + MAX_LIMIT + ".");
        }
        int offset = intParam(q, "offset", 0);
        if (offset < 0) {
            throw badRequest("Invalid offset " + offset + ".");
        }
        List<SandboxVolume> all = cloud.volumes().stream().filter(filter(q)).sorted(order(q)).toList();
        int start = offset;
        String marker = q.get("marker");
        if (marker != null) {
            if (!UUID_LIKE.matcher(marker).matches()) {
                throw SandboxError.evs(400, "EVS.1024", "Invalid marker " + marker + ": it must be a volume id.");
            }
            int at = indexOf(all, marker);
            if (at < 0) {
                throw badRequest("The marker " + marker + " could not be found.");
            }
            start += at + 1;
        }
        List<SandboxVolume> page = start >= all.size() ? List.of()
                : all.subList(start, Math.min(all.size(), start + limit));
        String next = start + limit < all.size() && !page.isEmpty() ? nextHref(q, limit, page) : null;
        return json.volumeList(page, all.size(), next);
    }

    /**
     * ECS v1 {@code cloudservers/detail}: {@code offset} is a 1-based page number (0 reads as 1), {@code limit}
     * 25 by default and at most 1000. With {@code server_id=id1,id2,…} every other filter is ignored and the named
     * servers come back in the order asked, an unknown id as an entry with only {@code id} and {@code fault}.
     */
    private JsonNode ecsList(Map<String, String> q) {
        int limit = intParam(q, "limit", 25);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw SandboxError.evs(400, "Ecs.0005", "Invalid limit " + limit + ": it must be between 1 and "
                    + MAX_LIMIT + ".");
        }
        int pageNumber = Math.max(1, intParam(q, "offset", 1));
        String ids = q.get("server_id");
        if (ids != null) {
            List<String> wanted = java.util.Arrays.stream(ids.split(",")).map(String::strip)
                    .filter(x -> !x.isEmpty()).distinct().toList();
            List<JsonNode> entries = new java.util.ArrayList<>();
            for (String id : wanted) {
                entries.add(cloud.server(id).<JsonNode>map(srv -> json.ecsServerNode(srv, cloud.volumesOf(id)))
                        .orElseGet(() -> SandboxJson.ecsFault(id)));
            }
            return json.ecsServerList(page(entries, pageNumber, limit), entries.size());
        }
        List<SandboxInstance> all = cloud.servers().stream()
                .filter(srv -> q.get("name") == null || srv.name().contains(q.get("name")))
                .filter(srv -> q.get("status") == null || broadStatus(q.get("status"), srv.ecsV1Status()))
                .filter(srv -> q.get("enterprise_project_id") == null
                        || "all_granted_eps".equals(q.get("enterprise_project_id"))
                        || srv.enterpriseProjectId().equals(q.get("enterprise_project_id")))
                .toList();
        String marker = q.get("marker");
        if (marker != null) {
            int at = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(marker)) {
                    at = i;
                }
            }
            all = at < 0 ? List.of() : all.subList(at + 1, all.size());
            pageNumber = 1;
        }
        List<JsonNode> entries = all.stream().<JsonNode>map(srv -> json.ecsServerNode(srv, cloud.volumesOf(srv.id())))
                .toList();
        return json.ecsServerList(page(entries, pageNumber, limit), entries.size());
    }

    /** ECS's status filter is broad: ACTIVE also matches servers busy with a task that keeps them running. */
    private static boolean broadStatus(String wanted, String status) {
        if ("ACTIVE".equalsIgnoreCase(wanted)) {
            return List.of("ACTIVE", "REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE").contains(status);
        }
        return wanted.equalsIgnoreCase(status);
    }

    private static <T> List<T> page(List<T> all, int pageNumber, int limit) {
        long start = (long) (pageNumber - 1) * limit;
        if (start >= all.size()) {
            return List.of();
        }
        return all.subList((int) start, (int) Math.min(all.size(), start + limit));
    }

    /** Nova {@code servers/detail}: marker paging, {@code limit} 25 by default and at most 1000, a next link. */
    private JsonNode novaList(Map<String, String> q) {
        int limit = intParam(q, "limit", 25);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw SandboxError.novaBadRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<SandboxInstance> all = cloud.servers();
        int start = 0;
        String marker = q.get("marker");
        if (marker != null) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(marker)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw SandboxError.novaBadRequest("marker [" + marker + "] not found");
            }
        }
        List<SandboxInstance> pageOf = all.subList(Math.min(start, all.size()), Math.min(all.size(), start + limit));
        String next = null;
        if (start + limit < all.size() && !pageOf.isEmpty()) {
            next = baseUri + "/v2.1/" + cloud.projectId() + "/servers/detail?limit=" + limit + "&marker="
                    + pageOf.get(pageOf.size() - 1).id();
        }
        return json.novaServerList(pageOf.stream().map(srv -> json.novaServerNode(srv, cloud.volumesOf(srv.id())))
                .toList(), next);
    }

    private static int indexOf(List<SandboxVolume> volumes, String id) {
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private String nextHref(Map<String, String> q, int limit, List<SandboxVolume> page) {
        Map<String, String> params = new LinkedHashMap<>(q);
        params.remove("offset");
        params.remove("marker");
        params.put("limit", Integer.toString(limit));
        params.put("marker", page.get(page.size() - 1).id());
        return baseUri + "/v2/" + cloud.projectId() + "/cloudvolumes/detail?" + params.entrySet().stream()
                .map(e -> AkSkSigner.encode(e.getKey()) + "=" + AkSkSigner.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Predicate<SandboxVolume> filter(Map<String, String> q) {
        Predicate<SandboxVolume> p = v -> true;
        p = p.and(eq(q.get("name"), SandboxVolume::name));
        p = p.and(eq(q.get("status"), SandboxVolume::status));
        p = p.and(eq(q.get("availability_zone"), SandboxVolume::availabilityZone));
        p = p.and(eq(q.get("id"), SandboxVolume::id));
        p = p.and(eq(q.get("multiattach"), v -> Boolean.toString(v.multiattach())));
        p = p.and(eq(q.get("service_type"), v -> "EVS"));
        String ep = q.get("enterprise_project_id");
        if (ep != null && !"all_granted_eps".equals(ep)) {
            p = p.and(v -> v.enterpriseProjectId().equals(ep));
        }
        String serverId = q.get("server_id");
        if (serverId != null) {
            p = p.and(v -> v.attachments().stream().anyMatch(a -> a.serverId().equals(serverId)));
        }
        return p;
    }

    private static Predicate<SandboxVolume> eq(String wanted, java.util.function.Function<SandboxVolume, String> f) {
        return wanted == null ? v -> true : v -> wanted.equalsIgnoreCase(f.apply(v));
    }

    private static Comparator<SandboxVolume> order(Map<String, String> q) {
        Comparator<SandboxVolume> c = switch (q.getOrDefault("sort_key", "created_at")) {
            case "id" -> Comparator.comparing(SandboxVolume::id);
            case "status" -> Comparator.comparing(SandboxVolume::status);
            case "size" -> Comparator.comparingLong(SandboxVolume::size);
            case "created_at" -> Comparator.comparing(SandboxVolume::createdAt);
            default -> throw badRequest("Invalid sort_key " + q.get("sort_key") + ".");
        };
        c = c.thenComparing(SandboxVolume::id);
        return switch (q.getOrDefault("sort_dir", "desc")) {
            case "desc" -> c.reversed();
            case "asc" -> c;
            default -> throw badRequest("Invalid sort_dir " + q.get("sort_dir") + ".");
        };
    }

    private SandboxResponse resize(String volumeId, byte[] body) {
        if (body == null || body.length == 0) {
            throw SandboxError.evs(400, "EVS.1011", "Invalid input received: extendVolumeReq is null.");
        }
        JsonNode root = parse(body);
        JsonNode extend = root.get("os-extend");
        if (extend == null || extend.isNull()) {
            throw SandboxError.evs(400, "EVS.1011", "Invalid input received: extendVolumeReq is null.");
        }
        JsonNode newSize = extend.get("new_size");
        if (!extend.isObject() || newSize == null || !newSize.isNumber()) {
            throw badRequest("Invalid input received: os-extend.new_size must be an integer.");
        }
        boolean autoPay = autoPay(root, "bssParam", "isAutoPay");
        long size = newSize.decimalValue().setScale(0, RoundingMode.DOWN).longValue();
        ResizeAccepted accepted = cloud.resize(volumeId, size, autoPay);
        var answer = JsonNodeFactory.instance.objectNode();
        if (accepted.jobId() != null) {
            answer.put("job_id", accepted.jobId());
        } else {
            answer.put("order_id", accepted.orderId());
        }
        return new SandboxResponse(202, answer);
    }

    private SandboxResponse pay(byte[] body) {
        String orderId = orderIdOf(body);
        JsonNode root = parseBss(body);
        for (String flag : List.of("use_coupon", "use_discount")) {
            JsonNode v = root.get(flag);
            if (v != null && !v.isNull() && !("NO".equals(v.asText()) || "YES".equals(v.asText()))) {
                throw SandboxError.bss("CBC.0100", "Invalid parameter: " + flag + " must be YES or NO.");
            }
            if (v != null && "YES".equals(v.asText())) {
                throw SandboxError.bss("CBC.0100", "Invalid parameter: the sandbox has no coupons or discounts ("
                        + flag + ").");
            }
        }
        cloud.pay(orderId);
        return new SandboxResponse(204, null);
    }

    private static String orderIdOf(byte[] body) {
        JsonNode orderId = body == null || body.length == 0 ? null : parseBss(body).get("order_id");
        if (orderId == null || !orderId.isTextual() || orderId.asText().isBlank()) {
            throw SandboxError.bss("CBC.0100", "Invalid parameter: order_id is required.");
        }
        return orderId.asText();
    }

    /**
     * Both rating calls: every product must be an EVS volume ({@code hws.service.type.ebs} /
     * {@code hws.resource.type.volume}) of this region, sized in GB ({@code size_measure_id} 17); on-demand ones
     * for hours ({@code usage_measure_id} 4), period ones for months (2) or years (3).
     */
    private JsonNode rate(byte[] body, boolean period) {
        JsonNode root = parseBss(body);
        JsonNode products = root.get("product_infos");
        if (products == null || !products.isArray() || products.isEmpty() || products.size() > 100) {
            throw SandboxError.bss("CBC.0100", "Invalid parameter: product_infos must list 1 to 100 products.");
        }
        List<String> ids = new java.util.ArrayList<>();
        List<java.math.BigDecimal> amounts = new java.util.ArrayList<>();
        for (JsonNode p : products) {
            String id = p.path("id").asText("");
            if (id.isBlank() || ids.contains(id)) {
                throw SandboxError.bss("CBC.0100", "Invalid parameter: every product needs its own id.");
            }
            if (!"hws.service.type.ebs".equals(p.path("cloud_service_type").asText())
                    || !"hws.resource.type.volume".equals(p.path("resource_type").asText())) {
                throw SandboxError.bss("CBC.99006006", "The product was not found: the sandbox prices EVS volumes"
                        + " only.");
            }
            if (!region.equals(p.path("region").asText())) {
                throw SandboxError.bss("CBC.99006006", "The product was not found in region "
                        + p.path("region").asText() + ".");
            }
            if (p.path("size_measure_id").asInt() != 17 || p.path("resource_size").asLong(0) < 1) {
                throw SandboxError.bss("CBC.0100", "Invalid parameter: resource_size must be positive GB "
                        + "(size_measure_id 17).");
            }
            String spec = p.path("resource_spec").asText();
            long size = p.path("resource_size").asLong();
            long count = Math.max(1, p.path("subscription_num").asLong(1));
            java.math.BigDecimal amount;
            if (period) {
                int type = p.path("period_type").asInt(-1);
                int num = p.path("period_num").asInt(0);
                if (type != 2 && type != 3 || num < 1) {
                    throw SandboxError.bss("CBC.0100", "Invalid parameter: the sandbox rates months (period_type 2)"
                            + " or years (3), period_num at least 1.");
                }
                amount = SandboxBilling.period(spec, size, type, num);
            } else {
                if (p.path("usage_measure_id").asInt() != 4 || !"Duration".equals(p.path("usage_factor").asText())) {
                    throw SandboxError.bss("CBC.99006050", "The usage unit is wrong: the sandbox rates volumes by"
                            + " the hour (usage_factor Duration, usage_measure_id 4).");
                }
                amount = SandboxBilling.hourly(spec, size).multiply(p.path("usage_value").decimalValue());
            }
            ids.add(id);
            amounts.add(amount.multiply(java.math.BigDecimal.valueOf(count)));
        }
        return period ? SandboxJson.periodRating(ids, amounts) : SandboxJson.onDemandRating(ids, amounts);
    }

    private JsonNode subscriptions(byte[] body) {
        JsonNode ids = parseBss(body).get("resource_ids");
        if (ids == null || !ids.isArray() || ids.size() > 50) {
            throw SandboxError.bss("CBC.0100", "Invalid parameter: resource_ids must list at most 50 ids.");
        }
        List<String> wanted = new java.util.ArrayList<>();
        ids.forEach(n -> wanted.add(n.asText()));
        return json.subscriptions(cloud.subscriptions(wanted), id -> cloud.volume(id).orElseThrow());
    }

    /** {@code {"volumes":[{"id","new_size"}],"bss_param":{"is_auto_pay":"true"|"false"}}} (snake_case). */
    private SandboxResponse batchExtend(byte[] body) {
        JsonNode root = parse(body);
        JsonNode list = root.get("volumes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw badRequest("Invalid input received: volumes must list the volumes to extend.");
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (JsonNode v : list) {
            JsonNode id = v.get("id");
            JsonNode size = v.get("new_size");
            if (id == null || !id.isTextual() || size == null || !size.isNumber()) {
                throw badRequest("Invalid input received: every volume needs an id and an integer new_size.");
            }
            if (sizes.put(id.asText(), size.decimalValue().setScale(0, RoundingMode.DOWN).longValue()) != null) {
                throw badRequest("Invalid input received: volume " + id.asText() + " is listed twice.");
            }
        }
        boolean autoPay = autoPay(root, "bss_param", "is_auto_pay");
        ResizeAccepted accepted = cloud.batchExtend(sizes, autoPay);
        var answer = JsonNodeFactory.instance.objectNode();
        if (accepted.jobId() != null) {
            answer.put("job_id", accepted.jobId());
        } else {
            answer.put("order_id", accepted.orderId());
        }
        return new SandboxResponse(202, answer);
    }

    /** The string flag {@code "true"}/{@code "false"} inside {@code root[param][flag]}; false when absent. */
    private static boolean autoPay(JsonNode root, String param, String flagName) {
        JsonNode bss = root.get(param);
        if (bss == null || bss.isNull()) {
            return false;
        }
        JsonNode flag = bss.get(flagName);
        if (!bss.isObject() || flag != null && !flag.isNull() && !(flag.isTextual()
                && ("true".equals(flag.asText()) || "false".equals(flag.asText())))) {
            throw SandboxError.evs(400, "EVS.2147", "Invalid " + param + ": " + flagName + " must be the string"
                    + " \"true\" or \"false\".");
        }
        return flag != null && "true".equals(flag.asText());
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JacksonException e) {
            // answered below like any other unreadable body
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw badRequest("The request body is not a valid JSON object.");
    }

    private static JsonNode parseBss(byte[] body) {
        try {
            return parse(body);
        } catch (SandboxError e) {
            throw SandboxError.bss("CBC.0101", "Invalid parameter: the request body is not valid JSON.");
        }
    }

    private static int intParam(Map<String, String> q, String name, int dflt) {
        String v = q.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw badRequest("Invalid " + name + " " + v + ": it must be an integer.");
        }
    }

    private static SandboxError badRequest(String message) {
        return SandboxError.evs(400, "EVS.5400", message);
    }

    private static Map<String, String> first(List<QueryParam> query) {
        Map<String, String> out = new LinkedHashMap<>();
        query.forEach(p -> out.putIfAbsent(p.name(), p.value()));
        return out;
    }

    private static SandboxResponse ok(JsonNode body) {
        return new SandboxResponse(200, body);
    }
}
