package io.expanse.ui.main;

import io.expanse.ui.common.Fonts;
import javafx.scene.control.RadioMenuItem;
import java.util.Locale;
import io.expanse.files.AppDirs;
import io.expanse.logging.LogFolder;
import io.expanse.settings.Profile;
import io.expanse.text.Texts;
import io.expanse.ui.common.AccountChoice;
import io.expanse.ui.common.AccountChoiceBox;
import io.expanse.ui.common.AccountSelector;
import io.expanse.ui.common.Buttons;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.profiles.ProfilesModule;
import io.expanse.ui.volumes.VolumesController;
import io.expanse.ui.volumes.VolumesViewModel;
import io.expanse.work.accounts.EvsAccount;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** The window frame: menus, the account selector, start-up notices, the sandbox badge and the status line. */
public final class MainController {

    private final Session session;
    private final VolumesViewModel volumes;
    private final AccountSelector<EvsAccount> switcher;
    private final ProfilesModule profilesModule;
    private final Consumer<Profile> packsProfileSaved;
    private final AppDirs dirs;
    private final List<String> notices;
    private final KeyringNotice keyringNotice;
    /** Whether the operator dismissed the start-up notices (for this run; the keyring notice remembers its own). */
    private boolean noticesDismissed;
    private final TaskExecutor tasks;
    private final Fxml fxml;
    private final Appearance appearance;

    @FXML private Label sandboxBadge;
    @FXML private ComboBox<AccountChoice> accountChoice;
    @FXML private Button editAccountButton;
    @FXML private MenuItem editProfileItem;
    @FXML private MenuItem deleteProfileItem;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem filterItem;
    @FXML private MenuItem clearFilterItem;
    @FXML private MenuItem copyIdItem;
    @FXML private MenuItem expandItem;
    @FXML private javafx.scene.control.TabPane resourceTabs;
    @FXML private Tab volumesTab;
    @FXML private RadioMenuItem englishItem;
    @FXML private RadioMenuItem chineseItem;
    @FXML private RadioMenuItem systemThemeItem;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private HBox noticeBar;
    @FXML private Label noticeLabel;
    @FXML private Label statusLabel;
    @FXML private VolumesController volumesController;
    @FXML private Tab packsTab;

    /** @param packsProfileSaved tells the packs view's selector that a profile was saved */
    public MainController(Session session, VolumesViewModel volumes, AccountSelector<EvsAccount> switcher,
                          ProfilesModule profilesModule, Consumer<Profile> packsProfileSaved, AppDirs dirs,
                          List<String> notices, TaskExecutor tasks, Fxml fxml, Appearance appearance) {
        this(session, volumes, switcher, profilesModule, packsProfileSaved, dirs, notices, KeyringNotice.NONE, tasks,
                fxml, appearance);
    }

    /** @param keyringNotice the notice that no keyring is available, shown apart from the start-up notices */
    public MainController(Session session, VolumesViewModel volumes, AccountSelector<EvsAccount> switcher,
                          ProfilesModule profilesModule, Consumer<Profile> packsProfileSaved, AppDirs dirs,
                          List<String> notices, KeyringNotice keyringNotice, TaskExecutor tasks, Fxml fxml,
                          Appearance appearance) {
        this.keyringNotice = keyringNotice;
        this.appearance = appearance;
        this.tasks = tasks;
        this.fxml = fxml;
        this.session = session;
        this.volumes = volumes;
        this.switcher = switcher;
        this.profilesModule = profilesModule;
        this.packsProfileSaved = packsProfileSaved;
        this.dirs = dirs;
        this.notices = List.copyOf(notices);
    }

