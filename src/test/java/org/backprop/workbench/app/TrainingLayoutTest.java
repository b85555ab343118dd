package org.backprop.workbench.app;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.workbench.i18n.Messages;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
 * The Training tab and the F1 list on a 1024×768 lecture projector, started in 简体中文 and in English: the
 * learning-rate and step-count boxes show their numbers (they were squeezed to their arrows), the chart down to its
 * x axis's label 步数 / step lies above the check summary under it (the split's lower pane was centred over it), and
 * the F1 list shows every key and what it does whole, in two columns, without sideways scrolling (its view was 134
 * px wide in 简体中文, 201 px in English).
 */
@ExtendWith(ApplicationExtension.class)
class TrainingLayoutTest {
    @TempDir
    static Path folder;

    private OwnWindow own;
    private MainWindow window;

    @Start
    void start(Stage primary) {
        own = new OwnWindow();
    }

    @AfterEach
    void closeTheWindowInEnglish() {
        fx(() -> Window.getWindows().stream().filter(w -> w.getScene().getRoot() instanceof DialogPane).toList()
                .forEach(Window::hide));
        own.close();
        fx(() -> Messages.setLocale(Locale.ENGLISH));
    }

    /** A fresh window at 1024×768 in {@code locale}, as the app starts with the language remembered. */
    private void open(Locale locale) {
        fx(() -> Messages.setLocale(locale));
        own.open(folder, 1024, 768);
        window = own.window();
        own.settle();
    }

    /** The width of {@code text} in {@code font}, measured by a Text node of its own. */
    private static double textWidth(String text, javafx.scene.text.Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void theTrainingTabIsReadableInChinese(FxRobot robot) {
        theTrainingTabIsReadable(Locale.SIMPLIFIED_CHINESE, robot);
    }

    @Test
    void theTrainingTabIsReadableInEnglish(FxRobot robot) {
        theTrainingTabIsReadable(Locale.ENGLISH, robot);
    }

    private void theTrainingTabIsReadable(Locale locale, FxRobot robot) {
        open(locale);
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT6);
        Node view = fx(() -> window.parts().trainingPanel().getView());
        assertTrue(fx(() -> shown(view)), "the Training tab is in front");
        String where = locale.getDisplayName(Locale.ENGLISH) + " at 1024×768";
        // the boxes show their numbers: the default ones, and the widest each can hold
        theBoxesShowTheirNumbers(view, where);
        fx(() -> window.parts().trainingPanel().run(1e-4, 1_000_000, true));
        fx(() -> window.parts().trainingPanel().pause());
        waitUntil(() -> !window.parts().trainingPanel().runningProperty().get());
        own.settle();
        theBoxesShowTheirNumbers(view, where + ", η = 0.0001, 1000000 steps");

        // the tab's controls lie in the tab: none runs off its right edge
        Bounds tab = fx(() -> inScene(view));
        for (String id : new String[]{"#learningRate", "#trainingSteps"}) {
            Bounds b = fx(() -> inScene(view.lookup(id)));
            assertTrue(b.getMaxX() <= tab.getMaxX() + 0.5, where + ": " + id + " " + b + " ends in the tab " + tab);
        }

        // the chart, down to its x axis's label, lies above the check summary under it
        ChartViewer viewer = fx(() -> (ChartViewer) view.lookup("#trainingChart"));
        Label summary = fx(() -> (Label) view.lookup("#trainingCheckSummary"));
        assertTrue(fx(() -> shown(viewer)) && fx(() -> shown(summary)));
        String label = fx(() -> window.parts().trainingPanel().xAxisLabel());
        assertEquals(Messages.get("training.stepAxis"), label);
        Bounds below = fx(() -> inScene(summary));
        Bounds chart = fx(() -> inScene(viewer));
        assertTrue(chart.getMaxY() <= below.getMinY() + 0.5,
                where + ": the chart " + chart + " ends above the check summary " + below);
        // where the x axis and its label are drawn (under the data area, in the canvas's coordinates): room for the
        // label under the tick labels, and all of it above the summary
        Rectangle2D axisLabel = fx(() -> window.parts().trainingPanel().xAxisArea());
        double labelHeight = fx(() -> window.parts().trainingPanel().xAxisLabelHeight());
        assertTrue(axisLabel.getHeight() >= 2 * labelHeight - 0.5, where + ": the x axis " + axisLabel
                + " has room for its tick labels and '" + label + "', each " + labelHeight + " px high");
        Bounds drawn = fx(() -> viewer.getCanvas().localToScene(new javafx.geometry.BoundingBox(
                axisLabel.getMinX(), axisLabel.getMinY(), axisLabel.getWidth(), axisLabel.getHeight())));
        assertTrue(drawn.getMaxY() <= below.getMinY() + 0.5 && !drawn.intersects(below),
                where + ": '" + label + "' drawn at " + drawn + " stays above the check summary " + below);
        assertTrue(drawn.getMaxY() <= chart.getMaxY() + 0.5, where + ": '" + label + "' " + drawn
                + " is drawn inside the chart " + chart);
    }

