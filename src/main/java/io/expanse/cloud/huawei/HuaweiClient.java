package io.expanse.cloud.huawei;

import io.expanse.text.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import io.expanse.cloud.http.HttpExchange;
import io.expanse.cloud.http.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * {@link EvsApi} over HTTPS with AK/SK signing, for one account, region and project. Reads are retried on
 * throttling, 5xx and network failures; the resize is sent exactly once. Build with {@link #builder()}.
 */
public final class HuaweiClient implements EvsApi {

    /** The largest page EVS serves. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** The enterprise-project filter value meaning every project the user is authorised for. */
    public static final String ALL_GRANTED_EPS = "all_granted_eps";
    /** A guard against a nonsensical {@code count}: at most this many pages are fetched. */
    static final int MAX_PAGES = 1000;
    /** Without a {@code count}, at most this many pages are walked before the listing is refused. */
    static final int MAX_PAGES_WITHOUT_COUNT = 100;
    /** Without a {@code count}, at most this many volumes are read before the listing is refused. */
    static final int MAX_VOLUMES_WITHOUT_COUNT = 100_000;

    private final HuaweiTransport transport;
    /** For the global services (EPS), signed without the project. */
    private final HuaweiTransport globalTransport;
    private final HuaweiEndpoints endpoints;
    private final String region;
    private final String projectId;
    private final Executor pageExecutor;
    private final int pageSize;
    private final String enterpriseProject;

    private HuaweiClient(Builder b) {
        this.endpoints = b.endpoints;
        this.region = b.region;
        this.projectId = b.projectId;
        this.pageExecutor = b.pageExecutor;
        this.pageSize = b.pageSize;
        this.enterpriseProject = b.enterpriseProject;
        this.transport = new HuaweiTransport(b.http, b.credentials, b.clock, b.retry, b.limits, b.projectId);
        this.globalTransport = new HuaweiTransport(b.http, b.credentials, b.clock, b.retry, b.limits, null);
    }

    /** The largest page EPS serves. */
    static final int EPS_PAGE = 1000;

    /**
     * Every enterprise project of the account ({@code GET /v1.0/enterprise-projects} on EPS, pages of 1000 by
     * {@code offset}). Needs the {@code eps:enterpriseProjects:list} permission: without it EPS answers 403, which
     * is thrown as it came (the views then show ids).
     */
    @Override
    public List<EnterpriseProject> enterpriseProjects() throws ApiException {
        return listEnterpriseProjects(globalTransport, endpoints);
    }

    static List<EnterpriseProject> listEnterpriseProjects(HuaweiTransport transport, HuaweiEndpoints endpoints)
            throws ApiException {
        List<EnterpriseProject> out = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            String what = Texts.get("cloud.huawei.what.enterpriseProjects");
            JsonNode root = transport.get(what, endpoints.eps(), List.of(new QueryParam("limit",
                    Integer.toString(EPS_PAGE)), new QueryParam("offset", Integer.toString(page * EPS_PAGE))),
                    "v1.0", "enterprise-projects");
            HuaweiJson json = new HuaweiJson(what, 200);
            int before = out.size();
            for (JsonNode p : json.requiredArray(root, "enterprise_projects")) {
                JsonNode status = p.get("status");
                out.add(new EnterpriseProject(json.requiredText(p, "id"), HuaweiJson.text(p, "name"),
                        status != null && status.canConvertToInt() ? status.asInt() : 0));
            }
            JsonNode total = root.get("total_count");
            int got = out.size() - before;
            if (got < EPS_PAGE || total != null && total.canConvertToLong() && out.size() >= total.asLong()) {
                return out;
            }
        }
        return out;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String projectId() {
        return projectId;
    }

    @Override
    public String region() {
        return region;
    }

    /** Local minus server clock from the latest response that had a {@code Date} header; null before any. */
    public Duration lastObservedSkew() {
        return transport.lastObservedSkew();
    }

    @Override
    public List<Volume> listVolumes() throws ApiException {
        JsonNode first = page(0);
        List<List<Volume>> pages = new ArrayList<>();
        pages.add(volumes(first, 0));
        JsonNode countNode = first.get("count");
        if (countNode != null && countNode.canConvertToLong()) {
            long count = countNode.asLong();
            if (count > (long) MAX_PAGES * pageSize) {
                throw new ApiException(Kind.BAD_RESPONSE, 200, null, null, null, Texts.get(
                        "cloud.huawei.list.tooMany", count, (long) MAX_PAGES * pageSize), null, null);
            }
            pages.addAll(remainingPages(count));
        } else {
            walkWithoutCount(pages);
        }
        Map<String, Volume> byId = new LinkedHashMap<>();
        pages.forEach(p -> p.forEach(v -> byId.putIfAbsent(v.id(), v)));
        return List.copyOf(byId.values());
    }

    /**
     * No total: walks on while pages come back full, one after the other. Two guards keep a broken or hostile
     * service from making this endless or huge: a full page made only of volumes already listed (the service
     * ignores the offset), and more than {@link #MAX_PAGES_WITHOUT_COUNT} pages or
     * {@link #MAX_VOLUMES_WITHOUT_COUNT} volumes. Either is an error ({@link Kind#BAD_RESPONSE}), not a shortened
     * list: an operator must never be shown a truncated list as if it were complete. A page that repeats only some
     * volumes is normal (the list shifted while paging) and is deduplicated.
     */
    private void walkWithoutCount(List<List<Volume>> pages) throws ApiException {
        Set<String> seen = new HashSet<>();
        pages.get(0).forEach(v -> seen.add(v.id()));
        long read = pages.get(0).size();
        int offset = 0;
        while (pages.get(pages.size() - 1).size() >= pageSize) {
            if (pages.size() >= MAX_PAGES_WITHOUT_COUNT || read >= MAX_VOLUMES_WITHOUT_COUNT) {
                throw new ApiException(Kind.BAD_RESPONSE, 200, null, null, null, Texts.get(
                        "cloud.huawei.list.noTotal", pages.size(), read), null, null);
            }
            offset += pageSize;
            List<Volume> next = volumes(page(offset), offset);
            if (!next.isEmpty() && next.stream().allMatch(v -> seen.contains(v.id()))) {
                throw new ApiException(Kind.BAD_RESPONSE, 200, null, null, null, Texts.get(
                        "cloud.huawei.list.repeats", String.valueOf(offset)), null, null);
            }
            next.forEach(v -> seen.add(v.id()));
            read += next.size();
            pages.add(next);
        }
    }

    private List<List<Volume>> remainingPages(long count) throws ApiException {
        List<CompletableFuture<List<Volume>>> futures = new ArrayList<>();
        for (long offset = pageSize; offset < count; offset += pageSize) {
            int pageOffset = (int) offset;
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return volumes(page(pageOffset), pageOffset);
                } catch (ApiException e) {
                    throw new CompletionException(e);
                }
            }, pageExecutor));
        }
        List<List<Volume>> out = new ArrayList<>();
        ApiException failure = null;
        for (CompletableFuture<List<Volume>> f : futures) {
            try {
                if (failure == null) {
                    out.add(f.get());
                } else {
                    f.cancel(false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(false));
                throw new ApiException(Kind.NETWORK, Texts.get("cloud.huawei.list.interrupted"), e);
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof ApiException api ? api
                        : new ApiException(Kind.BAD_RESPONSE, Texts.get("cloud.huawei.list.pageFailed"), e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    private JsonNode page(int offset) throws ApiException {
        return transport.get(Texts.get("cloud.huawei.what.volumePage", String.valueOf(offset)), endpoints.evs(),
                listQuery(new QueryParam("limit", Integer.toString(pageSize)),
                        new QueryParam("offset", Integer.toString(offset))),
                "v2", projectId, "cloudvolumes", "detail");
    }

    /** The list parameters, plus the enterprise-project filter when the profile names one. */
    private List<QueryParam> listQuery(QueryParam... params) {
        List<QueryParam> query = new ArrayList<>(List.of(params));
        if (enterpriseProject != null) {
            query.add(new QueryParam("enterprise_project_id", enterpriseProject));
        }
        return query;
    }

    private static List<Volume> volumes(JsonNode page, int offset) throws ApiException {
        HuaweiJson json = new HuaweiJson(Texts.get("cloud.huawei.what.volumePage", String.valueOf(offset)), 200);
        List<Volume> out = new ArrayList<>();
        for (JsonNode v : json.requiredArray(page, "volumes")) {
            out.add(json.volume(v));
        }
        return out;
    }

    /**
     * One cheap signed call, to test a connection: the first page of the volume list with {@code limit=1}.
     *
     * @return the number of volumes the answer reports, or -1 when it reports none
     */
    public long probe() throws ApiException {
        JsonNode root = transport.get(Texts.get("cloud.huawei.what.volumeList"), endpoints.evs(), listQuery(new QueryParam("limit", "1")),
                "v2", projectId, "cloudvolumes", "detail");
        JsonNode count = root.get("count");
        return count != null && count.canConvertToLong() ? count.asLong() : -1;
    }

    @Override
    public Volume getVolume(String volumeId) throws ApiException {
        String what = Texts.get("cloud.huawei.what.volume", volumeId);
        JsonNode root = transport.get(what, endpoints.evs(), List.of(), "v2", projectId, "cloudvolumes",
                requireId(volumeId, "volumeId"));
        HuaweiJson json = new HuaweiJson(what, 200);
        return json.volume(json.object(root, "volume"));
    }

    @Override
    public ResizeAccepted resize(String volumeId, int newSizeGb, Boolean autoPay) throws ApiException {
        requireId(volumeId, "volumeId");
        if (newSizeGb <= 0) {
            throw new IllegalArgumentException("newSizeGb must be positive");
        }
        HuaweiTransport.Reply reply = transport.postOnce(endpoints.evs(), resizeBody(newSizeGb, autoPay),
                "v2.1", projectId, "cloudvolumes", volumeId, "action");
        HuaweiJson json = new HuaweiJson(Texts.get("cloud.huawei.what.resize", volumeId), reply.status());
        try {
            return json.resizeAccepted(json.parse(reply.body()));
        } catch (ApiException e) {
            // The service accepted the request; only its answer is unreadable, so the caller must check the volume.
            throw new ApiException(Kind.OUTCOME_UNKNOWN, reply.status(), null, null, null,
                    Texts.get("cloud.huawei.acceptedUnreadable.volume", String.valueOf(reply.status()),
                            e.operatorMessage()), null, e);
        }
    }

    /** {@code {"os-extend":{"new_size":N}}}, plus {@code "bssParam":{"isAutoPay":"true"|"false"}} when given. */
    static byte[] resizeBody(int newSizeGb, Boolean autoPay) {
        ObjectNode root = HuaweiJson.MAPPER.createObjectNode();
        root.putObject("os-extend").put("new_size", newSizeGb);
        if (autoPay != null) {
            root.putObject("bssParam").put("isAutoPay", autoPay.toString());
        }
        try {
            return HuaweiJson.MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Job getJob(String jobId) throws ApiException {
        String what = Texts.get("cloud.huawei.what.job", jobId);
        JsonNode root = transport.get(what, endpoints.evs(), List.of(), "v1", projectId, "jobs",
                requireId(jobId, "jobId"));
        return new HuaweiJson(what, 200).job(root, jobId);
    }

    @Override
    public ServerInfo getServer(String serverId) throws ApiException {
        requireId(serverId, "serverId");
        String what = Texts.get("cloud.huawei.what.server", serverId);
        HuaweiJson json = new HuaweiJson(what, 200);
        JsonNode nova = json.object(transport.get(what, endpoints.ecs(), List.of(), "v2.1", projectId, "servers",
                serverId), "server");
        String status = json.requiredText(nova, "status");
        String name = HuaweiJson.text(nova, "name");
        try {
            String ecsWhat = Texts.get("cloud.huawei.what.ecsServer", serverId);
            HuaweiJson ecsJson = new HuaweiJson(ecsWhat, 200);
            ServerInfo ecs = ecsJson.ecsServer(ecsJson.object(transport.get(ecsWhat, endpoints.ecs(), List.of(),
                    "v1", projectId, "cloudservers", serverId), "server"), serverId);
            return new ServerInfo(serverId, name, status, ecs.rootDeviceName(), ecs.volumes(), ecs.osType(),
                    ecs.imageName());
        } catch (ApiException e) {
            // The ECS v1 detail only adds boot indexes; a server it does not know still has a usable status.
            if (e.kind() != Kind.NOT_FOUND && e.kind() != Kind.REJECTED) {
                throw e;
            }
        }
        return new ServerInfo(serverId, name, status, null, List.of());
    }

    /**
     * In a few calls instead of two per server (huawei-evs.md §11): ECS v1 {@code cloudservers/detail} by
     * {@code server_id} in chunks of 100 and the Nova server list, concurrently (at most 8 calls at a time on the
     * page executor), merged with Nova's status where the two differ; with fallbacks to paging the v1 list and to
     * {@link #getServer(String)} where a region does not serve the batch. See {@link ServerBatch}.
     */
    @Override
    public Map<String, ServerInfo> servers(Collection<String> serverIds) throws ApiException {
        return new ServerBatch(transport, endpoints.ecs(), projectId, pageExecutor, pageSize, this::getServer)
                .read(serverIds);
    }

    @Override
    public Order getOrder(String orderId) throws ApiException {
        String what = Texts.get("cloud.huawei.what.order", orderId);
        JsonNode root = transport.get(what, endpoints.bss(),
                List.of(new QueryParam("offset", "0"), new QueryParam("limit", "10")),
                "v2", "orders", "customer-orders", "details", requireId(orderId, "orderId"));
        HuaweiJson json = new HuaweiJson(what, 200);
        return json.order(json.object(root, "order_info"), orderId);
    }

    private static String requireId(String id, String name) {
        if (id == null || id.isBlank() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(name + " must be a non-blank id");
        }
        return id;
    }

    /** Settings of a {@link HuaweiClient}; everything but the page size and retry policy is required. */
    public static final class Builder {
        private OkHttpClient http;
        private HuaweiEndpoints endpoints;
        private Credentials credentials;
        private String region;
        private String projectId;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retry = RetryPolicy.defaults();
        private HttpExchange.Limits limits = HttpExchange.Limits.defaults();
        private Executor pageExecutor;
        private int pageSize = MAX_PAGE_SIZE;
        private String enterpriseProject;

        private Builder() {
        }

        public Builder http(OkHttpClient http) {
            this.http = http;
            return this;
        }

        public Builder endpoints(HuaweiEndpoints endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /** The clock for {@code X-Sdk-Date} and skew measurement; UTC system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** {@link RetryPolicy#defaults()} unless set. */
        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /**
         * The whole-call deadline of every request, from connecting to the last byte of the answer
         * ({@link HttpExchange#DEFAULT_CALL_TIMEOUT} unless set). A read past it fails; the resize past it, once
         * sent, has an unknown outcome.
         */
        public Builder callTimeout(Duration callTimeout) {
            this.limits = limits.withCallTimeout(callTimeout);
            return this;
        }

        /** The largest decoded answer read ({@link HttpExchange#DEFAULT_MAX_BODY_BYTES} unless set). */
        public Builder maxBodyBytes(long maxBodyBytes) {
            this.limits = limits.withMaxBodyBytes(maxBodyBytes);
            return this;
        }

        /** Where the pages after the first are fetched, concurrently. */
        public Builder pageExecutor(Executor pageExecutor) {
            this.pageExecutor = pageExecutor;
            return this;
        }

        /**
         * Lists only the volumes of one enterprise project. {@code "all"} asks for every enterprise project the
         * user is authorised for ({@code all_granted_eps}, which IAM users authorised only through enterprise
         * projects need); null or blank sends no filter, so the account's default view applies. Whether an
         * account without enterprise projects accepts {@code all_granted_eps} is UNCONFIRMED, hence not the default.
         */
        public Builder enterpriseProject(String enterpriseProject) {
            String ep = enterpriseProject == null || enterpriseProject.isBlank() ? null : enterpriseProject.strip();
            this.enterpriseProject = "all".equalsIgnoreCase(ep) ? ALL_GRANTED_EPS : ep;
            return this;
        }

        /** Volumes per page, 1..1000; 1000 by default. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be within 1.." + MAX_PAGE_SIZE);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * The id of the IAM project named {@code region} ({@code GET /v3/projects?name=…} on the IAM endpoint),
         * using this builder's HTTP client, endpoints, credentials, clock and retry policy; the project id need
         * not be set. Never creates a project: none found raises {@link Kind#NOT_FOUND}.
         */
        public String lookupProjectId(String region) throws ApiException {
            requireCommon();
            requireId(region, "region");
            String what = Texts.get("cloud.huawei.what.iamProjects");
            HuaweiTransport iam = new HuaweiTransport(http, credentials, clock, retry, limits, null);
            JsonNode root = iam.get(what, endpoints.iam(), List.of(new QueryParam("name", region)), "v3", "projects");
            HuaweiJson json = new HuaweiJson(what, 200);
            List<String> ids = new ArrayList<>();
            for (JsonNode p : json.requiredArray(root, "projects")) {
                if (region.equals(HuaweiJson.text(p, "name"))) {
                    ids.add(json.requiredText(p, "id"));
                }
            }
            if (ids.isEmpty()) {
                throw new ApiException(Kind.NOT_FOUND, 200, null, null, null,
                        Texts.get("cloud.huawei.iam.noProject", region), null, null);
            }
            if (ids.size() > 1) {
                throw json.bad(Texts.get("cloud.huawei.iam.severalProjects", ids.size(), region));
            }
            return ids.get(0);
        }

        /**
         * The enterprise projects of the account (as {@link HuaweiClient#enterpriseProjects()}), using this
         * builder's HTTP client, endpoints, credentials, clock and retry policy; no project id is needed.
         */
        public List<EnterpriseProject> listEnterpriseProjects() throws ApiException {
            requireCommon();
            return HuaweiClient.listEnterpriseProjects(new HuaweiTransport(http, credentials, clock, retry, limits,
                    null), endpoints);
        }

        /**
         * A Cloud Eye client ({@link DiskUsageApi}) with this builder's HTTP client, credentials, clock, retry
         * policy, limits and project, on {@link HuaweiEndpoints#ces()}; at most {@code concurrency} calls at once,
         * run on {@code executor}.
         */
        public CloudEyeClient buildCloudEye(Executor executor, int concurrency) {
            return buildCloudEye(executor, concurrency, DimensionStore.NONE);
        }

        /**
         * As {@link #buildCloudEye(Executor, int)}, keeping the servers' agent dimensions in {@code store} between
         * reads and launches; every Cloud Eye call is held to 500 a minute.
         */
        public CloudEyeClient buildCloudEye(Executor executor, int concurrency, DimensionStore store) {
            return buildCloudEye(executor, concurrency, store, clock,
                    CallRateLimit.perMinute(CallRateLimit.CLOUD_EYE_CALLS_PER_MINUTE));
        }

        /** For tests: the lifetimes of kept dimensions on {@code cacheClock}, and the given rate limit. */
        CloudEyeClient buildCloudEye(Executor executor, int concurrency, DimensionStore store, Clock cacheClock,
                                     CallRateLimit rateLimit) {
            requireCommon();
            requireId(projectId, "projectId");
            return new CloudEyeClient(new HuaweiTransport(http, credentials, clock, retry, limits, projectId),
                    endpoints.ces(), projectId, executor, concurrency, store, cacheClock, rateLimit);
        }

        public HuaweiClient build() {
            requireCommon();
            requireId(region, "region");
            requireId(projectId, "projectId");
            Objects.requireNonNull(pageExecutor, "pageExecutor");
            return new HuaweiClient(this);
        }

        /**
         * The billing and batch client of the same account: prices, subscriptions, orders, pay, cancel and the v5
         * batch expansion ({@link EvsBillingApi}). Needs no page executor.
         */
        public HuaweiBillingClient buildBilling() {
            requireCommon();
            requireId(region, "region");
            requireId(projectId, "projectId");
            return new HuaweiBillingClient(new HuaweiTransport(http, credentials, clock, retry, limits, projectId),
                    endpoints, region, projectId);
        }

        private void requireCommon() {
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(endpoints, "endpoints");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(retry, "retry");
        }
    }
}
