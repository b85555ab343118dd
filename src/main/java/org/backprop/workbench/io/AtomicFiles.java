package org.backprop.workbench.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files atomically, for network files and exports alike: the content goes to a temporary file beside the
 * target, which then replaces the target in one move, so that a crash never leaves a half-written file. The result
 * keeps the permissions of the file it replaces, or gets those of a plain new file (a temporary file alone would be
 * readable by its owner only, which a lecturer sharing an exported report would not expect).
 */
public final class AtomicFiles {
    /** The permissions of a new file: what a text editor gives it under the usual umask 022. */
    static final String NEW_FILE_PERMISSIONS = "rw-r--r--";

    private AtomicFiles() {
    }

    /** Something that fills the temporary file (written in place of the target). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /** Writes text (UTF-8) to {@code path} atomically. */
    public static void writeString(Path path, String text) throws IOException {
        write(path, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    /** Writes {@code path} atomically with whatever {@code content} puts into the temporary file. */
    public static void write(Path path, Content content) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            content.writeTo(temp);
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void keepPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString(NEW_FILE_PERMISSIONS));
    }
}