    private void theBoxesShowTheirNumbers(Node view, String where) {
        for (String id : new String[]{"#learningRate", "#trainingSteps"}) {
            Spinner<?> spinner = fx(() -> (Spinner<?>) view.lookup(id));
            assertNotNull(spinner, id);
            assertTrue(fx(() -> shown(spinner)), id + " is shown");
            TextField editor = fx(spinner::getEditor);
            String text = fx(() -> editor.getText());
            assertFalse(text.isBlank(), id + " has a value");
            double need = fx(() -> textWidth(text, editor.getFont()));
            double room = fx(() -> {
                Insets in = editor.getInsets();
                return editor.getWidth() - in.getLeft() - in.getRight();
            });
            assertTrue(room + 0.5 >= need, where + ": " + id + " shows '" + text + "' (" + need + " px) in "
                    + room + " px");
        }
    }

    @Test
    void theShortcutListIsWholeInChinese(FxRobot robot) {
        theShortcutListIsWhole(Locale.SIMPLIFIED_CHINESE, robot);
    }

    @Test
    void theShortcutListIsWholeInEnglish(FxRobot robot) {
        theShortcutListIsWhole(Locale.ENGLISH, robot);
    }

    private void theShortcutListIsWhole(Locale locale, FxRobot robot) {
        open(locale);
        own.press(robot, KeyCode.F1);
        DialogPane pane = fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().lookup("#shortcutsDialog"))
                .filter(n -> n != null).map(n -> (DialogPane) n).findFirst().orElse(null));
        assertNotNull(pane, "F1 shows the shortcut list");
        String where = locale.getDisplayName(Locale.ENGLISH);
        ScrollPane scroll = fx(() -> (ScrollPane) pane.getContent());
        Node list = fx(scroll::getContent);
        List<Labeled> labels = fx(() -> list.lookupAll(".label").stream().filter(n -> n instanceof Labeled)
                .map(n -> (Labeled) n).toList());
        String shown = fx(() -> labels.stream().map(Labeled::getText).collect(Collectors.joining("\n")));
        for (String what : new String[]{Messages.get("help.otherKeys"), Messages.get("help.key.training"),
                "Ctrl+Shift+S", "F1"}) {
            assertTrue(shown.contains(what), where + ": the list shows " + what);
        }
        Bounds view = fx(() -> inScene(scroll.lookup(".viewport")));
        for (Labeled l : labels) {
            String text = fx(l::getText);
            assertEquals(null, fx(() -> elision(l)), where + ": not elided");
            assertFalse(fx(l::isWrapText), where + ": '" + text + "' on one line");
            // every line whole in its label, every label in the list's view: no sideways scrolling at 1024
            for (String line : text.split("\n")) {
                double need = fx(() -> textWidth(line, l.getFont()));
                assertTrue(fx(l::getWidth) + 0.5 >= need, where + ": '" + line + "' needs " + need + " px, its label"
                        + " is " + fx(l::getWidth));
            }
            Bounds b = fx(() -> inScene(l));
            assertTrue(b.getMinX() >= view.getMinX() - 0.5 && b.getMaxX() <= view.getMaxX() + 0.5,
                    where + ": '" + text + "' " + b + " lies across the list's view " + view);
        }
        // what the keys do starts in one column in every row, whatever the width of the keys or the font
        List<Double> starts = fx(() -> list.lookupAll(".shortcut-what").stream()
                .map(n -> inScene(n).getMinX()).toList());
        assertTrue(starts.size() > 20, where + ": " + starts.size() + " keys and what they do");
        double spread = starts.stream().mapToDouble(d -> d).max().orElseThrow()
                - starts.stream().mapToDouble(d -> d).min().orElseThrow();
        assertTrue(spread <= 0.5, where + ": the descriptions start at " + starts);
        // and the dialog fits the 1024 px screen of a lecture projector
        Window dialog = fx(() -> pane.getScene().getWindow());
        assertTrue(fx(dialog::getWidth) <= 1024, where + ": the dialog is " + fx(dialog::getWidth) + " px wide");
    }
}
