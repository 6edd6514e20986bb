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

    /**
     * Deletes the temporary files that {@link #write} left in {@code dir} when the process died before moving them
     * ({@code <name>.<digits>.tmp}). Call it when opening a store, before anything writes there. Never throws; returns
     * how many were removed.
     */
    public static int removeStaleTemps(Path dir) {
        return removeStaleTemps(dir, null);
    }

    /**
     * As {@link #removeStaleTemps(Path)}, but only the temporary files of {@code targetName} (for a folder that other
     * stores write to at the same time: their temporary files are left alone). Null means every target.
     */
    public static int removeStaleTemps(Path dir, String targetName) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.newDirectoryStream(dir, "*.tmp")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (isTempOf(name, targetName) && Files.isRegularFile(f)) {
                    try {
                        Files.deleteIfExists(f);
                        removed++;
                    } catch (IOException e) {
                        LOG.debug("Could not delete the stale temporary file {}", f, e);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not list {} for stale temporary files", dir, e);
        }
        if (removed > 0) {
            LOG.info("Removed {} temporary file(s) left in {} by an interrupted write", removed, dir);
        }
        return removed;
    }

    private static boolean isTempOf(String name, String targetName) {
        String stem = name.substring(0, name.length() - ".tmp".length());
        int dot = stem.lastIndexOf('.');
        if (dot <= 0 || dot == stem.length() - 1 || !stem.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return false;
        }
        return targetName == null || stem.substring(0, dot).equals(targetName);
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
