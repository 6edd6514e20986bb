package io.expanse.cloud.huawei;

/**
 * An enterprise project as Enterprise Project Management lists it ({@code GET /v1.0/enterprise-projects}).
 *
 * @param id     "0" is the default project
 * @param status 1 enabled, 2 disabled (as EPS reports it), or 0 when absent
 */
public record EnterpriseProject(String id, String name, int status) {
}
