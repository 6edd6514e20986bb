package io.expanse.ui.packs;

import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.Buttons;
import io.expanse.text.Texts;
import io.expanse.settings.Profile;
import io.expanse.ui.common.AccountChoice;
import io.expanse.ui.common.AccountChoiceBox;
import io.expanse.ui.common.AccountSelector;
import io.expanse.work.accounts.NasAccount;
import io.expanse.work.nas.ResourcePack;
import io.expanse.ui.common.Fxml;
import io.expanse.work.nas.PackImport;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The resource packs view: the account selector, table, filter, add/edit/remove/import, and the upgrade action.
 * On load it opens the initial account (in the background) unless one was already chosen.
 */
public final class PacksController {

    /** Opens the profile editor for a UniCloud profile. */
    @FunctionalInterface
    public interface AccountEditor {
        void edit(Window owner, Profile profile);
    }

    private final PacksViewModel vm;
    private final UpgradeDialogs upgrades;
    private final AccountSelector<NasAccount> switcher;
    private final AccountEditor editor;

    @FXML private ComboBox<AccountChoice> packsAccountChoice;
    @FXML private Button editPacksAccountButton;
    @FXML private TextField packFilterField;
    @FXML private TableView<PackRow> packTable;
    @FXML private TableColumn<PackRow, String> packLabelColumn;
    @FXML private TableColumn<PackRow, String> packIdColumn;
    @FXML private TableColumn<PackRow, Long> packCapacityColumn;
    @FXML private TableColumn<PackRow, String> packExpiryColumn;
    @FXML private TableColumn<PackRow, String> packRegionColumn;
    @FXML private TableColumn<PackRow, String> packUpgradeColumn;
    @FXML private TableColumn<PackRow, String> packPayTypeColumn;
    @FXML private Button addPackButton;
    @FXML private Button editPackButton;
    @FXML private Button removePackButton;
    @FXML private Button importPacksButton;
    @FXML private Button undoImportButton;
    @FXML private Label importResultLabel;
    @FXML private Button upgradePackButton;
    @FXML private Label packsProblemLabel;
    @FXML private Label packsSourceLabel;
    @FXML private ToolBar packsToolbar;
    @FXML private MenuItem upgradePackMenuItem;
    @FXML private MenuItem renewPackMenuItem;
    @FXML private Button renewPackButton;
    @FXML private MenuItem editPackMenuItem;
    @FXML private MenuItem removePackMenuItem;
    @FXML private MenuItem copyPackIdMenuItem;
    @FXML private MenuItem addPackMenuItem;
    @FXML private MenuItem importPacksMenuItem;
    @FXML private MenuItem undoImportMenuItem;

    public PacksController(PacksViewModel vm, UpgradeDialogs upgrades, AccountSelector<NasAccount> switcher,
                           AccountEditor editor) {
        this.vm = vm;
        this.upgrades = upgrades;
        this.switcher = switcher;
        this.editor = editor;
    }

