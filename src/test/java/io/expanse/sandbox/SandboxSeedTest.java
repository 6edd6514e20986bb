package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SandboxSeedTest {

    private static final List<String> STATUSES = List.of("creating", "available", "in-use", "error", "attaching",
            "detaching", "restoring-backup", "backing-up", "error_restoring", "uploading", "downloading", "extending",
            "error_extending", "deleting", "error_deleting", "rollbacking", "error_rollbacking", "awaiting-transfer");

    private final SandboxSeed seed = SandboxSeed.standard();

    @Test
    void fiftyUniquelyNamedVolumesCoveringEveryStatus() {
        assertEquals(50, seed.volumes().size());
        assertEquals(50, seed.volumes().stream().map(SandboxVolume::name).distinct().count());
        Set<String> statuses = seed.volumes().stream().map(SandboxVolume::status).collect(Collectors.toSet());
        assertEquals(Set.copyOf(STATUSES), statuses);
    }

    @Test
    void varietyOfTypesZonesProjectsAndServerStates() {
        assertEquals(Set.of("SAS", "SSD", "GPSSD", "ESSD"),
                seed.volumes().stream().map(SandboxVolume::volumeType).collect(Collectors.toSet()));
        assertEquals(Set.of("cn-north-4a", "cn-north-4b", "cn-north-4c"),
                seed.volumes().stream().map(SandboxVolume::availabilityZone).collect(Collectors.toSet()));
        assertEquals(Set.of("0", SandboxSeed.EP_DATABASE, SandboxSeed.EP_ANALYTICS),
                seed.volumes().stream().map(SandboxVolume::enterpriseProjectId).collect(Collectors.toSet()));
        assertTrue(seed.servers().stream().map(SandboxInstance::status).collect(Collectors.toSet())
                .containsAll(Set.of("ACTIVE", "SHUTOFF", "PAUSED", "SUSPENDED", "REBOOT", "RESIZE")));
        assertTrue(seed.volumes().stream().filter(SandboxVolume::yearlyMonthly).count() >= 3);
        assertTrue(seed.volumes().stream().anyMatch(v -> v.multiattach() && v.attachments().size() == 2));
        assertTrue(seed.volumes().stream().anyMatch(v -> v.multiattach() && v.attachments().isEmpty()));
        assertEquals(10, seed.volumes().stream().mapToLong(SandboxVolume::size).min().orElseThrow());
        assertEquals(32000, seed.volumes().stream().mapToLong(SandboxVolume::size).max().orElseThrow());
    }

    @Test
    void systemDisksSitOnTheRootDeviceWithBootIndexZero() {
        Map<String, SandboxInstance> servers = seed.servers().stream()
                .collect(Collectors.toMap(SandboxInstance::id, s -> s));
        long systemDisks = 0;
        for (SandboxVolume v : seed.volumes()) {
            for (SandboxAttachment a : v.attachments()) {
                SandboxInstance s = servers.get(a.serverId());
                assertEquals(a.systemDisk(), a.device().equals(s.rootDeviceName()), v.name());
                assertEquals(v.availabilityZone(), s.availabilityZone(), v.name());
                if (a.systemDisk()) {
                    systemDisks++;
                    assertTrue(v.bootable(), v.name());
                }
            }
        }
        assertEquals(seed.servers().size(), systemDisks);
    }

    @Test
    void deterministic() {
        assertEquals(SandboxSeed.standard(), SandboxSeed.standard());
        assertEquals(SandboxSeed.volumeId("data-01"), seed.volumes().get(1).id());
    }

    @Test
    void generatedSeedScalesForBenchmarks() {
        SandboxSeed big = SandboxSeed.generated(10_000, 7);
        assertEquals(10_000, big.volumes().size());
        assertEquals(10_000, big.volumes().stream().map(SandboxVolume::id).distinct().count());
        assertEquals(big, SandboxSeed.generated(10_000, 7));
        SandboxCloud cloud = new SandboxCloud(big, Clock.systemUTC(), SandboxTimings.DEFAULT);
        assertEquals(10_000, cloud.volumes().size());
    }
}
