package io.expanse.domain.resize;

import static io.expanse.domain.resize.Fixtures.VOLUME_ID;
import static io.expanse.domain.resize.Fixtures.server;
import static io.expanse.domain.resize.Fixtures.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.ServerInfo.AttachedVolume;
import io.expanse.cloud.huawei.Volume;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiskRolesTest {

    private static final ServerInfo NO_ECS_DETAIL = server("/dev/vda", List.of());

    private static ServerInfo withBootIndex(String bootIndex) {
        return server("/dev/vda", List.of(new AttachedVolume("other", "/dev/vdc", "2"),
                new AttachedVolume(VOLUME_ID, "/dev/vdb", bootIndex)));
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                // bootIndex is authoritative and beats the heuristic both ways
                arguments("bootIndex 0", volume("v", "in-use", 40, false, false, "/dev/vdb"), withBootIndex("0"), DiskRole.SYSTEM),
                arguments("bootIndex ' 0 '", volume("v", "in-use", 40, false, false, "/dev/vdb"), withBootIndex(" 0 "), DiskRole.SYSTEM),
                arguments("bootIndex 1", volume("v", "in-use", 40, true, false, "/dev/vda"), withBootIndex("1"), DiskRole.DATA),
                arguments("bootIndex -1", volume("v", "in-use", 40, true, false, "/dev/vda"), withBootIndex("-1"), DiskRole.DATA),
                arguments("bootIndex 0, unattached", volume("v", "available", 40, true, false, null), withBootIndex("0"), DiskRole.SYSTEM),
                // heuristic: bootable and at the root device
                arguments("bootable at root", volume("v", "in-use", 40, true, false, "/dev/vda"), NO_ECS_DETAIL, DiskRole.SYSTEM),
                arguments("bootable at SCSI root", volume("v", "in-use", 40, true, false, "/dev/sda"), server("/dev/sda", List.of()), DiskRole.SYSTEM),
                arguments("bootable elsewhere", volume("v", "in-use", 40, true, false, "/dev/vdb"), NO_ECS_DETAIL, DiskRole.DATA),
                arguments("not bootable at root", volume("v", "in-use", 40, false, false, "/dev/vda"), NO_ECS_DETAIL, DiskRole.DATA),
                arguments("blank bootIndex falls back", volume("v", "in-use", 40, true, false, "/dev/vda"), withBootIndex(" "), DiskRole.SYSTEM),
                arguments("null bootIndex falls back", volume("v", "in-use", 40, true, false, "/dev/vdb"), withBootIndex(null), DiskRole.DATA),
                arguments("ECS entry without id", volume("v", "in-use", 40, true, false, "/dev/vda"),
                        server("/dev/vda", List.of(new AttachedVolume(null, "/dev/vdc", "0"))), DiskRole.SYSTEM),
                arguments("bootable, root unknown", volume("v", "in-use", 40, true, false, "/dev/vda"), server(null, List.of()), DiskRole.UNKNOWN),
                arguments("bootable, device unknown", volume("v", "in-use", 40, true, false, ""), NO_ECS_DETAIL, DiskRole.UNKNOWN),
                // unattached → DATA whatever we know of a server
                arguments("unattached, no server", volume("v", "available", 40, true, false, null), null, DiskRole.DATA),
                arguments("unattached, server given", volume("v", "available", 40, true, false, null), NO_ECS_DETAIL, DiskRole.DATA),
                // attached, server unread
                arguments("attached, server null", volume("v", "in-use", 40, true, false, "/dev/vda"), null, DiskRole.UNKNOWN),
                arguments("attached non-bootable, server null", volume("v", "in-use", 40, false, false, "/dev/vdb"), null, DiskRole.UNKNOWN));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("roles")
    void role(String label, Volume volume, ServerInfo server, DiskRole expected) {
        assertEquals(expected, DiskRoles.of(volume, server));
    }

    @Test
    void prefersTheAttachmentOnTheGivenServer() {
        Volume shared = new Volume(VOLUME_ID, "v", "in-use", 40, "SSD", "az", true, true, List.of(
                new Volume.Attachment("someone-else", "a1", "/dev/vdb", "h", "t"),
                new Volume.Attachment(Fixtures.SERVER_ID, "a2", "/dev/vda", "h", "t")), null, null, null, null);
        assertEquals(DiskRole.SYSTEM, DiskRoles.of(shared, NO_ECS_DETAIL));
    }

    @Test
    void contextWithoutARoleTakesItAsUnknown() {
        Volume v = volume("v", "in-use", 40, true, false, "/dev/vda");
        assertEquals(DiskRole.UNKNOWN, new ResizeContext(v, null, null, false).role());
    }

    @Test
    void volumeIsRequired() {
        assertThrows(NullPointerException.class, () -> DiskRoles.of(null, NO_ECS_DETAIL));
    }
}
