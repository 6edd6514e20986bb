package io.expanse.ui.guide;

import io.expanse.text.Texts;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import io.expanse.work.accounts.EvsAccount;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the grow-the-file-system guide for a disk that grew, in a window of its own beside the main one. */
public final class GuideWindows {

    private final Session session;
    private final TaskExecutor tasks;
    private final Fxml fxml;

    public GuideWindows(Session session, TaskExecutor tasks, Fxml fxml) {
        this.session = session;
        this.tasks = tasks;
        this.fxml = fxml;
    }

    /** Only a finished EVS expansion that made the disk larger has a file system to grow. */
    public static boolean offeredFor(Activity a) {
        return a != null && a.state() == ActivityState.SUCCEEDED && Activity.KIND_EVS_RESIZE.equals(a.kind())
                && a.newSizeGb() > a.oldSizeGb();
    }

    public Stage open(Window owner, Activity a) {
        EvsAccount shown = session.connection();
        boolean same = shown != null && Objects.equals(shown.label(), a.account())
                && Objects.equals(shown.region(), a.region());
        GuideViewModel vm = new GuideViewModel(a, same ? shown : null, tasks);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Texts.get("guide.windowTitle", a.displayName()));
        GuideController controller = new GuideController(vm, stage::close);
        Scene scene = new Scene(fxml.load("guide.fxml", controller).root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getRoot().setId("guideRoot");
        stage.setScene(scene);
        stage.show();
        vm.load();
        return stage;
    }
}
