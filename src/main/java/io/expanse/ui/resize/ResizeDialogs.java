package io.expanse.ui.resize;

import io.expanse.text.Texts;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.common.Session;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.ActivityJournal;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens one modal resize dialog for a volume row. */
public class ResizeDialogs {

    private final Session session;
    private final ActivityJournal journal;
    private final ResizePolicy policy;
    private final TaskExecutor tasks;
    private final Fxml fxml;

    public ResizeDialogs(Session session, ActivityJournal journal, ResizePolicy policy, TaskExecutor tasks,
                         Fxml fxml) {
        this.session = session;
        this.journal = journal;
        this.policy = policy;
        this.tasks = tasks;
        this.fxml = fxml;
    }

    public Stage open(Window owner, VolumeRow row) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get("resize.title", row.volume().name()));
        ResizeViewModel vm = new ResizeViewModel(session.connection(), session.tracker(), journal, policy,
                tasks, row.volume(), row.server());
        ResizeDialogController controller = new ResizeDialogController(vm, stage::close);
        Fxml.View<ResizeDialogController> view = fxml.load("resize.fxml", controller);
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        // Messages come and go as the operator types; let the window follow their height instead of clipping them.
        for (var text : java.util.List.of(vm.validationProperty(), vm.summaryProperty(), vm.submitErrorProperty(),
                vm.factsNoteProperty(), vm.attachmentTextProperty())) {
            text.addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        }
        vm.checkAgainOfferedProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        stage.show();
        controller.newSizeField().requestFocus();
        vm.reloadFacts();
        return stage;
    }
}
