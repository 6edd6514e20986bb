package io.expanse.cloud.huawei;

import io.expanse.cloud.ApiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The Huawei Cloud calls Expanse makes, for one account in one region. Implemented over HTTP by
 * {@link HuaweiClient}; tests of the layers above use fakes. Every method blocks: call it off the FX thread.
 */
public interface EvsApi {

    /** Every volume, all pages ({@code GET /v2/{project_id}/cloudvolumes/detail}). */
    List<Volume> listVolumes() throws ApiException;

    /** One volume ({@code GET /v2/{project_id}/cloudvolumes/{id}}); NOT_FOUND when it is gone. */
    Volume getVolume(String volumeId) throws ApiException;

    /**
     * {@code POST /v2.1/{project_id}/cloudvolumes/{id}/action}. Sent once and never retried: a timeout or a reset
     * after sending raises {@link ApiException.Kind#OUTCOME_UNKNOWN}.
     *
     * @param autoPay null for on-demand volumes (no bssParam is sent); for yearly/monthly volumes whether to pay
     *                the order from the account balance at once
     */
    ResizeAccepted resize(String volumeId, int newSizeGb, Boolean autoPay) throws ApiException;

    /** EVS job ({@code GET /v1/{project_id}/jobs/{job_id}} on the EVS endpoint). */
    Job getJob(String jobId) throws ApiException;

    /**
     * The server a volume is attached to: status from Nova v2.1 ({@code GET /v2.1/{project_id}/servers/{id}}),
     * attached volumes with bootIndex from ECS v1 ({@code GET /v1/{project_id}/cloudservers/{id}}).
     */
    ServerInfo getServer(String serverId) throws ApiException;

    /**
     * Many servers at once, keyed by id: what {@link #getServer(String)} tells of each, in a few calls where the
     * implementation can ({@link HuaweiClient} batches them). A server that is unknown, or could not be read, is
     * absent from the map; the call fails only when not one server could be read and a read failed for a reason
     * other than the server being gone. This default reads them one by one.
     */
    default Map<String, ServerInfo> servers(Collection<String> serverIds) throws ApiException {
        Map<String, ServerInfo> out = new LinkedHashMap<>();
        ApiException failure = null;
        for (String id : new LinkedHashSet<>(serverIds)) {
            try {
                out.put(id, getServer(id));
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.NOT_FOUND && failure == null) {
                    failure = e;
                }
            }
        }
        if (out.isEmpty() && failure != null) {
            throw failure;
        }
        return out;
    }

    /**
     * The enterprise projects of the account, for showing them by name. A client that cannot list them returns
     * none, and the views show ids.
     */
    default List<EnterpriseProject> enterpriseProjects() throws ApiException {
        return List.of();
    }

    /** BSS order detail. */
    Order getOrder(String orderId) throws ApiException;

    /** The project of this client. */
    String projectId();

    /** The region of this client. */
    String region();
}
