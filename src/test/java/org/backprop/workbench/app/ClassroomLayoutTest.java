package org.backprop.workbench.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.app.actions.MenuGroup;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.backprop.workbench.app.TextStaysWholeTest.elision;
import static org.backprop.workbench.app.TextStaysWholeTest.inScene;
import static org.backprop.workbench.app.TextStaysWholeTest.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window on a 1024×768 lecture projector as a lecturer meets it: a file with full-precision weights in the
 * builder, a lesson open beside the check table, the diagram and Back / Next squeezed beside a lesson. Nothing a
 * student reads is cut off: it is whole, or a scroll away, or folded with a way back.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomLayoutTest {
    @TempDir
    static Path folder;

    private OwnWindow own;
    private MainWindow window;
    private WorkbenchModel model;

    /** The 2-3-2 example with weights written to 15 digits, as a script that saved NumPy's values would. */
    private static final String FULL_PRECISION = """
            {"name": "full precision", "layers": [2, {"size": 3, "activation": "sigmoid"},
              {"size": 2, "activation": "softmax"}], "loss": "cross-entropy",
             "weights": [[[-0.524070745816217, 0.088458450591904, -0.260089666903841],
                          [0.207840077192389, 0.251440608216108, -0.868942281520374]],
                         [[-0.973664016890252, 0.67493816419292], [-0.481291971343985, -0.531338077906607],
                          [0.991289671020926, -0.059472984955104]]],
             "biases": [[0.672922902548767, -0.047293582601336, 0.278136281088125], [0.6, -0.2]],
             "inputs": [[0.05, 0.1], [0.9, -0.3], [-0.6, 0.8], [0.4, 0.4]],
             "targets": [[1, 0], [0, 1], [1, 0], [0, 1]], "seed": 7}
            """;

    @Start
    void start(Stage primary) {
        own = new OwnWindow();
    }

    @AfterEach
    void closeTheWindow() {
        own.close();
    }

    private void open(double width, double height) {
        own.open(folder, width, height);
        window = own.window();
        model = own.model();
        own.settle();
    }

    private void openFullPrecisionFile() throws IOException {
        Path file = folder.resolve("full-precision.json");
        Files.writeString(file, FULL_PRECISION);
        assertTrue(fx(() -> window.parts().files().openFile(file)));
        waitUntil(() -> Screenshots.idle(window));
        own.settle();
    }

    private void openLesson(int n) {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(n - 1).fire());
        waitUntil(window.parts().lessons()::settled);
        waitUntil(() -> Screenshots.idle(window));
        own.settle();
    }

    private List<MatrixEditor.NumberField> weightFields() {
        return fx(() -> {
            List<MatrixEditor.NumberField> out = new ArrayList<>();
            for (Node n : window.parts().builder().lookupAll(".matrix-field")) {
                if (n instanceof MatrixEditor.NumberField f && shown(f) && f.getId().startsWith("w1-")) {
                    out.add(f);
                }
            }
            return out;
        });
    }

    /** The builder's part in view, in scene coordinates. */
    private Bounds builderViewport() {
        return fx(() -> {
            BuilderPanel b = window.parts().builder();
            Node viewport = b.lookup(".viewport");
            return inScene(viewport);
        });
    }

    @Test
    void fullPrecisionWeightsAreReadWholeAndTheThirdColumnIsAScrollAway() throws IOException {
        open(1024, 768);
        openFullPrecisionFile();
        List<MatrixEditor.NumberField> fields = weightFields();
        assertEquals(6, fields.size(), "w¹ is 2×3");
        for (MatrixEditor.NumberField f : fields) {
            // the field is as wide as its number: "-0.524070745816", not "-0.52407074…" cut by the field's edge
            assertTrue(fx(() -> f.getWidth()) + 0.5 >= fx(f::textWidth),
                    f.getId() + " '" + f.getText() + "' is " + fx(() -> f.getWidth()) + " px for "
                            + fx(f::textWidth) + " px of text");
        }
        // the row labels are whole: "k=0", not "…"
        for (Node n : fx(() -> List.copyOf(window.parts().builder().lookupAll(".matrix-header")))) {
            Labeled l = (Labeled) n;
            if (fx(() -> shown(l))) {
                assertEquals(null, fx(() -> elision(l)));
            }
        }
        // the builder grew to its rows or scrolls sideways: scrolled to the right, the third column is in view
        fx(() -> window.parts().builder().setHvalue(window.parts().builder().getHmax()));
        own.settle();
        Bounds viewport = builderViewport();
        for (MatrixEditor.NumberField f : fields) {
            Bounds b = fx(() -> inScene(f));
            assertTrue(b.getMaxX() <= viewport.getMaxX() + 0.5, f.getId() + " " + b + " is in view of " + viewport);
        }
        fx(() -> window.parts().builder().setHvalue(0));
        own.settle();
        theWeightsCaptionIsWholeInView();
    }

    private void theWeightsCaptionIsWholeInView() {
        Labeled caption = fx(() -> (Labeled) window.parts().builder().lookup("#weightsCaption"));
        assertNotNull(caption);
        assertTrue(fx(() -> shown(caption)));
        assertEquals(null, fx(() -> elision(caption)), "the notation caption is whole");
        Bounds b = fx(() -> inScene(caption));
        Bounds viewport = builderViewport();
        assertTrue(b.getMinX() >= viewport.getMinX() - 0.5 && b.getMaxX() <= viewport.getMaxX() + 0.5,
                "the notation caption " + b + " lies in the builder's view " + viewport);
    }

    @Test
    void aLessonOnAnXgaProjectorFoldsTheBuilderAndTheCheckTableShowsItsNumbers(FxRobot robot) {
        open(1024, 768);
        assertTrue(fx(() -> shown(window.parts().builder())));
        openLesson(4);
        assertFalse(fx(() -> shown(window.parts().builder())), "the builder folds away beside the lesson at 1024");
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        TableView<CheckResult> table = fx(() -> window.parts().checkTable().table());
        assertTrue(fx(() -> shown(table)), "the Checks tab is in front");
        theImportantColumnsAreInView(table);
        // the columns that gave way are in the table's column menu, and one shown from it stays
        assertTrue(fx(table::isTableMenuButtonVisible), "the column menu (+) is there to bring columns back");
        TableColumn<CheckResult, ?> formula = column(table, "Formula");
        assertFalse(fx(formula::isVisible), "the formula column gave way (the quantity says BP1…BP4)");
        fx(() -> formula.setVisible(true));   // what the column menu's check item does
        own.settle();
        assertTrue(fx(formula::isVisible), "a column the user brought back stays");
        // Ctrl+B brings the builder back beside the lesson; closing the lesson brings it back whole
        own.press(robot, KeyCode.CONTROL, KeyCode.B);
        assertTrue(fx(() -> shown(window.parts().builder())));
        theWeightsCaptionIsWholeInView();
        own.press(robot, KeyCode.CONTROL, KeyCode.B);
        fx(() -> window.parts().lessons().session().close());
        own.settle();
        assertTrue(fx(() -> shown(window.parts().builder())), "the builder comes back when the lesson closes");
    }

    @Test
    void theCheckTablesHeadersAreWholeOnAnXgaProjectorInEnglishAndChinese(FxRobot robot) {
        open(1024, 768);
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        TableView<CheckResult> table = fx(() -> window.parts().checkTable().table());
        assertTrue(fx(() -> shown(table)), "the Checks tab is in front");
        theHeadersAreWhole(table, "at 1024×768");
        // sorted by its relative error, a column's header gives room to the sort arrow
        TableColumn<CheckResult, ?> relative = column(table, "Relative error");
        fx(() -> {
            relative.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(relative));
        });
        own.settle();
        theHeadersAreWhole(table, "sorted by the relative error");
        try {
            fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
            own.settle();
            assertTrue(fx(() -> table.getColumns().stream().anyMatch(c -> c.getText().equals("解析值（反向传播）"))));
            theHeadersAreWhole(table, "in 简体中文");
        } finally {
            fx(() -> Messages.setLocale(Locale.ENGLISH));
        }
        openLesson(4);
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        theHeadersAreWhole(table, "beside lesson 4");
    }

    /** Every shown column header's title is whole: on one line or wrapped to two, never "Relativ…". */
    private void theHeadersAreWhole(TableView<CheckResult> table, String where) {
        List<TableColumnHeader> headers = fx(() -> table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null && shown(h))
                .map(n -> (TableColumnHeader) n).toList());
        assertTrue(headers.size() >= 4, where + ": " + headers.size() + " headers");
        for (TableColumnHeader header : headers) {
            Labeled title = fx(() -> (Labeled) header.lookup(".label"));
            String text = fx(() -> header.getTableColumn().getText());
            assertEquals(text, fx(title::getText));
            assertEquals(null, fx(() -> elision(title)), where);
            Bounds b = fx(() -> inScene(title.lookup(".text")));
            Bounds h = fx(() -> inScene(header));
            assertTrue(b.getMinX() >= h.getMinX() - 0.5 && b.getMaxX() <= h.getMaxX() + 0.5
                            && b.getMinY() >= h.getMinY() - 0.5 && b.getMaxY() <= h.getMaxY() + 0.5,
                    where + ": \"" + text + "\" " + b + " lies in its header " + h);
            // a wrapped title breaks between words ("Relative / error"), never inside one ("Formul / a");
            // Chinese may break between any two characters
            javafx.scene.text.Text line = fx(() -> (javafx.scene.text.Text) title.lookup(".text"));
            double room = fx(line::getWrappingWidth);
            for (String word : text.split("\\s+")) {
                if (room <= 0 || word.codePoints().anyMatch(org.backprop.workbench.util.Columns::wide)) {
                    continue;
                }
                double need = fx(() -> {
                    javafx.scene.text.Text t = new javafx.scene.text.Text(word);
                    t.setFont(line.getFont());
                    return t.getLayoutBounds().getWidth();
                });
                assertTrue(need <= room + 0.5, where + ": the word \"" + word + "\" of \"" + text + "\" needs " + need
                        + " px, its header gives its text " + room + " px");
            }
        }
    }

    private static TableColumn<CheckResult, ?> column(TableView<CheckResult> table, String title) {
        return fx(() -> table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow());
    }

    private void theImportantColumnsAreInView(TableView<CheckResult> table) {
        Bounds tableBounds = fx(() -> inScene(table));
        double sceneWidth = fx(() -> window.getScene().getWidth());
        for (String title : List.of("Quantity", "Numeric (finite diff.)", "Relative error", "Verdict")) {
            TableColumn<CheckResult, ?> column = column(table, title);
            assertTrue(fx(column::isVisible), title + " is shown");
            TableColumnHeader header = fx(() -> table.lookupAll(".column-header").stream()
                    .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() == column)
                    .map(n -> (TableColumnHeader) n).findFirst().orElseThrow());
            Bounds b = fx(() -> inScene(header));
            assertTrue(b.getMaxX() <= Math.min(tableBounds.getMaxX(), sceneWidth) + 0.5,
                    title + " " + b + " ends inside the table " + tableBounds);
            assertTrue(fx(() -> column.getWidth()) + 0.5 >= fx(column::getMinWidth), title + " is not squeezed");
        }
        theHeadersAreWhole(table, "beside the lesson");
        // and no sideways scrolling is needed to see them
        for (Node n : fx(() -> List.copyOf(table.lookupAll(".scroll-bar")))) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                assertFalse(fx(() -> shown(bar)), "the table does not scroll sideways");
            }
        }
    }

    @Test
    void theEpsilonPlotsAxisLabelIsWholeOnAnXgaProjectorAndLongOnAFullHdScreen(FxRobot robot) {
        open(1024, 768);
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        var panel = window.parts().epsilonPanel();
        assertTrue(fx(() -> shown(panel.getView())), "the ε tab is in front");
        assertTrue(fx(panel::xAxisLabelFits), "'" + fx(panel::xAxisLabel) + "' fits under the plot at 1024");
        own.close();
        open(1920, 1080);
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        var wide = window.parts().epsilonPanel();
        assertTrue(fx(wide::xAxisLabelFits));
        assertTrue(fx(wide::xAxisLabel).contains("ε_machine"), "the whole explanation where there is room");
    }

    @Test
    void besideALessonWithTheBuilderBackTheDiagramCaptionsAndBackNextStayWhole(FxRobot robot) {
        open(1024, 768);
        openLesson(4);
        // the narrowest the diagram gets: the lesson on the right, the builder brought back on the left
        own.press(robot, KeyCode.CONTROL, KeyCode.B);
        assertTrue(fx(() -> shown(window.parts().builder())));
        theDiagramAndItsBarAreWhole();
        own.press(robot, KeyCode.CONTROL, KeyCode.B);
        theDiagramAndItsBarAreWhole();
    }

    private void theDiagramAndItsBarAreWhole() {
        NetworkDiagram diagram = window.parts().diagram();
        double[][] captions = fx(diagram::captionExtents);
        double width = fx(diagram::getWidth);
        assertTrue(captions.length >= 2);
        assertTrue(captions[0][0] >= -0.5, "the input caption starts inside the diagram: " + captions[0][0]);
        assertTrue(captions[captions.length - 1][1] <= width + 0.5, "the output caption ends inside the diagram");
        for (int l = 0; l + 1 < captions.length; l++) {
            assertTrue(captions[l][1] <= captions[l + 1][0],
                    "caption " + l + " ends at " + captions[l][1] + ", caption " + (l + 1) + " starts at "
                            + captions[l + 1][0] + " (diagram " + width + " px)");
        }
        for (String id : List.of("#backButton", "#nextButton", "#stepPosition")) {
            Labeled l = fx(() -> (Labeled) window.lookup(id));
            assertEquals(null, fx(() -> elision(l)), id + " is whole");
            Bounds b = fx(() -> inScene(l));
            Bounds d = fx(() -> inScene(diagram));
            assertTrue(b.getMaxX() <= d.getMaxX() + 0.5, id + " " + b + " ends under the diagram " + d);
        }
    }
}
