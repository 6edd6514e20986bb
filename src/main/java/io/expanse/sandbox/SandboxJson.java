package io.expanse.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders sandbox state in the JSON shapes of the real services: the EVS volume list, EVS jobs, ECS servers, the
 * IAM project lookup and the BSS orders of yearly/monthly disks.
 */
final class SandboxJson {

    /** EVS/Cinder volume times: UTC, microseconds, no zone suffix. */
    private static final DateTimeFormatter EVS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** EVS job times. */
    private static final DateTimeFormatter JOB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Nova, ECS and BSS times. */
    private static final DateTimeFormatter SECOND_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String baseUri;
    private final String projectId;
    private final String region;

    SandboxJson(String baseUri, String projectId, String region) {
        this.baseUri = baseUri;
        this.projectId = projectId;
        this.region = region;
    }

    ObjectNode volume(SandboxVolume v) {
        ObjectNode n = F.objectNode();
        n.put("id", v.id());
        n.put("name", v.name());
        n.put("status", v.status());
        n.put("size", v.size());
        n.put("availability_zone", v.availabilityZone());
        n.put("volume_type", v.volumeType());
        n.put("bootable", Boolean.toString(v.bootable()));
        n.put("multiattach", v.multiattach());
        n.put("shareable", Boolean.toString(v.multiattach()));
        n.put("encrypted", "1".equals(v.metadata().get("__system__encrypted")));
        ArrayNode attachments = n.putArray("attachments");
        for (SandboxAttachment a : v.attachments()) {
            attachments.addObject()
                    .put("server_id", a.serverId())
                    .put("attachment_id", a.attachmentId())
                    .put("attached_at", EVS_TIME.format(a.attachedAt()))
                    .put("host_name", (String) null)
                    .put("volume_id", v.id())
                    .put("device", a.device())
                    .put("id", v.id());
        }
        ObjectNode metadata = n.putObject("metadata");
        v.metadata().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> metadata.put(e.getKey(), e.getValue()));
        n.put("enterprise_project_id", v.enterpriseProjectId());
        n.put("service_type", "EVS");
        n.put("created_at", EVS_TIME.format(v.createdAt()));
        n.put("updated_at", EVS_TIME.format(v.updatedAt()));
        n.put("description", v.description());
        n.putNull("snapshot_id");
        n.putNull("source_volid");
        n.put("replication_status", "disabled");
        n.put("os-vol-tenant-attr:tenant_id", projectId);
        n.put("user_id", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        n.put("wwn", "688860300000" + v.id().replace("-", "").substring(0, 20));
        n.putObject("tags");
        if (v.bootable()) {
            n.putObject("volume_image_metadata")
                    .put("image_name", "Ubuntu 22.04 server 64bit")
                    .put("__os_type", "Linux")
                    .put("__os_version", "Ubuntu 22.04 server 64bit");
        }
        ArrayNode links = n.putArray("links");
        links.addObject().put("href", baseUri + "/v2/" + projectId + "/cloudvolumes/" + v.id()).put("rel", "self");
        links.addObject().put("href", baseUri + "/" + projectId + "/cloudvolumes/" + v.id()).put("rel", "bookmark");
        return n;
    }

    ObjectNode volumeList(List<SandboxVolume> page, int count, String nextHref) {
        ObjectNode n = F.objectNode();
        ArrayNode arr = n.putArray("volumes");
        page.forEach(v -> arr.add(volume(v)));
        n.put("count", count);
        if (nextHref != null) {
            n.putArray("volumes_links").addObject().put("href", nextHref).put("rel", "next");
        }
        return n;
    }

    static ObjectNode job(SandboxJob j) {
        ObjectNode n = F.objectNode();
        n.put("status", j.status());
        n.putObject("entities").put("volume_id", j.volumeId()).put("size", j.size());
        n.put("job_id", j.jobId());
        n.put("job_type", "extendVolume");
        n.put("begin_time", JOB_TIME.format(j.beginTime()));
        n.put("end_time", j.endTime() == null ? "" : JOB_TIME.format(j.endTime()));
        n.put("error_code", j.errorCode());
        n.put("fail_reason", j.failReason());
        return n;
    }

    ObjectNode novaServer(SandboxInstance s, List<SandboxVolume> volumes) {
        ObjectNode root = F.objectNode();
        root.set("server", novaServerNode(s, volumes));
        return root;
    }

