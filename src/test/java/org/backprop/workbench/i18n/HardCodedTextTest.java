package org.backprop.workbench.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Flags user-visible text hard-coded in the app's Java code: a string literal with a word in it passed straight to
 * setText, new Label, new MenuItem, new Button, a tooltip, a dialog's title/header/content or a prompt. Text the
 * app shows belongs in the bundles ({@link Messages}).
 *
 * <p>The app's strings move into the bundles file by file. Files already moved ({@link #CONVERTED}: the action
 * table that builds every menu, the language menu) must hold no such literal; {@code hardcoded-text-baseline.txt}
 * lists the files still to do, with their counts when it was written, as the backlog (the counts are not enforced,
 * so that parallel work on those files does not break the build; add a file to CONVERTED once it is moved).
 */
class HardCodedTextTest {
    private static final Path APP = Path.of("src/main/java/org/backprop/workbench/app");
    /** App files (or folders, ending in /) whose user-visible text is all in the bundles. */
    static final java.util.List<String> CONVERTED = java.util.List.of("actions/", "WorkbenchToolBar.java", "LanguageMenu.java",
            "panels/DerivePanel.java", "DeriveHooks.java", "MatrixView.java", "FormulaView.java",
            "panels/TaskStatusBar.java", "dialogs/FxDialogService.java", "panels/EpsilonPlotPanel.java",
            "panels/SoftmaxComparisonPanel.java", "NetworkDiagram.java", "QuickCheck.java",
            "panels/CheckTablePanel.java", "panels/TrainingPanel.java", "lessons/LessonUi.java",
            "lessons/LessonPanel.java", "BuilderPanel.java", "MatrixEditor.java", "StepDetailView.java",
            "panels/Names.java", "StatusLine.java", "StepNavigation.java", "HelpDialogs.java", "ChoiceMenus.java",
            "FileActions.java", "TaskRunner.java", "MainWindow.java", "WindowParts.java", "WindowActions.java",
            "StageHooks.java", "ArrowKeys.java", "WorkbenchView.java", "StepListView.java", "PngSnapshot.java");
    static final Pattern VISIBLE = Pattern.compile("(?:setText|new Label|new MenuItem|new Menu|new CheckMenuItem"
            + "|new RadioMenuItem|new Button|new ToggleButton|new CheckBox|new Tooltip|new Tab|setTitle|setHeaderText"
            + "|setContentText|setPromptText)\\(\\s*\"([^\"]*[A-Za-z]{2,}[^\"]*)\"");

    static Map<String, Integer> count() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = VISIBLE.matcher(Files.readString(f));
                int n = 0;
                while (m.find()) {
                    n++;
                }
                if (n > 0) {
                    counts.put(APP.relativize(f).toString().replace('\\', '/'), n);
                }
            }
        }
        return counts;
    }

    @Test
    void convertedFilesHoldNoHardCodedText() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        count().forEach((file, n) -> {
            if (CONVERTED.stream().anyMatch(c -> c.endsWith("/") ? file.startsWith(c) : file.equals(c))) {
                found.put(file, n);
            }
        });
        assertEquals(Map.of(), found, "hard-coded user-visible literals in files whose text is in the bundles");
    }

    /** Core files whose prose (notes, shapes captions, operand names) is all in the bundles. */
    static final java.util.List<String> CORE_CONVERTED = java.util.List.of("steps/Steps.java", "lesson/Quiz.java",
            "lesson/QuizAttempt.java", "derive/Entries.java", "derive/Deriver.java",
            "derive/DerivationFormat.java", "numeric/DifferenceMethod.java", "numeric/Epsilon.java",
            "numeric/NotAnalyticException.java", "numeric/ComplexForward.java", "check/Reason.java",
            "check/CheckMode.java", "report/CheckReport.java", "util/Columns.java", "kernel/loss/Quadratic.java",
            "kernel/loss/CrossEntropy.java", "kernel/loss/BinaryCrossEntropy.java",
            "kernel/loss/SigmoidCrossEntropy.java", "kernel/loss/SoftmaxCrossEntropy.java",
            "kernel/activation/Relu.java", "kernel/activation/LeakyRelu.java", "kernel/activation/Swish.java", "kernel/activation/Gelu.java",
            "kernel/ActivationKernel.java", "explore/SoftmaxComparison.java", "lesson/TexSubset.java",
            "lesson/Prediction.java", "check/EpsilonSweep.java");
    /** A Java string literal (escapes included), found in order so that each opening quote pairs with its own end. */
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** English prose: two words of letters separated by a space. */
    static final Pattern PROSE = Pattern.compile("\\b[A-Za-z]{2,} [A-Za-z]{2,}\\b");

    /**
     * The literals of {@code source} (comments removed) that hold English prose; an exception's message (a literal
     * right after {@code Exception(}) is for the programmer and may stay English.
     */
    static java.util.List<String> prose(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        java.util.List<String> found = new java.util.ArrayList<>();
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
            if (PROSE.matcher(m.group(1)).find() && !code.substring(0, m.start()).endsWith("Exception(")) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void convertedCoreFilesHoldNoEnglishProse() throws IOException {
        Path core = Path.of("src/main/java/org/backprop/workbench");
        Map<String, java.util.List<String>> found = new TreeMap<>();
        for (String file : CORE_CONVERTED) {
            java.util.List<String> literals = prose(Files.readString(core.resolve(file)));
            if (!literals.isEmpty()) {
                found.put(file, literals);
            }
        }
        assertEquals(Map.of(), found, "English prose in core files whose text is in the bundles");
        assertEquals(java.util.List.of("\" (column by column)\""), prose("x = \"z\" + \" (column by column)\";"));
        assertEquals(java.util.List.of(), prose("Messages.get(\"steps.columnByColumn\") + \"\\\\quad\\\\text{\""));
    }

    @Test
    void thePatternFindsWhatItShould() {
        assertEquals(true, VISIBLE.matcher("label.setText(\"Step detail\")").find());
        assertEquals(true, VISIBLE.matcher("new MenuItem(\"(no lessons found)\")").find());
        assertEquals(false, VISIBLE.matcher("label.setText(Messages.get(\"app.step\"))").find());
        assertEquals(false, VISIBLE.matcher("label.setText(\"\")").find());
        assertEquals(false, VISIBLE.matcher("label.setText(\" · \")").find());
    }
}
