package org.backprop.workbench.io;

import org.backprop.workbench.i18n.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads files that come from outside (network files, lessons) as untrusted input: regular files only, with the size
 * limit enforced while reading, and every refusal said in the project's words.
 *
 * <p>A FIFO would block the reader forever, {@code /dev/zero} or {@code /dev/urandom} would fill the heap, and
 * {@code Files.size} says nothing true about either; so links are followed to their real target, which must be a
 * regular file, and the read stops one byte past the limit whatever the file claims its size to be. A file swapped
 * for a pipe between that check and the open cannot hang the reader either ({@link #open}).
 */
public final class SafeFiles {
    /**
     * How long opening a checked regular file may take before it is taken for a pipe put in its place. A regular
     * file opens in microseconds, and within a second even on a slow network drive; a pipe's open waits for a
     * writer, which may never come.
     */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);

    /** Why a file cannot be read, in words for the person who named it (no exception class names). */
    public static final class Refusal extends IOException {
        public Refusal(String message) {
            super(message);
        }
    }

    private SafeFiles() {
    }

    /**
     * The bytes of a regular file of at most {@code maxBytes}.
     *
     * @param what what the file should be, for messages ("a network file (JSON)", "a lesson (.md)")
     * @throws Refusal with a message such as "no such file", "permission denied", "is a folder; expected ..."
     */
    public static byte[] read(Path path, long maxBytes, String what) throws Refusal {
        Path real = regular(path, what);
        try {
            long claimed = Files.size(real);
            if (claimed > maxBytes) {
                throw tooLarge(maxBytes, what);
            }
        } catch (Refusal e) {
            throw e;
        } catch (IOException e) {
            throw refusal(e, what);
        }
        try (InputStream in = Channels.newInputStream(open(real, what))) {
            int limit = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
            byte[] buffer = new byte[(int) Math.min(limit, Math.max(8192, Files.size(real) + 1))];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (buffer.length >= limit) {
                        break;
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * buffer.length));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            if (length > maxBytes) {
                throw tooLarge(maxBytes, what);   // it grew while being read, or says it is smaller (/proc)
            }
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        } catch (Refusal e) {
            throw e;
        } catch (IOException e) {
            throw refusal(e, what);
        }
    }

    /**
     * Opens a file that {@link #regular} has just checked, without trusting that it is still the same file. Between
     * the check and the open, another process could put a pipe in its place, and opening a pipe waits for a writer,
     * forever; so the open runs on a thread of its own and gives up after {@link #OPEN_TIMEOUT}, and the file opened
     * must be the one that was checked (the same file key, still a regular file, no link put in its place).
     */
    static FileChannel open(Path real, String what) throws Refusal {
        return open(real, key(real, what), what);
    }

    /** {@link #open(Path, String)} for a file whose {@link #key} was taken before (at the check). */
    static FileChannel open(Path real, Object checked, String what) throws Refusal {
        // a link option only where links exist: the zip file system of the jar (the bundled lessons) refuses it
        // with an IllegalArgumentException, so no bundled lesson opened from the jar
        java.nio.file.OpenOption[] options = real.getFileSystem() == java.nio.file.FileSystems.getDefault()
                ? new java.nio.file.OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS}
                : new java.nio.file.OpenOption[] {StandardOpenOption.READ};
        FutureTask<FileChannel> opening = new FutureTask<>(() -> FileChannel.open(real, options));
        Thread opener = new Thread(opening, "bpw-open");
        opener.setDaemon(true);
        opener.start();
        FileChannel channel;
        try {
            channel = opening.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            releaseBlockedOpen(real, opening);
            throw new Refusal(Messages.get("file.notRegular", what));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? refusal(io, what)
                    : new Refusal(Messages.get("file.cannotReadBecause", String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Messages.get("file.interrupted"));
        }
        try {
            if (!checked.equals(key(real, what))) {
                throw new Refusal(Messages.get("file.replaced", what));
            }
            return channel;
        } catch (Refusal e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Identifies the regular file at {@code real} (its device and inode where the platform has them); refuses a
     * path that is not, or no longer, a regular file.
     */
    static Object key(Path real, String what) throws Refusal {
        try {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new Refusal(attributes.isDirectory() ? Messages.get("file.folder", what)
                        : Messages.get("file.notRegular", what));
            }
            Object key = attributes.fileKey();
            return key != null ? key : List.of(attributes.size(), attributes.lastModifiedTime());
        } catch (Refusal e) {
            throw e;
        } catch (IOException e) {
            throw refusal(e, what);
        }
    }

    /**
     * Ends an open that is waiting for a pipe's writer by being that writer for a moment (opening the pipe for
     * writing and closing it at once): the waiting open then returns, and its channel is closed. Nothing is done to
     * a path that is not a pipe now, so no regular file is ever opened for writing.
     */
    private static void releaseBlockedOpen(Path real, FutureTask<FileChannel> opening) {
        opening.cancel(true);
        try {
            if (Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                try (FileChannel writer = FileChannel.open(real, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    // opening is enough
                }
            }
        } catch (IOException e) {
            // the pipe went away; the opening thread is a daemon and does not keep the program alive
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }

    private static Refusal tooLarge(long maxBytes, String what) {
        return new Refusal(Messages.get("file.tooLarge", String.valueOf(maxBytes), what));
    }

    /**
     * The real path of a regular file (links followed), refused by name if it is missing, unreadable, a folder or a
     * special file. Nothing is opened.
     */
    public static Path regular(Path path, String what) throws Refusal {
        try {
            Path real = path.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new Refusal(Messages.get("file.folder", what));
            }
            if (!attributes.isRegularFile()) {
                throw new Refusal(Messages.get("file.notRegular", what));
            }
            if (real.getFileSystem() == java.nio.file.FileSystems.getDefault() && !Files.isReadable(real)) {
                throw new Refusal(Messages.get("file.permissionDenied"));
            }
            return real;
        } catch (Refusal e) {
            throw e;
        } catch (IOException e) {
            throw refusal(e, what);
        }
    }

    /** An I/O failure as the person who named the file would say it. */
    public static Refusal refusal(IOException e, String what) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return new Refusal(Messages.get("file.noSuchFile"));
        }
        if (e instanceof AccessDeniedException) {
            return new Refusal(Messages.get("file.permissionDenied"));
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason();
            if (reason.contains("Is a directory")) {
                return new Refusal(Messages.get("file.folder", what));
            }
            if (reason.contains("Too many levels of symbolic links")) {
                return new Refusal(Messages.get("file.linkLoop"));
            }
            return new Refusal(Messages.get("file.cannotReadBecause", reason.toLowerCase(java.util.Locale.ROOT)));
        }
        return new Refusal(e.getMessage() == null ? Messages.get("file.cannotRead")
                : Messages.get("file.cannotReadBecause", e.getMessage()));
    }

    /** A path typed or written in a file, or empty if it cannot name a file here (a NUL byte, say). */
    public static Optional<Path> path(String text) {
        if (text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