    /** A Nova server: its status as Nova reports it; {@code delete_on_termination} is a boolean here. */
    ObjectNode novaServerNode(SandboxInstance s, List<SandboxVolume> volumes) {
        ObjectNode n = serverCommon(s, s.status());
        ArrayNode attached = n.putArray("os-extended-volumes:volumes_attached");
        volumes.forEach(v -> attached.addObject().put("id", v.id()).put("delete_on_termination", v.bootable()));
        ArrayNode links = n.putArray("links");
        links.addObject().put("rel", "self").put("href", baseUri + "/v2.1/" + projectId + "/servers/" + s.id());
        links.addObject().put("rel", "bookmark").put("href", baseUri + "/" + projectId + "/servers/" + s.id());
        return n;
    }

    ObjectNode novaServerList(List<ObjectNode> servers, String nextHref) {
        ObjectNode root = F.objectNode();
        root.putArray("servers").addAll(servers);
        if (nextHref != null) {
            root.putArray("servers_links").addObject().put("rel", "next").put("href", nextHref);
        }
        return root;
    }

    ObjectNode ecsServer(SandboxInstance s, List<SandboxVolume> volumes) {
        ObjectNode root = F.objectNode();
        root.set("server", ecsServerNode(s, volumes));
        return root;
    }

    /**
     * An ECS v1 server: the v1 status (no PAUSED or SUSPENDED), the attachments with {@code device},
     * {@code bootIndex} as a string and {@code delete_on_termination} as a string, and the metadata the guest
     * guide and the monitoring hint read ({@code os_type}, {@code image_name}).
     */
    ObjectNode ecsServerNode(SandboxInstance s, List<SandboxVolume> volumes) {
        ObjectNode n = serverCommon(s, s.ecsV1Status());
        n.put("OS-EXT-SRV-ATTR:root_device_name", s.rootDeviceName());
        n.put("OS-EXT-SRV-ATTR:hostname", s.name());
        n.put("enterprise_project_id", s.enterpriseProjectId());
        n.put("locked", false);
        n.putObject("metadata").put("charging_mode", "0").put("vpc_id", "3f1b6c2a-5d4e-4f7a-9b8c-1d2e3f4a5b6c")
                .put("os_type", s.osType()).put("image_name", s.imageName());
        ArrayNode attached = n.putArray("os-extended-volumes:volumes_attached");
        for (SandboxVolume v : volumes) {
            v.attachments().stream().filter(a -> a.serverId().equals(s.id())).findFirst()
                    .ifPresent(a -> attached.addObject().put("id", v.id()).put("device", a.device())
                            .put("bootIndex", a.bootIndex())
                            .put("delete_on_termination", Boolean.toString(a.systemDisk())));
        }
        return n;
    }

    ObjectNode ecsServerList(List<JsonNode> servers, int count) {
        ObjectNode root = F.objectNode();
        root.put("count", count);
        root.putArray("servers").addAll(servers);
        return root;
    }

    /** What ECS lists for a {@code server_id} it does not know. */
    static ObjectNode ecsFault(String id) {
        ObjectNode n = F.objectNode();
        n.put("id", id);
        n.putObject("fault").put("code", 404).put("message", "Instance[" + id + "] could not be found.")
                .put("created", "");
        return n;
    }

    private ObjectNode serverCommon(SandboxInstance s, String status) {
        ObjectNode n = F.objectNode();
        n.put("id", s.id());
        n.put("name", s.name());
        n.put("status", status);
        n.put("tenant_id", projectId);
        n.put("created", SECOND_TIME.format(s.createdAt()));
        n.put("updated", SECOND_TIME.format(s.createdAt().plusSeconds(3600)));
        n.put("OS-EXT-STS:vm_state", s.vmState());
        n.put("OS-EXT-STS:task_state", s.taskState());
        n.put("OS-EXT-STS:power_state", switch (s.vmState()) {
            case "active", "resized" -> 1;
            case "paused" -> 3;
            case "suspended" -> 7;
            default -> 4;
        });
        n.put("OS-EXT-AZ:availability_zone", s.availabilityZone());
        n.putObject("flavor").put("id", s.flavor()).put("name", s.flavor());
        return n;
    }

