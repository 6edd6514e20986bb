package io.expanse.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that a crash at any moment leaves either the old content or the new, never a mix: the bytes go
 * to a temporary file in the same folder, which is forced to disk and then moved over the target (atomically where
 * the file system can, else with a plain replacing move); last the folder itself is forced, where the platform
 * allows it (not on Windows), so that the rename survives a power cut too.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    /** Writes the new content into the temporary file and forces it to disk; a seam for crash tests. */
    @FunctionalInterface
    public interface TempWriter {
        void write(Path temp, byte[] content) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content}, creating its folder if needed. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, AtomicFiles::writeAndForce);
    }

    /**
     * As {@link #write(Path, byte[])}, with the temporary file filled by {@code tempWriter}. When anything fails
     * the temporary file is deleted and {@code target} is left as it was.
     */
    public static void write(Path target, byte[] content, TempWriter tempWriter) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
        try {
            tempWriter.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceDirectory(dir);
    }

    /** The default {@link TempWriter}: writes every byte and forces content and metadata to disk. */
    public static void writeAndForce(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes a rename in {@code dir} durable where the platform allows opening a folder for reading. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("Directory sync not available for {}", dir, e);
        }
    }
}
