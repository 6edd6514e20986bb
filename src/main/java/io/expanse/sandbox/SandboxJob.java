package io.expanse.sandbox;

import java.time.Instant;

/**
 * The state of a simulated {@code extendVolume} job at one instant.
 *
 * @param status    INIT, RUNNING, SUCCESS or FAIL
 * @param size      the requested new size
 * @param endTime   null while the job runs
 * @param errorCode null unless FAIL
 * @param failReason null unless FAIL
 */
public record SandboxJob(String jobId, String status, String volumeId, long size, Instant beginTime, Instant endTime,
                         String errorCode, String failReason) {
}
