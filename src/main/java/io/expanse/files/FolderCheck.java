package io.expanse.files;

import io.expanse.text.Texts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether Expanse can keep its files in a folder: the folder is created if missing, and a small probe file is
 * written, forced to disk and deleted. Run at start, before anything else touches the folders, so that an
 * unwritable or full disk is explained in a window (which folder, and why) instead of failing half-way.
 */
public final class FolderCheck {

    /** Why a folder cannot be used, in words for the operator. */
    public enum Reason {
        PERMISSION("files.folder.reason.permission"),
        READ_ONLY("files.folder.reason.readOnly"),
        FULL("files.folder.reason.full"),
        NOT_A_FOLDER("files.folder.reason.notAFolder"),
        OTHER("files.folder.reason.other");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        /** The reason in the language in use. */
        public String words() {
            return Texts.get(key);
        }
    }

    /**
     * A folder that cannot be used.
     *
     * @param what   which folder in words ("data folder", "settings folder", "log folder")
     * @param detail the system's own message, for the details part (never the sentence)
     */
    public record Problem(String what, Path folder, Reason reason, String detail) {
        /** "Expanse cannot use its data folder /home/li/.local/share/expanse: the disk is full." */
        public String sentence() {
            return Texts.get("files.folder.cannotUse", what, folder.toString(), reason.words());
        }
    }

    /** A probe's writer, a seam for tests of a full disk. */
    @FunctionalInterface
    interface Prober {
        void probe(Path folder) throws IOException;
    }

    private FolderCheck() {
    }

    /** The problems with the data, settings and log folders of {@code dirs}; empty when all can be written. */
    public static List<Problem> check(AppDirs dirs) {
        List<Problem> problems = new ArrayList<>();
        check(Texts.get("files.folder.data"), dirs.data()).ifPresent(problems::add);
        if (!dirs.config().equals(dirs.data())) {
            check(Texts.get("files.folder.settings"), dirs.config()).ifPresent(problems::add);
        }
        check(Texts.get("files.folder.logs"), dirs.logs()).ifPresent(problems::add);
        return problems;
    }

    public static Optional<Problem> check(String what, Path folder) {
        return check(what, folder, FolderCheck::writeProbe);
    }

    static Optional<Problem> check(String what, Path folder, Prober prober) {
        try {
            Files.createDirectories(folder);
            prober.probe(folder);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(new Problem(what, folder, reason(e), e.getMessage() == null ? "" : e.getMessage()));
        }
    }

    /** What the failure means, from its type and the operating system's message. */
    static Reason reason(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            message = message + " " + fse.getReason().toLowerCase(Locale.ROOT);
        }
        if (message.contains("no space") || message.contains("disk full") || message.contains("not enough space")
                || message.contains("quota")) {
            return Reason.FULL;
        }
        if (message.contains("read-only") || message.contains("read only")) {
            return Reason.READ_ONLY;
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException
                || message.contains("permission denied") || message.contains("access is denied")) {
            return Reason.PERMISSION;
        }
        if (e instanceof NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException
                || message.contains("not a directory")) {
            return Reason.NOT_A_FOLDER;
        }
        return Reason.OTHER;
    }

    private static void writeProbe(Path folder) throws IOException {
        Path probe = folder.resolve(".expanse-write-check-" + ProcessHandle.current().pid());
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            // A few KB: enough that a full disk refuses it, little enough to cost nothing.
            ch.write(ByteBuffer.allocate(4096));
            ch.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
