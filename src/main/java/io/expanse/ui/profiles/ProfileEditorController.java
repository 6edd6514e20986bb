package io.expanse.ui.profiles;

import java.util.List;

import io.expanse.text.Texts;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.Profile;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The profile editor view ({@code profile-editor.fxml}): binds the fields to a {@link ProfileEditorViewModel}. */
public final class ProfileEditorController {

    private final ProfileEditorViewModel model;
    private final Consumer<Profile> onSaved;
    private final Runnable onClose;

    @FXML private ComboBox<Profile.Kind> kindChoice;
    @FXML private TextField labelField;
    @FXML private Label siteLabel;
    @FXML private ComboBox<Profile.Site> siteChoice;
    @FXML private TextField regionField;
    @FXML private Label projectLabel;
    @FXML private TextField projectField;
    @FXML private Label enterpriseProjectLabel;
    @FXML private TextField enterpriseProjectField;
    @FXML private javafx.scene.layout.VBox enterpriseProjectBox;
    @FXML private javafx.scene.control.MenuButton enterpriseProjectPicker;
    @FXML private Label enterpriseProjectInfo;
    @FXML private Label accessKeyLabel;
    @FXML private TextField accessKeyField;
    @FXML private Label secretKeyLabel;
    @FXML private PasswordField secretKeyField;
    @FXML private CheckBox temporaryCheck;
    @FXML private Label tokenLabel;
    @FXML private PasswordField tokenField;
    @FXML private TextField endpointField;
    @FXML private Label sourceLabel;
    @FXML private VBox keyringBox;
    @FXML private Label keyringNoticeLabel;
    @FXML private CheckBox keepForRunCheck;
    @FXML private Button testButton;
    @FXML private ProgressIndicator testProgress;
    @FXML private Label testResultLabel;
    @FXML private Label problemsLabel;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;

    /**
     * @param onSaved called with the saved profile (FX thread)
     * @param onClose closes the window
     */
    public ProfileEditorController(ProfileEditorViewModel model, Consumer<Profile> onSaved, Runnable onClose) {
        this.model = model;
        this.onSaved = onSaved;
        this.onClose = onClose;
    }

