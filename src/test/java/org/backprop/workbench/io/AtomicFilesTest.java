package org.backprop.workbench.io;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Exports (reports, pictures) are written like network files: whole or not at all, readable like any new file. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void anExportedReportIsReadableByOthersLikeAnyNewFile() throws IOException {
        Path report = dir.resolve("checks.md");
        AtomicFiles.writeString(report, "# Gradient check\n");
        assertEquals("# Gradient check\n", Files.readString(report));
        Assumptions.assumeTrue(Files.getFileStore(report).supportsFileAttributeView(PosixFileAttributeView.class));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(report),
                "not the owner-only rw------- of the temporary file it came from");
    }

    @Test
    void aWriterThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path picture = dir.resolve("step.png");
        Files.writeString(picture, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(picture, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(picture));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(picture), files.toList());
        }
    }

    @Test
    void aSaveOnALocalDiskSaysItWasAtomic() throws IOException {
        assertEquals(AtomicFiles.Outcome.ATOMIC, AtomicFiles.writeString(dir.resolve("n.json"), "{}"));
    }

    @Test
    void aLegalNameOf250CharactersCanBeSaved() throws IOException {
        Path target = dir.resolve("n".repeat(245) + ".json");
        assertEquals(250, target.getFileName().toString().length());
        AtomicFiles.writeString(target, "{}");
        assertEquals("{}", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aSymlinkedTargetIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("store")).resolve("net.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("net.json"), Path.of("store/net.json"));
        Path second = Files.createSymbolicLink(dir.resolve("latest.json"), link);
        AtomicFiles.writeString(second, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(second));
        assertEquals("new", Files.readString(real));
        try (Stream<Path> files = Files.list(dir.resolve("store"))) {
            assertEquals(List.of(real), files.toList(), "the temporary file was beside the real target");
        }
    }

    @Test
    void aLinkLoopIsAnErrorNotAnEndlessWalk() throws IOException {
        Path loop = Files.createSymbolicLink(dir.resolve("loop.json"), Path.of("loop.json"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(loop, "x"));
        assertTrue(e.getMessage().contains("its symbolic links form a loop"), e.getMessage());
    }

    @Test
    void orphanedTemporaryFilesOfACrashedSaveAreRemovedOnceOld() throws IOException {
        Path old = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "0123456789abcdef.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(AtomicFiles.ORPHAN_AGE).minusSeconds(60)));
        Path fresh = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "fedcba9876543210.tmp"), "running");
        Path notOurs = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "notes.tmp"), "keep");
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        AtomicFiles.writeString(dir.resolve("n.json"), "{}");
        assertFalse(Files.exists(old), "an hour-old temporary file of ours is an orphan");
        assertTrue(Files.exists(fresh), "a young one may belong to a save still running");
        assertTrue(Files.exists(notOurs), "a file not named like ours is never removed");
    }
}