    @FXML
    private void initialize() {
        packLabelColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pack().label()));
        packIdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pack().id()));
        packCapacityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pack().capacityGb()));
        packExpiryColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(expiryText(c.getValue())));
        packExpiryColumn.setCellFactory(column -> new ExpiryCell());
        packRegionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().region()));
        packPayTypeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().payTypeText()));
        packUpgradeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastUpgradeText()));
        SortedList<PackRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(packTable.comparatorProperty());
        packTable.setItems(sorted);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> vm.account() == null ? ""
                : Texts.get("packs.placeholder"), vm.accountProperty()));
        packTable.setPlaceholder(placeholder);
        packFilterField.textProperty().bindBidirectional(vm.filterProperty());
        var selected = packTable.getSelectionModel().selectedItemProperty();
        var none = Bindings.isNull(selected);
        var notEditable = Bindings.createBooleanBinding(() -> !vm.editable(), vm.accountProperty());
        editPackButton.disableProperty().bind(none.or(notEditable));
        removePackButton.disableProperty().bind(editPackButton.disableProperty());
        upgradePackButton.disableProperty().bind(none.or(vm.accountProperty().isNull()));
        addPackButton.disableProperty().bind(notEditable);
        importPacksButton.disableProperty().bind(notEditable);
        undoImportButton.disableProperty().bind(notEditable.or(vm.undoAvailableProperty().not()));
        importResultLabel.visibleProperty().bind(importResultLabel.textProperty().isNotEmpty());
        importResultLabel.managedProperty().bind(importResultLabel.visibleProperty());
        vm.accountProperty().addListener((o, a, b) -> importResultLabel.setText(""));
        packsProblemLabel.textProperty().bind(vm.problemProperty());
        packsProblemLabel.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        packsProblemLabel.managedProperty().bind(packsProblemLabel.visibleProperty());
        packsSourceLabel.textProperty().bind(vm.sourceTextProperty());
        packTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && packTable.getSelectionModel().getSelectedItem() != null) {
                openUpgrade();
            }
        });
        bindAccountChoice();
        installActions();
    }

    /** Icons and tooltips for the actions, the compact tool bar, and the rows' context menu with the same actions. */
    private void installActions() {
        Map<javafx.scene.control.ButtonBase, Ikon> icons = new LinkedHashMap<>();
        icons.put(addPackButton, Feather.PLUS);
        icons.put(editPackButton, Feather.EDIT_2);
        icons.put(removePackButton, Feather.TRASH_2);
        icons.put(importPacksButton, Feather.UPLOAD);
        icons.put(undoImportButton, Feather.ROTATE_CCW);
        icons.put(renewPackButton, Feather.CALENDAR);
        icons.put(upgradePackButton, Feather.TRENDING_UP);
        PackToolbar.install(packsToolbar, icons);
        PackToolbar.decorate(upgradePackMenuItem, Feather.TRENDING_UP);
        PackToolbar.decorate(renewPackMenuItem, Feather.CALENDAR);
        PackToolbar.decorate(editPackMenuItem, Feather.EDIT_2);
        PackToolbar.decorate(removePackMenuItem, Feather.TRASH_2);
        PackToolbar.decorate(copyPackIdMenuItem, Feather.COPY);
        PackToolbar.decorate(addPackMenuItem, Feather.PLUS);
        PackToolbar.decorate(importPacksMenuItem, Feather.UPLOAD);
        PackToolbar.decorate(undoImportMenuItem, Feather.ROTATE_CCW);
        upgradePackMenuItem.disableProperty().bind(upgradePackButton.disableProperty());
        renewPackButton.disableProperty().bind(upgradePackButton.disableProperty());
        renewPackMenuItem.disableProperty().bind(renewPackButton.disableProperty());
        editPackMenuItem.disableProperty().bind(editPackButton.disableProperty());
        removePackMenuItem.disableProperty().bind(removePackButton.disableProperty());
        copyPackIdMenuItem.disableProperty().bind(Bindings.isNull(packTable.getSelectionModel()
                .selectedItemProperty()));
        addPackMenuItem.disableProperty().bind(addPackButton.disableProperty());
        importPacksMenuItem.disableProperty().bind(importPacksButton.disableProperty());
        undoImportMenuItem.disableProperty().bind(undoImportButton.disableProperty());
    }

    @FXML
    private void copyPackId() {
        PackRow row = packTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            io.expanse.ui.common.Clipboards.putText(row.pack().id());
        }
    }

    private void bindAccountChoice() {
        AccountChoiceBox.bind(packsAccountChoice, switcher);
        editPacksAccountButton.disableProperty().bind(Bindings.createBooleanBinding(() -> editor == null
                || packsAccountChoice.getValue() == null || packsAccountChoice.getValue().sandbox(),
                packsAccountChoice.valueProperty()));
        if (switcher.currentProperty().get() == null) {
            switcher.openInitial();
        }
    }

    @FXML
    private void editPacksAccount() {
        AccountChoice choice = packsAccountChoice.getValue();
        if (editor != null && choice != null && !choice.sandbox()) {
            editor.edit(window(), choice.profile());
        }
    }

    private Window window() {
        return packTable.getScene() == null ? null : packTable.getScene().getWindow();
    }

    @FXML
    private void addPack() {
        edit(null);
    }

    @FXML
    private void editPack() {
        PackRow row = packTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            edit(row.pack());
        }
    }

    private void edit(ResourcePack existing) {
        PackEditor editor = new PackEditor(window(), vm, existing);
        editor.dialog().setOnHidden(e -> {
            ResourcePack result = editor.dialog().getResult();
            if (result != null) {
                vm.save(existing == null ? null : existing.id(), result, this::showError);
            }
        });
        editor.dialog().show();
    }

    @FXML
    private void removePack() {
        PackRow row = packTable.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        ButtonType cancel = Buttons.cancel();
        ButtonType remove = Buttons.confirm("packs.button.removePack");
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Texts.get("packs.remove.text",
                row.pack().displayName(), row.pack().id()), cancel, remove);
        Fonts.apply(confirm);
        confirm.initOwner(window());
        confirm.setTitle(Texts.get("packs.remove.header"));
        confirm.setHeaderText(Texts.get("packs.remove.header"));
        ((Button) confirm.getDialogPane().lookupButton(remove)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        confirm.showAndWait().filter(b -> b == remove)
                .ifPresent(b -> vm.remove(row.pack().id(), this::showError));
    }

    @FXML
    private void importPacks() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("packs.import.chooserTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            importFile(file.toPath());
        }
    }

    /**
     * Reads the CSV file in the background and shows what importing it would do; nothing changes until the operator
     * chooses Import there. (The file chooser's step, kept apart so that it can be driven without one.)
     */
    public void importFile(Path file) {
        importResultLabel.setText("");
        vm.previewImport(file, preview -> showPreview(file, preview), this::showError);
    }

    private void showPreview(Path file, PackImport.Preview preview) {
        Stage stage = new Stage();
        stage.initOwner(window());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get("packs.import.title", file.getFileName().toString()));
        ImportPreviewViewModel model = new ImportPreviewViewModel(preview, file.getFileName().toString());
        ImportPreviewController controller = new ImportPreviewController(model,
                () -> vm.applyImport(preview, summary -> {
                    stage.close();
                    importResultLabel.setText(Texts.get("packs.import.done", file.getFileName().toString(), summary));
                }, model::failed),
                stage::close);
        Scene scene = new Scene(Fxml.loadWith("import-preview.fxml", controller).root());
        if (window() != null && window().getScene() != null) {
            scene.getStylesheets().setAll(window().getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    @FXML
    private void undoImport() {
        vm.undoImport(message -> {
            if (message == null) {
                importResultLabel.setText(Texts.get("packs.import.undone"));
            } else {
                showError(message);
            }
        });
    }

    /** The expiry with the days left when within 30 days, or how long ago it passed. */
    static String expiryText(PackRow row) {
        String date = row.pack().expiresOn() == null ? "" : row.pack().expiresOn();
        if (row.expired()) {
            return Texts.get("packs.expiry.expired", date, -row.daysLeft());
        }
        return row.expiresSoon() ? Texts.get("packs.expiry.left", date, row.daysLeft()) : date;
    }

    /**
     * An expiry cell: flagged with its words and the style classes {@code pack-expired} or {@code pack-expiring}
     * (coloured as the status cells are: {@code status-bad}, {@code status-wait}).
     */
    private static final class ExpiryCell extends javafx.scene.control.TableCell<PackRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            PackRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : text);
            // The whole text when the column is too narrow for it.
            setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            mark("pack-expired", row != null && row.expired());
            mark("pack-expiring", row != null && row.expiresSoon());
            mark("status-bad", row != null && row.expired());
            mark("status-wait", row != null && row.expiresSoon());
        }

        private void mark(String styleClass, boolean on) {
            if (on != getStyleClass().contains(styleClass)) {
                if (on) {
                    getStyleClass().add(styleClass);
                } else {
                    getStyleClass().remove(styleClass);
                }
            }
        }
    }

    @FXML
    private void openRenew() {
        PackRow row = packTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            upgrades.openRenew(window(), row.pack());
        }
    }

    @FXML
    private void openUpgrade() {
        PackRow row = packTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            upgrades.open(window(), row.pack());
        }
    }

    private void showError(String message) {
        if (message == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.ERROR, message, Buttons.close());
        Fonts.apply(a);
        a.initOwner(window());
        a.show();
    }
}
