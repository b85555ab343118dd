package org.backprop.workbench.app.lessons;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import org.backprop.workbench.app.MainWindow;
import org.backprop.workbench.lesson.Lesson;
import org.backprop.workbench.lesson.LessonException;
import org.backprop.workbench.lesson.LessonLibrary;
import org.backprop.workbench.lesson.Lessons;
import org.backprop.workbench.lesson.View;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Lessons in the main window: a Lessons menu (the lessons of {@code lessons/}, or the bundled ones; open a lesson
 * file; next, previous, restart, close) and the side panel shown while a lesson runs.
 */
public final class LessonUi {
    private final MainWindow window;
    private final LessonSession session;
    private final LessonPanel panel;
    private final Menu menu = new Menu("_Lessons");
    private final Optional<LessonLibrary> library;

    private LessonUi(MainWindow window, Optional<LessonLibrary> library) {
        this.window = window;
        this.library = library;
        this.session = new LessonSession(window.model(), this::showView);
        this.panel = new LessonPanel(session, window.model().analysisProperty(), window.model().zoomProperty(),
                window.model().darkThemeProperty());
        createMenu();
        session.lessonProperty().addListener((o, a, lesson) -> window.setRight(lesson == null ? null : panel.getView()));
    }

    /** Adds the Lessons menu (before Help) to a main window; the panel appears when a lesson starts. */
    public static LessonUi install(MainWindow window) {
        return install(window, LessonLibrary.find());
    }

    /** As {@link #install(MainWindow)}, with the lessons of a given library. */
    public static LessonUi install(MainWindow window, Optional<LessonLibrary> library) {
        LessonUi ui = new LessonUi(window, library);
        List<Menu> menus = window.menuBar().getMenus();
        menus.add(Math.max(0, menus.size() - 1), ui.menu);
        return ui;
    }

    private void createMenu() {
        menu.setId("lessonsMenu");
        if (library.isPresent()) {
            int n = 1;
            for (LessonLibrary.Entry entry : library.get().entries()) {
                MenuItem item = new MenuItem((n <= 9 ? "_" : "") + n + ". " + entry.title());
                item.setMnemonicParsing(n <= 9);
                item.setId("lesson-" + entry.name());
                item.setOnAction(e -> open(() -> library.get().load(entry)));
                menu.getItems().add(item);
                n++;
            }
        } else {
            MenuItem none = new MenuItem("(no lessons found)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        MenuItem openFile = item("_Open lesson file…", "Ctrl+Shift+L", this::openWithDialog);
        MenuItem next = item("_Next lesson step", "Alt+Right", session::next);
        MenuItem previous = item("_Previous lesson step", "Alt+Left", session::previous);
        MenuItem restart = item("_Restart lesson", "Alt+Home", session::restart);
        MenuItem back = item("Back to this step's _setup", "Alt+Up", session::reapply);
        MenuItem close = item("_Close lesson", null, session::close);
        for (MenuItem i : List.of(next, previous, restart, back, close)) {
            i.disableProperty().bind(session.lessonProperty().isNull());
        }
        menu.getItems().addAll(new SeparatorMenuItem(), openFile, new SeparatorMenuItem(), next, previous, restart,
                back, close);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Something that loads a lesson, or says why it cannot. */
    @FunctionalInterface
    interface Loader {
        Lesson load() throws LessonException;
    }

    /** Loads and starts a lesson; a broken one is shown in a dialog and the current work stays. */
    boolean open(Loader loader) {
        Lesson lesson;
        try {
            lesson = loader.load();
        } catch (LessonException e) {
            showProblems(e);
            return false;
        }
        if (!window.confirmDiscard("start a lesson")) {
            return false;
        }
        session.start(lesson);
        return true;
    }

    /** Starts a lesson file (validated first); false if it is broken or the user kept the current work. */
    public boolean open(Path file) {
        return open(() -> Lessons.load(file));
    }

    /** Starts the lesson of the library with that file name (e.g. {@code 01-one-neuron.md}); false if none. */
    public boolean openByName(String fileName) {
        Optional<LessonLibrary.Entry> entry = library.flatMap(l -> l.entries().stream()
                .filter(e -> e.name().equals(fileName)).findFirst());
        return entry.isPresent() && open(() -> library.get().load(entry.get()));
    }

    /**
     * True once the workbench shows the current lesson step's state with its checks computed (for screenshots and
     * tests).
     */
    public boolean settled() {
        var step = session.stepProperty().get();
        var analysis = window.model().getAnalysis();
        return step != null && analysis != null && !window.model().busyProperty().get()
                && !window.model().checkingProperty().get() && analysis.network() == step.document().network()
                && analysis.mistake() == session.shownMistake();
    }

    private void openWithDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lessons (*.md)", "*.md"));
        library.filter(l -> !l.isBundled()).map(LessonLibrary::folder).map(Path::toFile).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        File f = chooser.showOpenDialog(window.getScene() == null ? null : window.getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    private void showProblems(LessonException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.setHeaderText("This lesson cannot be used (" + e.problems().size()
                + (e.problems().size() == 1 ? " problem" : " problems") + ")");
        TextArea text = new TextArea(e.getMessage());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(PROBLEM_COLUMNS);
        text.setPrefRowCount(problemRows(e.getMessage()));
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("lessonErrorDialog");
        if (window.getScene() != null) {
            alert.initOwner(window.getScene().getWindow());
        }
        alert.show();
    }

    /** Width of the problem list, in characters: a line number and a message of the validator fit on about two. */
    static final int PROBLEM_COLUMNS = 64;
    /** The most rows the problem list takes before it scrolls. */
    static final int MAX_PROBLEM_ROWS = 14;

    /**
     * Rows for the problem list: every wrapped line of every problem (one problem is often two or three lines), so
     * that a single problem is never cut off behind a scroll bar, up to {@link #MAX_PROBLEM_ROWS}.
     */
    static int problemRows(String message) {
        int rows = 0;
        for (String line : message.split("\n", -1)) {
            rows += Math.max(1, (line.length() + PROBLEM_COLUMNS - 1) / PROBLEM_COLUMNS);
        }
        return Math.min(MAX_PROBLEM_ROWS, rows + 1);
    }

    private void showView(View view) {
        String id = switch (view) {
            case STEPS -> "stepTab";
            case CHECKS -> "checksTab";
            case EPSILON -> "epsilonTab";
            case SOFTMAX -> "softmaxTab";
            case TRAINING -> "trainingTab";
        };
        for (Tab tab : window.tabs().getTabs()) {
            if (id.equals(tab.getId())) {
                window.tabs().getSelectionModel().select(tab);
            }
        }
    }

    public LessonSession session() { return session; }

    public LessonPanel panel() { return panel; }

    public Menu menu() { return menu; }
}
