package io.expanse.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsTheFolderAndTheFile() throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("file.json");

        AtomicFiles.write(target, "one".getBytes(StandardCharsets.UTF_8));

        assertEquals("one", Files.readString(target));
        assertEquals(List.of("file.json"), listing(target.getParent()));
    }

    @Test
    void replacesTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("file.json");
        Files.writeString(target, "a much longer old content");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of("file.json"), listing(dir));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndDeletesTheTemporaryOne() throws IOException {
        Path target = dir.resolve("file.json");
        Files.writeString(target, "old");
        byte[] content = "new content".getBytes(StandardCharsets.UTF_8);

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, content, (temp, bytes) -> {
            Files.write(temp, Arrays.copyOf(bytes, 3));
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertEquals(List.of("file.json"), listing(dir));
    }

    @Test
    void aRuntimeFailureIsCleanedUpToo() throws IOException {
        Path target = dir.resolve("file.json");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, new byte[1], (temp, bytes) -> {
            throw new IllegalStateException("bug");
        }));

        assertEquals(List.of(), listing(dir));
    }
}
