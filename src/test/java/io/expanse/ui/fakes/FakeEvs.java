package io.expanse.ui.fakes;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.Job;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EVS account in memory for view-model tests: volumes and servers as set by the test, a failure to raise
 * instead of an answer, and a record of every resize sent. Not thread-safe: the tests run work on their own thread.
 */
public final class FakeEvs implements EvsApi {

    public static final String REGION = "cn-north-4";
    public static final String PROJECT = "proj-1";

    /** A resize sent to the fake. */
    public record Resize(String volumeId, int newSizeGb, Boolean autoPay) {
    }

    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final Map<String, ServerInfo> servers = new LinkedHashMap<>();
    public final List<Resize> resizes = new ArrayList<>();
    /** When set, listVolumes throws it. */
    public ApiException listFailure;
    /** When set, getVolume throws it. */
    public ApiException readFailure;
    /** When set, resize throws it; else it answers {@link #resizeAnswer}. */
    public ApiException resizeFailure;
    public ResizeAccepted resizeAnswer = new ResizeAccepted("job-1", null);
    public int listCalls;
    public int readCalls;
    /** The ids of every {@link #servers} call, in call order. */
    public final List<List<String>> serverBatches = new ArrayList<>();
    /** How often {@link #getServer} was called. */
    public int singleServerReads;
    /** What {@link #enterpriseProjects()} answers. */
    public List<io.expanse.cloud.huawei.EnterpriseProject> enterpriseProjects = List.of();
    /** When set, {@link #enterpriseProjects()} throws it. */
    public ApiException enterpriseProjectsFailure;
    public int enterpriseProjectCalls;

    @Override
    public List<io.expanse.cloud.huawei.EnterpriseProject> enterpriseProjects() throws ApiException {
        enterpriseProjectCalls++;
        if (enterpriseProjectsFailure != null) {
            throw enterpriseProjectsFailure;
        }
        return enterpriseProjects;
    }

    /** When set, {@link #servers} throws it. */
    public ApiException serversFailure;

    /** An on-demand volume; attached to {@code serverId} as a data disk (/dev/vdb) unless it is null. */
    public static Volume volume(String id, String name, String status, long sizeGb, String serverId) {
        List<Volume.Attachment> attachments = serverId == null ? List.of()
                : List.of(new Volume.Attachment(serverId, "att-" + id, "/dev/vdb", "host-1", null));
        return new Volume(id, name, status, sizeGb, "SSD", "cn-north-4a", false, false, attachments, Map.of(), "0",
                null, null);
    }

    /** A yearly/monthly (order-billed) volume. */
    public static Volume yearly(String id, String name, String status, long sizeGb, String orderId) {
        return new Volume(id, name, status, sizeGb, "SSD", "cn-north-4a", false, false, List.of(),
                Map.of("orderID", orderId), "0", null, null);
    }

    public static ServerInfo server(String id, String status) {
        return new ServerInfo(id, "web-" + id, status, "/dev/vda", List.of());
    }

    public FakeEvs put(Volume... vs) {
        for (Volume v : vs) {
            volumes.put(v.id(), v);
        }
        return this;
    }

    public FakeEvs remove(String volumeId) {
        volumes.remove(volumeId);
        return this;
    }

    public FakeEvs put(ServerInfo s) {
        servers.put(s.id(), s);
        return this;
    }

    @Override
    public List<Volume> listVolumes() throws ApiException {
        listCalls++;
        if (listFailure != null) {
            throw listFailure;
        }
        return List.copyOf(volumes.values());
    }

    @Override
    public Volume getVolume(String volumeId) throws ApiException {
        readCalls++;
        if (readFailure != null) {
            throw readFailure;
        }
        Volume v = volumes.get(volumeId);
        if (v == null) {
            throw new ApiException(ApiException.Kind.NOT_FOUND, "Volume " + volumeId + " no longer exists.", null);
        }
        return v;
    }

    @Override
    public ResizeAccepted resize(String volumeId, int newSizeGb, Boolean autoPay) throws ApiException {
        resizes.add(new Resize(volumeId, newSizeGb, autoPay));
        if (resizeFailure != null) {
            throw resizeFailure;
        }
        return resizeAnswer;
    }

    @Override
    public Job getJob(String jobId) {
        return new Job(jobId, "RUNNING", "extendVolume", null, null, null, null, null);
    }

    @Override
    public ServerInfo getServer(String serverId) throws ApiException {
        singleServerReads++;
        ServerInfo s = servers.get(serverId);
        if (s == null) {
            throw new ApiException(ApiException.Kind.NOT_FOUND, "Server " + serverId + " no longer exists.", null);
        }
        return s;
    }

    /** The known ones among {@code serverIds}, in one call (as the real client's batch read answers). */
    @Override
    public Map<String, ServerInfo> servers(Collection<String> serverIds) throws ApiException {
        serverBatches.add(List.copyOf(serverIds));
        if (serversFailure != null) {
            throw serversFailure;
        }
        Map<String, ServerInfo> out = new LinkedHashMap<>();
        for (String id : serverIds) {
            if (servers.containsKey(id)) {
                out.put(id, servers.get(id));
            }
        }
        return out;
    }

    @Override
    public Order getOrder(String orderId) {
        return new Order(orderId, 2, 3, "10.00", "CNY", null, null);
    }

    @Override
    public String projectId() {
        return PROJECT;
    }

    @Override
    public String region() {
        return REGION;
    }
}
