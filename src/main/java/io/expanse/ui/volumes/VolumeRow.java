package io.expanse.ui.volumes;

import io.expanse.text.Texts;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.resize.DiskRole;
import io.expanse.domain.resize.DiskRoles;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One line of the volumes table. The volume itself is fixed; the attached server's details arrive later
 * (they need one call per server), so they are a property the server and role columns follow.
 */
public final class VolumeRow {

    /** Where the server details of an attached volume stand. */
    public enum ServerLookup { NONE, LOADING, LOADED, FAILED }

    private final Volume volume;
    private final ObjectProperty<ServerInfo> server = new SimpleObjectProperty<>(this, "server");
    private final ObjectProperty<ServerLookup> lookup = new SimpleObjectProperty<>(this, "lookup");
    private final ReadOnlyObjectWrapper<DiskRole> role = new ReadOnlyObjectWrapper<>(this, "role");
    private final String searchText;
    /** How full the disk is; null until Cloud Eye was read (and for unattached disks). */
    private final ObjectProperty<RowUsage> usage = new SimpleObjectProperty<>(this, "usage");

    public VolumeRow(Volume volume) {
        this.volume = volume;
        lookup.set(volume.firstServerId() == null ? ServerLookup.NONE : ServerLookup.LOADING);
        role.set(DiskRoles.of(volume, null));
        server.addListener((obs, old, now) -> role.set(DiskRoles.of(volume, now)));
        this.searchText = String.join("\n", nz(volume.name()), nz(volume.id()), nz(volume.status()),
                nz(volume.volumeType()), nz(volume.availabilityZone()), nz(volume.firstServerId()),
                nz(volume.enterpriseProjectId()), nz(volume.orderId()),
                // The status as the table shows it in the language in use, so that 可用 finds "available".
                volume.status() == null ? "" : statusText("volume.status.", volume.status()))
                .toLowerCase(Locale.ROOT);
    }

    /** A status in the language in use (the console's words); one the bundles do not know, as the API says it. */
    static String statusText(String keyPrefix, String status) {
        String key = keyPrefix + status.toLowerCase(Locale.ROOT);
        return Texts.has(key) ? Texts.get(key) : status;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public Volume volume() {
        return volume;
    }

    public ObjectProperty<ServerInfo> serverProperty() {
        return server;
    }

    public ObjectProperty<ServerLookup> lookupProperty() {
        return lookup;
    }

    public ReadOnlyObjectProperty<DiskRole> roleProperty() {
        return role.getReadOnlyProperty();
    }

    public ServerInfo server() {
        return server.get();
    }

    public DiskRole role() {
        return role.get();
    }

    /** How full the disk is (the Used and Full in columns follow it); null while unknown. */
    public ObjectProperty<RowUsage> usageProperty() {
        return usage;
    }

    public RowUsage usage() {
        return usage.get();
    }

    /** Whether every word of the (lower-case) query appears somewhere in the row, server name included. */
    public boolean matches(String[] lowerCaseWords) {
        ServerInfo s = server.get();
        String serverName = s == null || s.name() == null ? "" : s.name().toLowerCase(Locale.ROOT);
        for (String w : lowerCaseWords) {
            if (!searchText.contains(w) && !serverName.contains(w)) {
                return false;
            }
        }
        return true;
    }

    public String billingText() {
        return Texts.get(volume.yearlyMonthly() ? "volumes.billing.yearlyMonthly" : "volumes.billing.onDemand");
    }

    /** "default" for the default enterprise project "0", else its ID. */
    public String enterpriseProjectText() {
        return enterpriseProjectText(java.util.Map.of());
    }

    /** The enterprise project's name when {@code names} knows it; else as {@link #enterpriseProjectText()}. */
    public String enterpriseProjectText(java.util.Map<String, String> names) {
        return ProjectNames.text(volume.enterpriseProjectId(), names, Texts.get("volumes.project.default"));
    }

    public String roleText() {
        return switch (role.get()) {
            case SYSTEM -> Texts.get("volumes.role.system");
            case DATA -> Texts.get("volumes.role.data");
            case UNKNOWN -> lookup.get() == ServerLookup.LOADING ? "…" : Texts.get("volumes.role.unknown");
        };
    }

    public String serverText() {
        String id = volume.firstServerId();
        if (id == null) {
            return "";
        }
        ServerInfo s = server.get();
        String name = s != null && s.name() != null && !s.name().isBlank() ? s.name() : shortId(id);
        int more = volume.attachments().size() - 1;
        return more > 0 ? name + " +" + more : name;
    }

    public String serverStatusText() {
        return switch (lookup.get()) {
            case NONE -> "";
            case LOADING -> "…";
            case FAILED -> "unreadable";
            case LOADED -> server.get() == null || server.get().status() == null ? "" : server.get().status();
        };
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }
}
