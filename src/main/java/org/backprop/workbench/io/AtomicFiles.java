package org.backprop.workbench.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Writes files as a careful editor does, for network files and exports alike: the content goes to a temporary file
 * beside the target, is flushed to the disk, and then replaces the target in one move, after which the folder is
 * flushed too; so neither a crash nor a power cut leaves a half-written file. The result keeps the permissions of the
 * file it replaces, or gets those of a plain new file (a temporary file alone would be readable by its owner only,
 * which a lecturer sharing an exported report would not expect).
 *
 * <p>A symbolic link is written through: its final target gets the new content and the link stays a link. The
 * temporary file has a short name of its own ({@value #TEMP_PREFIX}…{@value #TEMP_SUFFIX}), so any legal target name
 * works, and temporary files left by a process that died while saving are removed by the next save in that folder
 * once they are {@link #ORPHAN_AGE} old (younger ones may belong to a save still running in another window).
 */
public final class AtomicFiles {
    /** The permissions of a new file: what a text editor gives it under the usual umask 022. */
    static final String NEW_FILE_PERMISSIONS = "rw-r--r--";

    /** How every temporary file of a save begins; nothing else in a folder is ever removed. */
    public static final String TEMP_PREFIX = ".bpw-save-";
    static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern TEMP_NAME = Pattern.compile(Pattern.quote(TEMP_PREFIX) + "[0-9a-f]{16}"
            + Pattern.quote(TEMP_SUFFIX));

    /** A temporary file this old is an orphan: no save of a workbench file takes an hour. */
    public static final Duration ORPHAN_AGE = Duration.ofHours(1);

    /** More links than this in a chain is a loop (Linux's own limit is 40). */
    private static final int MAX_LINKS = 40;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether the target was replaced in one step. */
    public enum Outcome {
        /** Replaced in one move: a crash leaves the old file or the new one, whole. */
        ATOMIC,
        /**
         * The file system cannot move atomically (some network and FAT drives): the file was replaced by a plain
         * move, so a crash at that moment could have left it damaged. The UI says so.
         */
        NOT_ATOMIC
    }

    private AtomicFiles() {
    }

    /** Something that fills the temporary file (written in place of the target). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /** Writes text (UTF-8) to {@code path} atomically. */
    public static Outcome writeString(Path path, String text) throws IOException {
        return write(path, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    /** Writes {@code path} atomically (if the file system can) with whatever {@code content} puts into a temporary file. */
    public static Outcome write(Path path, Content content) throws IOException {
        Path target = finalTarget(path.toAbsolutePath());
        Path dir = target.getParent();
        Files.createDirectories(dir);
        removeOrphans(dir);
        Path temp = dir.resolve(TEMP_PREFIX + HexFormat.of().toHexDigits(RANDOM.nextLong()) + TEMP_SUFFIX);
        Files.createFile(temp);
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keepPermissions(temp, target);
            Outcome outcome;
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                outcome = Outcome.ATOMIC;
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                outcome = Outcome.NOT_ATOMIC;
            }
            syncFolder(dir);
            return outcome;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file a chain of symbolic links ends at (which may not exist yet); {@code path} itself if it is no link. */
    static Path finalTarget(Path path) throws IOException {
        Path current = path;
        for (int i = 0; Files.isSymbolicLink(current); i++) {
            if (i >= MAX_LINKS) {
                throw new IOException(path + ": its symbolic links form a loop");
            }
            Path link = Files.readSymbolicLink(current);
            current = current.getParent().resolve(link).normalize();
        }
        return current;
    }

    /** Removes this class's temporary files older than {@link #ORPHAN_AGE}; a failure to remove one is no error. */
    static void removeOrphans(Path dir) {
        Instant cutoff = Instant.now().minus(ORPHAN_AGE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                try {
                    FileTime modified = Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS);
                    if (TEMP_NAME.matcher(temp.getFileName().toString()).matches()
                            && Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)
                            && modified.toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(temp);
                    }
                } catch (IOException e) {
                    // another save removed it, or it is not ours to remove
                }
            }
        } catch (IOException e) {
            // a folder that cannot be listed can still be written to
        }
    }

    /** Flushes the folder's entry for the moved file to the disk; not every platform can open a folder (Windows). */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the move itself is done; only durability across a power cut depends on the platform here
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
