package io.expanse.ui.main;

import io.expanse.text.Texts;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** Help → About: version, folders (each with a copy button) and the bundled libraries' licences. */
public final class AboutController {

    private final AboutInfo info;
    private final Runnable close;

    @FXML private Label versionLabel;
    @FXML private Label dataFolderLabel;
    @FXML private Label settingsFolderLabel;
    @FXML private Label logFolderLabel;
    @FXML private Label copiedLabel;
    @FXML private ListView<String> librariesList;

    public AboutController(AboutInfo info, Runnable close) {
        this.info = info;
        this.close = close;
    }

    @FXML
    private void initialize() {
        versionLabel.setText(Texts.get("about.version", info.version()));
        dataFolderLabel.setText(info.data().toString());
        settingsFolderLabel.setText(info.settings().toString());
        logFolderLabel.setText(info.logs().toString());
        librariesList.getItems().setAll(info.libraries());
    }

    @FXML
    private void copyDataFolder() {
        copy(info.data(), Texts.get("about.copied.data"));
    }

    @FXML
    private void copySettingsFolder() {
        copy(info.settings(), Texts.get("about.copied.settings"));
    }

    @FXML
    private void copyLogFolder() {
        copy(info.logs(), Texts.get("about.copied.logs"));
    }

    @FXML
    private void close() {
        close.run();
    }

    private void copy(Path path, String copiedText) {
        io.expanse.ui.common.Clipboards.putText(path.toString());
        copiedLabel.setText(copiedText);
    }
}
