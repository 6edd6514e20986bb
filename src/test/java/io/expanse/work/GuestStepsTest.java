package io.expanse.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuestStepsTest {

    private static List<String> commands(GuestSteps steps) {
        return steps.steps().stream().map(GuestSteps.Step::command).filter(Objects::nonNull).toList();
    }

    @Test
    void ext4OnVdb() {
        List<String> cmds = commands(GuestSteps.forLinux("/dev/vdb", "ext4"));
        assertEquals(List.of("lsblk -f /dev/vdb", "sudo growpart /dev/vdb 1", "sudo resize2fs /dev/vdb1", "df -h"),
                cmds);
        assertTrue(GuestSteps.forLinux("/dev/vdb", "ext4").steps().get(1).explanation()
                .startsWith("Only if the disk has a partition"));
    }

    @Test
    void xfsUsesTheMountPoint() {
        List<String> cmds = commands(GuestSteps.forLinux("/dev/vdc", "XFS"));
        assertTrue(cmds.contains("sudo xfs_growfs <mount point>"));
        assertFalse(cmds.stream().anyMatch(c -> c.contains("resize2fs")));
    }

    @Test
    void unknownFileSystemShowsBothVariants() {
        List<String> cmds = commands(GuestSteps.forLinux(null, null));
        assertEquals("lsblk -f /dev/vdX", cmds.get(0));
        assertTrue(cmds.contains("sudo resize2fs /dev/vdX1"));
        assertTrue(cmds.contains("sudo xfs_growfs <mount point>"));
    }

    @ParameterizedTest
    @CsvSource({"/dev/vdb,/dev/vdb1", "/dev/sdb,/dev/sdb1", "/dev/nvme1n1,/dev/nvme1n1p1"})
    void partitionNames(String device, String partition) {
        assertEquals(partition, GuestSteps.firstPartition(device));
    }

    @Test
    void windowsOffersDiskManagementAndDiskpart() {
        GuestSteps steps = GuestSteps.forWindows();
        assertTrue(steps.steps().get(0).explanation().contains("Extend Volume"));
        assertEquals(List.of("diskpart", "rescan", "list volume", "select volume <n>", "extend"), commands(steps));
        assertTrue(steps.asText().contains("   extend\n"));
    }
}
