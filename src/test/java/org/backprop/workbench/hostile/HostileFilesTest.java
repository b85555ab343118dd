package org.backprop.workbench.hostile;

import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.lesson.LessonLibrary;
import org.backprop.workbench.lesson.LessonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Special files (pipes, devices), folders and oversized files are refused by name, never read without bound. */
class HostileFilesTest {
    private static void refused(Hostile.Run r, String expected) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aFifoIsRefusedByCheckSweepAndLessonWithoutHanging(@TempDir Path dir) throws Exception {
        Path json = Hostile.fifo(dir.resolve("pipe.json"));
        Path md = Hostile.fifo(dir.resolve("pipe.md"));
        String notRegular = "is not a regular file (a device, pipe or socket); expected ";
        refused(Hostile.cli("check", json.toString()), json + ": " + notRegular + "a network file (JSON)");
        refused(Hostile.cli("sweep", json.toString()), json + ": " + notRegular + "a network file (JSON)");
        refused(Hostile.cli("check", md.toString()), md + ":1: " + notRegular + "a lesson (.md)");
        refused(Hostile.cli("lesson", "--validate", md.toString()), md + ":1: " + notRegular + "a lesson (.md)");
        refused(Hostile.cli("lesson", md.toString()), md + ":1: " + notRegular);
    }

    @Test
    void aFolderHoldingAFifoIsValidatedAndTheFifoRefused(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("lessons");
        Hostile.write(folder.resolve("01-good.md"), Hostile.lesson("Some text."));
        Hostile.fifo(folder.resolve("02-pipe.md"));
        Hostile.Run r = Hostile.cli("lesson", "--validate", folder.toString());
        refused(r, folder.resolve("02-pipe.md") + ":1: is not a regular file");
        assertTrue(r.out().contains("01-good.md: valid: \"Hostile\", 1 steps"), r.out());
    }

    @Test
    void theLessonListReadsAFolderHoldingAFifoWithoutHanging(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("lessons");
        Hostile.write(folder.resolve("01-good.md"), Hostile.lesson("Some text."));
        Hostile.fifo(folder.resolve("02-pipe.md"));
        assertTimeoutPreemptively(Hostile.HANG, () -> {
            LessonLibrary library = LessonLibrary.of(folder);
            assertEquals(2, library.entries().size());
            assertEquals("Hostile", library.load(library.entries().get(0)).title());
            org.backprop.workbench.lesson.LessonException e = assertThrows(
                    org.backprop.workbench.lesson.LessonException.class, () -> library.load(library.entries().get(1)));
            assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        });
    }

    @Test
    void devicesAreRefusedBeforeAByteIsRead(@TempDir Path dir) throws Exception {
        for (String device : new String[]{"/dev/zero", "/dev/urandom"}) {
            refused(Hostile.cli("check", device), device + ": is not a regular file");
            Path link = Files.createSymbolicLink(dir.resolve(Path.of(device).getFileName() + ".json"), Path.of(device));
            refused(Hostile.cli("check", link.toString()), link + ": is not a regular file");
            Path lessonLink = Files.createSymbolicLink(dir.resolve(Path.of(device).getFileName() + ".md"),
                    Path.of(device));
            refused(Hostile.cli("lesson", "--validate", lessonLink.toString()), lessonLink + ":1: is not a regular file");
        }
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("big.md");
        try (RandomAccessFile f = new RandomAccessFile(lesson.toFile(), "rw")) {
            f.setLength(LessonParser.MAX_FILE_BYTES + 1);   // sparse: nothing written
        }
        refused(Hostile.cli("lesson", "--validate", lesson.toString()), lesson + ":1: is larger than "
                + LessonParser.MAX_FILE_BYTES + " bytes; expected a lesson (.md) of at most");
        Path network = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(network.toFile(), "rw")) {
            f.setLength(NetworkFile.MAX_FILE_BYTES + 1);
        }
        refused(Hostile.cli("check", network.toString()), network + ": is larger than " + NetworkFile.MAX_FILE_BYTES
                + " bytes; expected a network file (JSON) of at most");
    }

    @Test
    void unreadableFilesSayWhy(@TempDir Path dir) throws Exception {
        refused(Hostile.cli("check", dir.resolve("missing.json").toString()), "missing.json: no such file");
        refused(Hostile.cli("check", dir.toString()), dir + ": is a folder; expected a network file (JSON)");
        refused(Hostile.cli("lesson", "--validate", dir.resolve("missing.md").toString()), "missing.md:1: no such file");
        Path loop = dir.resolve("loop.json");
        Files.createSymbolicLink(loop, loop);
        refused(Hostile.cli("check", loop.toString()), loop + ": cannot be read: its symbolic links form a loop");
        if (!"root".equals(System.getProperty("user.name"))) {
            Path locked = Files.writeString(dir.resolve("locked.json"), "{}");
            locked.toFile().setReadable(false, false);
            refused(Hostile.cli("check", locked.toString()), locked + ": cannot be read: permission denied");
        }
    }

    @Test
    void aNulInAFileNameIsRefusedInWords() {
        refused(Hostile.cli("check", "net\0.json"), "cannot name a file (it holds a NUL");
        refused(Hostile.cli("lesson", "--validate", "a\0.md"), "cannot name a file (it holds a NUL");
    }
}
