package io.expanse.work;

import io.expanse.cloud.huawei.EvsApi;

/**
 * One live account in one region: what the views list and what resizes are sent through.
 *
 * @param label   shown in the status line ("Sandbox", "ops-prod", …)
 * @param sandbox whether this is the built-in simulated cloud
 */
public record Connection(String label, boolean sandbox, String region, String projectId, EvsApi api) {
}
