package io.expanse.ui.profiles;

import io.expanse.ui.common.Fonts;
import io.expanse.text.Texts;
import io.expanse.settings.ConnectionTester;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.ui.common.Fxml;
import io.expanse.ui.common.task.TaskExecutor;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the profile editor; the lead's composition root makes one and calls {@link #openEditor}. */
public final class ProfilesModule {

    private final Fxml fxml;
    private final ProfileRepository repository;
    private final ConnectionTester tester;
    private final TaskExecutor tasks;
    private final String keyringNotice;

    /**
     * @param tasks         runs the editor's blocking work (keyring, settings file, connection tests)
     * @param keyringNotice {@link io.expanse.settings.SecretStores.Choice#notice()}: null when a keyring works
     */
    public ProfilesModule(Fxml fxml, ProfileRepository repository, ConnectionTester tester, TaskExecutor tasks,
                          String keyringNotice) {
        this.fxml = Objects.requireNonNull(fxml, "fxml");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.keyringNotice = keyringNotice;
    }

    /**
     * Shows the editor in its own window (modal to {@code owner} when given) and returns at once.
     *
     * @param existing the profile to edit, or null for a new one
     * @param onSaved  called on the FX thread with the saved profile
     * @return the editor's window
     */
    public Stage openEditor(Window owner, Profile existing, Consumer<Profile> onSaved) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        ProfileEditorViewModel model = new ProfileEditorViewModel(repository, tester, tasks, keyringNotice,
                existing);
        ProfileEditorController controller = new ProfileEditorController(model, onSaved, stage::close);
        Fxml.View<ProfileEditorController> view = fxml.load("profile-editor.fxml", controller);
        // In a scroll pane: the window grows with a long message (EditorSizing) up to the screen, then scrolls.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(view.root());
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        Scene scene = new Scene(scroll);
        var css = ProfilesModule.class.getResource("/io/expanse/ui/app.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        Fonts.apply(scene);
        stage.setScene(scene);
        stage.setResizable(true);
        EditorSizing.install(stage, scroll, (javafx.scene.layout.Region) view.root());
        stage.setTitle(existing == null ? Texts.get("profile.title.new") : Texts.get("profile.title.edit",
                existing.label()));
        EditorSizing.preferWholeForm(scroll, (javafx.scene.layout.Region) view.root());
        stage.show();
        return stage;
    }
}
