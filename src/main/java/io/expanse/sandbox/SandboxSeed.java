package io.expanse.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The initial servers and volumes of a sandbox. Deterministic: ids are name-based UUIDs
 * ({@link #volumeId(String)}, {@link #serverId(String)}) and every other random choice comes from a fixed seed.
 *
 * <p>{@link #standard()} holds 11 servers and 50 volumes in cn-north-4a/b/c. Well-known volumes for tests and demos:
 * <table>
 * <caption>Well-known volumes</caption>
 * <tr><th>name</th><th>what it is</th><th>resize outcome</th></tr>
 * <tr><td>{@code data-01}</td><td>on-demand 100 GB SSD data disk, in-use on ACTIVE {@code web-01}</td><td>job SUCCESS</td></tr>
 * <tr><td>{@code data-02}</td><td>on-demand 100 GB SSD, available, unattached</td><td>job SUCCESS</td></tr>
 * <tr><td>{@code data-fail}</td><td>on-demand 200 GB GPSSD, in-use on ACTIVE {@code app-01}</td><td>job FAIL, size unchanged</td></tr>
 * <tr><td>{@code data-fail-02}</td><td>on-demand 50 GB SAS, available</td><td>job FAIL, size unchanged</td></tr>
 * <tr><td>{@code billing-01}</td><td>yearly/monthly 200 GB ESSD data disk, in-use on ACTIVE {@code pg-01}</td><td>order (6 until paid, or 3→5 with auto-pay)</td></tr>
 * <tr><td>{@code billing-02}</td><td>yearly/monthly 300 GB SAS, available</td><td>order</td></tr>
 * <tr><td>{@code billing-03}</td><td>yearly/monthly 500 SAS, in-use on ACTIVE {@code app-01}</td><td>order</td></tr>
 * <tr><td>{@code sys-01}</td><td>40 GB SSD system disk (/dev/vda, bootIndex 0) of {@code web-01}</td><td>job SUCCESS up to 1024</td></tr>
 * <tr><td>{@code sys-1000}</td><td>1000 GB system disk of {@code pg-01}</td><td>1024 accepted, 1025 EVS.1014</td></tr>
 * <tr><td>{@code sys-1024}</td><td>1024 GB system disk of {@code file-01}, at the limit</td><td>EVS.1014 / EVS.1015</td></tr>
 * <tr><td>{@code data-32000}</td><td>32000 GB GPSSD data disk of {@code win-01} (SCSI, /dev/sdb)</td><td>32768 accepted, 32769 EVS.1014</td></tr>
 * <tr><td>{@code shared-01}</td><td>multiattach 1000 GB, in-use on {@code web-01} and {@code web-02}</td><td>EVS.1065</td></tr>
 * <tr><td>{@code shared-02}</td><td>multiattach 500 GB, available</td><td>job SUCCESS</td></tr>
 * <tr><td>{@code pg-data-02}</td><td>in-use on SHUTOFF {@code pg-02}</td><td>job SUCCESS</td></tr>
 * <tr><td>{@code srv-paused-disk}</td><td>in-use on PAUSED {@code batch-01}</td><td>job SUCCESS</td></tr>
 * <tr><td>{@code srv-suspended-disk}</td><td>in-use on SUSPENDED {@code cache-01}</td><td>job SUCCESS</td></tr>
 * <tr><td>{@code srv-reboot-disk}</td><td>in-use on REBOOT {@code build-01}</td><td>EVS.1066</td></tr>
 * <tr><td>{@code srv-resize-disk}</td><td>in-use on RESIZE {@code etl-01}</td><td>EVS.1066</td></tr>
 * <tr><td>{@code extend-running}</td><td>stuck in {@code extending}</td><td>EVS.1064</td></tr>
 * <tr><td>{@code broken-01}</td><td>status {@code error}</td><td>EVS.1064</td></tr>
 * </table>
 * One volume per remaining documented status: {@code new-vol-creating} (creating), {@code attach-pending}
 * (attaching), {@code detach-pending} (detaching), {@code restore-01} (restoring-backup), {@code backup-01}
 * (backing-up), {@code restore-failed} (error_restoring), {@code image-export} (uploading), {@code image-import}
 * (downloading), {@code extend-failed} (error_extending), {@code old-tmp-deleting} (deleting), {@code delete-failed}
 * (error_deleting), {@code rollback-01} (rollbacking), {@code rollback-failed} (error_rollbacking),
 * {@code transfer-01} (awaiting-transfer). The rest ({@code web-02-data}, {@code pg-data-01}, {@code logs-archive},
 * {@code ml-datasets}, …) are ordinary disks. Enterprise projects: "0", {@link #EP_DATABASE} (pg-*),
 * {@link #EP_ANALYTICS} (batch-01, etl-01, win-01, ml-datasets).
 *
 * @param servers simulated ECS servers
 * @param volumes simulated EVS volumes, in display order
 */
public record SandboxSeed(List<SandboxInstance> servers, List<SandboxVolume> volumes) {

    public static final String EP_DEFAULT = "0";
    public static final String EP_DATABASE = uuid("enterprise-project:database");
    public static final String EP_ANALYTICS = uuid("enterprise-project:analytics");
    private static final Instant EPOCH = Instant.parse("2025-11-01T00:00:00Z");
    private static final String[] TYPES = {"SAS", "SSD", "GPSSD", "ESSD"};
    private static final String[] AZS = {"cn-north-4a", "cn-north-4b", "cn-north-4c"};

    public SandboxSeed {
        servers = List.copyOf(servers);
        volumes = List.copyOf(volumes);
    }

    /** The id of a seeded volume with this name. */
    public static String volumeId(String name) {
        return uuid("volume:" + name);
    }

    /** The id of a seeded server with this name. */
    public static String serverId(String name) {
        return uuid("server:" + name);
    }

    /** The 50-volume demo and test seed described in the class comment. */
    public static SandboxSeed standard() {
        Builder b = new Builder(20251124L);
        b.server("web-01", "ACTIVE", 0, EP_DEFAULT, "/dev/vda");
        b.server("web-02", "ACTIVE", 0, EP_DEFAULT, "/dev/vda");
        b.server("app-01", "ACTIVE", 1, EP_DEFAULT, "/dev/vda");
        b.server("pg-01", "ACTIVE", 1, EP_DATABASE, "/dev/vda");
        b.server("pg-02", "SHUTOFF", 1, EP_DATABASE, "/dev/vda");
        b.server("batch-01", "PAUSED", 0, EP_ANALYTICS, "/dev/vda");
        b.server("cache-01", "SUSPENDED", 2, EP_DEFAULT, "/dev/vda");
        b.server("build-01", "REBOOT", 2, EP_DEFAULT, "/dev/vda");
        b.server("etl-01", "RESIZE", 0, EP_ANALYTICS, "/dev/vda");
        b.server("win-01", "ACTIVE", 2, EP_ANALYTICS, "/dev/sda");
        b.server("file-01", "ACTIVE", 2, EP_DEFAULT, "/dev/vda");

        b.system("sys-01", "web-01", 40, "SSD").describe("system disk of web-01; grows up to 1024 GB");
        b.data("data-01", "web-01", 100, "SSD").describe("on-demand data disk; resize succeeds");
        b.data("web-01-logs", "web-01", 150, "SAS");
        b.system("web-02-sys", "web-02", 40, "SSD");
        b.data("web-02-data", "web-02", 100, "SAS");
        b.data("shared-01", "web-01", 1000, "SSD").attachAlso("web-02").multiattach()
                .describe("shared disk of web-01 and web-02; in-use, cannot be extended");
        b.system("app-01-sys", "app-01", 60, "GPSSD");
        b.data("data-fail", "app-01", 200, "GPSSD").fails().describe("on-demand data disk; resize job fails");
        b.data("billing-03", "app-01", 500, "SAS").yearly();
        b.system("sys-1000", "pg-01", 1000, "ESSD").describe("system disk near the 1024 GB limit");
        b.data("billing-01", "pg-01", 200, "ESSD").yearly().describe("yearly/monthly data disk; resize makes an order");
        b.data("pg-data-01", "pg-01", 2000, "ESSD").encrypted();
        b.system("pg-02-sys", "pg-02", 100, "ESSD");
        b.data("pg-data-02", "pg-02", 2000, "ESSD");
        b.system("batch-01-sys", "batch-01", 50, "SAS");
        b.data("srv-paused-disk", "batch-01", 300, "SAS");
        b.system("cache-01-sys", "cache-01", 40, "SSD");
        b.data("srv-suspended-disk", "cache-01", 64, "SSD");
        b.system("build-01-sys", "build-01", 80, "SAS");
        b.data("srv-reboot-disk", "build-01", 250, "SAS").describe("server is rebooting; resize refused");
        b.system("etl-01-sys", "etl-01", 100, "GPSSD");
        b.data("srv-resize-disk", "etl-01", 500, "GPSSD").describe("server is resizing; resize refused");
        b.system("win-01-sys", "win-01", 120, "SAS");
        b.data("data-32000", "win-01", 32000, "GPSSD").describe("data disk near the 32768 GB limit");
        b.system("sys-1024", "file-01", 1024, "SSD").describe("system disk at the 1024 GB limit");
        b.data("nfs-data-01", "file-01", 4000, "SAS");

        b.free("shared-02", "available", 500, "SSD", 0).multiattach().describe("shared disk, not attached");
        b.free("billing-02", "available", 300, "SAS", 1).yearly();
        b.free("data-02", "available", 100, "SSD", 0);
        b.free("data-fail-02", "available", 50, "SAS", 1).fails();
        b.free("logs-archive", "available", 4000, "SAS", 2);
        b.free("backup-staging", "available", 1000, "SAS", 1);
        b.free("ci-cache-01", "available", 10, "GPSSD", 2);
        b.free("ml-datasets", "available", 3000, "GPSSD", 0).project(EP_ANALYTICS);

        b.free("new-vol-creating", "creating", 100, "SSD", 0);
        b.free("broken-01", "error", 80, "SAS", 1);
        b.free("attach-pending", "attaching", 40, "SSD", 0);
        b.data("detach-pending", "app-01", 20, "SAS").status("detaching");
        b.free("restore-01", "restoring-backup", 200, "SAS", 1);
        b.free("backup-01", "backing-up", 300, "GPSSD", 2);
        b.free("restore-failed", "error_restoring", 200, "SAS", 1);
        b.free("image-export", "uploading", 40, "SSD", 0);
        b.free("image-import", "downloading", 40, "SSD", 2);
        b.free("extend-running", "extending", 120, "GPSSD", 0);
        b.free("extend-failed", "error_extending", 150, "SAS", 1);
        b.free("old-tmp-deleting", "deleting", 20, "SAS", 2);
        b.free("delete-failed", "error_deleting", 20, "SAS", 0);
        b.free("rollback-01", "rollbacking", 60, "SSD", 1);
        b.free("rollback-failed", "error_rollbacking", 60, "SSD", 2);
        b.free("transfer-01", "awaiting-transfer", 100, "SAS", 0);
        return b.build();
    }

    /**
     * A large seed for benchmarks: {@code count} volumes on {@code max(1, count / 4)} servers (one system disk each,
     * the rest data disks, mostly attached), with names like {@code pg-0042-data-3}.
     */
    public static SandboxSeed generated(int count, long seed) {
        return generated(count, Math.max(1, count / 4), seed);
    }

    /**
     * A large seed with a chosen number of servers: {@code count} volumes on {@code servers} servers (at most one
     * per volume), as {@link #generated(int, long)} otherwise; {@code generated(10_000, 1_250, s)} is the shape of
     * the issue-11 measurement (10,000 volumes on 1,250 servers).
     */
    public static SandboxSeed generated(int count, int servers, long seed) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1");
        }
        Builder b = new Builder(seed);
        Random r = b.random;
        String[] roles = {"web", "app", "api", "pg", "mysql", "redis", "kafka", "es", "batch", "ci"};
        String[] states = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "SHUTOFF", "PAUSED",
            "REBOOT"};
        int serverCount = servers;
        List<String> serverNames = new ArrayList<>(serverCount);
        for (int i = 0; i < serverCount && i < count; i++) {
            String name = String.format("%s-%04d", roles[r.nextInt(roles.length)], i);
            b.server(name, states[r.nextInt(states.length)], r.nextInt(AZS.length),
                    r.nextInt(4) == 0 ? EP_DATABASE : EP_DEFAULT, "/dev/vda");
            b.system(name + "-sys", name, 40 + 20L * r.nextInt(10), TYPES[r.nextInt(TYPES.length)]);
            serverNames.add(name);
        }
        for (int i = serverNames.size(); i < count; i++) {
            String type = TYPES[r.nextInt(TYPES.length)];
            long size = 10L * (1 + r.nextInt(400));
            String server = serverNames.get(r.nextInt(serverNames.size()));
            if (r.nextInt(5) > 0 && b.hasFreeDevice(server)) {
                b.data(server + "-data-" + i, server, size, type);
            } else {
                b.free("vol-" + String.format("%05d", i), "available", size, type, r.nextInt(AZS.length));
            }
        }
        return b.build();
    }

    private static String uuid(String key) {
        return UUID.nameUUIDFromBytes(("expanse-sandbox:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Collects servers and volume specs; attachments and timestamps are filled in on {@link #build()}. */
    private static final class Builder {
        final Random random;
        final Map<String, SandboxInstance> servers = new LinkedHashMap<>();
        final Map<String, Integer> nextDevice = new HashMap<>();
        final List<Spec> specs = new ArrayList<>();

        Builder(long seed) {
            random = new Random(seed);
        }

        void server(String name, String status, int az, String ep, String rootDevice) {
            Instant created = EPOCH.minus(Duration.ofMinutes(600L * 24 + random.nextInt(600 * 24 * 300)));
            servers.put(name, new SandboxInstance(serverId(name), name, status, AZS[az], ep,
                    random.nextBoolean() ? "s6.large.2" : "c7.xlarge.4", rootDevice, created));
            nextDevice.put(name, 1);
        }

        boolean hasFreeDevice(String server) {
            return nextDevice.get(server) < 26;
        }

        Spec system(String name, String server, long size, String type) {
            Spec s = add(name, "in-use", size, type, servers.get(server).availabilityZone());
            s.bootable = true;
            s.attach(server, servers.get(server).rootDeviceName(), "0");
            return s;
        }

        Spec data(String name, String server, long size, String type) {
            Spec s = add(name, "in-use", size, type, servers.get(server).availabilityZone());
            s.attachAlso(server);
            return s;
        }

        Spec free(String name, String status, long size, String type, int az) {
            return add(name, status, size, type, AZS[az]);
        }

        private Spec add(String name, String status, long size, String type, String az) {
            Spec s = new Spec(this, name, status, size, type, az);
            specs.add(s);
            return s;
        }

        String nextDataDevice(String server) {
            int n = nextDevice.merge(server, 1, Integer::sum) - 1;
            String root = servers.get(server).rootDeviceName();
            return root.substring(0, root.length() - 1) + (char) ('a' + n);
        }

        SandboxSeed build() {
            List<SandboxVolume> volumes = new ArrayList<>(specs.size());
            for (Spec s : specs) {
                Instant created = EPOCH.minus(Duration.ofSeconds(3600L * 24 + random.nextInt(3600 * 24 * 200)))
                        .plusNanos(random.nextInt(1_000_000) * 1000L);
                Map<String, String> metadata = new LinkedHashMap<>();
                metadata.put("__system__encrypted", s.encrypted ? "1" : "0");
                if (s.encrypted) {
                    metadata.put("__system__cmkid", uuid("kms:" + s.name));
                }
                metadata.put("hw:passthrough", s.attachments.stream()
                        .anyMatch(a -> a.device().startsWith("/dev/sd")) ? "true" : "false");
                if (!s.attachments.isEmpty()) {
                    metadata.put("attached_mode", "rw");
                    metadata.put("readonly", "False");
                }
                if (s.yearly) {
                    metadata.put("orderID", String.format("CS%02d%02d%02d%04d%s", 24 + random.nextInt(2),
                            1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(2400), letters(5)));
                }
                List<SandboxAttachment> attachments = s.attachments.stream()
                        .map(a -> new SandboxAttachment(a.serverId(), a.attachmentId(), a.device(), a.bootIndex(),
                                created.plus(Duration.ofMinutes(2 + random.nextInt(600)))))
                        .toList();
                Instant updated = attachments.isEmpty() ? created.plus(Duration.ofMinutes(1))
                        : attachments.get(attachments.size() - 1).attachedAt().plusSeconds(3);
                volumes.add(new SandboxVolume(volumeId(s.name), s.name, s.status, s.size, s.type, s.az, s.bootable,
                        s.multiattach, attachments, metadata, s.ep, s.description, created, updated, s.fails));
            }
            return new SandboxSeed(List.copyOf(servers.values()), volumes);
        }

        private String letters(int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append((char) ('A' + random.nextInt(26)));
            }
            return sb.toString();
        }
    }

    /** A volume under construction. */
    private static final class Spec {
        final Builder owner;
        final String name;
        final long size;
        final String type;
        final String az;
        final List<SandboxAttachment> attachments = new ArrayList<>();
        String status;
        String ep = EP_DEFAULT;
        String description = "";
        boolean bootable;
        boolean multiattach;
        boolean yearly;
        boolean fails;
        boolean encrypted;

        Spec(Builder owner, String name, String status, long size, String type, String az) {
            this.owner = owner;
            this.name = name;
            this.status = status;
            this.size = size;
            this.type = type;
            this.az = az;
        }

        void attach(String server, String device, String bootIndex) {
            if (attachments.isEmpty()) {
                ep = owner.servers.get(server).enterpriseProjectId();
            }
            // attachedAt is set on build, when the volume's creation time is known
            attachments.add(new SandboxAttachment(serverId(server), uuid("attachment:" + name + "@" + server),
                    device, bootIndex, null));
        }

        Spec attachAlso(String server) {
            attach(server, owner.nextDataDevice(server), "-1");
            return this;
        }

        Spec multiattach() {
            multiattach = true;
            return this;
        }

        Spec yearly() {
            yearly = true;
            return this;
        }

        Spec fails() {
            fails = true;
            return this;
        }

        Spec encrypted() {
            encrypted = true;
            return this;
        }

        Spec status(String newStatus) {
            status = newStatus;
            return this;
        }

        Spec project(String enterpriseProjectId) {
            ep = enterpriseProjectId;
            return this;
        }

        Spec describe(String text) {
            description = text;
            return this;
        }
    }
}
