package org.backprop.workbench.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.app.dialogs.DialogService.FileRequest;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.io.AtomicFiles;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.io.Printable;
import org.backprop.workbench.report.CheckReport;
import org.backprop.workbench.steps.Step;

import org.backprop.workbench.i18n.Messages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The file side of the window: new, open, save, export, quit, the recent files, and "save changes first?". Every
 * dialog goes through a {@link DialogService}, so tests drive these with a fake one.
 */
public final class FileActions {

    private final WorkbenchModel model;
    private final RecentFiles recent;
    private final DialogService dialogs;
    private final Supplier<Node> stepSnapshot;
    private final TaskRunner runner;
    private Saver saver = NetworkFile::save;
    private Reader reader = NetworkFile::load;
    private long readAtOnce = READ_AT_ONCE_BYTES;

    /**
     * Network files up to this size are read and parsed on the FX thread (a few milliseconds); larger ones on the
     * runner's thread, with "Opening big.json…" and Cancel in the status bar. The 2.5 MB of the 784-128-64-10
     * benchmark network took 0.3–0.5 s to read and parse, and the window could not paint meanwhile.
     */
    static final long READ_AT_ONCE_BYTES = 256 * 1024;

    /** The runner key of a file being read: a newer open replaces an older one still reading. */
    static final String OPEN_KEY = "open-network";

    /** How a document reaches its file: {@link NetworkFile#save}, or a stand-in for a drive that tests cannot mount. */
    @FunctionalInterface
    interface Saver {
        AtomicFiles.Outcome save(NetworkDocument document, Path path) throws IOException;
    }

    /**
     * @param model        the window's model ({@code null} not permitted)
     * @param recent       the recent-files store ({@code null} not permitted)
     * @param dialogs      where dialogs are shown ({@code null} not permitted)
     * @param stepSnapshot the node "Export step as PNG" captures ({@code null} not permitted)
     * @param runner       where large files are read ({@code null} not permitted)
     */
    public FileActions(WorkbenchModel model, RecentFiles recent, DialogService dialogs, Supplier<Node> stepSnapshot,
                       TaskRunner runner) {
        this.model = Objects.requireNonNull(model, "model");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.stepSnapshot = Objects.requireNonNull(stepSnapshot, "stepSnapshot");
    }

    /** How a network file is read: {@link NetworkFile#load}, or a test's stand-in that waits to be released. */
    @FunctionalInterface
    interface Reader {
        NetworkDocument load(Path path) throws NetworkFileException;
    }

    /** What reading a file in the background gave: its document, or the reason it cannot be used. */
    private record Read(NetworkDocument document, String problem) {
    }

