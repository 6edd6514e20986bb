package io.expanse.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderCheckTest {

    @TempDir
    Path dir;

    @Test
    void aWritableFolderIsCreatedAndLeftClean() throws IOException {
        Path data = dir.resolve("a/b/data");
        assertEquals(Optional.empty(), FolderCheck.check("data folder", data));
        assertTrue(Files.isDirectory(data));
        try (var files = Files.list(data)) {
            assertEquals(0, files.count(), "the probe file is removed");
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("expanse"), "not a folder");
        FolderCheck.Problem p = FolderCheck.check("data folder", blocker.resolve("data")).orElseThrow();
        assertEquals(FolderCheck.Reason.NOT_A_FOLDER, p.reason());
        assertEquals("Expanse cannot use its data folder " + blocker.resolve("data")
                + ": a file stands where that folder, or a folder above it, should be.", p.sentence());
    }

    @Test
    void aFullDiskIsSaidToBeFull() {
        FolderCheck.Problem p = FolderCheck.check("settings folder", dir, folder -> {
            throw new FileSystemException(folder.resolve("probe").toString(), null, "No space left on device");
        }).orElseThrow();
        assertEquals(FolderCheck.Reason.FULL, p.reason());
        assertTrue(p.sentence().endsWith(": the disk is full."), p.sentence());
        assertFalse(p.sentence().contains("Exception"), p.sentence());
    }

    @Test
    void theOperatingSystemsWordsMapToReasons() {
        assertEquals(FolderCheck.Reason.READ_ONLY,
                FolderCheck.reason(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals(FolderCheck.Reason.PERMISSION, FolderCheck.reason(new AccessDeniedException("/x")));
        assertEquals(FolderCheck.Reason.FULL,
                FolderCheck.reason(new IOException("There is not enough space on the disk")));
        assertEquals(FolderCheck.Reason.FULL, FolderCheck.reason(new IOException("Disk quota exceeded")));
        assertEquals(FolderCheck.Reason.OTHER, FolderCheck.reason(new IOException("Input/output error")));
    }

    @Test
    void everyUnusableFolderIsListed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocked"), "x");
        AppDirs dirs = new AppDirs(blocker.resolve("data"), dir.resolve("config"), blocker.resolve("logs"));
        List<FolderCheck.Problem> problems = FolderCheck.check(dirs);
        assertEquals(List.of("data folder", "log folder"), problems.stream().map(FolderCheck.Problem::what).toList());
    }
}
