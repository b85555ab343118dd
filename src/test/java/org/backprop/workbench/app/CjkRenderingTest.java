package org.backprop.workbench.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.backprop.workbench.app.FxThread.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chinese text renders as glyphs, not as "tofu" (the empty boxes of a missing glyph), at 1× and 2× output scale, in
 * every way the app draws text: JavaFX text (labels, menus, lesson prose, matrix captions) in the default, bold and
 * monospace fonts, the diagram's canvas text, and the formulas (JLaTeXMath painting with AWT fonts). Each character is
 * drawn alone: it must leave ink, differ from the missing-glyph drawing of a code point no font has, and differ from
 * every other character (tofu boxes are all alike). A machine without a CJK font fails here; docs/INSTALL.md names
 * the fonts to install.
 */
@ExtendWith(ApplicationExtension.class)
public class CjkRenderingTest {
    /** Characters of the Chinese bundle and lessons: backprop, check, derive, lesson, Simplified Chinese. */
    public static final String SAMPLE = "反向传播检验推导课程简体中文";
    /** A code point of the last private-use plane: no font draws it, so it shows the missing glyph. */
    public static final String MISSING = new String(Character.toChars(0x10FFFD));

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    private static BufferedImage fxText(String s, Font font, double scale) {
        return fx(() -> {
            Text t = new Text(s);
            t.setFont(font);
            t.setFill(Color.BLACK);
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            p.setTransform(Transform.scale(scale, scale));
            WritableImage img = t.snapshot(p, null);
            return SwingFXUtils.fromFXImage(img, null);
        });
    }

    /** As NetworkDiagram draws its labels: fillText on a canvas, in the bold system font. */
    private static BufferedImage canvasText(String s, double scale) {
        return fx(() -> {
            Canvas c = new Canvas(40, 40);
            GraphicsContext g = c.getGraphicsContext2D();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, 40, 40);
            g.setFill(Color.BLACK);
            g.setFont(Font.font(null, FontWeight.BOLD, 20));
            g.fillText(s, 6, 28);
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(Transform.scale(scale, scale));
            return SwingFXUtils.fromFXImage(c.snapshot(p, null), null);
        });
    }

    private static BufferedImage formula(String s, double scale) {
        BufferedImage argb = FormulaView.paint("\\text{" + s + "}", (float) (FormulaView.BASE_SIZE * scale),
                Color.BLACK);
        BufferedImage white = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, white.getWidth(), white.getHeight());
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        return white;
    }

    /** Pixels clearly darker than the white ground. */
    static int ink(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 128) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The picture as a key: size and every pixel, so equal drawings are equal keys. */
    static List<Integer> key(BufferedImage img) {
        List<Integer> k = new ArrayList<>();
        k.add(img.getWidth());
        k.add(img.getHeight());
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                k.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return k;
    }

    public static void assertGlyphs(String where, Function<String, BufferedImage> draw) {
        assertGlyphs(where, SAMPLE, draw);
    }

    public static void assertGlyphs(String where, String sample, Function<String, BufferedImage> draw) {
        List<Integer> missing = key(draw.apply(MISSING));
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < sample.length(); i = sample.offsetByCodePoints(i, 1)) {
            String ch = sample.substring(i, sample.offsetByCodePoints(i, 1));
            BufferedImage img = draw.apply(ch);
            assertTrue(ink(img) > 10, where + ": " + ch + " leaves ink");
            List<Integer> k = key(img);
            assertFalse(k.equals(missing), where + ": " + ch + " is not the missing glyph");
            assertTrue(seen.add(k), where + ": " + ch + " differs from the characters before it (not one box for all)");
        }
    }

    @ParameterizedTest(name = "at {0}×")
    @ValueSource(doubles = {1.0, 2.0})
    void javafxTextDrawsChineseInTheFontsTheAppUses(double scale) {
        Font system = fx(() -> Font.font(Font.getDefault().getFamily(), 14));
        Font bold = fx(() -> Font.font(null, FontWeight.BOLD, 14));
        Font mono = fx(() -> Font.font("monospace", 14));
        assertGlyphs("system font " + system.getFamily(), s -> fxText(s, system, scale));
        assertGlyphs("bold", s -> fxText(s, bold, scale));
        assertGlyphs("monospace", s -> fxText(s, mono, scale));
    }

    @ParameterizedTest(name = "at {0}×")
    @ValueSource(doubles = {1.0, 2.0})
    void theDiagramsCanvasDrawsChinese(double scale) {
        assertGlyphs("canvas", s -> canvasText(s, scale));
    }

    @ParameterizedTest(name = "at {0}×")
    @ValueSource(doubles = {1.0, 2.0})
    void formulasDrawChineseInsideText(double scale) {
        assertGlyphs("formula", s -> formula(s, scale));
    }

    @org.junit.jupiter.api.Test
    void theCheckCatchesTofu() {
        // code points no font has: each draws the missing glyph, which the check must reject
        String tofu = new String(Character.toChars(0x10FFF0)) + new String(Character.toChars(0x10FFF1));
        Font system = fx(Font::getDefault);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertGlyphs("tofu", tofu, s -> fxText(s, system, 1.0)));
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertGlyphs("tofu", tofu, s -> formula(s, 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SansSerif", "Serif", "Dialog"})
    void theAwtLogicalFontsThatFormulasFallBackOnCanDisplayChinese(String family) {
        java.awt.Font f = new java.awt.Font(family, java.awt.Font.PLAIN, 14);
        assertEquals(-1, f.canDisplayUpTo(SAMPLE), family + " displays " + SAMPLE);
        assertFalse(Arrays.stream(SAMPLE.split("")).anyMatch(c -> !f.canDisplay(c.charAt(0))));
    }
}
