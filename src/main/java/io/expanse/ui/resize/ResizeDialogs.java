package io.expanse.ui.resize;

import io.expanse.text.Texts;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.common.Session;
import io.expanse.ui.volumes.VolumeRow;
import io.expanse.work.ActivityJournal;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.ui.common.Buttons;
import io.expanse.ui.common.ErrorText;
import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.work.Activity;
import io.expanse.work.ActivityState;
import io.expanse.work.accounts.EvsAccount;
import javafx.scene.control.Alert;
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
    private PriceViewModel addPrice(javafx.scene.layout.Pane priceBox, ResizeViewModel vm, Stage stage) {
        var account = session.connection();
        PriceViewModel price = new PriceViewModel(account == null ? null : account.billing(), session.tracker(),
                journal, tasks, java.time.Clock.systemUTC(), account == null ? "" : account.label());
        Fxml.View<PricePane> pane = fxml.load("price.fxml", new PricePane(price, tasks));
        priceBox.getChildren().add(pane.root());
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
        return open(owner, row.volume(), row.server(), row.usage(), null);
    }

    /**
     * Whether a change can be tried again from its activity row: an EVS expansion that failed or was cancelled
     * (an unpaid order cancelled, a job the cloud gave up on). Succeeded, running and unknown rows cannot.
     */
    public static boolean canTryAgain(Activity a) {
        return a != null && Activity.KIND_EVS_RESIZE.equals(a.kind())
                && (a.state() == ActivityState.FAILED || a.state() == ActivityState.CANCELLED);
    }

    /** Whether {@code a} was made with the account shown now (same label, region and project). */
    static boolean sameAccount(EvsAccount shown, Activity a) {
        return shown != null && java.util.Objects.equals(shown.label(), a.account())
                && java.util.Objects.equals(shown.region(), a.region())
                && (a.projectId() == null || java.util.Objects.equals(shown.projectId(), a.projectId()));
    }

    /**
     * Try again…: opens the dialog for the disk of a failed change with the same target size. The disk and its
     * server are read first (off the FX thread), so the dialog decides on what is true now; a change made with
     * another account asks the operator to switch to it first.
     */
    public void openAgain(Window owner, Activity a) {
        if (!canTryAgain(a)) {
            return;
        }
        EvsAccount shown = session.connection();
        if (!sameAccount(shown, a)) {
            inform(owner, Texts.get("resize.tryAgain.otherAccount.header"), Texts.get(
                    "resize.tryAgain.otherAccount", a.displayName(), a.account(), a.region() == null ? "" : a.region()));
            return;
        }
        String target = Long.toString(a.newSizeGb());
        BackgroundTask.wrap(() -> {
            Volume v = shown.api().getVolume(a.resourceId());
            ServerInfo s = null;
            if (v.firstServerId() != null) {
                try {
                    s = shown.api().getServer(v.firstServerId());
                } catch (io.expanse.cloud.ApiException e) {
                    // The dialog reads it again and says what it could not read.
                }
            }
            return new Object[] {v, s};
        }).onSuccess(facts -> open(owner, (Volume) facts[0], (ServerInfo) facts[1], null, target))
                .onFailure(error -> inform(owner, Texts.get("resize.tryAgain.unreadable.header"),
                        Texts.get("resize.tryAgain.unreadable", a.displayName(), ErrorText.describe(error))))
                .executeWith(tasks);
    }

    private static void inform(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, Buttons.close());
        Fonts.apply(alert);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("resize.tryAgain.title"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId("tryAgainNotice");
        alert.show();
    }

    /**
     * Opens the dialog for {@code volume}; {@code target}, when not null, is put in the size field.
     *
     * @param usage how full the disk is (the table's figures), or null when not known (Try again…)
     */
    public Stage open(Window owner, Volume volume, ServerInfo server, io.expanse.ui.volumes.RowUsage usage,
                      String target) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get("resize.title", volume.name()));
        ResizeViewModel vm = new ResizeViewModel(session.connection(), session.tracker(), journal, policy,
                tasks, volume, server);
        if (target != null) {
            vm.newSizeTextProperty().set(target);
        }
        ResizeDialogController controller = new ResizeDialogController(vm, stage::close);
        Fxml.View<ResizeDialogController> view = fxml.load("resize.fxml", controller);
        if (controller.usagePane() != null) {
            controller.usagePane().show(new UsagePaneViewModel(volume, server, usage,
                    usageThreshold.getAsDouble(), vm.newSizeTextProperty()::set));
        }
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        PriceViewModel price = addPrice(controller.priceBox(), vm, stage);
        // Messages come and go as the operator types; let the window follow their height instead of clipping them.
        for (var text : java.util.List.of(vm.validationProperty(), vm.summaryProperty(), vm.submitErrorProperty(),
                vm.factsNoteProperty(), vm.attachmentTextProperty())) {
            text.addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        }
        for (var text : java.util.List.of(price.priceNoteProperty(), price.differenceTextProperty(),
                price.orderTextProperty(), price.orderErrorProperty(), price.unpaidOrderProperty())) {
            text.addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
        }
        vm.checkAgainOfferedProperty().addListener((o, a, b) ->
                javafx.application.Platform.runLater(stage::sizeToScene));
        // Never taller than the screen (1024×700): the content scrolls, the buttons stay in view.
        stage.heightProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> io.expanse.ui.common.Screens.keepOnScreen(stage)));
        stage.show();
        controller.newSizeField().requestFocus();
        vm.reloadFacts();
        return stage;
    }
}
