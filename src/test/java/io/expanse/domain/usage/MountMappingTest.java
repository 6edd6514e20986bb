package io.expanse.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.cloud.huawei.DiskUsageApi.AgentDimension;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import io.expanse.cloud.huawei.DiskUsageApi.AgentState;
import io.expanse.cloud.huawei.ServerInfo.AttachedVolume;
import io.expanse.domain.usage.MountMapping.Ambiguity;
import io.expanse.domain.usage.MountMapping.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MountMappingTest {

    private static final List<AttachedVolume> VBD = List.of(new AttachedVolume("sys", "/dev/vda", "0"),
            new AttachedVolume("d1", "/dev/vdb", "-1"), new AttachedVolume("d2", "/dev/vdc", "-1"));
    private static final Map<String, Long> SIZES = Map.of("sys", 40L, "d1", 100L, "d2", 500L);

    /** "origin" per mount point in order → expected "volume" or the ambiguity name. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("root only", List.of("/"), List.of(), VBD, Map.of(), List.of("sys")),
                Arguments.of("Windows C:\\", List.of("C:\\"), List.of("PhysicalDrive0"), VBD, Map.of(),
                        List.of("sys")),
                Arguments.of("root and one data disk by its disk name", List.of("/", "/data"),
                        List.of("vda", "vdb"), List.of(VBD.get(0), VBD.get(1)), Map.of(), List.of("sys", "d1")),
                Arguments.of("SCSI names that the attachments show", List.of("/", "/data"), List.of("sda", "sdb"),
                        List.of(new AttachedVolume("sys", "/dev/sda", "0"),
                                new AttachedVolume("d1", "/dev/sdb", "-1")), Map.of(), List.of("sys", "d1")),
                Arguments.of("two data disks told apart by size", List.of("/", "/a", "/b"),
                        List.of("vda", "vdb", "vdc"), VBD, Map.of("/a", 490.0, "/b", 98.2),
                        List.of("sys", "d2", "d1")),
                Arguments.of("a file system not grown after an expansion fits the former size",
                        List.of("/", "/a", "/b"), List.of("vda", "vdb", "vdc"), VBD, Map.of("/a", 294.0, "/b", 98.2),
                        List.of("sys", "d2", "d1")),
                Arguments.of("two data disks, no sizes", List.of("/", "/a", "/b"), List.of("vda", "vdb", "vdc"),
                        VBD, Map.of(), List.of("sys", "SIZES_DO_NOT_TELL", "SIZES_DO_NOT_TELL")),
                Arguments.of("two data disks, both sizes fit the same disk", List.of("/", "/a", "/b"),
                        List.of("vda", "vdb", "vdc"), VBD, Map.of("/a", 98.0, "/b", 99.0),
                        List.of("sys", "SIZES_DO_NOT_TELL", "SIZES_DO_NOT_TELL")),
                Arguments.of("LVM over two disks", List.of("/", "/data"),
                        List.of("vda", "vdb", "vdc", "/dev/mapper/vgdata-lvdata"), VBD, Map.of(),
                        List.of("sys", "LVM")),
                Arguments.of("dm-0", List.of("/", "/data"), List.of("vda", "dm-0"), VBD, Map.of(),
                        List.of("sys", "LVM")),
                Arguments.of("one file system, two disks", List.of("/", "/data"), List.of("vda", "vdb", "vdc"),
                        VBD, Map.of(), List.of("sys", "SEVERAL_DISKS")),
                Arguments.of("NVMe naming", List.of("/", "/data"), List.of("nvme0n1", "nvme1n1"), VBD, Map.of(),
                        List.of("sys", "UNKNOWN_DEVICE_NAMING")),
                Arguments.of("Windows data drive", List.of("C:\\", "D:\\"), List.of("PhysicalDrive0",
                        "PhysicalDrive1"), VBD, Map.of(), List.of("sys", "UNKNOWN_DEVICE_NAMING")),
                Arguments.of("two partitions on one disk", List.of("/", "/a", "/b"), List.of("vda", "vdb"),
                        List.of(VBD.get(0), VBD.get(1)), Map.of(), List.of("sys", "PARTITIONS", "PARTITIONS")),
                Arguments.of("no disk list", List.of("/", "/data"), List.of(), VBD, Map.of(),
                        List.of("sys", "NO_DISK_LIST")),
                Arguments.of("boot volume unknown", List.of("/"), List.of(),
                        List.of(new AttachedVolume("d1", "/dev/vdb", null)), Map.of(), List.of("NO_BOOT_VOLUME")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsMountPointsToVolumesOrSaysWhyNot(String name, List<String> mounts, List<String> disks,
                                              List<AttachedVolume> attached, Map<String, Double> totalsByOrigin,
                                              List<String> expected) {
        List<AgentDimension> m = mounts.stream().map(o -> new AgentDimension("mount_point", "v" + o, o)).toList();
        List<AgentDimension> d = disks.stream().map(o -> new AgentDimension("disk", "d" + o, o)).toList();
        Map<String, Double> totals = new LinkedHashMap<>();
        totalsByOrigin.forEach((o, t) -> totals.put("v" + o, t));
        List<Target> targets = MountMapping.map(new AgentDimensions("srv", AgentState.AGENT, m, d, null), attached,
                totals, SIZES, Map.of("d2", 300L));
        List<String> actual = new ArrayList<>();
        for (Target t : targets) {
            actual.add(t.mapped() ? t.volumeId() : t.ambiguity().name());
        }
        assertEquals(expected, actual);
        assertEquals(mounts, targets.stream().map(Target::mountPoint).toList());
    }

    @ParameterizedTest(name = "{0} GB on a {1} GB disk fits: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"98.2,100,true", "100.9,100,true", "101.5,100,false",
        "85,100,true", "84.9,100,false"})
    void aFileSystemFitsADiskOfAboutItsSize(double total, long size, boolean fits) {
        assertEquals(fits, MountMapping.fits(total, size));
    }

    @org.junit.jupiter.api.Test
    void everyAmbiguityHasASentence() {
        for (Ambiguity a : Ambiguity.values()) {
            assertEquals(false, a.sentence().isBlank(), a.name());
        }
    }
}
