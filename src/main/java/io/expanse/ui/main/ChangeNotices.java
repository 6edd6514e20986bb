package io.expanse.ui.main;

import io.expanse.text.Texts;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityJournal;
import io.expanse.work.ActivityState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

/**
 * A change that finishes (succeeded, failed, awaiting payment) while the operator looks at another program gets a
 * short desktop notification naming the resource and the outcome; while an Expanse window has the focus the
 * activity panel says it already.
 */
public final class ChangeNotices {

    /** The system property that turns the notices off ({@code -Dexpanse.notifications=false}). */
    public static final String SWITCH = "expanse.notifications";

    private final Map<String, ActivityState> lastSeen = new ConcurrentHashMap<>();

    /** Listens to {@code journal}; notifications are shown on the FX thread. */
    public ChangeNotices(ActivityJournal journal, TaskExecutor tasks) {
        journal.addListener(a -> {
            ActivityState before = lastSeen.put(a.id(), a.state());
            String text = notice(before, a);
            if (text != null && !"false".equalsIgnoreCase(System.getProperty(SWITCH))) {
                tasks.runOnUiThread(() -> show(text, a.state()));
            }
        });
    }

    /**
     * What to tell about {@code now}, seen after {@code before} (null: first seen this run): a sentence when it
     * just reached succeeded, failed or awaiting payment; null otherwise (no change of state, or another state).
     */
    static String notice(ActivityState before, Activity now) {
        if (now == null || before == now.state()) {
            return null;
        }
        boolean nas = Activity.KIND_NAS_UPGRADE.equals(now.kind());
        if (!nas && !Activity.KIND_EVS_RESIZE.equals(now.kind())) {
            return null;
        }
        String name = now.displayName();
        String from = Texts.gb(now.oldSizeGb());
        String to = Texts.gb(now.newSizeGb());
        String reason = now.failureReason() != null && !now.failureReason().isBlank() ? now.failureReason()
                : now.message();
        return switch (now.state()) {
            case SUCCEEDED -> nas ? Texts.get("notify.nasSucceeded", name, to)
                    : Texts.get("notify.succeeded", name, from, to);
            case FAILED -> reason == null || reason.isBlank()
                    ? Texts.get(nas ? "notify.nasFailedNoReason" : "notify.failedNoReason", name, to)
                    : Texts.get(nas ? "notify.nasFailed" : "notify.failed", name, to, reason);
            case AWAITING_PAYMENT -> Texts.get(nas ? "notify.nasAwaitingPayment" : "notify.awaitingPayment", name,
                    to);
            default -> null;
        };
    }

    /** Whether to show a notice now: only while no window of Expanse has the focus. */
    static boolean wanted(boolean anyWindowFocused) {
        return !anyWindowFocused;
    }

    private static void show(String text, ActivityState state) {
        var windows = Window.getWindows();
        if (!wanted(windows.stream().anyMatch(Window::isFocused))) {
            return;
        }
        Window owner = windows.stream().filter(w -> w instanceof Stage s && s.getOwner() == null && s.isShowing())
                .findFirst().orElse(null);
        if (owner == null) {
            return;
        }
        Notifications n = Notifications.create().title(Texts.get("notify.title")).text(text).owner(owner)
                .hideAfter(javafx.util.Duration.seconds(8));
        if (state == ActivityState.FAILED) {
            n.showError();
        } else if (state == ActivityState.AWAITING_PAYMENT) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
