package io.expanse.work;

import io.expanse.text.Texts;
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
        steps.add(new Step(Texts.get("guest.linux.check", part), "lsblk -f " + dev));
        steps.add(new Step(Texts.get("guest.linux.growpart", dev), "sudo growpart " + dev + " 1"));
        if (ext || !xfs) {
            steps.add(new Step(Texts.get(ext ? "guest.linux.resize2fs" : "guest.linux.resize2fsFor", dev, part),
                    "sudo resize2fs " + part));
        }
        if (xfs || !ext) {
            steps.add(new Step(Texts.get(xfs ? "guest.linux.xfs" : "guest.linux.xfsFor"),
                    "sudo xfs_growfs <mount point>"));
        }
        steps.add(new Step(Texts.get("guest.linux.confirm"), "df -h"));
        return new GuestSteps(Texts.get("guest.linux.summary"), steps);
    }

    /** Windows steps: Disk Management, or diskpart. */
    public static GuestSteps forWindows() {
        return new GuestSteps(Texts.get("guest.windows.summary"), List.of(
                new Step(Texts.get("guest.windows.diskManagement"), null),
                new Step(Texts.get("guest.windows.diskpart"), "diskpart"),
                new Step(Texts.get("guest.windows.rescan"), "rescan"),
                new Step(Texts.get("guest.windows.list"), "list volume"),
                new Step(Texts.get("guest.windows.select"), "select volume <n>"),
                new Step(Texts.get("guest.windows.extend"), "extend")));
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
