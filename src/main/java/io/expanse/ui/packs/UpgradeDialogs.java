package io.expanse.ui.packs;

import io.expanse.text.Texts;
import io.expanse.domain.nas.UpgradePolicy;
import io.expanse.ui.common.Fxml;
import io.expanse.work.accounts.NasAccount;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.nas.NasUpgradeTracker;
import io.expanse.work.nas.ResourcePackSource;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens one modal upgrade or renew dialog for a pack of the account the packs view shows. */
public class UpgradeDialogs {

    private final PacksViewModel packs;
    private final UpgradePolicy policy;
    private final TaskExecutor tasks;
    private final Fxml fxml;

    public UpgradeDialogs(PacksViewModel packs, UpgradePolicy policy, TaskExecutor tasks, Fxml fxml) {
        this.packs = packs;
        this.policy = policy;
        this.tasks = tasks;
        this.fxml = fxml;
    }

    /** Opens the dialog; null when no account is shown (the upgrade button is then disabled anyway). */
    public Stage open(Window owner, io.expanse.work.nas.ResourcePack pack) {
        NasAccount account = packs.account();
        if (account == null) {
            return null;
        }
        NasUpgradeTracker tracker = account.tracker();
        ResourcePackSource source = account.inventory();
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get("upgrade.title", pack.displayName()));
        UpgradeViewModel vm = new UpgradeViewModel(tracker, policy, tasks, pack, source.account(),
                source.region(), packs.clock());
        UpgradeDialogController controller = new UpgradeDialogController(vm, stage::close, () -> {
            stage.close();
            openRenew(owner, pack);
        });
        Fxml.View<UpgradeDialogController> view = fxml.load("upgrade.fxml", controller);
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        for (var text : java.util.List.of(vm.validationProperty(), vm.summaryProperty(), vm.submitErrorProperty())) {
            text.addListener((o, a, b) -> Platform.runLater(stage::sizeToScene));
        }
        stage.show();
        controller.targetCapacityField().requestFocus();
        return stage;
    }

    /** Opens the renew dialog; null when no account is shown (the renew button is then disabled anyway). */
    public Stage openRenew(Window owner, io.expanse.work.nas.ResourcePack pack) {
        NasAccount account = packs.account();
        if (account == null) {
            return null;
        }
        ResourcePackSource source = account.inventory();
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get("renew.title", pack.displayName()));
        RenewViewModel vm = new RenewViewModel(account.tracker(), tasks, pack, source.account(), source.region(),
                packs.clock());
        RenewDialogController controller = new RenewDialogController(vm, stage::close);
        Fxml.View<RenewDialogController> view = fxml.load("renew.fxml", controller);
        Scene scene = new Scene(view.root());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        for (var text : java.util.List.of(vm.validationProperty(), vm.summaryProperty(), vm.submitErrorProperty())) {
            text.addListener((o, a, b) -> Platform.runLater(stage::sizeToScene));
        }
        stage.show();
        controller.renewPeriodChoice().requestFocus();
        return stage;
    }
}
