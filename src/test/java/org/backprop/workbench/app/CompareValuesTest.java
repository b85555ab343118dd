package org.backprop.workbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.backprop.workbench.against.NumpyScript;
import org.backprop.workbench.against.Status;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.actions.MenuGroup;
import org.backprop.workbench.app.actions.StandardAction;
import org.backprop.workbench.app.dialogs.FakeDialogService;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Step;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * File ▸ Compare with my values… as a student meets it: open examples/softmax-2-3-2.json, compare the values file
 * its NumPy starter wrote with BP2's σ'(z) forgotten (examples/values/softmax-2-3-2-bp2-bug.json), and see the marks,
 * the first divergence, the diagnosis and the differing entries; a bad file, a network edit, the NumPy export. The
 * references are independent of the window: the file's own numbers read with Jackson against the engine's correct
 * backprop, entry by entry.
 */
@ExtendWith(ApplicationExtension.class)
class CompareValuesTest {
    private static final Path NET = Path.of("examples/softmax-2-3-2.json");
    private static final Path BUGGY = Path.of("examples/values/softmax-2-3-2-bp2-bug.json");
    private static final ObjectMapper JSON = new ObjectMapper();

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
        window = TestWindow.in(settings).dialogs(dialogs).size(1400, 860).fitStage().show(stage);
        model = window.parts().model();
    }

    private void openNetwork() {
        assertTrue(fx(() -> window.parts().files().openFile(NET)));
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && !model.checkingProperty().get() && model.getAnalysis().network() == model.getDocument().network());
    }

    private String text(String id) {
        return fx(() -> {
            Node n = window.lookup("#" + id);
            return n != null && n.isVisible() && n.isManaged() ? ((javafx.scene.control.Labeled) n).getText() : null;
        });
    }

    private boolean shown(String id) {
        return fx(() -> {
            Node n = window.lookup("#" + id);
            return n != null && n.isVisible() && n.isManaged();
        });
    }

    private Status mark(String stepId) {
        return fx(() -> window.parts().stepList().getItems().stream().filter(s -> s.id().equals(stepId)).findFirst()
                .flatMap(s -> window.parts().stepList().comparisonOf(s)).orElse(null));
    }

    /** The correct δ¹ (BP2 as in the note) of the open network, from the engine directly. */
    private DMatrixRMaj correct(java.util.function.Function<BackwardTrace, DMatrixRMaj> which) {
        NetworkDocument doc = model.getDocument();
        ForwardTrace f = Forward.run(doc.network(), doc.batch());
        return which.apply(new Backprop().run(doc.network(), f, doc.batch()));
    }

    private static double[][] fileMatrix(Path values, int layer, String field) throws Exception {
        for (JsonNode l : JSON.readTree(values.toFile()).get("layers")) {
            if (l.get("layer").asInt() == layer) {
                JsonNode m = l.get(field);
                double[][] rows = new double[m.size()][];
                for (int r = 0; r < m.size(); r++) {
                    rows[r] = new double[m.get(r).size()];
                    for (int c = 0; c < rows[r].length; c++) {
                        rows[r][c] = m.get(r).get(c).asDouble();
                    }
                }
                return rows;
            }
        }
        throw new AssertionError("no layer " + layer);
    }

    @Test
    void theMenuComparesABuggyFileMarksEveryStepAndSelectsTheFirstDivergence() throws Exception {
        openNetwork();
        dialogs.files.add(Optional.of(BUGGY));
        MenuItem item = fx(() -> window.menu(MenuGroup.FILE).getItems().stream()
                .filter(i -> ActionFactory.id(StandardAction.COMPARE_VALUES).equals(i.getId())).findFirst()
                .orElseThrow());
        assertEquals("Compare with my values…", fx(() -> StandardAction.plain(item.getText())));
        fx(item::fire);
        waitUntil(() -> window.parts().compare().getComparison() != null);
        assertEquals("*.json;*.npz", dialogs.fileRequests.get(dialogs.fileRequests.size() - 1).pattern());

        // the marks: the forward pass, ∇ₐC, δ², ∂C/∂b², ∂C/∂w² right; δ¹ and what follows from it wrong (the file
        // was written by the starter with BP2's σ'(z) left out, see examples/values/softmax-2-3-2-bp2-bug.py)
        for (String id : List.of("z1", "a1", "z2", "a2", "cost", "gradA", "delta2", "gradB2", "gradW2")) {
            assertEquals(Status.MATCHES, mark(id), id);
        }
        for (String id : List.of("delta1", "gradB1", "gradW1")) {
            assertEquals(Status.DIFFERS, mark(id), id);
        }
        assertEquals("≠", text("compare-delta1"));
        assertTrue(fx(() -> window.lookup("#compare-delta1").getStyleClass().contains("compare-differs")));
        assertEquals("=", text("compare-delta2"));

        // the first divergence in backprop order is selected: δ¹ (BP2), shown in the step view
        assertEquals("delta1", fx(() -> model.getCurrentStep().id()));
        assertEquals("delta1", fx(() -> window.parts().stepList().getSelectionModel().getSelectedItem().id()));
        assertEquals(WorkbenchView.STEP, fx(model::getSelectedView));

        // the banner: the first divergence, what follows, the mistake named, the wrong formula beside the right one
        String headline = text("compareHeadline");
        assertTrue(headline.startsWith("First divergence: your δ¹ (BP2) differs"), headline);
        assertTrue(headline.contains("softmax-2-3-2-bp2-bug.json"), headline);
        String explanation = text("compareExplanation");
        assertTrue(explanation.startsWith("Your δ² is right and your δ¹ is wrong")
                && explanation.contains("how δ is passed down into layer 1, BP2"), explanation);
        String diagnosis = text("compareDiagnosis");
        assertEquals("Diagnosis: bp2-no-sigma-prime", diagnosis);
        assertEquals("yours:   BP2 without σ'(zˡ): δˡ = wˡ⁺¹ δˡ⁺¹", text("compareWrong"));
        assertEquals("right:    δ¹ = (w² δ²) ⊙ σ'(z¹)", text("compareRight"));
        String why = text("compareDiagnosisText");
        assertEquals("Your δ¹ is what the deliberate mistake bp2-no-sigma-prime produces: BP2 without σ'(zˡ): "
                + "δˡ = wˡ⁺¹ δˡ⁺¹.", why);
        assertTrue(fx(() -> window.lookup("#compareBanner").getStyleClass().contains("verdict-fail")));
        assertFalse(shown("compareGoFirst"), "no need to go to the first divergence from itself");

        // the student's matrix beside the correct one, every entry that differs beyond 1e-6 marked, no other
        double[][] yours = fileMatrix(BUGGY, 1, "delta");
        DMatrixRMaj right = correct(b -> b.delta(1));
        MatrixView yoursView = fx(() -> window.parts().detailView().comparedYoursView());
        MatrixView correctView = fx(() -> window.parts().detailView().comparedCorrectView());
        int marked = 0;
        for (int r = 0; r < right.numRows; r++) {
            for (int c = 0; c < right.numCols; c++) {
                int row = r;
                int col = c;
                double rel = Math.abs(yours[r][c] - right.get(r, c))
                        / Math.max(Math.max(Math.abs(yours[r][c]), Math.abs(right.get(r, c))), 1e-300);
                boolean differs = rel > 1e-6;
                marked += differs ? 1 : 0;
                assertEquals(Latex.plainNumber(yours[r][c]), fx(() -> yoursView.cellText(row, col)));
                assertEquals(Latex.plainNumber(right.get(r, c)), fx(() -> correctView.cellText(row, col)));
                assertEquals(differs, fx(() -> yoursView.showsDiffering(row, col)), "yours [" + r + ", " + c + "]");
                assertEquals(differs, fx(() -> correctView.showsDiffering(row, col)), "correct [" + r + ", " + c + "]");
            }
        }
        assertTrue(marked > 0, "the forgotten σ'(z) changes δ¹");
    }

    @Test
    void theComparisonStaysLiveWhileTheUserMovesBetweenSteps() throws Exception {
        openNetwork();
        assertTrue(fx(() -> window.parts().compare().compare(BUGGY)));
        fx(model::back);   // δ¹ → δ² (BP1), which the student got right
        assertEquals("delta2", fx(() -> model.getCurrentStep().id()));
        String headline = text("compareHeadline");
        assertTrue(headline.startsWith("Your δ² (BP1) matches the workbench"), headline);
        assertTrue(fx(() -> window.lookup("#compareBanner").getStyleClass().contains("verdict-pass")));
        assertFalse(shown("compareDiagnosis"), "the diagnosis belongs to the first divergence");
        assertTrue(text("compareExplanation").contains("The first divergence in backprop order is δ¹ (BP2)"));
        MatrixView yoursView = fx(() -> window.parts().detailView().comparedYoursView());
        assertFalse(fx(() -> yoursView.showsDiffering(0, 0)));
        double[][] delta2 = fileMatrix(BUGGY, 2, "delta");
        assertEquals(Latex.plainNumber(delta2[1][2]), fx(() -> yoursView.cellText(1, 2)));

        // ∂C/∂w¹ in Nielsen's notation: both matrices transposed, the marks with them
        fx(() -> model.currentStepIdProperty().set("gradW1"));
        fx(() -> model.notationProperty().set(Notation.NIELSEN));
        double[][] gradW1 = fileMatrix(BUGGY, 1, "gradW");   // n_0 x n_1 = 2 x 3, the note's shape
        MatrixView yoursNow = fx(() -> window.parts().detailView().comparedYoursView());
        assertEquals(Latex.plainNumber(gradW1[0][2]), fx(() -> yoursNow.cellText(2, 0)));
        assertTrue(fx(() -> yoursNow.showsDiffering(2, 0)));
        assertTrue(text("compareHeadline").startsWith("Your ∂C/∂w¹ (BP4) differs"));

        // from any step, one button back to the first divergence
        assertTrue(shown("compareGoFirst"));
        fx(() -> ((Button) window.lookup("#compareGoFirst")).fire());
        assertEquals("delta1", fx(() -> model.getCurrentStep().id()));
    }

    @Test
    void aNumberAQuizHidesStaysHiddenInTheCorrectMatrix() {
        openNetwork();
        // a lesson's quiz asks for δ¹[0, 3]: the workbench's value must not appear beside the student's
        fx(() -> model.hiddenEntryProperty().set(new org.backprop.workbench.lesson.Quantity(
                org.backprop.workbench.lesson.Quantity.Kind.DELTA, 1, new int[]{0, 3})));
        assertTrue(fx(() -> window.parts().compare().compare(BUGGY)));
        String correct = Latex.plainNumber(correct(b -> b.delta(1)).get(0, 3));
        MatrixView correctView = fx(() -> window.parts().detailView().comparedCorrectView());
        assertEquals(MatrixView.HIDDEN_TEXT, fx(() -> correctView.cellText(0, 3)));
        String headline = text("compareHeadline");
        assertTrue(headline.contains("at [0, 3]") && !headline.contains(correct), headline);
        assertEquals(Latex.plainNumber(correct(b -> b.delta(1)).get(1, 3)), fx(() -> correctView.cellText(1, 3)));
    }

    @Test
    void quantitiesTheFileLeavesOutAreMarkedNotGiven() throws Exception {
        openNetwork();
        // only the gradients, as a student who computes nothing else might write
        ObjectNode root = (ObjectNode) JSON.readTree(BUGGY.toFile());
        root.remove("loss");
        root.remove("gradA");
        for (JsonNode l : (ArrayNode) root.get("layers")) {
            ((ObjectNode) l).remove(List.of("z", "a", "delta"));
        }
        Path partial = folder.resolve("only-gradients.json");
        JSON.writeValue(partial.toFile(), root);
        assertTrue(fx(() -> window.parts().compare().compare(partial)));
        for (String id : List.of("z1", "a1", "z2", "a2", "cost", "gradA", "delta2", "delta1")) {
            assertEquals(Status.NOT_GIVEN, mark(id), id);
        }
        assertEquals(Status.MATCHES, mark("gradB2"));
        assertEquals(Status.DIFFERS, mark("gradB1"));
        // the first divergence is now among the gradients: ∂C/∂b¹ (BP3), the first of them in backprop order
        assertEquals("gradB1", fx(() -> model.getCurrentStep().id()));
        fx(() -> model.currentStepIdProperty().set("delta1"));
        assertEquals("only-gradients.json does not give δ¹ (BP2)", text("compareHeadline"));
        assertFalse(shown("compareMatrices"), "nothing of the student's to show beside the correct δ¹");
    }

    @Test
    void aBadValuesFileShowsOneMessageAndKeepsTheNetworkAndTheComparison() throws Exception {
        openNetwork();
        assertTrue(fx(() -> window.parts().compare().compare(BUGGY)));
        NetworkDocument before = fx(model::getDocument);
        var comparisonBefore = fx(() -> window.parts().compare().getComparison());
        Path bad = folder.resolve("wrong-shape.json");
        Files.writeString(bad, "{\"layers\": [{\"layer\": 2, \"gradW\": [[0.1, 0.2]]}]}");
        int errors = dialogs.errors.size();
        assertFalse(fx(() -> window.parts().compare().compare(bad)));
        assertEquals(errors + 1, dialogs.errors.size(), "one message");
        String message = dialogs.errors.get(dialogs.errors.size() - 1);
        assertTrue(message.startsWith("Cannot compare with wrong-shape.json: "), message);
        assertTrue(message.contains(bad.toString()) && message.contains("gradW2") && message.contains("3 x 2"),
                message);
        assertTrue(fx(() -> model.messageIsErrorProperty().get()));
        assertTrue(fx(() -> model.messageProperty().get()).contains("gradW2"));
        assertSame(before, fx(model::getDocument), "the network stays");
        assertFalse(fx(() -> model.dirtyProperty().get()));
        assertSame(comparisonBefore, fx(() -> window.parts().compare().getComparison()), "the comparison shown stays");
        assertEquals(Status.DIFFERS, mark("delta1"));
    }

    @Test
    void editingTheNetworkClearsTheComparisonWithANotice() {
        openNetwork();
        assertTrue(fx(() -> window.parts().compare().compare(BUGGY)));
        assertTrue(shown("compareBanner"));
        assertTrue(fx(() -> model.edit(Edits::addSample)));
        assertNull(fx(() -> window.parts().compare().getComparison()));
        assertNull(mark("delta1"), "no marks for a network the values were not computed for");
        assertFalse(shown("compare-delta1"));
        assertFalse(shown("compareBanner"));
        assertFalse(shown("compareMatrices"));
        String notice = text("compareNotice");
        assertTrue(notice.startsWith("The comparison with softmax-2-3-2-bp2-bug.json was cleared: the network "
                + "changed"), notice);
        assertEquals(notice, fx(() -> model.messageProperty().get()));
        fx(() -> ((Button) window.lookup("#compareDismiss")).fire());
        assertFalse(shown("compareNoticeBox"));
    }

    @Test
    void movingTheMistakeOrTheNotationKeepsTheComparison() {
        openNetwork();
        assertTrue(fx(() -> window.parts().compare().compare(BUGGY)));
        var c = fx(() -> window.parts().compare().getComparison());
        fx(() -> model.mistakeProperty().set(org.backprop.workbench.engine.Mistake.GRAD_A_SIGN));
        fx(() -> model.notationProperty().set(Notation.NIELSEN));
        fx(model::next);
        assertSame(c, fx(() -> window.parts().compare().getComparison()));
        // the student is compared with the note's formulas, not with the mistake the window demonstrates
        assertEquals(Status.MATCHES, mark("gradA"));
    }

    @Test
    void aDroppedValuesFileIsComparedAndADroppedNetworkFileIsOpened() throws Exception {
        assertTrue(fx(() -> window.parts().compare().drop(NET)), "a network file opens as the network");
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && model.getAnalysis().network() == model.getDocument().network());
        assertEquals(NET, fx(() -> model.fileProperty().get()));
        assertNull(fx(() -> window.parts().compare().getComparison()));
        assertTrue(fx(() -> window.parts().compare().drop(BUGGY)), "a values file is compared");
        assertEquals(Status.DIFFERS, mark("delta1"));
        assertEquals("delta1", fx(() -> model.getCurrentStep().id()));
    }

    @Test
    void theNumpyScriptIsExportedFromTheFileMenuAndItsValuesMatchInTheApp() throws Exception {
        openNetwork();
        Menu export = fx(() -> (Menu) window.menu(MenuGroup.FILE).getItems().stream()
                .filter(i -> ActionFactory.id(StandardAction.EXPORT_NUMPY).equals(i.getId())).findFirst()
                .orElseThrow());
        fx(() -> export.fire());
        List<String> ids = fx(() -> export.getItems().stream().map(MenuItem::getId).toList());
        assertEquals(List.of("exportNumpyReference", "exportNumpyStarter"), ids);

        Path starter = folder.resolve("starter.py");
        dialogs.files.add(Optional.of(starter));
        fx(() -> export.getItems().get(1).fire());
        assertEquals("softmax-2-3-2-starter.py", dialogs.fileRequests.get(dialogs.fileRequests.size() - 1)
                .initialName());
        NetworkDocument doc = NetworkFile.load(NET);
        assertEquals(NumpyScript.write(doc.network(), doc.batch(), NET.toString(), true), Files.readString(starter));
        assertTrue(Files.readString(starter).contains(NumpyScript.GAP));
        assertTrue(fx(() -> model.messageProperty().get()).startsWith("Wrote starter.py (starter)"));

        Path reference = folder.resolve("reference.py");
        dialogs.files.add(Optional.of(reference));
        fx(() -> export.getItems().get(0).fire());
        assertEquals(NumpyScript.write(doc.network(), doc.batch(), NET.toString(), false),
                Files.readString(reference));
        try (var temps = Files.list(folder)) {
            assertEquals(Set.of("starter.py", "reference.py"),
                    Set.copyOf(temps.map(p -> p.getFileName().toString()).toList()), "no temporary file left");
        }

        // the reference's values, compared in the app, match everywhere
        assumeTrue(numpy(), "python3 with NumPy is not installed");
        Path values = folder.resolve("reference.npz");
        Process p = new ProcessBuilder(new ArrayList<>(List.of("python3", reference.toString(), "--values",
                values.toString()))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(fx(() -> window.parts().compare().compare(values)));
        for (Step s : fx(() -> List.copyOf(window.parts().stepList().getItems()))) {
            assertEquals(Status.MATCHES, mark(s.id()), s.id());
        }
        String explanation = text("compareExplanation");
        assertTrue(explanation.startsWith("Every quantity reference.npz gives (12 of 12) matches the workbench to "
                + "1e-6"), explanation);
    }

    @Test
    void theCoresFormulasAreWrittenWithSuperscriptsAndFormulasKeepTheirGreekLetters() {
        assertEquals("δ¹ = (w² δ²) ⊙ σ'(z¹)", StepDetailView.pretty("δ^1 = (w^2 δ^2) ⊙ σ'(z^1)"));
        assertEquals("Your δˡ = wˡ⁺¹ δˡ⁺¹ and aˡ⁻¹ (δˡ)ᵀ", StepDetailView.pretty("your δ^l = w^{l+1} δ^{l+1} and "
                + "a^{l-1} (δ^l)^T"));
        assertEquals("∂C/∂w¹ = a⁰ (δ¹)ᵀ", StepDetailView.pretty("∂C/∂w^1 = a^0 (δ^1)^T"));
    }

    private static boolean numpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
