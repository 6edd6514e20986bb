package io.expanse.domain.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The commands that grow a partition and file system inside the server after its disk grew: the cloud enlarges
 * the block device only (reference §15). Pure: it builds command texts and names the bundle key of each step's
 * explanation ({@code guide.step.<key>}); the words live in the bundles, nothing is run.
 */
public final class GrowthGuide {

    /** Where an MBR partition table stops being able to use a disk: 2 TiB. */
    public static final long MBR_LIMIT_GB = 2048;

    /** Shown when the cloud did not say which device the disk is attached as. */
    public static final String UNKNOWN_DEVICE = "/dev/vdX";

    private GrowthGuide() {
    }

    /** The guest operating system, as far as the server's metadata tells. */
    public enum Os { LINUX, WINDOWS, UNKNOWN }

    /** How the disk's space is used inside the guest; each has its own steps. */
    public enum Layout { EXT4, XFS, LVM, BTRFS, NO_PARTITION, WINDOWS }

    /**
     * One step.
     *
     * @param key     the explanation's bundle key without the {@code guide.step.} prefix
     * @param command the command to type (with {@code <…>} for what the operator fills in), or null for a step
     *                done in a window
     */
    public record Step(String key, String command) {
    }

    /**
     * The OS from ECS metadata: {@code os_type} when it says Linux or Windows, else a well-known word in the image
     * name, else unknown.
     */
    public static Os os(String osType, String imageName) {
        String type = lower(osType);
        if (type.equals("windows")) {
            return Os.WINDOWS;
        }
        if (type.equals("linux")) {
            return Os.LINUX;
        }
        String image = lower(imageName);
        if (image.contains("windows")) {
            return Os.WINDOWS;
        }
        for (String linux : List.of("linux", "centos", "ubuntu", "debian", "euler", "rocky", "alma", "suse",
                "red hat", "rhel", "fedora", "oracle", "kylin", "uos", "anolis", "opencloudos", "tencentos")) {
            if (image.contains(linux)) {
                return Os.LINUX;
            }
        }
        return Os.UNKNOWN;
    }

    /** The layouts worth showing for an OS: Windows alone, the Linux ones, or all when the OS is unknown. */
    public static List<Layout> layoutsFor(Os os) {
        return switch (os) {
            case WINDOWS -> List.of(Layout.WINDOWS);
            case LINUX -> List.of(Layout.EXT4, Layout.XFS, Layout.LVM, Layout.BTRFS, Layout.NO_PARTITION);
            case UNKNOWN -> List.of(Layout.values());
        };
    }

    /**
     * The layout to show first: Windows for Windows; XFS for the images whose installer picks XFS (CentOS 7+,
     * RHEL, Rocky, Alma, EulerOS, openEuler, Oracle Linux); ext4 otherwise. Only a first guess: the operator
     * checks with lsblk -f and may pick another.
     */
    public static Layout likelyLayout(Os os, String imageName) {
        if (os == Os.WINDOWS) {
            return Layout.WINDOWS;
        }
        String image = lower(imageName);
        for (String xfs : List.of("centos", "red hat", "rhel", "rocky", "alma", "euler", "oracle")) {
            if (image.contains(xfs) && !image.contains("centos 6")) {
                return Layout.XFS;
            }
        }
        return Layout.EXT4;
    }

    /** The device as the cloud reports it, or {@link #UNKNOWN_DEVICE}. */
    public static String device(String device) {
        return device == null || device.isBlank() ? UNKNOWN_DEVICE : device.strip();
    }

    /** /dev/vdb → /dev/vdb1; /dev/nvme0n1 → /dev/nvme0n1p1 (names ending in a digit take a "p"). */
    public static String firstPartition(String device) {
        String dev = device(device);
        return Character.isDigit(dev.charAt(dev.length() - 1)) ? dev + "p1" : dev + "1";
    }

    /** Whether growing from {@code oldGb} to {@code newGb} passes 2 TiB, beyond which MBR cannot address. */
    public static boolean crossesMbrLimit(long oldGb, long newGb) {
        return oldGb <= MBR_LIMIT_GB && newGb > MBR_LIMIT_GB;
    }

    /** How to look at the disk before growing anything (Linux and unknown: lsblk; Windows: none needed). */
    public static List<Step> before(Os os, String device) {
        return os == Os.WINDOWS ? List.of() : List.of(new Step("lsblk", "lsblk -f " + device(device)));
    }

    /** How to confirm the result. */
    public static List<Step> after(Layout layout) {
        return layout == Layout.WINDOWS ? List.of(new Step("windowsConfirm", "list volume"))
                : List.of(new Step("confirm", "df -h"));
    }

    /** The steps that grow the partition and file system of {@code device} for a layout. */
    public static List<Step> steps(Layout layout, String device) {
        String dev = device(device);
        String part = firstPartition(dev);
        List<Step> out = new ArrayList<>();
        switch (layout) {
            case EXT4 -> {
                out.add(growpart(dev));
                out.add(new Step("resize2fs", "sudo resize2fs " + part));
            }
            case XFS -> {
                out.add(growpart(dev));
                out.add(new Step("xfsGrowfs", "sudo xfs_growfs <mount point>"));
            }
            case LVM -> {
                out.add(growpart(dev));
                out.add(new Step("pvresize", "sudo pvresize " + part));
                out.add(new Step("lvs", "sudo lvs"));
                out.add(new Step("lvextend", "sudo lvextend -r -l +100%FREE /dev/<volume group>/<logical volume>"));
            }
            case BTRFS -> {
                out.add(growpart(dev));
                out.add(new Step("btrfs", "sudo btrfs filesystem resize max <mount point>"));
            }
            case NO_PARTITION -> {
                out.add(new Step("wholeDiskExt4", "sudo resize2fs " + dev));
                out.add(new Step("wholeDiskXfs", "sudo xfs_growfs <mount point>"));
            }
            case WINDOWS -> {
                out.add(new Step("diskManagement", "diskmgmt.msc"));
                out.add(new Step("diskpart", "diskpart"));
                out.add(new Step("rescan", "rescan"));
                out.add(new Step("listVolume", "list volume"));
                out.add(new Step("selectVolume", "select volume <n>"));
                out.add(new Step("extend", "extend"));
            }
        }
        return List.copyOf(out);
    }

    private static Step growpart(String dev) {
        return new Step("growpart", "sudo growpart " + dev + " 1");
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
