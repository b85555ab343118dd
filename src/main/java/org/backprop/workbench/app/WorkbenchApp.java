package org.backprop.workbench.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The workbench window. Started with no arguments it opens the default network on the BP1 step; with a file
 * argument ({@code java -jar backprop-workbench.jar --app FILE.json} or {@code mvn javafx:run -Djavafx.args=FILE})
 * it opens that file.
 */
public class WorkbenchApp extends Application {
    /** Preferred initial window size, room for the formulas; smaller screens get their visible area instead. */
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 860;

    /**
     * With {@code -Dbw.firstPaint=true} the app prints on stderr when its first pulse (the first layout before the
     * window is drawn) comes, in milliseconds since the JVM started: how docs/NUMERICS.md measures the first paint.
     * Started from {@code java -jar}, the times count from the first JVM, which started the window in a second one.
     * A second line gives the FX thread's CPU in making the window and in {@code Stage.show}.
     * With {@code -Dbw.firstPaint=exit} it then quits (measurements in a loop, and the launcher's class list).
     */
    public static final String FIRST_PAINT_PROPERTY = "bw.firstPaint";

    /**
     * Typeset once on a background thread while the window is built: JLaTeXMath's first formula reads its font
     * tables and symbol maps (about a quarter of a second of CPU, more before the JIT has warmed up), which would
     * otherwise happen on the FX thread when the step view shows its first formula. A fraction, a Greek letter, a
     * sub- and superscript and a product, as the step formulas have.
     */
    static final String WARM_UP_FORMULA = "\\delta^{l}_{j} = \\frac{\\partial C}{\\partial z^{l}_{j}} \\odot \\sigma'(z)";

    @Override
    public void start(Stage stage) {
        open(stage, AppSettings.standard(), getParameters().getUnnamed());
    }

    /**
     * Builds and shows the window on {@code stage}. The model's first analysis is held until the window's first
     * pulse, so the window paints before any check runs (and its start-up does not share the CPU with them); a file
     * argument is opened after that pulse too.
     *
     * @return the window shown
     */
    static MainWindow open(Stage stage, AppSettings settings, List<String> args) {
        warmUpFormulas();
        HeldExecutor analysis = new HeldExecutor(WorkbenchModel.newWorker());
        WorkbenchModel model = new WorkbenchModel(StartUp.defaultNetwork(), analysis, PulseQueue.fx(),
                Platform::runLater);
        settings.applyTo(model);
        // the theme before the first control is made: Control's static initialiser loads JavaFX's own stylesheet
        // (Modena) only when no user-agent stylesheet is set, and AtlantaFX's replaces it anyway
        MainWindow.setTheme(model.darkThemeProperty().get());
        long built = fxCpuMillis();
        MainWindow window = new MainWindow(model, settings.recentFiles());
        built = fxCpuMillis() - built;
        window.parts().setErrorLog(new ErrorLog(settings.folder().resolve(ErrorLog.FILE)));
        settings.follow(model, window.parts().presentation().onProperty());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        java.util.Optional<Rectangle2D> remembered = settings.windowBounds(
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
        stage.setScene(window.createScene(remembered.map(Rectangle2D::getWidth).orElse(Math.min(WIDTH, screen.getWidth())),
                remembered.map(Rectangle2D::getHeight).orElse(Math.min(HEIGHT, screen.getHeight()))));
        remembered.ifPresent(b -> {
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
        });
        stage.setMaximized(settings.maximized());
        stage.setMinWidth(AppSettings.MIN_WIDTH);
        stage.setMinHeight(AppSettings.MIN_HEIGHT);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> settings.saveWindow(stage));
        long shown = fxCpuMillis();
        stage.show();
        shown = fxCpuMillis() - shown;
        long windowMs = built;
        long showMs = shown;
        Scene scene = stage.getScene();
        // the window paints first (the default network), and only then is a file read: a 2.5 MB network would
        // otherwise keep the window blank while it loads
        Runnable firstPulse = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                String report = System.getProperty(FIRST_PAINT_PROPERTY, "false");
                if (report.equals("true") || report.equals("exit")) {
                    System.err.printf(Locale.ROOT, "first pulse: %d ms after the JVM started, %d ms of CPU time, "
                                    + "%d ms of it on the FX thread%n",
                            sinceStart(), launcherCpu() + ProcessHandle.current().info().totalCpuDuration()
                                    .map(java.time.Duration::toMillis).orElse(-1L),
                            java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                                    / 1_000_000);
                    // the FX thread's share of the window's own making and of Stage.show (CSS, layout, skins)
                    System.err.printf(Locale.ROOT, "FX thread: %d ms making the window, %d ms in Stage.show%n",
                            windowMs, showMs);
                }
                if (report.equals("exit")) {
                    // after the frame this pulse draws
                    Platform.runLater(Platform::exit);
                    return;
                }
                analysis.release();
                if (!args.isEmpty()) {
                    Platform.runLater(() -> window.parts().files().openFile(Path.of(args.get(0))));
                }
            }
        };
        scene.addPostLayoutPulseListener(firstPulse);
        window.parts().stepList().requestFocus();
        return window;
    }

    /** Typesets {@link #WARM_UP_FORMULA} on a daemon thread; a failure there only means no warm-up. */
    private static void warmUpFormulas() {
        Thread t = new Thread(() -> {
            try {
                FormulaView.paint(WARM_UP_FORMULA, (float) FormulaView.BASE_SIZE, javafx.scene.paint.Color.BLACK);
            } catch (RuntimeException | LinkageError e) {
                // the FX thread typesets its formulas itself, as without the warm-up
            }
        }, "formula-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Milliseconds since the JVM started, or since the first JVM did when {@code java -jar} started the window in a
     * second one ({@code -Dbackprop.workbench.relaunched=START,CPU}, the Launcher's WindowJvm).
     */
    /** CPU time of the calling thread, in ms. */
    private static long fxCpuMillis() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    private static long sinceStart() {
        String[] relaunched = System.getProperty(RELAUNCHED, "").split(",");
        if (relaunched.length == 2) {
            return System.currentTimeMillis() - Long.parseLong(relaunched[0]);
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    /** The first JVM's CPU ms when it started the window in this one, else 0 (see {@link #sinceStart}). */
    private static long launcherCpu() {
        String[] relaunched = System.getProperty(RELAUNCHED, "").split(",");
        return relaunched.length == 2 ? Long.parseLong(relaunched[1]) : 0;
    }

    /** Set by the launcher on a window started in a second JVM: the first one's start (epoch ms) and CPU ms. */
    private static final String RELAUNCHED = "backprop.workbench.relaunched";

    public static void main(String[] args) {
        StartUp.begin();
        launch(args);
    }
}
