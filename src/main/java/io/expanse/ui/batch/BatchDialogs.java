package io.expanse.ui.batch;

import io.expanse.domain.resize.ResizePolicy;
import io.expanse.text.Texts;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.resize.PricePane;
import io.expanse.ui.resize.PriceViewModel;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.ActivityJournal;
import io.expanse.work.accounts.EvsAccount;
import java.time.Clock;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the "Expand selected…" dialog for the volumes selected in the table. */
public class BatchDialogs {

    private final Session session;
    private final ActivityJournal journal;
    private final ResizePolicy policy;
    private final TaskExecutor tasks;
    private final Fxml fxml;

    public BatchDialogs(Session session, ActivityJournal journal, ResizePolicy policy, TaskExecutor tasks,
                        Fxml fxml) {
        this.session = session;
        this.journal = journal;
        this.policy = policy;
        this.tasks = tasks;
        this.fxml = fxml;
    }

    /**
     * Sizes the dialog to its content but never taller than the screen it is on: on a small screen (1024×700) the
     * table of disks gives up the height, and the summary, prices and buttons stay visible.
     */
    static void fit(Stage stage) {
        stage.sizeToScene();
        io.expanse.ui.common.Screens.keepOnScreen(stage);
    }

    /** Opens the dialog for these rows; nothing when no account is shown. */
    public Stage open(Window owner, List<VolumeRow> rows) {
        EvsAccount account = session.connection();
        if (account == null || rows.isEmpty()) {
            return null;
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get("batch.title", rows.size()));
        BatchViewModel vm = new BatchViewModel(account, journal, policy, tasks, Clock.systemUTC(),
                rows.stream().map(r -> new BatchViewModel.Disk(r.volume(), r.server(), r.usage())).toList());
        BatchDialogController controller = new BatchDialogController(vm, stage::close, rows.size());
        Fxml.View<BatchDialogController> view = fxml.load("batch.fxml", controller);
        // The order of a yearly/monthly batch is shown with the same pay / cancel / pay later step as one disk's.
        PriceViewModel order = new PriceViewModel(account.billing(), account.tracker(), journal, tasks,
                Clock.systemUTC(), account.label());
        Fxml.View<PricePane> pane = fxml.load("price.fxml", new PricePane(order, tasks));
        ((javafx.scene.layout.Pane) view.root().lookup("#orderBox")).getChildren().add(pane.root());
        order.setOnDone(stage::close);
        vm.setOnSent(activity -> {
            if (activity == null || !order.accepted(activity)) {
                stage.close();
            }
        });
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        for (var text : List.of(vm.summaryProperty(), vm.refusedSummaryProperty(), vm.targetErrorProperty(),
                vm.onDemandPriceProperty(), vm.yearlyPriceProperty(), vm.resultProperty(), vm.suggestionNoteProperty(),
                order.orderTextProperty(),
                order.orderStepProperty().asString())) {
            text.addListener((o, a, b) -> javafx.application.Platform.runLater(() -> fit(stage)));
        }
        stage.show();
        fit(stage);
        controller.targetField().requestFocus();
        vm.reloadFacts();
        return stage;
    }
}
