package io.expanse.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the operator still has to do inside the guest OS after a disk grew: the cloud enlarges the block device
 * only, never the partition or the file system. Pure text, nothing is run.
 *
 * @param summary one sentence for the top of the panel
 * @param steps   the steps in order
 */
public record GuestSteps(String summary, List<Step> steps) {

    /**
     * One step.
     *
     * @param explanation what it does and when it applies
     * @param command     command to type, or null for a step done in a GUI
     */
    public record Step(String explanation, String command) {
    }

    public GuestSteps {
        steps = List.copyOf(steps);
    }

    /**
     * Linux steps for {@code device} (e.g. /dev/vdb, as the cloud reports the attachment; null when unknown) and a
     * file-system hint ("ext4", "xfs", … or null when unknown, in which case both variants are shown).
     */
    public static GuestSteps forLinux(String device, String fsHint) {
        String dev = device == null || device.isBlank() ? "/dev/vdX" : device.trim();
        String part = firstPartition(dev);
        String fs = fsHint == null ? "" : fsHint.trim().toLowerCase(Locale.ROOT);
        boolean ext = fs.startsWith("ext");
        boolean xfs = fs.equals("xfs");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Check the disk first: it should show the new size, and whether it has a partition ("
                + part + ") and which file system and mount point it uses. The guest may name the disk differently"
                + " from the console; go by the size.", "lsblk -f " + dev));
        steps.add(new Step("Only if the disk has a partition: grow partition 1 to the end of the disk (package"
                + " cloud-utils-growpart / cloud-guest-utils). Skip this when the file system sits on " + dev
                + " directly.", "sudo growpart " + dev + " 1"));
        if (ext || !xfs) {
            steps.add(new Step((ext ? "" : "For ext2/ext3/ext4: ") + "grow the file system, online; use " + dev
                    + " instead of " + part + " when there is no partition.", "sudo resize2fs " + part));
        }
        if (xfs || !ext) {
            steps.add(new Step((xfs ? "" : "For XFS: ") + "grow the file system through its mount point (the"
                    + " MOUNTPOINT column of lsblk -f).", "sudo xfs_growfs <mount point>"));
        }
        steps.add(new Step("Confirm the new size.", "df -h"));
        return new GuestSteps("The disk is larger, but the partition and file system still have their old size."
                + " On the Linux guest:", steps);
    }

    /** Windows steps: Disk Management, or diskpart. */
    public static GuestSteps forWindows() {
        return new GuestSteps("The disk is larger, but the Windows volume still has its old size. Either use Disk"
                + " Management or diskpart (as administrator):", List.of(
                new Step("Disk Management (diskmgmt.msc): Action > Rescan Disks, then right-click the volume on this"
                        + " disk > Extend Volume and accept the maximum size.", null),
                new Step("Or in diskpart: start it from an administrator prompt.", "diskpart"),
                new Step("Make Windows see the new size.", "rescan"),
                new Step("Find the number of the volume on this disk.", "list volume"),
                new Step("Select it (replace <n>).", "select volume <n>"),
                new Step("Extend it into all the unallocated space behind it.", "extend")));
    }

    /** The steps as plain text, e.g. for the clipboard. */
    public String asText() {
        StringBuilder sb = new StringBuilder(summary).append('\n');
        int n = 1;
        for (Step step : steps) {
            sb.append('\n').append(n++).append(". ").append(step.explanation()).append('\n');
            if (step.command() != null) {
                sb.append("   ").append(step.command()).append('\n');
            }
        }
        return sb.toString();
    }

    /** /dev/vdb → /dev/vdb1; /dev/nvme0n1 → /dev/nvme0n1p1 (names ending in a digit take a "p"). */
    static String firstPartition(String device) {
        return Character.isDigit(device.charAt(device.length() - 1)) ? device + "p1" : device + "1";
    }
}
