package org.backprop.workbench.io;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
