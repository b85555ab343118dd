package org.backprop.workbench.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.MenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.backprop.workbench.against.Against;
import org.backprop.workbench.against.Comparison;
import org.backprop.workbench.against.NumpyScript;
import org.backprop.workbench.against.Quantity;
import org.backprop.workbench.against.QuantityComparison;
import org.backprop.workbench.against.QuantityKey;
import org.backprop.workbench.against.StudentValues;
import org.backprop.workbench.against.ValuesFile;
import org.backprop.workbench.against.ValuesFileException;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.app.dialogs.DialogService.FileRequest;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.AtomicFiles;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Step;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * File ▸ Compare with my values…: a student's values file (JSON or .npz, see docs/VALUES.md) compared with the
 * workbench's values of the open network, and File ▸ Export NumPy script, which writes the script that produces such
 * a file. The comparison belongs to the network it was computed for: any change of the document clears it, with a
 * notice, since the student's numbers say nothing about another network. Moving between steps, the notation, the
 * mistake or ε leave it alone (it compares with the correct formulas, whatever mistake the window shows).
 *
 * <p>Reading and comparing run on the FX thread: the values file is at most as large as the network's matrices, and
 * the comparison is one forward and a dozen backward passes (one per deliberate mistake, for the diagnosis).
 */
public final class CompareValues {
    private final WorkbenchModel model;
    private final DialogService dialogs;
    private final Predicate<Path> openNetwork;
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private NetworkDocument compared;

    /**
     * @param model       the window's model ({@code null} not permitted)
     * @param dialogs     where the file dialogs and errors are shown ({@code null} not permitted)
     * @param openNetwork opens a network file (for a network file dropped on the window; {@code null} not permitted)
     */
    public CompareValues(WorkbenchModel model, DialogService dialogs, Predicate<Path> openNetwork) {
        this.model = Objects.requireNonNull(model, "model");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.openNetwork = Objects.requireNonNull(openNetwork, "openNetwork");
        model.documentProperty().addListener((o, was, doc) -> {
            if (comparison.get() != null && doc != compared) {
                clear();
            }
        });
    }

    /** File ▸ Compare with my values…: asks for a values file, then compares it. */
    public void compareWithDialog() {
        Path f = model.fileProperty().get();
        Path folder = f != null && f.toAbsolutePath().getParent() != null ? f.toAbsolutePath().getParent() : null;
        dialogs.showOpenDialog(new FileRequest(Messages.get("compare.dialogTitle"), Messages.get("compare.filter"),
                "*.json;*.npz", folder, null)).ifPresent(this::compare);
    }

    /**
     * Reads a values file for the open network and compares it. A file that cannot be used shows one message (the
     * file, the quantity and layer, the expected shape and what was found) and changes nothing: the network, and
     * any comparison already shown, stay.
     *
     * @return true if the file was read and compared
     */
    public boolean compare(Path path) {
        NetworkDocument doc = model.getDocument();
        StudentValues values;
        try {
            values = ValuesFile.load(path, doc.network(), doc.batch().size());
        } catch (ValuesFileException e) {
            String header = Messages.get("compare.cannotRead", String.valueOf(path.getFileName()));
            model.complain(e.getMessage());
            dialogs.showError(header, e.getMessage());
            return false;
        }
        Analysis an = model.getAnalysis();
        List<CheckResult> numeric = an != null && an.network() == doc.network() && an.batch() == doc.batch()
                ? an.checks() : List.of();
        Comparison c = Against.compare(doc.network(), doc.batch(), values, Against.DEFAULT_TOLERANCE, numeric);
        compared = doc;
        notice.set("");
        comparison.set(c);
        String name = String.valueOf(path.getFileName());
        Optional<QuantityComparison> first = c.firstDivergence();
        if (first.isPresent()) {
            QuantityKey key = first.get().key();
            model.currentStepIdProperty().set(stepId(key));
            model.navigate(WorkbenchView.STEP);
            var formula = first.get().formula();
            model.say(() -> Messages.get("compare.statusDiffers", name, symbol(key), formula));
        } else {
            model.say(() -> Messages.get("compare.statusMatches", name));
        }
        return true;
    }

    /** Forgets the comparison (the network changed), leaving a notice that says so. */
    private void clear() {
        Comparison c = comparison.get();
        comparison.set(null);
        compared = null;
        String text = Messages.get("compare.cleared", shortName(c.file()));
        notice.set(text);
        model.say(text);
    }

    /** Removes the notice that a comparison was cleared (its Dismiss button). */
    public void dismissNotice() {
        notice.set("");
    }

    // ---- drag and drop ----

