package io.expanse.settings;

import io.expanse.text.Texts;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.expanse.cloud.huawei.HuaweiEndpoints;
import io.expanse.cloud.unicloud.UniCloudEndpoints;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One cloud account in one place, as kept in the settings file. Holds no secret: the secret key and security token
 * live in a {@link SecretStore} under {@link #secretKeyRef()} and {@link #tokenRef()}, or, for the read-only
 * profiles found from the official SDK's conventions, in the SDK's environment variables or credentials file.
 *
 * @param id                  stable id ({@code sdk-env}, {@code sdk-file:<section>}, or a UUID)
 * @param label               name shown to the operator
 * @param kind                Huawei Cloud or UniCloud
 * @param source              where the credentials come from
 * @param region              region id, e.g. cn-north-4; may be null only for an SDK profile not yet completed
 * @param site                Huawei only: China or international site (international BSS endpoint)
 * @param projectId           Huawei only: project id, or null to discover it through IAM from the region
 * @param enterpriseProjectId Huawei only: one enterprise project id, "all" for every authorised one
 *                            ({@code all_granted_eps}), or null for no filter
 * @param accessKeyId         AK / AccessKeyId (an identifier, not a secret)
 * @param temporary           Huawei only: temporary AK/SK, sent with a security token
 * @param endpoints           overrides for private deployments: {@code evs}, {@code ecs}, {@code iam},
 *                            {@code bss} or {@code all} (Huawei), {@code nas} (UniCloud); URL values
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(String id, String label, Kind kind, Source source, String region, Site site,
                      String projectId, String enterpriseProjectId, String accessKeyId, boolean temporary,
                      Map<String, String> endpoints) {

    /** The cloud. */
    public enum Kind { HUAWEI, UNICLOUD }

    /** Huawei Cloud site: the Chinese or the international one. */
    public enum Site { CHINA, INTERNATIONAL }

    /** Where a profile's secrets come from. */
    public enum Source {
        /** Made in Expanse; secrets in the {@link SecretStore}. */
        SETTINGS,
        /** The official SDK's {@code HUAWEICLOUD_SDK_*} environment variables (read-only). */
        SDK_ENV,
        /** A section of the official SDK's credentials file (read-only). */
        SDK_FILE
    }

    public static final Set<String> HUAWEI_ENDPOINT_KEYS = Set.of("all", "evs", "ecs", "iam", "bss", "ces");
    public static final Set<String> UNICLOUD_ENDPOINT_KEYS = Set.of("nas");
    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");
    /** The longest part of a host name between dots (RFC 1035). */
    private static final int MAX_DNS_LABEL = 63;
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{8,128}");

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        source = source == null ? Source.SETTINGS : source;
        site = site == null ? Site.CHINA : site;
        label = blankToNull(label) == null ? id : label.strip();
        region = blankToNull(region);
        projectId = blankToNull(projectId);
        enterpriseProjectId = blankToNull(enterpriseProjectId);
        accessKeyId = blankToNull(accessKeyId);
        Map<String, String> clean = new TreeMap<>();
        if (endpoints != null) {
            endpoints.forEach((k, v) -> {
                if (k != null && blankToNull(v) != null) {
                    clean.put(k.toLowerCase(Locale.ROOT), v.strip());
                }
            });
        }
        endpoints = Map.copyOf(clean);
    }

    /** A new, empty profile of this kind with a random id. */
    public static Profile blank(Kind kind) {
        return new Profile(UUID.randomUUID().toString(), null, kind, Source.SETTINGS, null, Site.CHINA, null, null,
                null, false, Map.of());
    }

    /** Whether its credentials belong to the SDK conventions and cannot be changed here. */
    @JsonIgnore
    public boolean readOnlyCredentials() {
        return source != Source.SETTINGS;
    }

    /** Secret store key of the secret key (Huawei SK, UniCloud AccessKeySecret). */
    @JsonIgnore
    public String secretKeyRef() {
        return "profile/" + id + "/secret";
    }

    /** Secret store key of the security token of temporary credentials. */
    @JsonIgnore
    public String tokenRef() {
        return "profile/" + id + "/token";
    }

    /** Huawei endpoints: the public ones of the region and site, with the overrides applied. */
    public HuaweiEndpoints huaweiEndpoints() {
        if (kind != Kind.HUAWEI) {
            throw new IllegalStateException("not a Huawei profile");
        }
        HuaweiEndpoints base = endpoints.containsKey("all") ? HuaweiEndpoints.single(URI.create(endpoints.get("all")))
                : HuaweiEndpoints.forRegion(Objects.requireNonNull(region, "region"), site == Site.INTERNATIONAL);
        return new HuaweiEndpoints(uri("evs", base.evs()), uri("ecs", base.ecs()), uri("iam", base.iam()),
                uri("bss", base.bss()), uri("ces", base.ces()));
    }

    /** UniCloud endpoints: the public cloud, or a private deployment's under the {@code nas} override. */
    public UniCloudEndpoints uniCloudEndpoints() {
        if (kind != Kind.UNICLOUD) {
            throw new IllegalStateException("not a UniCloud profile");
        }
        return UniCloudEndpoints.fromOverride(endpoints.get("nas"));
    }

    private URI uri(String key, URI fallback) {
        String v = endpoints.get(key);
        return v == null ? fallback : URI.create(v);
    }

    /** What keeps this profile from being used, in plain sentences; empty when it is complete. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (region == null) {
            out.add(Texts.get("profile.problem.region"));
        } else if (!REGION.matcher(region).matches() || region.length() > MAX_DNS_LABEL) {
            // The region is a part of every endpoint's host name (evs.{region}.myhuaweicloud.com): one DNS label.
            out.add(Texts.get("profile.problem.regionId", region));
        }
        if (accessKeyId == null) {
            out.add(Texts.get(kind == Kind.HUAWEI ? "profile.problem.ak" : "profile.problem.accessKeyId"));
        } else if (!KEY_ID.matcher(accessKeyId).matches()) {
            out.add(Texts.get("profile.problem.akShape"));
        }
        if (projectId != null && !PROJECT.matcher(projectId).matches()) {
            out.add(Texts.get("profile.problem.project"));
        }
        Set<String> allowed = kind == Kind.HUAWEI ? HUAWEI_ENDPOINT_KEYS : UNICLOUD_ENDPOINT_KEYS;
        endpoints.forEach((k, v) -> {
            if (!allowed.contains(k)) {
                out.add(Texts.get("profile.problem.endpointKey", k));
            } else if (!validUrl(v)) {
                out.add(Texts.get("profile.problem.endpointUrl", k));
            } else if (!validHost(URI.create(v).getHost())) {
                out.add(Texts.get("profile.problem.endpointHost", k));
            }
        });
        return out;
    }

    /**
     * Whether a host name can be looked up: every part between dots 1 to {@value #MAX_DNS_LABEL} characters, 253 in
     * all (a longer one fails only when a connection is made, with no sentence an operator could act on). An IP
     * address in brackets is left to the connection.
     */
    static boolean validHost(String host) {
        if (host == null || host.startsWith("[")) {
            return host != null;
        }
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || h.length() > 253) {
            return false;
        }
        for (String label : h.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_DNS_LABEL) {
                return false;
            }
        }
        return true;
    }

    private static boolean validUrl(String v) {
        try {
            URI u = URI.create(v);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Profile withLabel(String newLabel) {
        return new Profile(id, newLabel, kind, source, region, site, projectId, enterpriseProjectId, accessKeyId,
                temporary, endpoints);
    }

    public Profile withRegion(String newRegion) {
        return new Profile(id, label, kind, source, newRegion, site, projectId, enterpriseProjectId, accessKeyId,
                temporary, endpoints);
    }

    public Profile withProjectId(String newProjectId) {
        return new Profile(id, label, kind, source, region, site, newProjectId, enterpriseProjectId, accessKeyId,
                temporary, endpoints);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
