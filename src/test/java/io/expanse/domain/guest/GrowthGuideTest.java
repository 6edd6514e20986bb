package io.expanse.domain.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.domain.guest.GrowthGuide.Layout;
import io.expanse.domain.guest.GrowthGuide.Os;
import io.expanse.domain.guest.GrowthGuide.Step;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrowthGuideTest {

    private static List<String> commands(List<Step> steps) {
        return steps.stream().map(Step::command).toList();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "Linux, -, LINUX", "linux, Windows Server 2022, LINUX", "Windows, -, WINDOWS",
        "-, Windows Server 2019 Datacenter 64bit, WINDOWS", "-, CentOS 7.9 64bit, LINUX",
        "-, Ubuntu 22.04 server 64bit, LINUX", "-, Huawei Cloud EulerOS 2.0, LINUX", "-, my-golden-image, UNKNOWN",
        "-, -, UNKNOWN", "'', '', UNKNOWN", "Other, -, UNKNOWN"})
    void theOsComesFromOsTypeThenTheImageName(String osType, String image, Os expected) {
        assertEquals(expected, GrowthGuide.os(osType, image));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "LINUX, CentOS 7.9 64bit, XFS", "LINUX, Rocky Linux 9.0, XFS", "LINUX, Huawei Cloud EulerOS 2.0, XFS",
        "LINUX, Ubuntu 22.04 server 64bit, EXT4", "LINUX, Debian 12, EXT4", "LINUX, -, EXT4",
        "WINDOWS, Windows Server 2022, WINDOWS", "UNKNOWN, -, EXT4", "LINUX, CentOS 6.10, EXT4"})
    void theFirstLayoutShownFollowsTheImagesInstaller(Os os, String image, Layout expected) {
        assertEquals(expected, GrowthGuide.likelyLayout(os, image));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "EXT4|/dev/vdb|sudo growpart /dev/vdb 1;sudo resize2fs /dev/vdb1",
        "EXT4|/dev/nvme1n1|sudo growpart /dev/nvme1n1 1;sudo resize2fs /dev/nvme1n1p1",
        "XFS|/dev/vdc|sudo growpart /dev/vdc 1;sudo xfs_growfs <mount point>",
        "LVM|/dev/sdb|sudo growpart /dev/sdb 1;sudo pvresize /dev/sdb1;sudo lvs;"
            + "sudo lvextend -r -l +100%FREE /dev/<volume group>/<logical volume>",
        "BTRFS|/dev/vdb|sudo growpart /dev/vdb 1;sudo btrfs filesystem resize max <mount point>",
        "NO_PARTITION|/dev/vdd|sudo resize2fs /dev/vdd;sudo xfs_growfs <mount point>",
        "EXT4|-|sudo growpart /dev/vdX 1;sudo resize2fs /dev/vdX1",
        "EXT4|'  /dev/vdb '|sudo growpart /dev/vdb 1;sudo resize2fs /dev/vdb1",
        "WINDOWS|/dev/vdb|diskmgmt.msc;diskpart;rescan;list volume;select volume <n>;extend"})
    void commandsPerLayout(Layout layout, String device, String expected) {
        assertEquals(List.of(expected.split(";")), commands(GrowthGuide.steps(layout, device)));
    }

    @ParameterizedTest(name = "{0} -> {1} GB: {2}")
    @CsvSource({"2000, 2100, true", "2048, 2049, true", "100, 2048, false", "2049, 3000, false",
        "100, 200, false", "1000, 32768, true"})
    void theMbrWarningIsForGrowthPast2TiB(long oldGb, long newGb, boolean crosses) {
        assertEquals(crosses, GrowthGuide.crossesMbrLimit(oldGb, newGb));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "LINUX|EXT4,XFS,LVM,BTRFS,NO_PARTITION", "WINDOWS|WINDOWS",
        "UNKNOWN|EXT4,XFS,LVM,BTRFS,NO_PARTITION,WINDOWS"})
    void layoutsOfferedPerOs(Os os, String layouts) {
        assertEquals(java.util.Arrays.stream(layouts.split(",")).map(Layout::valueOf).toList(),
                GrowthGuide.layoutsFor(os));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"LINUX|lsblk -f /dev/vdb", "UNKNOWN|lsblk -f /dev/vdb", "WINDOWS|"})
    void checkingFirstIsLsblkOnLinux(Os os, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected),
                commands(GrowthGuide.before(os, "/dev/vdb")));
        assertEquals(List.of("df -h"), commands(GrowthGuide.after(Layout.XFS)));
    }
}
