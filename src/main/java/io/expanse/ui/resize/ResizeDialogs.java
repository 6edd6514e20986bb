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
    /** The attention threshold the usage chart draws (the volumes table's). */
    private java.util.function.DoubleSupplier usageThreshold = () -> io.expanse.work.usage.UsageReader.ATTENTION_PERCENT;

    public ResizeDialogs(Session session, ActivityJournal journal, ResizePolicy policy, TaskExecutor tasks,
                         Fxml fxml) {
        this.session = session;
        this.journal = journal;
        this.policy = policy;
        this.tasks = tasks;
        this.fxml = fxml;
    }

    /**
     * The price section ({@code price.fxml}) in the dialog's {@code priceBox}: it follows the disk and the size
     * the rules allow, and after a yearly/monthly expansion is accepted it shows the order before the dialog closes.
     */
    private PriceViewModel addPrice(javafx.scene.Parent root, ResizeViewModel vm, Stage stage) {
        var account = session.connection();
        PriceViewModel price = new PriceViewModel(account == null ? null : account.billing(), session.tracker(),
                journal, tasks, java.time.Clock.systemUTC(), account == null ? "" : account.label());
        Fxml.View<PricePane> pane = fxml.load("price.fxml", new PricePane(price, tasks));
        ((javafx.scene.layout.Pane) root.lookup("#priceBox")).getChildren().add(pane.root());
        Runnable reprice = () -> price.show(vm.currentVolumeProperty().get(), vm.plannedSizeProperty().get());
        vm.currentVolumeProperty().addListener((o, a, b) -> reprice.run());
        vm.plannedSizeProperty().addListener((o, a, b) -> reprice.run());
        reprice.run();
        vm.setOnAccepted(activity -> {
            if (!price.accepted(activity)) {
                stage.close();
            }
        });
        price.setOnDone(stage::close);
        return price;
    }

    /** Where the usage section finds the attention threshold. */
    public void usageThreshold(java.util.function.DoubleSupplier threshold) {
        this.usageThreshold = java.util.Objects.requireNonNull(threshold, "threshold");
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
        if (view.root().lookup("#usagePane") instanceof UsagePane usagePane) {
            usagePane.show(new UsagePaneViewModel(row.volume(), row.server(), row.usage(),
                    usageThreshold.getAsDouble(), vm.newSizeTextProperty()::set));
        }
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        PriceViewModel price = addPrice(view.root(), vm, stage);
        // Messages come and go as the operator types; let the window follow their height instead of clipping them.
        for (var text : java.util.List.of(vm.validationProperty(), vm.summaryProperty(), vm.submitErrorProperty(),
                vm.factsNoteProperty())) {
            text.addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        }
        for (var text : java.util.List.of(price.priceNoteProperty(), price.differenceTextProperty(),
                price.orderTextProperty(), price.orderErrorProperty(), price.unpaidOrderProperty())) {
            text.addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        }
        stage.show();
        controller.newSizeField().requestFocus();
        vm.reloadFacts();
        return stage;
    }
}