    @FXML
    private void initialize() {
        var sandbox = Bindings.createBooleanBinding(
                () -> session.connection() != null && session.connection().sandbox(), session.connectionProperty());
        sandboxBadge.visibleProperty().bind(sandbox);
        sandboxBadge.managedProperty().bind(sandbox);
        // In a narrow window the badge gives way first: its whole text stays in a tooltip.
        sandboxBadge.setTooltip(new javafx.scene.control.Tooltip(sandboxBadge.getText()));
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String flash = session.flash().messageProperty().get();
            String problem = session.problemProperty().get();
            return flash != null ? flash : problem != null ? problem : volumes.statusLineProperty().get();
        }, session.flash().messageProperty(), session.problemProperty(), volumes.statusLineProperty()));

        AccountChoiceBox.bind(accountChoice, switcher);
        var noProfile = Bindings.createBooleanBinding(() -> accountChoice.getValue() == null
                || accountChoice.getValue().sandbox(), accountChoice.valueProperty());
        editAccountButton.disableProperty().bind(noProfile);
        editProfileItem.disableProperty().bind(noProfile);
        // Profiles read from the SDK's environment or credentials file are not Expanse's to delete.
        deleteProfileItem.disableProperty().bind(Bindings.createBooleanBinding(() -> accountChoice.getValue() == null
                || accountChoice.getValue().sandbox()
                || accountChoice.getValue().profile().source() != Profile.Source.SETTINGS,
                accountChoice.valueProperty()));

        showNotices();
        // The keyring notice is about keeping secrets: not shown while on the sandbox, which has none.
        session.connectionProperty().addListener((o, a, b) -> showNotices());
        switcher.currentProperty().addListener((o, a, b) -> showNotices());
        boolean chinese = Texts.CHINESE.equals(appearance.language());
        (chinese ? chineseItem : englishItem).setSelected(true);
        (switch (appearance.theme()) {
            case SYSTEM -> systemThemeItem;
            case LIGHT -> lightThemeItem;
            case DARK -> darkThemeItem;
        }).setSelected(true);
        loadPacksWhenFirstShown();
        installAccelerators();
    }

    /**
     * The menus' accelerators, from the one table of shortcuts ({@link Shortcut}). Enter, Ctrl+C and Esc act only
     * while the focus is in the volumes view (Enter only in its table, Ctrl+C not in its filter box, which has its
     * own): elsewhere the key keeps its usual meaning (copy in a text field, Esc in the activity filter). The table
     * handles Enter and Ctrl+C itself as well (VolumesController), with the same effect.
     */
    private void installAccelerators() {
        refreshItem.setAccelerator(Shortcut.REFRESH.accelerator(() -> true));
        filterItem.setAccelerator(Shortcut.FILTER.accelerator(() -> true));
        clearFilterItem.setAccelerator(Shortcut.CLEAR_FILTER.accelerator(() -> inVolumesView(false)
                && !filterText().isEmpty()));
        copyIdItem.setAccelerator(Shortcut.COPY_ID.accelerator(() -> inVolumesView(true)));
        // Enter only from the table itself: on a focused button of the toolbar it stays that button's key.
        expandItem.setAccelerator(Shortcut.EXPAND.accelerator(() -> inVolumesView(true)
                && statusLabel.getScene().getFocusOwner() instanceof javafx.scene.control.TableView));
        var noSelection = volumes.selectedRowProperty().isNull();
        copyIdItem.disableProperty().bind(noSelection);
        expandItem.disableProperty().bind(noSelection);
        clearFilterItem.disableProperty().bind(Bindings.createBooleanBinding(() -> filterText().isEmpty(),
                volumes.filterTextProperty()));
    }

    private String filterText() {
        String text = volumes.filterTextProperty().get();
        return text == null ? "" : text;
    }

    /** Whether the keyboard focus is in the volumes tab's view (and, if asked, not in a text field there). */
    private boolean inVolumesView(boolean notInText) {
        Scene scene = statusLabel.getScene();
        javafx.scene.Node focus = scene == null ? null : scene.getFocusOwner();
        if (focus == null || notInText && focus instanceof javafx.scene.control.TextInputControl) {
            return false;
        }
        for (javafx.scene.Node n = focus; n != null; n = n.getParent()) {
            if (n == volumesTab.getContent()) {
                return volumesTab.isSelected();
            }
        }
        return false;
    }

    /**
     * The NAS packs view (and with it the UniCloud account and its pack inventory) is loaded when its tab is first
     * selected: the first frame shows the volumes, and start-up does not wait for a view nobody has looked at yet.
     */
    private void loadPacksWhenFirstShown() {
        if (packsTab.getContent() != null) {
            return;
        }
        javafx.beans.value.ChangeListener<Boolean> load = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now && packsTab.getContent() == null) {
                    packsTab.selectedProperty().removeListener(this);
                    packsTab.setContent(fxml.load("packs.fxml").root());
                }
            }
        };
        packsTab.selectedProperty().addListener(load);
        load.changed(packsTab.selectedProperty(), false, packsTab.isSelected());
    }

    @FXML
    private void refresh() {
        volumes.refresh();
    }

    @FXML
    private void focusFilter() {
        resourceTabs.getSelectionModel().select(volumesTab);
        Platform.runLater(volumesController::focusFilter);
    }

    @FXML
    private void clearFilter() {
        volumes.filterTextProperty().set("");
    }

    @FXML
    private void copyId() {
        volumesController.copySelectedId();
    }

    @FXML
    private void expand() {
        volumesController.expandSelected();
    }

    @FXML
    private void useEnglish() {
        switchLanguage(Texts.ENGLISH);
    }

    @FXML
    private void useChinese() {
        switchLanguage(Texts.CHINESE);
    }

    /**
     * View → Language: the new language is remembered and the window's content is built again in it. Only the
     * views are rebuilt: the selected accounts, the volume list, running trackers and the activity list live in
     * the view models and carry on. Open dialogs keep their language until they are opened again.
     */
    private void switchLanguage(Locale locale) {
        if (locale.equals(appearance.language())) {
            return;
        }
        appearance.chooseLanguage(locale);
        Scene scene = statusLabel.getScene();
        Parent root = fxml.load("main.fxml").root();
        scene.setRoot(root);
        volumes.retranslate();
    }

    @FXML
    private void useSystemTheme() {
        appearance.chooseTheme(Appearance.Theme.SYSTEM);
    }

    @FXML
    private void useLightTheme() {
        appearance.chooseTheme(Appearance.Theme.LIGHT);
    }

    @FXML
    private void useDarkTheme() {
        appearance.chooseTheme(Appearance.Theme.DARK);
    }

    /** Help → Keyboard shortcuts: every shortcut of the main window, in a list. */
    @FXML
    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", Buttons.close());
        Fonts.apply(alert);
        alert.initOwner(statusLabel.getScene().getWindow());
        alert.setTitle(Texts.get("shortcuts.title"));
        alert.setHeaderText(Texts.get("shortcuts.header"));
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("shortcutsGrid");
        grid.setHgap(16);
        grid.setVgap(6);
        Shortcut[] rows = Shortcut.values();
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i].keys());
            key.getStyleClass().add("shortcut-key");
            Label what = new Label(rows[i].description());
            what.setWrapText(true);
            grid.addRow(i, key, what);
        }
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    @FXML
    private void newProfile() {
        profilesModule.openEditor(statusLabel.getScene().getWindow(), null, this::profileSaved);
    }

    @FXML
    private void editProfile() {
        AccountChoice choice = accountChoice.getValue();
        if (choice != null && !choice.sandbox()) {
            profilesModule.openEditor(statusLabel.getScene().getWindow(), choice.profile(), this::profileSaved);
        }
    }

    /**
     * A saved profile joins its selector: a Huawei one is switched to, so its volumes show at once; a UniCloud one
     * appears in the packs view's selector.
     */
    private void profileSaved(Profile saved) {
        switcher.reload();
        packsProfileSaved.accept(saved);
        if (saved.kind() == Profile.Kind.HUAWEI) {
            switcher.choices().stream().filter(c -> !c.sandbox() && c.profile().id().equals(saved.id()))
                    .findFirst().ifPresent(switcher::switchTo);
        }
    }

    /**
     * Deletes the selected profile and its stored secrets after a confirmation; the selector then shows the
     * sandbox. The activity journal keeps its rows: they are the record of what was changed.
     */
    @FXML
    private void deleteProfile() {
        AccountChoice choice = accountChoice.getValue();
        if (choice == null || choice.sandbox() || choice.profile().source() != Profile.Source.SETTINGS) {
            return;
        }
        Profile profile = choice.profile();
        ButtonType delete = Buttons.confirm("main.deleteProfile.delete");
        ButtonType cancel = Buttons.cancel();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Texts.get("main.deleteProfile.text"), delete,
                cancel);
        Fonts.apply(confirm);
        confirm.initOwner(statusLabel.getScene().getWindow());
        confirm.setTitle(Texts.get("main.deleteProfile.title"));
        confirm.setHeaderText(Texts.get("main.deleteProfile.header", profile.label()));
        // Deleting is not the default: Enter cancels.
        ((Button) confirm.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        confirm.getDialogPane().lookupButton(delete).setId("confirmDeleteProfileButton");
        // Destructive: red, and a focus ring of its own (app.css).
        confirm.getDialogPane().lookupButton(delete).getStyleClass().add("danger");
        confirm.showAndWait().filter(delete::equals).ifPresent(b -> switcher.delete(profile));
    }

    /** Whether the sandbox is (being) shown: the selector's choice, or the connection while it has none. */
    private boolean onSandbox() {
        var choice = switcher.currentProperty().get();
        if (choice != null) {
            return choice.sandbox();
        }
        return session.connection() == null || session.connection().sandbox();
    }

    /** The start-up notices (until dismissed) and the keyring notice (where it applies). */
    private void showNotices() {
        List<String> shown = new java.util.ArrayList<>(noticesDismissed ? List.of() : notices);
        if (keyringNotice.shownFor(onSandbox())) {
            shown.add(keyringNotice.text());
        }
        noticeLabel.setText(String.join("\n", shown));
        noticeBar.setVisible(!shown.isEmpty());
        noticeBar.setManaged(!shown.isEmpty());
    }

    @FXML
    private void dismissNotice() {
        if (keyringNotice.shownFor(onSandbox())) {
            keyringNotice.dismiss();
        }
        noticesDismissed = true;
        showNotices();
    }

    @FXML
    private void openLogFolder() {
        BackgroundTask.wrap(() -> {
            Files.createDirectories(dirs.logs());
            LogFolder.open(dirs.logs());
        }).onFailure(e -> showLogFolderPath()).executeWith(tasks);
    }

    /** No file manager could be started (none installed, or none on a server): the path, to copy. */
    private void showLogFolderPath() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", Buttons.close());
        Fonts.apply(alert);
        alert.setTitle("Expanse");
        alert.setHeaderText(Texts.get("main.logFolder.header"));
        TextField path = new TextField(dirs.logs().toString());
        path.setId("logFolderPathField");
        path.setEditable(false);
        path.setAccessibleText(Texts.get("main.logFolder.path.a11y"));
        Button copy = new Button(Texts.get("common.copy"));
        copy.setId("copyLogFolderPathButton");
        copy.setAccessibleText(Texts.get("about.button.copyLogFolder.a11y"));
        Label copied = new Label();
        copy.setOnAction(ev -> {
            io.expanse.ui.common.Clipboards.putText(dirs.logs().toString());
            copied.setText(Texts.get("main.logFolder.copied"));
        });
        HBox row = new HBox(8, path, copy, copied);
        HBox.setHgrow(path, Priority.ALWAYS);
        row.setPrefWidth(520);
        alert.getDialogPane().setContent(new VBox(8, new Label(
                Texts.get("main.logFolder.noFileManager")), row));
        alert.initOwner(statusLabel.getScene().getWindow());
        alert.show();
    }

    @FXML
    private void about() {
        Stage stage = new Stage();
        stage.initOwner(statusLabel.getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Texts.get("about.title"));
        AboutController controller = new AboutController(AboutInfo.read(dirs), stage::close);
        Parent root = fxml.load("about.fxml", controller).root();
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(statusLabel.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @FXML
    private void quit() {
        statusLabel.getScene().getWindow().hide();
    }
}