    ObjectNode projects(boolean match, String queryString) {
        ObjectNode root = F.objectNode();
        ArrayNode arr = root.putArray("projects");
        if (match) {
            ObjectNode p = arr.addObject();
            p.put("id", projectId);
            p.put("name", region);
            p.put("domain_id", "d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f");
            p.put("parent_id", "d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f");
            p.put("enabled", true);
            p.put("is_domain", false);
            p.put("description", "");
            p.putObject("links").put("self", baseUri + "/v3/projects/" + projectId);
        }
        ObjectNode links = root.putObject("links");
        links.put("self", baseUri + "/v3/projects" + (queryString == null ? "" : "?" + queryString));
        links.putNull("previous");
        links.putNull("next");
        return root;
    }

    /**
     * The enterprise projects of the seed, as EPS lists them ({@code enterprise_projects}, {@code total_count});
     * {@code offset} and {@code limit} page through them.
     */
    static ObjectNode enterpriseProjects(java.util.Map<String, String> query) {
        String[][] projects = {
            {SandboxSeed.EP_DEFAULT, "default", "The default enterprise project"},
            {SandboxSeed.EP_DATABASE, "database", "Databases (pg-*)"},
            {SandboxSeed.EP_ANALYTICS, "analytics", "Batch, ETL and ML"},
        };
        int offset = intOr(query.get("offset"), 0);
        int limit = intOr(query.get("limit"), 1000);
        ObjectNode root = F.objectNode();
        ArrayNode arr = root.putArray("enterprise_projects");
        for (int i = Math.max(0, offset); i < projects.length && i < offset + limit; i++) {
            ObjectNode p = arr.addObject();
            p.put("id", projects[i][0]);
            p.put("name", projects[i][1]);
            p.put("description", projects[i][2]);
            p.put("status", 1);
            p.put("type", "prod");
            p.put("created_at", "2024-01-08T02:00:00Z");
            p.put("updated_at", "2024-01-08T02:00:00Z");
        }
        root.put("total_count", projects.length);
        return root;
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static ObjectNode order(SandboxOrder o) {
        ObjectNode root = F.objectNode();
        ObjectNode info = root.putObject("order_info");
        info.put("order_id", o.orderId());
        info.put("customer_id", "d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f");
        info.put("service_type_code", "hws.service.type.ebs");
        info.put("service_type_name", "Elastic Volume Service");
        info.put("source_type", 1);
        info.put("status", o.status());
        info.put("order_type", 3);
        info.put("amount_after_discount", o.amount());
        info.put("official_amount", o.amount());
        info.put("measure_id", 1);
        info.put("currency", SandboxBilling.CURRENCY);
        info.put("create_time", SECOND_TIME.format(o.createTime()));
        info.put("payment_time", o.paymentTime() == null ? null : SECOND_TIME.format(o.paymentTime()));
        info.put("pending_payment_end_time", SECOND_TIME.format(o.pendingPaymentEndTime()));
        info.put("user_name", "expanse-sandbox");
        ArrayNode lines = root.putArray("order_line_items");
        int n = 0;
        for (SandboxOrder.Line l : o.lines()) {
            ObjectNode line = lines.addObject();
            line.put("order_line_item_id", o.orderId() + String.format(Locale.ROOT, "-%06d", ++n));
            line.put("service_type_code", "hws.service.type.ebs");
            line.put("product_id", "00301-" + l.volumeType().toLowerCase(Locale.ROOT) + "-0--0");
            line.put("product_spec_desc", l.volumeType() + " | " + l.oldSize() + "GB -> " + l.newSize() + "GB");
            line.put("period_type", 2);
            line.put("period_num", 1);
            line.put("subscription_num", 1);
            line.put("amount_after_discount", l.amount());
            line.put("official_amount", l.amount());
            line.put("currency", SandboxBilling.CURRENCY);
            line.put("category_code", "hws.resource.type.volume");
            line.put("product_owner_service", "hws.service.type.ebs");
            line.put("resource_id", l.volumeId());
        }
        root.put("total_count", o.lines().size());
        return root;
    }

    /** A batch job: the job's own fields, and {@code entities.sub_jobs[]} with one EVS job per disk. */
    static ObjectNode batchJob(SandboxBatchJob b) {
        ObjectNode n = F.objectNode();
        n.put("status", b.status());
        ArrayNode subs = n.putObject("entities").putArray("sub_jobs");
        b.subJobs().forEach(j -> subs.add(job(j)));
        n.put("job_id", b.jobId());
        n.put("job_type", "batchExtendVolumes");
        n.put("begin_time", JOB_TIME.format(b.subJobs().get(0).beginTime()));
        boolean done = "SUCCESS".equals(b.status()) || "FAIL".equals(b.status());
        n.put("end_time", done ? JOB_TIME.format(b.subJobs().stream().map(SandboxJob::endTime)
                .max(java.util.Comparator.naturalOrder()).orElseThrow()) : "");
        boolean failed = "FAIL".equals(b.status());
        n.put("error_code", failed ? SandboxExtension.FAIL_CODE : null);
        n.put("fail_reason", failed ? "Some volumes of the batch could not be extended; see the sub-jobs." : null);
        return n;
    }

    /** The on-demand rating: one result per product, the request's id kept. */
    static ObjectNode onDemandRating(List<String> ids, List<java.math.BigDecimal> amounts) {
        ObjectNode root = F.objectNode();
        java.math.BigDecimal total = amounts.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        root.put("amount", total);
        root.put("discount_amount", java.math.BigDecimal.ZERO);
        root.put("official_website_amount", total);
        root.put("measure_id", 1);
        root.put("currency", SandboxBilling.CURRENCY);
        ArrayNode results = root.putArray("product_rating_results");
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode r = results.addObject();
            r.put("id", ids.get(i));
            r.put("product_id", "OFFI" + (800000000L + i));
            r.put("amount", amounts.get(i));
            r.put("discount_amount", java.math.BigDecimal.ZERO);
            r.put("official_website_amount", amounts.get(i));
            r.put("measure_id", 1);
            r.putArray("discount_rating_results");
        }
        return root;
    }

