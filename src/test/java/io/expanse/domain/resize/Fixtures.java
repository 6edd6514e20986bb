package io.expanse.domain.resize;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.List;
import java.util.Map;

/** Builders for the plain records the rules read. */
final class Fixtures {

    static final String VOLUME_ID = "0f5f40b7-0000-4000-8000-00000000d001";
    static final String SERVER_ID = "5e1a2b3c-0000-4000-8000-00000000e001";

    private Fixtures() {
    }

    /** An unattached (available) or attached (other statuses) volume named data-01. */
    static Volume volume(String status, long sizeGb) {
        return volume("data-01", status, sizeGb, false, false, "available".equals(status) ? null : "/dev/vdb");
    }

    static Volume volume(String name, String status, long sizeGb, boolean bootable, boolean multiattach, String device) {
        List<Volume.Attachment> attachments = device == null ? List.of()
                : List.of(new Volume.Attachment(SERVER_ID, "att-1", device, "host-1", "2024-01-01T00:00:00.000000"));
        return new Volume(VOLUME_ID, name, status, sizeGb, "SSD", "cn-north-4a", bootable, multiattach, attachments,
                Map.of(), "0", "2024-01-01T00:00:00.000000", "2024-01-01T00:00:00.000000");
    }

    static ServerInfo server(String status) {
        return new ServerInfo(SERVER_ID, "web-01", status, "/dev/vda", List.of());
    }

    static ServerInfo server(String rootDevice, List<ServerInfo.AttachedVolume> volumes) {
        return new ServerInfo(SERVER_ID, "web-01", "ACTIVE", rootDevice, volumes);
    }
}
