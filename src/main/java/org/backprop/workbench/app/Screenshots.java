package org.backprop.workbench.app;

import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.engine.Mistake;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The documentation screenshots: a list of named scenes of the real window. {@code mvn -B test -Pscreenshots}
 * (the test {@code ScreenshotTourTest}) opens a fresh window on the default network for each, runs its set-up, waits
 * until it is ready and writes {@code screenshots/NAME.png} at {@link #WIDTH} x {@link #HEIGHT} (or the shot's own size). To add a shot,
 * add a {@link Shot} to {@link #ALL}.
 */
public final class Screenshots {
    /** Window size of every shot: larger than the minimum of 1280×800, the size of a common projector. */
    public static final double WIDTH = 1440;
    public static final double HEIGHT = 900;

    /**
     * One screenshot.
     *
     * @param name     file name without .png (zh/NAME for the app in Chinese)
     * @param language the language the window is opened in (English unless the shot shows the translation)
     * @param setup  what to do to a fresh window (on the FX thread)
     * @param ready  true once the window shows what the shot is about (polled on the FX thread)
     * @param width  the window's size ({@link #WIDTH} × {@link #HEIGHT} unless the shot is about another size)
     * @param height
     */
    public record Shot(String name, java.util.Locale language, Consumer<MainWindow> setup,
                       Predicate<MainWindow> ready, double width, double height) {
        public Shot(String name, java.util.Locale language, Consumer<MainWindow> setup, Predicate<MainWindow> ready) {
            this(name, language, setup, ready, WIDTH, HEIGHT);
        }

        public Shot(String name, Consumer<MainWindow> setup, Predicate<MainWindow> ready) {
            this(name, java.util.Locale.ENGLISH, setup, ready);
        }

        /** The same shot in a window of another size (a projector's 1024×768). */
        public Shot at(double w, double h) {
            return new Shot(name, language, setup, ready, w, h);
        }

        public Shot(String name, Consumer<MainWindow> setup) {
            this(name, setup, Screenshots::idle);
        }
    }

    /** True when the analysis, with its checks, is in and no background task runs. */
    public static boolean idle(MainWindow w) {
        WorkbenchModel m = w.parts().model();
        return m.getAnalysis() != null && !m.busyProperty().get() && !m.checkingProperty().get()
                && !w.parts().runner().isBusy();
    }

    public static final List<Shot> ALL = List.of(
            new Shot("builder", w -> {
                w.parts().model().currentStepIdProperty().set("z1");
                w.parts().builder().addHiddenLayer();
            }),
            new Shot("forward-step", w -> w.parts().model().currentStepIdProperty().set("z2")),
            new Shot("backward-step", w -> {
                w.parts().model().currentStepIdProperty().set("delta1");
                selectFirst(w, Formula.BP2, 1);
            }),
            new Shot("mistake-checks", w -> {
                w.parts().model().mistakeProperty().set(Mistake.BP2_NO_SIGMA_PRIME);
                w.parts().model().currentStepIdProperty().set("delta1");
                w.parts().model().navigate(WorkbenchView.CHECKS);
                w.parts().checkTable().setFailuresOnly(true);
            }, w -> idle(w) && w.parts().model().getAnalysis().mistake() == Mistake.BP2_NO_SIGMA_PRIME
                    && !w.parts().checkTable().shownRows().isEmpty()),
            new Shot("epsilon-plot", w -> {
                w.parts().model().currentStepIdProperty().set("gradW1");
                w.parts().model().navigate(WorkbenchView.EPSILON);
                selectFirst(w, Formula.BP4, 1);
            }, w -> idle(w) && w.parts().epsilonPanel().sweepProperty().get() != null),
            new Shot("softmax", w -> {
                w.parts().model().navigate(WorkbenchView.SOFTMAX);
                w.parts().softmaxPanel().setLogitScale(2000);
            }, w -> idle(w) && w.parts().softmaxPanel().scaleSweepProperty().get() != null),
            new Shot("training", w -> {
                // the example whose missing relu derivative only a check after training catches
                w.parts().files().openFile(java.nio.file.Path.of("examples", "relu-2-3-2-train-then-check.json"));
                w.parts().model().mistakeProperty().set(Mistake.BP2_NO_SIGMA_PRIME);
                w.parts().model().navigate(WorkbenchView.TRAINING);
                w.parts().trainingPanel().runningProperty().addListener((o, was, now) -> {
                    if (!now) {
                        w.parts().trainingPanel().checkHere();
                    }
                });
                w.parts().trainingPanel().run(0.5, 60, false);
            }, w -> idle(w) && w.parts().trainingPanel().stepProperty().get() >= 60
                    && w.parts().trainingPanel().checkedProperty().get() != null),
            new Shot("derive", w -> {
                w.parts().model().currentStepIdProperty().set("delta1");
                w.parts().model().navigate(WorkbenchView.DERIVE);
                selectFirst(w, Formula.BP2, 1);
            }, w -> idle(w) && w.parts().derivePanel().derivationProperty().get() != null),
            new Shot("compare-values", w -> {
                // a student's values (the NumPy starter with BP2's σ'(z) forgotten) against the example network
                w.parts().files().openFile(java.nio.file.Path.of("examples", "softmax-2-3-2.json"));
                w.parts().compare().compare(java.nio.file.Path.of("examples", "values", "softmax-2-3-2-bp2-bug.json"));
            }, w -> idle(w) && w.parts().compare().getComparison() != null),
            new Shot("presentation-dark", w -> {
                w.parts().model().currentStepIdProperty().set("delta1");
                w.parts().presentation().toggle();
            }),
            // presentation mode (F5) on the XGA projector of many lecture rooms, and on a Full HD one
            new Shot("presentation-1024", w -> {
                w.parts().model().currentStepIdProperty().set("delta1");
                w.parts().presentation().toggle();
            }).at(1024, 768),
            new Shot("presentation-1920", w -> {
                w.parts().model().currentStepIdProperty().set("delta1");
                w.parts().presentation().toggle();
            }).at(1920, 1080),
            // a quiz as the student meets it (the asked number hidden), then after the answer
            new Shot("lesson-quiz-asked", w -> {
                w.parts().lessons().openByName("01-one-neuron.md");
                w.parts().lessons().session().goTo(5);
            }, w -> idle(w) && w.parts().lessons().settled()),
            new Shot("lesson-quiz", w -> {
                w.parts().lessons().openByName("01-one-neuron.md");
                w.parts().lessons().session().goTo(5);
                w.parts().lessons().panel().answer("-0.3775");
            }, w -> idle(w) && w.parts().lessons().settled()),
            new Shot("lesson-batches", w -> {
                w.parts().lessons().openByName("04-batches.md");
                w.parts().lessons().session().goTo(5);
            }, w -> idle(w) && w.parts().lessons().settled()),
            new Shot("lesson-spot-the-bug", w -> {
                w.parts().lessons().openByName("09-spot-the-bug.md");
                w.parts().lessons().session().goTo(5);
                w.parts().builderShownProperty().set(false);   // Ctrl+B: the check table and the lesson side by side need the width
            }, w -> idle(w) && w.parts().lessons().settled()),
            // the app in Chinese: a backward step at zoom 1 and 2 (CJK text in menus, panes, the diagram), a lesson
            new Shot("zh/backward-step", java.util.Locale.SIMPLIFIED_CHINESE, w -> {
                w.parts().model().currentStepIdProperty().set("delta1");
                selectFirst(w, Formula.BP2, 1);
            }, Screenshots::idle),
            new Shot("zh/backward-step-zoom-2", java.util.Locale.SIMPLIFIED_CHINESE, w -> {
                w.parts().model().zoomProperty().set(2.0);
                w.parts().model().currentStepIdProperty().set("delta1");
                selectFirst(w, Formula.BP2, 1);
            }, Screenshots::idle),
            new Shot("zh/lesson-batches", java.util.Locale.SIMPLIFIED_CHINESE, w -> {
                w.parts().lessons().openByName("04-batches.md");
                w.parts().lessons().session().goTo(5);
            }, w -> idle(w) && w.parts().lessons().settled()),
            new Shot("zh/compare-values", java.util.Locale.SIMPLIFIED_CHINESE, w -> {
                w.parts().files().openFile(java.nio.file.Path.of("examples", "softmax-2-3-2.json"));
                w.parts().compare().compare(java.nio.file.Path.of("examples", "values", "softmax-2-3-2-bp2-bug.json"));
            }, w -> idle(w) && w.parts().compare().getComparison() != null));

    private Screenshots() {
    }

    /** Selects the first check of a formula in a layer once the checks are in. */
    private static void selectFirst(MainWindow w, Formula formula, int layer) {
        Consumer<Void> select = v -> w.parts().model().getAnalysis().checks().stream()
                .filter(c -> c.formula() == formula && c.layer() == layer).findFirst()
                .ifPresent(c -> w.parts().model().selectedCheckProperty().set(c));
        if (idle(w)) {
            select.accept(null);
        } else {
            w.parts().model().checkingProperty().addListener((o, was, now) -> {
                if (!now) {
                    select.accept(null);
                }
            });
        }
    }

    /** For tests: the check a shot selected, if any. */
    static CheckResult selected(MainWindow w) {
        return w.parts().model().selectedCheckProperty().get();
    }
}