    /** The period rating: the list price per product; the sandbox offers no discounts. */
    static ObjectNode periodRating(List<String> ids, List<java.math.BigDecimal> amounts) {
        ObjectNode root = F.objectNode();
        ObjectNode official = root.putObject("official_website_rating_result");
        official.put("official_website_amount",
                amounts.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        official.put("measure_id", 1);
        ArrayNode results = official.putArray("product_rating_results");
        for (int i = 0; i < ids.size(); i++) {
            results.addObject().put("id", ids.get(i)).put("product_id", "OFFI" + (810000000L + i))
                    .put("official_website_amount", amounts.get(i)).put("measure_id", 1);
        }
        root.putArray("optional_discount_rating_results");
        root.put("currency", SandboxBilling.CURRENCY);
        return root;
    }

    /** The subscription query: one entry per yearly/monthly disk found. */
    ObjectNode subscriptions(List<SandboxSubscription> subs, java.util.function.Function<String, SandboxVolume> volumes) {
        ObjectNode root = F.objectNode();
        ArrayNode data = root.putArray("data");
        for (SandboxSubscription s : subs) {
            SandboxVolume v = volumes.apply(s.resourceId());
            ObjectNode n = data.addObject();
            n.put("id", s.orderId() + "-" + s.resourceId().substring(0, 8));
            n.put("resource_id", s.resourceId());
            n.put("resource_name", v.name());
            n.put("region_code", region);
            n.put("service_type_code", "hws.service.type.ebs");
            n.put("resource_type_code", "hws.resource.type.volume");
            n.put("resource_type_name", "Volume");
            n.put("service_type_name", "Elastic Volume Service");
            n.put("resource_spec_code", v.volumeType());
            n.put("project_id", projectId);
            n.put("product_id", "00301-" + v.volumeType().toLowerCase(Locale.ROOT) + "-0--0");
            n.put("parent_resource_id", s.parentResourceId());
            n.put("is_main_resource", s.mainResource() ? 1 : 0);
            n.put("status", 2);
            n.put("effective_time", SECOND_TIME.format(s.effectiveTime()));
            n.put("expire_time", SECOND_TIME.format(s.expireTime()));
            n.put("expire_policy", 0);
            n.put("product_spec_desc", v.volumeType() + " | " + v.size() + "GB");
            n.put("spec_size", v.size());
            n.put("spec_size_measure_id", 17);
            n.put("update_time", SECOND_TIME.format(s.effectiveTime()));
        }
        root.put("total_count", subs.size());
        return root;
    }
}