    /** Accepts a dragged values file (.json or .npz) as something to compare. */
    public void dragOver(DragEvent e) {
        if (droppedFile(e.getDragboard()).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    /**
     * A dropped .json or .npz is compared as a values file; a .json that is not one but is a network file opens as
     * the network instead (after "save changes first?").
     */
    public void dropped(DragEvent e) {
        Optional<Path> file = droppedFile(e.getDragboard());
        if (file.isEmpty()) {
            return;
        }
        e.setDropCompleted(drop(file.get()));
        e.consume();
    }

    /** What a drop of {@code path} does; true if it was compared or opened. */
    public boolean drop(Path path) {
        if (isJson(path) && !looksLikeValues(path)) {
            return openNetwork.test(path);
        }
        return compare(path);
    }

    private static Optional<Path> droppedFile(Dragboard board) {
        if (!board.hasFiles() || board.getFiles().size() != 1) {
            return Optional.empty();
        }
        Path p = board.getFiles().get(0).toPath();
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".npz") ? Optional.of(p) : Optional.empty();
    }

    private static boolean isJson(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /**
     * A network file has "layers" of sizes and weights (FILE-FORMAT.md); a values file's layers each carry "layer".
     * Told apart by the network reader: what it accepts is a network.
     */
    private static boolean looksLikeValues(Path p) {
        try {
            NetworkFile.load(p);
            return false;
        } catch (NetworkFileException e) {
            return true;
        }
    }

    // ---- NumPy script ----

    /** The entries of File ▸ Export NumPy script: the reference and the starter. */
    public List<MenuItem> exportItems() {
        MenuItem reference = new MenuItem(Messages.get("export.numpyReference"));
        reference.setId("exportNumpyReference");
        reference.setOnAction(e -> exportNumpyWithDialog(false));
        MenuItem starter = new MenuItem(Messages.get("export.numpyStarter"));
        starter.setId("exportNumpyStarter");
        starter.setOnAction(e -> exportNumpyWithDialog(true));
        return List.of(reference, starter);
    }

    /** Asks where to write the script, then writes it. */
    public void exportNumpyWithDialog(boolean starter) {
        Path f = model.fileProperty().get();
        Path folder = f != null && f.toAbsolutePath().getParent() != null ? f.toAbsolutePath().getParent() : null;
        String base = f == null ? "network" : f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        dialogs.showSaveDialog(new FileRequest(Messages.get("export.numpyTitle"), Messages.get("export.numpyFilter"),
                "*.py", folder, base + (starter ? "-starter" : "-reference") + ".py"))
                .ifPresent(p -> exportNumpy(p, starter));
    }

    /**
     * Writes the NumPy script of the open network (its current weights and batch, saved or not), atomically.
     *
     * @param starter true for the starter (each backward formula a marked gap), false for the reference
     * @return true if it was written
     */
    public boolean exportNumpy(Path path, boolean starter) {
        NetworkDocument doc = model.getDocument();
        Path f = model.fileProperty().get();
        // the script says which network file to check its values against: the open file if it holds these numbers
        String source = f != null && !model.dirtyProperty().get() ? f.toString() : "NETWORK.json";
        String script = NumpyScript.write(doc.network(), doc.batch(), source, starter);
        String name = String.valueOf(path.getFileName());
        try {
            AtomicFiles.writeString(path, script);
        } catch (IOException e) {
            String header = Messages.get("export.cannot", name);
            model.complain(header + ": " + e.getMessage());
            dialogs.showError(header, e.getMessage());
            return false;
        }
        model.say(starter ? Messages.get("export.numpyWroteStarter", name, NumpyScript.GAP)
                : Messages.get("export.numpyWrote", name));
        return true;
    }

    // ---- what the views show ----

    /** The comparison of the open network with the student's values; null when there is none. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }

    public Comparison getComparison() { return comparison.get(); }

    /**
     * "The comparison with mine.json was cleared: ..." after the network changed; empty otherwise (the step view's
     * Dismiss empties it).
     */
    public StringProperty noticeProperty() { return notice; }

    /** The quantity a step shows: z^l, a^l, C, ∇_a C, δ^l, ∂C/∂b^l, ∂C/∂w^l. */
    public static QuantityKey key(Step s) {
        return switch (s.kind()) {
            case Z -> new QuantityKey(Quantity.Z, s.layer());
            case A -> new QuantityKey(Quantity.A, s.layer());
            case COST -> new QuantityKey(Quantity.LOSS, 0);
            case GRAD_A -> new QuantityKey(Quantity.GRAD_A, s.depth());
            case DELTA -> new QuantityKey(Quantity.DELTA, s.layer());
            case GRAD_B -> new QuantityKey(Quantity.GRAD_B, s.layer());
            case GRAD_W -> new QuantityKey(Quantity.GRAD_W, s.layer());
        };
    }

    /** The step that shows a quantity (the inverse of {@link #key}). */
    public static String stepId(QuantityKey key) {
        return switch (key.quantity()) {
            case LOSS -> "cost";
            case GRAD_A -> "gradA";
            default -> key.quantity().id() + key.layer();
        };
    }

    /** A quantity's symbol as the window writes it: δ¹, ∂C/∂w², ∇ₐC. */
    public static String symbol(QuantityKey key) {
        return Latex.pretty(key.symbol());
    }

    /** The values file's name without its folders, as the window names it. */
    static String shortName(String file) {
        return new File(file).getName();
    }
}
