package io.expanse.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where an export starts: the documents folder, never the working directory. */
class UserFoldersTest {

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "'XDG_DOCUMENTS_DIR=\"$HOME/文档\"', 文档",
        "'XDG_DOCUMENTS_DIR=\"$HOME/Docs\"', Docs",
        "'# comment\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Docs\"', Docs",
        "'XDG_DOCUMENTS_DIR=\"$HOME/\"', -",
        "'XDG_DOCUMENTS_DIR=\"relative/path\"', -",
        "'XDG_DESKTOP_DIR=\"$HOME/Desktop\"', -"})
    void theXdgLineIsRead(String file, String expected) throws Exception {
        Path dirs = home.resolve("user-dirs.dirs");
        Files.writeString(dirs, file);
        assertEquals(expected == null ? null : home.resolve(expected), UserFolders.xdgDocuments(dirs, home));
    }

    @Test
    void theXdgFolderWinsWhenItExistsThenDocumentsThenTheHome() throws Exception {
        assertEquals(home, UserFolders.documents(Map.of(), home), "nothing there: the home");
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Documents"), UserFolders.documents(Map.of(), home));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n");
        assertEquals(home.resolve("Documents"), UserFolders.documents(Map.of(), home), "文档 does not exist");
        Files.createDirectories(home.resolve("文档"));
        assertEquals(home.resolve("文档"), UserFolders.documents(Map.of(), home));
        Path other = Files.createDirectories(home.resolve("cfg"));
        Files.writeString(other.resolve("user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n");
        assertEquals(home.resolve("Documents"), UserFolders.documents(Map.of("XDG_CONFIG_HOME",
                other.toString()), home));
    }
}
