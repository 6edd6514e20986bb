package io.expanse.sandbox;

import java.util.List;

/**
 * A batch-extend job at one instant: its sub-jobs, one per disk. The job is INIT while every sub-job is, RUNNING
 * while any runs, then SUCCESS when all succeeded and FAIL when any failed (the others still grew).
 */
public record SandboxBatchJob(String jobId, List<SandboxJob> subJobs) {

    public SandboxBatchJob {
        subJobs = List.copyOf(subJobs);
    }

    public String status() {
        if (subJobs.stream().allMatch(j -> "INIT".equals(j.status()))) {
            return "INIT";
        }
        if (subJobs.stream().anyMatch(j -> "INIT".equals(j.status()) || "RUNNING".equals(j.status()))) {
            return "RUNNING";
        }
        return subJobs.stream().anyMatch(j -> "FAIL".equals(j.status())) ? "FAIL" : "SUCCESS";
    }
}
