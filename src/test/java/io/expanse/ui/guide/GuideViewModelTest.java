package io.expanse.ui.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.domain.guest.GrowthGuide.Layout;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.fakes.FakeEvs;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import io.expanse.work.accounts.EvsAccount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide for one disk: OS from the server's metadata, the device, the layout's commands, the 2 TiB warning. */
class GuideViewModelTest {

    private final FakeEvs api = new FakeEvs();
    private final EvsAccount account = new EvsAccount("Test", false, FakeEvs.REGION, FakeEvs.PROJECT, api, null);

    private static Activity grew(long from, long to, String device) {
        Instant t = Instant.parse("2025-05-01T10:00:00Z");
        return new Activity("a-1", Activity.KIND_EVS_RESIZE, "Test", FakeEvs.REGION, FakeEvs.PROJECT, "vol-1",
                "data-01", from, to, false, null, device, ActivityState.SUCCEEDED, "job-1", null, t, t, t, "done",
                null, null, null);
    }

    private GuideViewModel loaded(Activity a, ServerInfo server) {
        api.put(FakeEvs.volume("vol-1", "data-01", "in-use", a.newSizeGb(), server == null ? null : server.id()));
        if (server != null) {
            api.put(server);
        }
        GuideViewModel vm = new GuideViewModel(a, account, new CurrentThreadTaskExecutor());
        vm.load();
        return vm;
    }

    private static List<String> commands(GuideViewModel vm) {
        return vm.lines().stream().map(GuideViewModel.Line::command).toList();
    }

    @Test
    void aCentOsServerGetsTheXfsStepsForItsDeviceAndNoWarningBelow2TiB() {
        GuideViewModel vm = loaded(grew(100, 300, "/dev/vdb"), new ServerInfo("srv-1", "db-01", "ACTIVE",
                "/dev/vda", List.of(), "Linux", "CentOS 7.9 64bit"));
        assertEquals("Operating system: Linux (CentOS 7.9 64bit, from the metadata of server db-01).",
                vm.osTextProperty().get());
        assertEquals(Layout.XFS, vm.layoutProperty().get());
        assertEquals(List.of("lsblk -f /dev/vdb", "sudo growpart /dev/vdb 1", "sudo xfs_growfs <mount point>",
                "df -h"), commands(vm));
        assertTrue(vm.linuxNotesProperty().get(), "the kernel note applies to Linux");
        assertNull(vm.mbrWarningProperty().get());
        assertFalse(vm.layouts().contains(Layout.WINDOWS));
    }

    @Test
    void choosingLvmShowsPvresizeAndLvextend() {
        GuideViewModel vm = loaded(grew(100, 300, "/dev/vdb"), new ServerInfo("srv-1", "app", "ACTIVE", "/dev/vda",
                List.of(), "Linux", "Ubuntu 22.04 server 64bit"));
        assertEquals(Layout.EXT4, vm.layoutProperty().get());
        vm.layoutProperty().set(Layout.LVM);
        assertEquals(List.of("lsblk -f /dev/vdb", "sudo growpart /dev/vdb 1", "sudo pvresize /dev/vdb1", "sudo lvs",
                "sudo lvextend -r -l +100%FREE /dev/<volume group>/<logical volume>", "df -h"), commands(vm));
    }

    @Test
    void aWindowsServerGetsOnlyTheWindowsStepsAndNoKernelNote() {
        GuideViewModel vm = loaded(grew(100, 300, "/dev/vdb"), new ServerInfo("srv-1", "win-01", "ACTIVE",
                "/dev/vda", List.of(), "Windows", "Windows Server 2022 Datacenter 64bit English"));
        assertEquals(List.of(Layout.WINDOWS), List.copyOf(vm.layouts()));
        assertEquals(List.of("diskmgmt.msc", "diskpart", "rescan", "list volume", "select volume <n>", "extend",
                "list volume"), commands(vm));
        assertFalse(vm.linuxNotesProperty().get());
    }

    @Test
    void growingPast2TiBWarnsAboutMbr() {
        GuideViewModel vm = loaded(grew(2000, 2100, "/dev/vdb"), FakeEvs.server("srv-1", "ACTIVE"));
        assertTrue(vm.mbrWarningProperty().get().startsWith("The disk grew past 2048 GB (2 TiB) to 2100 GB."),
                vm.mbrWarningProperty().get());
    }

    @Test
    void anUnknownOsOffersEveryLayout() {
        GuideViewModel vm = loaded(grew(100, 300, "/dev/vdb"), FakeEvs.server("srv-1", "ACTIVE"));
        assertEquals(List.of(Layout.values()), List.copyOf(vm.layouts()));
        assertEquals("Operating system: server web-srv-1 does not say; choose the steps that match it.",
                vm.osTextProperty().get());
    }

    @Test
    void anotherAccountsChangeIsShownWithoutReadingAnything() {
        GuideViewModel vm = new GuideViewModel(grew(100, 300, null), null, new CurrentThreadTaskExecutor());
        vm.load();
        assertEquals(0, api.readCalls);
        assertEquals(List.of("lsblk -f /dev/vdX", "sudo growpart /dev/vdX 1", "sudo resize2fs /dev/vdX1", "df -h"),
                commands(vm));
    }

    @Test
    void offeredOnlyForRowsThatActuallyGrew() {
        assertTrue(GuideWindows.offeredFor(grew(100, 300, "/dev/vdb")));
        assertFalse(GuideWindows.offeredFor(grew(100, 100, "/dev/vdb")));
        assertFalse(GuideWindows.offeredFor(grew(100, 300, "/dev/vdb").withState(ActivityState.FAILED, "x",
                Instant.EPOCH)));
    }
}
