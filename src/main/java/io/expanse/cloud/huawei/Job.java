package io.expanse.cloud.huawei;

/**
 * An EVS job ({@code GET /v1/{project_id}/jobs/{job_id}}). The documented statuses are SUCCESS, RUNNING, FAIL and
 * INIT; anything other than SUCCESS or FAIL is treated as still pending.
 */
public record Job(String jobId, String status, String jobType, String volumeId, String failReason, String errorCode,
                  String beginTime, String endTime) {

    public boolean succeeded() {
        return "SUCCESS".equals(status);
    }

    public boolean failed() {
        return "FAIL".equals(status);
    }

    public boolean finished() {
        return succeeded() || failed();
    }
}
