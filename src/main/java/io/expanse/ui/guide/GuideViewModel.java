package io.expanse.ui.guide;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.guest.GrowthGuide;
import io.expanse.domain.guest.GrowthGuide.Layout;
import io.expanse.domain.guest.GrowthGuide.Os;
import io.expanse.domain.guest.GrowthGuide.Step;
import io.expanse.text.Texts;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.accounts.EvsAccount;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The file-system guide for one disk that grew: which OS the server runs (from its ECS metadata, read off the FX
 * thread), the device, the steps for the chosen layout with their commands ({@link GrowthGuide}), the 2 TiB
 * warning and the kernel note. Plain JavaFX properties: tested without a toolkit.
 */
public final class GuideViewModel {

    /**
     * One line of the guide.
     *
     * @param explanation what the step does, in the language in use
     * @param command     what to type (copyable), or null
     */
    public record Line(String explanation, String command) {
    }

    private final Activity activity;
    private final EvsAccount account;
    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper osText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper deviceText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper mbrWarning = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper linuxNotes = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<Layout> layouts = FXCollections.observableArrayList();
    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(this, "layout");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private Os os = Os.UNKNOWN;
    private String device;

    /** @param account the account shown now when the change was made with it, else null (the OS stays unknown) */
    public GuideViewModel(Activity activity, EvsAccount account, TaskExecutor tasks) {
        this.activity = activity;
        this.account = account;
        this.tasks = tasks;
        this.device = GrowthGuide.device(activity.device());
        header.set(Texts.get("guide.header", activity.displayName(), Texts.gb(activity.oldSizeGb()),
                Texts.gb(activity.newSizeGb())));
        mbrWarning.set(GrowthGuide.crossesMbrLimit(activity.oldSizeGb(), activity.newSizeGb())
                ? Texts.get("guide.warning.mbr", Texts.gb(GrowthGuide.MBR_LIMIT_GB), Texts.gb(activity.newSizeGb()))
                : null);
        layout.addListener((o, a, b) -> rebuild());
        show(Os.UNKNOWN, null, account == null ? Texts.get("guide.os.otherAccount") : Texts.get("guide.os.reading"));
    }

    /** Reads the disk and its server for the OS and the device; without the account the guide stays general. */
    public void load() {
        if (account == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
            Volume v = account.api().getVolume(activity.resourceId());
            ServerInfo s = v.firstServerId() == null ? null : account.api().getServer(v.firstServerId());
            return new Object[] {v, s};
        }).onSuccess(found -> {
            Volume v = (Volume) found[0];
            ServerInfo s = (ServerInfo) found[1];
            if (v.firstDevice() != null) {
                device = GrowthGuide.device(v.firstDevice());
            }
            if (s == null) {
                show(Os.UNKNOWN, null, Texts.get("guide.os.notAttached"));
                return;
            }
            Os found2 = GrowthGuide.os(s.osType(), s.imageName());
            String where = s.imageName() != null && !s.imageName().isBlank() ? s.imageName().strip()
                    : s.osType() != null ? s.osType() : "";
            String server = s.name() == null || s.name().isBlank() ? s.id() : s.name();
            show(found2, s.imageName(), switch (found2) {
                case LINUX -> Texts.get("guide.os.linux", where, server);
                case WINDOWS -> Texts.get("guide.os.windows", where, server);
                case UNKNOWN -> Texts.get("guide.os.unknownOn", server);
            });
        }).onFailure(error -> show(Os.UNKNOWN, null, Texts.get("guide.os.unreadable"))).executeWith(tasks);
    }

    private void show(Os newOs, String imageName, String osLine) {
        os = newOs;
        osText.set(osLine);
        deviceText.set(GrowthGuide.UNKNOWN_DEVICE.equals(device) ? Texts.get("guide.device.unknown")
                : Texts.get("guide.device", device, GrowthGuide.firstPartition(device)));
        linuxNotes.set(newOs != Os.WINDOWS);
        layouts.setAll(GrowthGuide.layoutsFor(newOs));
        Layout first = GrowthGuide.likelyLayout(newOs, imageName);
        if (layout.get() == first) {
            rebuild();
        } else {
            layout.set(first);
        }
    }

    private void rebuild() {
        Layout l = layout.get() == null ? Layout.EXT4 : layout.get();
        String part = GrowthGuide.firstPartition(device);
        List<Line> out = new ArrayList<>();
        List<Step> steps = new ArrayList<>(l == Layout.WINDOWS ? List.of() : GrowthGuide.before(os, device));
        steps.addAll(GrowthGuide.steps(l, device));
        steps.addAll(GrowthGuide.after(l));
        for (Step s : steps) {
            out.add(new Line(Texts.get("guide.step." + s.key(), device, part), s.command()));
        }
        lines.setAll(out);
    }

    /** "data-01 is now 300 GB (was 100 GB)…". */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** Which OS the server runs and how that is known, or why it is not. */
    public ReadOnlyStringProperty osTextProperty() {
        return osText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceTextProperty() {
        return deviceText.getReadOnlyProperty();
    }

    /** The MBR/GPT warning when the disk grew past 2 TiB, else null. */
    public ReadOnlyStringProperty mbrWarningProperty() {
        return mbrWarning.getReadOnlyProperty();
    }

    /** Whether the Linux notes (kernel 3.6, device names) apply: not for a server known to run Windows. */
    public ReadOnlyBooleanProperty linuxNotesProperty() {
        return linuxNotes.getReadOnlyProperty();
    }

    /** The layouts to choose from. */
    public ObservableList<Layout> layouts() {
        return layouts;
    }

    /** The layout whose steps are shown. */
    public ObjectProperty<Layout> layoutProperty() {
        return layout;
    }

    /** The steps shown, in order: check, grow, confirm. */
    public ObservableList<Line> lines() {
        return lines;
    }

    /** A layout's name in the language in use. */
    public static String layoutName(Layout l) {
        return l == null ? "" : Texts.get("guide.layout." + l.name());
    }
}