    /**
     * Choose by name: opening the menu lists the enterprise projects the key may see (once per opening of the
     * editor); choosing one puts its ID in the field. The name of the ID in the field, or why none could be
     * listed, shows under it.
     */
    private void bindEnterpriseProjectPicker() {
        javafx.scene.control.MenuItem all = new javafx.scene.control.MenuItem(Texts.get("profile.ep.all"));
        all.setId("enterpriseProjectAllItem");
        all.setOnAction(e -> model.enterpriseProjectIdProperty().set("all"));
        Runnable fill = () -> {
            List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
            items.add(all);
            for (var p : model.enterpriseProjects()) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(
                        Texts.get("profile.ep.item", p.name() == null ? p.id() : p.name(), p.id()));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> model.chooseEnterpriseProject(p));
                items.add(item);
            }
            enterpriseProjectPicker.getItems().setAll(items);
        };
        model.enterpriseProjects().addListener((javafx.collections.ListChangeListener<Object>) c -> fill.run());
        fill.run();
        boolean[] loaded = new boolean[1];
        enterpriseProjectPicker.setOnShowing(e -> {
            if (!loaded[0] || model.enterpriseProjects().isEmpty()) {
                loaded[0] = true;
                model.loadEnterpriseProjects();
            }
        });
        enterpriseProjectInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            String note = model.enterpriseProjectNoteProperty().get();
            return note != null ? note : model.enterpriseProjectNameProperty().get();
        }, model.enterpriseProjectNoteProperty(), model.enterpriseProjectNameProperty()));
        var info = enterpriseProjectInfo.textProperty().isNotEmpty();
        enterpriseProjectInfo.visibleProperty().bind(info);
        enterpriseProjectInfo.managedProperty().bind(info);
    }

    @FXML
    void initialize() {
        kindChoice.getItems().setAll(Profile.Kind.values());
        kindChoice.setConverter(converter(k -> Texts.get(k == Profile.Kind.HUAWEI ? "profile.kind.huawei"
                : "profile.kind.unicloud")));
        kindChoice.valueProperty().bindBidirectional(model.kindProperty());
        kindChoice.setDisable(!model.isNew());
        siteChoice.getItems().setAll(Profile.Site.values());
        siteChoice.setConverter(converter(s -> Texts.get(s == Profile.Site.CHINA ? "profile.site.china"
                : "profile.site.international")));
        siteChoice.valueProperty().bindBidirectional(model.siteProperty());

        labelField.textProperty().bindBidirectional(model.labelProperty());
        regionField.textProperty().bindBidirectional(model.regionProperty());
        projectField.textProperty().bindBidirectional(model.projectIdProperty());
        enterpriseProjectField.textProperty().bindBidirectional(model.enterpriseProjectIdProperty());
        accessKeyField.textProperty().bindBidirectional(model.accessKeyIdProperty());
        secretKeyField.textProperty().bindBidirectional(model.secretKeyProperty());
        tokenField.textProperty().bindBidirectional(model.securityTokenProperty());
        temporaryCheck.selectedProperty().bindBidirectional(model.temporaryProperty());
        endpointField.textProperty().bindBidirectional(model.endpointProperty());
        keepForRunCheck.selectedProperty().bindBidirectional(model.keepForThisRunProperty());

        var huawei = model.kindProperty().isEqualTo(Profile.Kind.HUAWEI);
        for (var node : new javafx.scene.Node[] {siteLabel, siteChoice, projectLabel, projectField,
                enterpriseProjectLabel, enterpriseProjectBox, temporaryCheck}) {
            node.visibleProperty().bind(huawei);
            node.managedProperty().bind(huawei);
        }
        var tokenShown = huawei.and(model.temporaryProperty());
        tokenLabel.visibleProperty().bind(tokenShown);
        tokenLabel.managedProperty().bind(tokenShown);
        tokenField.visibleProperty().bind(tokenShown);
        tokenField.managedProperty().bind(tokenShown);
        accessKeyLabel.textProperty().bind(Bindings.when(huawei).then(Texts.get("profile.label.accessKey"))
                .otherwise(Texts.get("profile.unicloud.accessKey")));
        secretKeyLabel.textProperty().bind(Bindings.when(huawei).then(Texts.get("profile.label.secretKey"))
                .otherwise(Texts.get("profile.unicloud.secretKey")));
        endpointField.promptTextProperty().bind(Bindings.when(huawei)
                .then(Texts.get("profile.endpoint.prompt.huawei"))
                .otherwise(Texts.get("profile.endpoint.prompt.unicloud")));
        // Whether a secret is stored is asked off the FX thread; the hints follow the answer.
        model.storedSecretProperty().addListener((o, a, stored) -> showStoredSecretHints());
        showStoredSecretHints();
        if (model.readOnlyCredentials()) {
            accessKeyField.setEditable(false);
            secretKeyField.setDisable(true);
            secretKeyField.setPromptText(Texts.get("profile.secret.fromSdk"));
            tokenField.setDisable(true);
            temporaryCheck.setDisable(true);
            sourceLabel.setText(Texts.get("profile.source.sdk"));
        }
        sourceLabel.setVisible(model.readOnlyCredentials());
        sourceLabel.setManaged(model.readOnlyCredentials());

        boolean noKeyring = model.keyringNotice() != null && !model.readOnlyCredentials();
        keyringBox.setVisible(noKeyring);
        keyringBox.setManaged(noKeyring);
        keyringNoticeLabel.setText(model.keyringNotice());

        projectField.promptTextProperty().set(Texts.get("profile.project.prompt"));
        enterpriseProjectField.setPromptText(Texts.get("profile.enterpriseProject.prompt"));
        bindEnterpriseProjectPicker();
        testButton.disableProperty().bind(model.testingProperty());
        testProgress.visibleProperty().bind(model.testingProperty());
        testResultLabel.textProperty().bind(model.testMessageProperty());
        model.testOutcomeProperty().addListener((o, old, outcome) -> {
            testResultLabel.getStyleClass().removeAll("success", "danger", "warning");
            if (outcome != null) {
                testResultLabel.getStyleClass().add(outcome == ConnectionTester.Outcome.OK ? "success"
                        : outcome == ConnectionTester.Outcome.KEY_WORKS ? "warning" : "danger");
            }
        });
        problemsLabel.textProperty().bind(Bindings.when(model.saveErrorProperty().isEmpty())
                .then(model.problemsBinding()).otherwise(model.saveErrorProperty()));
        saveButton.disableProperty().bind(model.canSaveBinding().not());
    }

    @FXML
    void onTest() {
        model.testConnection();
    }

    private void showStoredSecretHints() {
        if (!model.hasStoredSecret()) {
            return;
        }
        if (!model.readOnlyCredentials()) {
            secretKeyField.setPromptText(Texts.get("profile.secret.stored"));
        }
        tokenField.setPromptText(Texts.get("profile.secret.stored"));
    }

    @FXML
    void onSave() {
        model.save(p -> {
            onSaved.accept(p);
            onClose.run();
        });
    }

    @FXML
    void onCancel() {
        onClose.run();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
