package io.expanse.cloud.huawei;

import java.net.URI;
import java.util.Objects;

/**
 * Base URLs of the services Expanse talks to for one region. The real cloud uses one host per service;
 * the sandbox serves all of them from a single loopback address.
 *
 * @param evs EVS (volumes, resize, jobs)
 * @param ecs ECS (server detail v1 and Nova v2.1 status)
 * @param iam IAM (project lookup)
 * @param bss BSS (order detail)
 * @param ces Cloud Eye (agent dimensions, metric data: how full a disk is)
 */
public record HuaweiEndpoints(URI evs, URI ecs, URI iam, URI bss, URI ces) {

    public HuaweiEndpoints {
        Objects.requireNonNull(evs);
        Objects.requireNonNull(ecs);
        Objects.requireNonNull(iam);
        Objects.requireNonNull(bss);
        Objects.requireNonNull(ces);
    }

    /**
     * Without a Cloud Eye endpoint: it is derived from the ECS one ({@code ecs.<region>.…} becomes
     * {@code ces.<region>.…}); an ECS endpoint of another form (a gateway, the sandbox) serves Cloud Eye too.
     */
    public HuaweiEndpoints(URI evs, URI ecs, URI iam, URI bss) {
        this(evs, ecs, iam, bss, cesBeside(ecs));
    }

    static URI cesBeside(URI ecs) {
        String host = ecs.getHost();
        if (host == null || !host.startsWith("ecs.")) {
            return ecs;
        }
        return URI.create(ecs.toString().replaceFirst("//ecs\\.", "//ces."));
    }

    /**
     * Enterprise Project Management, a global service: beside the IAM endpoint ({@code iam.…} becomes
     * {@code eps.…}); an IAM endpoint of another form (a gateway, the sandbox) serves it too. That the
     * international site answers on {@code eps.myhuaweicloud.com} as well is UNCONFIRMED; an override of the IAM
     * endpoint moves it along.
     */
    public URI eps() {
        String host = iam.getHost();
        if (host == null || !host.startsWith("iam.")) {
            return iam;
        }
        return URI.create(iam.toString().replaceFirst("//iam\\.", "//eps."));
    }

    /** Public endpoints for a region; {@code international} selects the international BSS host. */
    public static HuaweiEndpoints forRegion(String region, boolean international) {
        // eu-west-101 is the one region whose hosts end in .myhuaweicloud.eu (Go SDK region table).
        String suffix = "eu-west-101".equals(region) ? "myhuaweicloud.eu" : "myhuaweicloud.com";
        return new HuaweiEndpoints(
                URI.create("https://evs." + region + "." + suffix),
                URI.create("https://ecs." + region + "." + suffix),
                URI.create("https://iam.myhuaweicloud.com"),
                URI.create(international ? "https://bss-intl.myhuaweicloud.com" : "https://bss.myhuaweicloud.com"),
                URI.create("https://ces." + region + "." + suffix));
    }

    /** Every service on one base URL (the sandbox, or a private deployment behind one gateway). */
    public static HuaweiEndpoints single(URI base) {
        return new HuaweiEndpoints(base, base, base, base, base);
    }
}
