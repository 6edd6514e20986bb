package io.expanse.ui.volumes;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.List;
import java.util.Map;

/** Made-up rows for the table's warm-up frame (never shown: the warm-up table is invisible). */
final class WarmUpRows {

    private WarmUpRows() {
    }

    static List<VolumeRow> rows() {
        Volume attached = new Volume("warm-up-1", "warm-up", "in-use", 40, "SSD", "az-1", true, false,
                List.of(new Volume.Attachment("warm-up-server", "warm-up-1", "/dev/vda", null, null)),
                Map.of(), "0", null, null);
        Volume free = new Volume("warm-up-2", "warm-up", "available", 10, "SAS", "az-1", false, false,
                List.of(), Map.of("orderID", "warm-up"), null, null, null);
        VolumeRow withServer = new VolumeRow(attached);
        withServer.serverProperty().set(new ServerInfo("warm-up-server", "warm-up", "ACTIVE", "/dev/vda",
                List.of(), null));
        withServer.lookupProperty().set(VolumeRow.ServerLookup.LOADED);
        return List.of(withServer, new VolumeRow(free));
    }
}
