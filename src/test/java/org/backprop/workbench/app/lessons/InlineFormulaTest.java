package org.backprop.workbench.app.lessons;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long formula inside a line of lesson text shrinks to the panel's width instead of being cut off. */
@ExtendWith(ApplicationExtension.class)
class InlineFormulaTest {
    /** Lesson 5's δ¹ ≈ (0.540, 0.327 − 1, 0.133) = (…): wider than a lesson panel at zoom 1.5. */
    private static final String LONG = "\\delta^1 \\approx (0.540,\\; 0.327 - 1,\\; 0.133) = (0.540,\\; -0.673,\\; 0.133)";
    private static final double TOLERANCE = 1e-9;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aFormulaWiderThanItsLimitShrinksKeepingItsProportionsAndBaseline(FxRobot robot) {
        AtomicReference<InlineFormula> made = new AtomicReference<>();
        robot.interact(() -> made.set(new InlineFormula(LONG, 15, new SimpleDoubleProperty(1.5), Color.BLACK)));
        InlineFormula f = made.get();
        double width = f.getFitWidth();
        double height = f.getFitHeight();
        double baseline = f.getBaselineOffset();
        assertEquals(f.naturalWidth(), width, TOLERANCE, "no limit: its own width");
        assertTrue(width > 300, "the formula is long: " + width);

        robot.interact(() -> f.maxWidthProperty().set(200));

        assertEquals(200, f.getFitWidth(), TOLERANCE);
        assertEquals(height * 200 / width, f.getFitHeight(), TOLERANCE);
        assertEquals(baseline * 200 / width, f.getBaselineOffset(), TOLERANCE);

        robot.interact(() -> f.maxWidthProperty().set(10_000));
        assertEquals(width, f.getFitWidth(), TOLERANCE, "a formula never grows past its own size");
    }
}