    /**
     * Reads through {@code reader}, in the background for files over {@code atOnceBytes} (tests: a stand-in reader,
     * a small threshold).
     */
    void readWith(Reader reader, long atOnceBytes) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.readAtOnce = atOnceBytes;
    }

    /** Saves through {@code saver} from now on (a test's stand-in for a network or FAT drive). */
    void saveWith(Saver saver) {
        this.saver = Objects.requireNonNull(saver, "saver");
    }

    public void newDocument() {
        if (confirmDiscard(Messages.get("save.beforeNew"))) {
            runner.cancel(OPEN_KEY);   // a file still being read would replace the new network
            model.open(DefaultNetwork.load(), null);
        }
    }

    public void openWithDialog() {
        if (confirmDiscard(Messages.get("save.beforeOpen"))) {
            dialogs.showOpenDialog(request(Messages.get("files.openTitle"), Messages.get("files.networkFilter"), "*.json", null))
                    .ifPresent(this::load);
        }
    }

    /**
     * Opens a network file (after asking about unsaved changes). A file the engine refuses shows its message in an
     * error dialog and leaves the current network as it was. A file over {@link #READ_AT_ONCE_BYTES} is read in the
     * background: the window stays in use meanwhile, the status bar says so (Cancel or Esc stops it), and the
     * network is replaced, or the error shown, when the file has been read.
     *
     * @return true if the file was opened, or is being read; false if the user cancelled or the file was refused
     */
    public boolean openFile(Path path) {
        return confirmDiscard(Messages.get("save.beforeOpenFile",
                path.getFileName().toString())) && load(path);
    }

    private boolean load(Path path) {
        long size = size(path);
        if (size > readAtOnce && size <= NetworkFile.MAX_FILE_BYTES) {
            readInBackground(path);
            return true;
        }
        runner.cancel(OPEN_KEY);   // the file opened last is the one shown
        try {
            opened(reader.load(path), path);
            return true;
        } catch (NetworkFileException e) {
            refused(path, e.getMessage());
            return false;
        }
    }

    private void readInBackground(Path path) {
        String name = path.getFileName().toString();
        NetworkDocument asked = model.getDocument();
        runner.run(OPEN_KEY, Messages.get("files.opening", name), progress -> {
            progress.indeterminate();
            try {
                return new Read(reader.load(path), null);
            } catch (NetworkFileException e) {
                return new Read(null, e.getMessage());
            }
        }, read -> {
            if (read.problem() != null) {
                refused(path, read.problem());
            } else if (model.getDocument() == asked || confirmDiscard(Messages.get("save.beforeOpenFile", name))) {
                // (changed while the file was read: those changes are asked about again)
                opened(read.document(), path);
            }
        });
    }

    private void opened(NetworkDocument doc, Path path) {
        model.open(doc, path);
        recent.add(path);
        model.say(() -> Messages.get("files.opened", path.getFileName().toString()));
    }

    /**
     * The reader's refusal, on screen until something replaces it; after a language switch the file is read again to
     * word the problem in the new language (the reader words a problem where it finds it).
     */
    private void refused(Path path, String problem) {
        error(() -> Messages.get("files.cannotOpen", path.getFileName().toString()),
                Messages.sayAgain(problem, () -> problemReading(path, problem)));
    }

    /** Why the reader refuses {@code path} now, in the current language; {@code before} if it no longer does. */
    private String problemReading(Path path, String before) {
        try {
            reader.load(path);
            return before;
        } catch (NetworkFileException e) {
            return e.getMessage();
        }
    }

    /**
     * The size in bytes of a regular file; 0 for anything else or a file that cannot be read: those are refused at
     * once (as is a file over the limit), and the reader says why.
     */
    private static long size(Path path) {
        try {
            return java.nio.file.Files.isRegularFile(path) ? java.nio.file.Files.size(path) : 0;
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    public void save() {
        Path f = model.fileProperty().get();
        if (f == null) {
            saveAs();
        } else {
            saveTo(f);
        }
    }

    public void saveAs() {
        dialogs.showSaveDialog(request(Messages.get("files.saveTitle"), Messages.get("files.networkFilter"), "*.json", "network.json"))
                .ifPresent(this::saveTo);
    }

    /** Saves the document atomically; an error shows a dialog and the document stays unsaved. */
    public boolean saveTo(Path path) {
        try {
            AtomicFiles.Outcome outcome = saver.save(model.getDocument(), path);
            model.saved(path);
            recent.add(path);
            String name = path.getFileName().toString();
            boolean atomic = outcome == AtomicFiles.Outcome.ATOMIC;
            model.say(() -> atomic ? Messages.get("files.saved", name) : Messages.get("files.savedNotAtomically", name));
            return true;
        } catch (IOException e) {
            String problem = e.getMessage();
            error(() -> Messages.get("files.cannotSave", path.getFileName().toString()), () -> problem);
            return false;
        }
    }

    /** The Open Recent entries, newest first. */
    public List<MenuItem> recentItems() {
        return recent.list().stream().map(p -> {
            MenuItem item = new MenuItem(Messages.get("files.recent", p.getFileName().toString(), String.valueOf(p.getParent())));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openFile(p));
            return item;
        }).toList();
    }

    public void exportStepWithDialog() {
        Step s = model.getCurrentStep();
        dialogs.showSaveDialog(request(Messages.get("files.exportStepTitle"), Messages.get("files.pngFilter"), "*.png",
                (s == null ? "step" : s.id()) + ".png")).ifPresent(this::exportStep);
    }

    /** Writes the step detail as a PNG at the current zoom and output scale. */
    public boolean exportStep(Path path) {
        try {
            PngSnapshot.write(stepSnapshot.get(), path);
            model.say(() -> Messages.get("files.exported", path.getFileName().toString()));
            return true;
        } catch (IOException e) {
            String problem = e.getMessage();
            error(() -> Messages.get("files.cannotExport", path.getFileName().toString()), () -> problem);
            return false;
        }
    }

    /** Asks where to write the check report: "md" (Markdown) or "csv" (the check table). */
    public void exportReportWithDialog(String format) {
        boolean md = format.equals("md");
        dialogs.showSaveDialog(request(Messages.get(md ? "files.exportReportTitle" : "files.exportTableTitle"),
                Messages.get(md ? "files.markdownFilter" : "files.csvFilter"), md ? "*.md" : "*.csv", "checks." + format))
                .ifPresent(this::exportReport);
    }

    /** Writes the check report: Markdown for *.md, CSV (the check table) otherwise. */
    public boolean exportReport(Path path) {
        Analysis an = model.getAnalysis();
        if (an == null || model.checkingProperty().get()) {
            model.say(() -> Messages.get("files.stillChecking"));
            return false;
        }
        if (model.checksCancelledProperty().get()) {
            model.say(() -> Messages.get("files.checksCancelled"));
            return false;
        }
        String text = path.toString().toLowerCase(Locale.ROOT).endsWith(".md")
                ? CheckReport.markdown(an) : CheckReport.csv(an);
        try {
            AtomicFiles.writeString(path, text);   // readable like any new file, not the temp file's rw-------
            model.say(() -> Messages.get("files.exported", path.getFileName().toString()));
            return true;
        } catch (IOException e) {
            String problem = e.getMessage();
            error(() -> Messages.get("files.cannotExport", path.getFileName().toString()), () -> problem);
            return false;
        }
    }

    private FileRequest request(String title, String filterName, String pattern, String initialName) {
        Path f = model.fileProperty().get();
        Path folder = f != null && f.toAbsolutePath().getParent() != null ? f.toAbsolutePath().getParent() : null;
        return new FileRequest(title, filterName, pattern, folder, initialName);
    }

    public void quit() {
        if (confirmDiscard(Messages.get("save.beforeQuit"))) {
            Platform.exit();
        }
    }

    /**
     * If there are unsaved changes, asks whether to save them first. Returns true if the caller may go on (saved,
     * or discarded), false if the user cancelled.
     */
    public boolean confirmDiscard(String action) {
        if (!model.dirtyProperty().get()) {
            return true;
        }
        return switch (dialogs.askSaveChanges(action)) {
            case CANCEL -> false;
            case DISCARD -> true;
            case SAVE -> {
                save();
                yield !model.dirtyProperty().get();
            }
        };
    }

    /**
     * Shows a refusal in the status line and a dialog. The message quotes the file (a name, a field, a value), so its
     * control characters are shown as escapes, as the command line shows them: an escape sequence or a line break
     * hidden in a file cannot garble the dialog or forge a line of it.
     */
    private void error(Supplier<String> header, Supplier<String> message) {
        Supplier<String> shown = () -> Printable.escape(message.get());
        model.complain(shown);
        dialogs.showError(() -> Printable.escape(header.get()), shown);
    }

    /** The dialogs these actions use. */
    public DialogService dialogs() { return dialogs; }
}
