package org.backprop.workbench.app;

import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.backprop.workbench.app.dialogs.FakeDialogService;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.io.AtomicFiles;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile files met in the app, as a student who was sent them would: each shows one message naming the file and what
 * was wrong, in the project's words, within a time bound, and the student's own network stays open, edits and all.
 * Saving that fails, or cannot be atomic, says so and never pretends the work was saved.
 */
@ExtendWith(ApplicationExtension.class)
class HostileAppTest {
    /** Long enough for a loaded CI machine; a hang (a pipe, a TeX loop) would take forever. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    static Path settings;

    @TempDir
    Path folder;

    private MainWindow window;
    private WorkbenchModel model;
    private FakeDialogService dialogs;

    @Start
    void start(Stage stage) {
        dialogs = new FakeDialogService();
        window = TestWindow.in(settings).dialogs(dialogs).size(1280, 800).show(stage);
        model = window.parts().model();
    }

    /** The user's own work: the default network with one sample added, not yet saved. */
    private NetworkDocument editSomething() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get());
        fx(() -> model.edit(Edits::addSample));
        waitUntil(() -> model.dirtyProperty().get());
        return fx(model::getDocument);
    }

    private static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo");
        return path;
    }

    private static String statusText(FxRobot robot) {
        return fx(() -> ((Labeled) robot.lookup("#statusMessage").query()).getText());
    }

    @Test
    void eachHostileNetworkFileShowsOneMessageAndKeepsTheUsersWork(FxRobot robot) throws Exception {
        NetworkDocument mine = editSomething();
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(fifo(folder.resolve("pipe.json")), "is not a regular file (a device, pipe or socket)");
        files.put(Files.createSymbolicLink(folder.resolve("zero.json"), Path.of("/dev/zero")),
                "is not a regular file");
        Path sparse = folder.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(NetworkFile.MAX_FILE_BYTES + 1);
        }
        files.put(sparse, "is larger than");
        files.put(Files.writeString(folder.resolve("big-number.json"), """
                {"layers": [2, {"size": 1, "activation": "sigmoid"}], "loss": "quadratic",
                 "weights": [[[1e999999999999], [0.5]]], "biases": [[0.1]]}"""), "line 2, column 16: a number with an exponent");
        files.put(Files.writeString(folder.resolve("ansi.json"), """
                {"layers": [2, {"size": 1, "activation": "\\u001b[2Jsigmoid"}], "loss": "quadratic"}"""),
                "activation");
        files.put(Files.writeString(folder.resolve("deep.json"), "[".repeat(100_000)), "");
        files.put(Files.writeString(folder.resolve("forged.json"), """
                {"layers": [2, 1], "loss": "quadratic", "evil\\nerror: forged": 1}"""), "");
        for (Map.Entry<Path, String> f : files.entrySet()) {
            dialogs.errors.clear();
            // the student is asked about the unsaved edit and lets it go: the refused file must still not cost it
            dialogs.saveAnswers.add(org.backprop.workbench.app.dialogs.DialogService.SaveAnswer.DISCARD);
            boolean opened = assertTimeoutPreemptively(BOUND, () -> fx(() -> window.parts().files().openFile(f.getKey())));
            assertFalse(opened, f.getKey().toString());
            assertEquals(1, dialogs.errors.size(), f.getKey() + ": " + dialogs.errors);
            String message = dialogs.errors.get(0);
            String name = f.getKey().getFileName().toString();
            assertTrue(message.startsWith("Cannot open " + name + ": "), message);
            assertTrue(message.contains(f.getValue()), message);
            assertFalse(message.contains("Exception") || message.contains("java."), message);
            assertFalse(message.chars().anyMatch(c -> c == 0x1b), "a raw escape reached the dialog: " + message);
            assertFalse(message.contains("\nerror:"), "a forged line reached the dialog: " + message);
            assertSame(mine, fx(model::getDocument), "the user's network was replaced by " + name);
            assertTrue(fx(() -> model.dirtyProperty().get()), "the user's unsaved edit was lost at " + name);
            assertTrue(statusText(robot).contains(name) || statusText(robot).length() > 0);
        }
    }

    @Test
    void eachHostileLessonIsRefusedWithItsLineAndKeepsTheUsersWork() throws Exception {
        NetworkDocument mine = editSomething();
        Path secret = Files.writeString(settings.resolve("secret.json"), "SECRET");
        String header = """
                ---
                title: Hostile
                network: %s
                ---

                ## One

                %s
                """;
        Files.writeString(folder.resolve("net.json"), """
                {"layers": [1, {"size": 1, "activation": "sigmoid"}], "loss": "quadratic",
                 "weights": [[[0.5]]], "biases": [[0.1]], "inputs": [[1.0]], "targets": [[0.0]]}""");
        Map<String, String[]> lessons = new LinkedHashMap<>();
        lessons.put("graphics.md", new String[]{"net.json", "$\\includegraphics{" + secret + "}$",
                "\\includegraphics"});
        lessons.put("loop.md", new String[]{"net.json", "$\\newcommand{\\a}{\\a\\a}\\a$", "\\newcommand"});
        lessons.put("deep.md", new String[]{"net.json", "$" + "{".repeat(5000) + "x" + "}".repeat(5000) + "$",
                ""});
        lessons.put("outside.md", new String[]{secret.toString(), "Some text.", "is an absolute path"});
        lessons.put("dotdot.md", new String[]{"../" + folder.getFileName() + "/../x.json", "Some text.",
                "leaves the lesson's folder"});
        lessons.put("escape.md", new String[]{"net.json\n@evil: \u001b[2J", "Some text.", ""});
        lessons.put("private-use.md", new String[]{"net.json", "Text \uE000\uE001 here.", ""});
        for (Map.Entry<String, String[]> l : lessons.entrySet()) {
            Path lesson = Files.writeString(folder.resolve(l.getKey()),
                    header.formatted(l.getValue()[0], l.getValue()[1]));
            dialogs.errors.clear();
            dialogs.errorTexts.clear();
            dialogs.saveAnswers.add(org.backprop.workbench.app.dialogs.DialogService.SaveAnswer.DISCARD);
            boolean opened = assertTimeoutPreemptively(BOUND, () -> fx(() -> window.parts().lessons().open(lesson)));
            assertFalse(opened, l.getKey());
            assertEquals(1, dialogs.errors.size(), l.getKey() + ": " + dialogs.errors);
            assertTrue(dialogs.errors.get(0).startsWith("lessonErrorDialog: This lesson cannot be used"),
                    dialogs.errors.toString());
            String text = dialogs.errorTexts.get(0);
            assertTrue(text.contains(lesson.getFileName() + ":"), text);
            assertTrue(text.matches("(?s).*" + java.util.regex.Pattern.quote(lesson.getFileName().toString())
                    + ":\\d+: .*"), "no file:LINE: in " + text);
            assertTrue(text.contains(l.getValue()[2]), text);
            assertFalse(text.contains("SECRET") || text.contains("Exception"), text);
            assertFalse(text.chars().anyMatch(c -> c == 0x1b), "a raw escape reached the dialog: " + text);
            assertSame(mine, fx(model::getDocument), "the lesson " + l.getKey() + " replaced the user's network");
            assertTrue(fx(() -> model.dirtyProperty().get()));
        }
    }

    @Test
    void aSaveThatFailsShowsWhyAndTheWorkStaysUnsaved(FxRobot robot) throws Exception {
        editSomething();
        Path notAFolder = Files.writeString(folder.resolve("plain.txt"), "a file, not a folder");
        Path target = notAFolder.resolve("mine.json");
        assertFalse(fx(() -> window.parts().files().saveTo(target)));
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot save mine.json: "), dialogs.errors.toString());
        assertTrue(fx(() -> model.dirtyProperty().get()), "a failed save marked the work as saved");
        assertEquals("a file, not a folder", Files.readString(notAFolder));
        assertTrue(fx(() -> model.messageIsErrorProperty().get()));
    }

    @Test
    void aSaveThatCannotBeAtomicSaysSoInTheStatusLine(FxRobot robot) throws Exception {
        editSomething();
        Path target = folder.resolve("on-a-fat-drive.json");
        fx(() -> window.parts().files().saveWith((doc, path) -> {
            NetworkFile.save(doc, path);   // the content is written; only the drive could not move it in one step
            return AtomicFiles.Outcome.NOT_ATOMIC;
        }));
        assertTrue(fx(() -> window.parts().files().saveTo(target)));
        assertTrue(Files.exists(target));
        assertFalse(fx(() -> model.dirtyProperty().get()));
        String status = statusText(robot);
        assertTrue(status.contains("on-a-fat-drive.json") && status.contains("not atomically"), status);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        // and an atomic save says plainly that it saved
        fx(() -> window.parts().files().saveWith(NetworkFile::save));
        fx(() -> model.edit(Edits::addSample));
        assertTrue(fx(() -> window.parts().files().saveTo(target)));
        assertEquals("Saved on-a-fat-drive.json", statusText(robot));
    }
}
