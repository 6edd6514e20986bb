package io.expanse.cloud.huawei;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.ApiException.Kind;
import io.expanse.cloud.huawei.AkSkSigner.QueryParam;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many servers in a few calls (huawei-evs.md §11), for {@link HuaweiClient#servers(Collection)}:
 * <ul>
 *   <li>ECS v1 {@code GET /v1/{project_id}/cloudservers/detail?server_id=id1,id2,…} in chunks of {@link #CHUNK}
 *       ids, at most {@link #CONCURRENCY} at a time, for the attachments ({@code bootIndex}, {@code device}), the
 *       root device and {@code metadata.os_type}; an unknown id comes back as {@code {id, fault}} only;</li>
 *   <li>at the same time Nova {@code GET /v2.1/{project_id}/servers/detail?limit=…&marker=…}, following
 *       {@code servers_links} rel=next, for the status.</li>
 * </ul>
 * Fallbacks, each logged with its reason: a chunk refused (HTTP 400, 404, 414: a region without {@code server_id})
 * or answering servers that were not asked for (a region ignoring it) → the whole v1 list, paged ({@code offset} is
 * a 1-based page number; a server not in it counts as gone); that refused too → single reads
 * ({@link HuaweiClient#getServer(String)}). Servers a batch answer neither lists nor reports unknown are read singly
 * as well. The Nova list failing → Nova single reads
 * only for the servers v1 reports SHUTOFF (the one status PAUSED and SUSPENDED could hide behind).
 */
final class ServerBatch {

    private static final Logger LOG = LoggerFactory.getLogger(ServerBatch.class);

    /** Ids per {@code server_id} query: about 100 keeps the URI well under what gateways accept (414). */
    static final int CHUNK = 100;
    /** Calls in flight at once. */
    static final int CONCURRENCY = 8;
    /** A guard against a list that never ends (a next link that keeps coming, a count that keeps growing). */
    static final int MAX_PAGES = 1000;

    /** One server read on its own, Nova status and v1 detail ({@link HuaweiClient#getServer(String)}). */
    interface SingleRead {
        ServerInfo read(String serverId) throws ApiException;
    }

    /** The batch or the v1 list is not served as documented here: fall back. */
    private static final class Unsupported extends Exception {
        Unsupported(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    /** A call of {@link #bounded}. */
    private interface Call<T, R> {
        R apply(T input) throws ApiException, Unsupported;
    }

    /** One GET. */
    private interface Get {
        JsonNode get() throws ApiException;
    }

    /** What the v1 side found: servers by id, ids it reported unknown. */
    private record V1(Map<String, ServerInfo> found, Set<String> unknown) {
    }

    private final HuaweiTransport transport;
    private final URI ecs;
    private final String projectId;
    private final Executor executor;
    private final int pageSize;
    private final SingleRead single;

    ServerBatch(HuaweiTransport transport, URI ecs, String projectId, Executor executor, int pageSize,
                SingleRead single) {
        this.transport = transport;
        this.ecs = ecs;
        this.projectId = projectId;
        this.executor = executor;
        this.pageSize = pageSize;
        this.single = single;
    }

    Map<String, ServerInfo> read(Collection<String> serverIds) throws ApiException {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(serverIds.stream()
                .filter(id -> id != null && !id.isBlank()).toList()));
        if (wanted.isEmpty()) {
            return Map.of();
        }
        CompletableFuture<Map<String, ServerInfo>> nova = CompletableFuture.supplyAsync(() -> {
            try {
                return novaList();
            } catch (ApiException e) {
                LOG.warn("The Nova server list could not be read ({}); the status of servers ECS v1 reports as "
                        + "SHUTOFF is read from Nova one by one instead.", e.operatorMessage());
                return null;
            }
        }, executor);

        V1 v1 = v1(wanted);
        Map<String, ServerInfo> novaServers = await(nova);

        Map<String, ServerInfo> out = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        List<String> shutoff = new ArrayList<>();
        for (String id : wanted) {
            ServerInfo fromV1 = v1.found().get(id);
            ServerInfo fromNova = novaServers == null ? null : novaServers.get(id);
            if (fromV1 != null) {
                out.put(id, merged(fromV1, fromNova));
                if (novaServers == null && "SHUTOFF".equalsIgnoreCase(fromV1.status())) {
                    shutoff.add(id);
                }
            } else if (v1.unknown().contains(id)) {
                if (fromNova != null) {
                    // ECS v1 does not know it but Nova does: a status without boot indexes, as a single read gives.
                    out.put(id, fromNova);
                }
            } else {
                unread.add(id);
            }
        }
        if (!shutoff.isEmpty()) {
            novaStatusesOneByOne(shutoff, out);
        }
        if (!unread.isEmpty()) {
            LOG.info("{} of {} servers were in no batch answer; reading them one by one.", unread.size(),
                    wanted.size());
            singleReads(unread, out);
        }
        return out;
    }

    /**
     * The status of a server whose v1 and Nova answers differ: Nova's. ECS v1 may report PAUSED and SUSPENDED as
     * SHUTOFF (huawei-evs.md §3 says only Nova reports them; §11: UNCONFIRMED whether v1 does), and the resize rule
     * (ACTIVE, PAUSED, SUSPENDED, SHUTOFF) is written in Nova's terms. Everything else comes from v1.
     */
    static ServerInfo merged(ServerInfo fromV1, ServerInfo fromNova) {
        if (fromNova == null || fromNova.status() == null || fromNova.status().equalsIgnoreCase(fromV1.status())) {
            return fromV1;
        }
        return fromV1.withStatus(fromNova.status());
    }

    // ---------------------------------------------------------------------------------------------------------
    // ECS v1

    private V1 v1(List<String> wanted) throws ApiException {
        List<List<String>> chunks = new ArrayList<>();
        List<String> batchable = wanted.stream().filter(id -> !id.contains(",")).toList();
        for (int i = 0; i < batchable.size(); i += CHUNK) {
            chunks.add(batchable.subList(i, Math.min(batchable.size(), i + CHUNK)));
        }
        try {
            Map<String, ServerInfo> found = new HashMap<>();
            Set<String> unknown = new HashSet<>();
            for (V1 part : bounded(chunks, this::chunk)) {
                found.putAll(part.found());
                unknown.addAll(part.unknown());
            }
            return new V1(found, unknown);
        } catch (Unsupported batch) {
            LOG.warn("ECS v1 server_id batch read not usable here ({}); paging the whole v1 server list instead.",
                    batch.getMessage());
        }
        try {
            Map<String, ServerInfo> all = wholeV1List();
            // The whole list was read: a server not in it is gone (as an {id, fault} entry says in a batch).
            Map<String, ServerInfo> found = new HashMap<>();
            Set<String> unknown = new HashSet<>();
            for (String id : wanted) {
                ServerInfo s = all.get(id);
                if (s != null) {
                    found.put(id, s);
                } else {
                    unknown.add(id);
                }
            }
            return new V1(found, unknown);
        } catch (Unsupported paging) {
            LOG.warn("The ECS v1 server list cannot be paged here either ({}); reading the {} servers one by one.",
                    paging.getMessage(), wanted.size());
            return new V1(Map.of(), Set.of());
        }
    }

    /** One {@code server_id} chunk, in one call: every asked server fits in {@code limit}. */
    private V1 chunk(List<String> ids) throws ApiException, Unsupported {
        String what = Texts.get("cloud.huawei.what.ecsDetails", ids.size());
        JsonNode root = refusable(() -> transport.get(what, ecs, List.of(
                new QueryParam("server_id", String.join(",", ids)),
                new QueryParam("limit", Integer.toString(ids.size())),
                new QueryParam("offset", "1")), "v1", projectId, "cloudservers", "detail"));
        HuaweiJson json = new HuaweiJson(what, 200);
        Set<String> asked = new HashSet<>(ids);
        Map<String, ServerInfo> found = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (JsonNode s : json.requiredArray(root, "servers")) {
            String id = json.requiredText(s, "id");
            if (!asked.contains(id)) {
                throw new Unsupported("the answer to server_id=… lists server " + id + ", which was not asked for, "
                        + "so the filter seems to be ignored", null);
            }
            if (s.has("fault")) {
                unknown.add(id);
            } else {
                found.put(id, json.ecsServer(s));
            }
        }
        return new V1(found, unknown);
    }

    /** Every v1 server, in pages of {@link #pageSize}; {@code offset} is the page number, from 1. */
    private Map<String, ServerInfo> wholeV1List() throws ApiException, Unsupported {
        JsonNode first = v1Page(1);
        List<List<ServerInfo>> pages = new ArrayList<>();
        pages.add(v1Servers(first, 1));
        JsonNode count = first.get("count");
        if (count != null && count.canConvertToLong()) {
            long total = count.asLong();
            long pageCount = (total + pageSize - 1) / pageSize;
            if (pageCount > MAX_PAGES) {
                throw new Unsupported("it claims " + total + " servers, more than " + MAX_PAGES + " pages", null);
            }
            List<Integer> rest = new ArrayList<>();
            for (int p = 2; p <= pageCount; p++) {
                rest.add(p);
            }
            Call<Integer, List<ServerInfo>> page = p -> v1Servers(v1Page(p), p);
            pages.addAll(bounded(rest, page));
        } else {
            // No total: on while pages come back full; a page of servers already seen means the offset is ignored.
            Set<String> seen = new HashSet<>();
            pages.get(0).forEach(s -> seen.add(s.id()));
            for (int p = 2; pages.get(pages.size() - 1).size() >= pageSize; p++) {
                if (p > MAX_PAGES) {
                    throw new Unsupported("it still had full pages after " + MAX_PAGES + " pages", null);
                }
                List<ServerInfo> next = v1Servers(v1Page(p), p);
                if (!next.isEmpty() && next.stream().allMatch(s -> seen.contains(s.id()))) {
                    throw new Unsupported("page " + p + " repeats only servers already listed", null);
                }
                next.forEach(s -> seen.add(s.id()));
                pages.add(next);
            }
        }
        Map<String, ServerInfo> all = new HashMap<>();
        pages.forEach(page -> page.forEach(s -> all.putIfAbsent(s.id(), s)));
        return all;
    }

    private JsonNode v1Page(int pageNumber) throws ApiException, Unsupported {
        return refusable(() -> transport.get(Texts.get("cloud.huawei.what.ecsPage", pageNumber), ecs, List.of(
                new QueryParam("limit", Integer.toString(pageSize)),
                new QueryParam("offset", Integer.toString(pageNumber))), "v1", projectId, "cloudservers", "detail"));
    }

    private static List<ServerInfo> v1Servers(JsonNode page, int pageNumber) throws ApiException {
        HuaweiJson json = new HuaweiJson(Texts.get("cloud.huawei.what.ecsPage", pageNumber), 200);
        List<ServerInfo> out = new ArrayList<>();
        for (JsonNode s : json.requiredArray(page, "servers")) {
            if (!s.has("fault")) {
                out.add(json.ecsServer(s));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Nova

    /** Every Nova server (name and status), following {@code servers_links} rel=next. */
    private Map<String, ServerInfo> novaList() throws ApiException {
        Map<String, ServerInfo> out = new HashMap<>();
        Set<String> markers = new HashSet<>();
        String marker = null;
        for (int page = 1; ; page++) {
            if (page > MAX_PAGES) {
                throw new HuaweiJson(Texts.get("cloud.huawei.what.novaList"), 200).bad(
                        Texts.get("cloud.huawei.nova.endlessPages", MAX_PAGES));
            }
            List<QueryParam> query = new ArrayList<>();
            query.add(new QueryParam("limit", Integer.toString(pageSize)));
            if (marker != null) {
                query.add(new QueryParam("marker", marker));
            }
            String what = Texts.get("cloud.huawei.what.novaPage", page);
            JsonNode root = transport.get(what, ecs, query, "v2.1", projectId, "servers", "detail");
            HuaweiJson json = new HuaweiJson(what, 200);
            String last = null;
            for (JsonNode s : json.requiredArray(root, "servers")) {
                String id = json.requiredText(s, "id");
                out.put(id, new ServerInfo(id, HuaweiJson.text(s, "name"),
                        HuaweiJson.trimmed(HuaweiJson.text(s, "status")), null, List.of()));
                last = id;
            }
            String next = nextMarker(json.array(root, "servers_links"), last);
            if (next == null) {
                return out;
            }
            if (!markers.add(next)) {
                throw json.bad(Texts.get("cloud.huawei.nova.repeatedMarker", next));
            }
            marker = next;
        }
    }

    /**
     * The marker of the rel=next link (the {@code marker} of its query; the link's host is not used, so requests
     * stay on the configured endpoint and signed), the last server when the link has none; null without a link.
     */
    static String nextMarker(List<JsonNode> links, String lastId) {
        for (JsonNode link : links) {
            if ("next".equals(HuaweiJson.text(link, "rel"))) {
                String href = HuaweiJson.text(link, "href");
                HttpUrl url = href == null ? null : HttpUrl.parse(href);
                String marker = url == null ? null : url.queryParameter("marker");
                return marker != null && !marker.isBlank() ? marker : lastId;
            }
        }
        return null;
    }

    private void novaStatusesOneByOne(List<String> ids, Map<String, ServerInfo> out) {
        try {
            Call<String, Void> read = id -> {
                try {
                    String what = Texts.get("cloud.huawei.what.server", id);
                    HuaweiJson json = new HuaweiJson(what, 200);
                    JsonNode nova = json.object(transport.get(what, ecs, List.of(), "v2.1", projectId, "servers", id),
                            "server");
                    String status = HuaweiJson.trimmed(HuaweiJson.text(nova, "status"));
                    if (status != null) {
                        synchronized (out) {
                            out.computeIfPresent(id, (k, v) -> merged(v, new ServerInfo(id, null, status, null,
                                    List.of())));
                        }
                    }
                } catch (ApiException e) {
                    LOG.debug("Nova status of server {} unreadable; keeping the ECS v1 status: {}", id,
                            e.operatorMessage());
                }
                return null;
            };
            bounded(ids, read);
        } catch (ApiException | Unsupported e) {
            LOG.debug("Nova single reads stopped: {}", e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Single reads

    /** {@link SingleRead} for each id; unknown ones are left out, and so are failures unless nothing was read. */
    private void singleReads(List<String> ids, Map<String, ServerInfo> out) throws ApiException {
        AtomicReference<ApiException> failure = new AtomicReference<>();
        AtomicInteger read = new AtomicInteger();
        List<ServerInfo> results;
        try {
            results = bounded(ids, id -> {
                try {
                    ServerInfo s = single.read(id);
                    read.incrementAndGet();
                    return s;
                } catch (ApiException e) {
                    if (e.kind() != Kind.NOT_FOUND) {
                        failure.compareAndSet(null, e);
                    }
                    return null;
                }
            });
        } catch (Unsupported e) {
            throw new IllegalStateException(e);
        }
        if (read.get() == 0 && out.isEmpty() && failure.get() != null) {
            throw failure.get();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (results.get(i) != null) {
                out.put(ids.get(i), results.get(i));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Plumbing

    /** A call whose refusal (HTTP 400, 404 or 414) means this region does not serve it as documented. */
    private static JsonNode refusable(Get get) throws ApiException, Unsupported {
        try {
            return get.get();
        } catch (ApiException e) {
            int status = e.httpStatus();
            if (status == 400 || status == 404 || status == 414) {
                throw new Unsupported("refused with HTTP " + status + (e.code() == null ? "" : " " + e.code())
                        + ": " + e.operatorMessage(), e);
            }
            throw e;
        }
    }

    /**
     * {@code call} for every input on the executor, at most {@link #CONCURRENCY} at a time; results in input
     * order. The first failure stops the workers from starting more and is raised once they have stopped.
     */
    private <T, R> List<R> bounded(List<T> inputs, Call<T, R> call) throws ApiException, Unsupported {
        if (inputs.isEmpty()) {
            return List.of();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Object[] results = new Object[inputs.size()];
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(CONCURRENCY, inputs.size()); w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < inputs.size()) {
                    try {
                        results[i] = call.apply(inputs.get(i));
                    } catch (ApiException | Unsupported | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, executor));
        }
        for (CompletableFuture<Void> w : workers) {
            await(w);
        }
        Exception e = failure.get();
        if (e instanceof ApiException api) {
            throw api;
        } else if (e instanceof Unsupported unsupported) {
            throw unsupported;
        } else if (e != null) {
            throw new ApiException(Kind.BAD_RESPONSE, Texts.get("cloud.huawei.servers.failed"), e);
        }
        List<R> out = new ArrayList<>(results.length);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R typed = (R) r;
            out.add(typed);
        }
        return out;
    }

    private static <T> T await(CompletableFuture<T> f) throws ApiException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new ApiException(Kind.NETWORK, Texts.get("cloud.huawei.servers.interrupted"), e);
        } catch (ExecutionException e) {
            throw new ApiException(Kind.BAD_RESPONSE, Texts.get("cloud.huawei.servers.failed"), e.getCause());
        }
    }
}
