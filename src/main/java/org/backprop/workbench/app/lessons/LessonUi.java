package org.backprop.workbench.app.lessons;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import org.backprop.workbench.app.WorkbenchModel;
import org.backprop.workbench.app.WorkbenchView;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.actions.Command;
import org.backprop.workbench.app.actions.StandardAction;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.lesson.Lesson;
import org.backprop.workbench.lesson.LessonException;
import org.backprop.workbench.lesson.LessonLibrary;
import org.backprop.workbench.lesson.Lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lessons in the workbench: the Lessons menu's actions (the lessons of {@code lessons/}, or the bundled ones; open a
 * lesson file; next, previous, restart, close) and the side panel, put in the slot it is given while a lesson runs.
 * It is given what it needs — the model, a dialog service, a panel slot — and knows nothing of the window.
 */
public final class LessonUi {
    private final WorkbenchModel model;
    private final DialogService dialogs;
    private final Predicate<String> mayDiscard;
    private final LessonSession session;
    private final LessonPanel panel;
    private Optional<LessonLibrary> library;
    /** True when the library is the one of the current language (LessonLibrary.find), found again on a switch. */
    private boolean followsLanguage;
    /** The library file name of the running lesson (01-one-neuron.md), found again in another language; or null. */
    private String runningEntry;

    /**
     * @param model      the workbench a lesson sets up ({@code null} not permitted)
     * @param dialogs    for the lesson file dialog and a broken lesson's problems ({@code null} not permitted)
     * @param mayDiscard asked before a lesson replaces unsaved work, with what is about to happen ("start a
     *                   lesson"); false keeps the work ({@code null} not permitted)
     * @param panelSlot  where the lesson panel goes while a lesson runs; {@code null} is put there when it ends
     *                   ({@code null} not permitted)
     * @param library    the lessons the menu lists
     */
    public LessonUi(WorkbenchModel model, DialogService dialogs, Predicate<String> mayDiscard,
                    ObjectProperty<Node> panelSlot, Optional<LessonLibrary> library) {
        this.model = Objects.requireNonNull(model, "model");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.mayDiscard = Objects.requireNonNull(mayDiscard, "mayDiscard");
        Objects.requireNonNull(panelSlot, "panelSlot");
        this.library = library;
        this.session = new LessonSession(model, view -> model.navigate(WorkbenchView.of(view)));
        this.panel = new LessonPanel(session, model.analysisProperty(), model.zoomProperty(),
                model.darkThemeProperty());
        session.lessonProperty().addListener((o, a, lesson) -> panelSlot.set(lesson == null ? null : panel.getView()));
    }

    /** As the other constructor, with the lessons of {@code lessons/} or the bundled ones. */
    public LessonUi(WorkbenchModel model, DialogService dialogs, Predicate<String> mayDiscard,
                    ObjectProperty<Node> panelSlot) {
        this(model, dialogs, mayDiscard, panelSlot, LessonLibrary.find());
        followsLanguage = true;
    }

    /**
     * After a language switch: the lessons of the new language (the menu is rebuilt by the action factory), and the
     * running lesson's text in the new language, if the library has it (the same file in lessons/zh/ or lessons/):
     * the student stays on the same step with the same answers, only the prose changes.
     */
    public void languageChanged() {
        if (followsLanguage) {
            library = LessonLibrary.find();
        }
        if (!session.isActive() || runningEntry == null || library.isEmpty()) {
            return;
        }
        String name = runningEntry;
        Optional<LessonLibrary.Entry> entry = library.get().entries().stream().filter(e -> e.name().equals(name))
                .findFirst();
        try {
            panel.showTranslation(entry.isPresent() ? library.get().load(entry.get()) : null);
        } catch (LessonException e) {
            panel.showTranslation(null);   // a broken translation: the lesson keeps the text it has
        }
    }

    /** Binds the Lessons menu's actions: the lesson list, open a lesson file, next, previous, restart, close. */
    public void bindActions(ActionFactory actions) {
        BooleanBinding running = session.lessonProperty().isNotNull();
        actions.bind(StandardAction.LESSON_LIST, Command.items(this::lessonItems))
                .bind(StandardAction.LESSON_OPEN, Command.of(this::openWithDialog))
                .bind(StandardAction.LESSON_NEXT, Command.of(session::next, running))
                .bind(StandardAction.LESSON_PREVIOUS, Command.of(session::previous, running))
                .bind(StandardAction.LESSON_RESTART, Command.of(session::restart, running))
                .bind(StandardAction.LESSON_SETUP, Command.of(session::reapply, running))
                .bind(StandardAction.LESSON_CLOSE, Command.of(session::close, running));
    }

    private List<MenuItem> lessonItems() {
        if (library.isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("lessons.none"));
            none.setDisable(true);
            return List.of(none);
        }
        List<MenuItem> items = new ArrayList<>();
        int n = 1;
        for (LessonLibrary.Entry entry : library.get().entries()) {
            MenuItem item = new MenuItem(Messages.get(n <= 9 ? "lessons.itemMnemonic" : "lessons.item", n, entry.title()));
            item.setMnemonicParsing(n <= 9);
            item.setId("lesson-" + entry.name());
            item.setOnAction(e -> openEntry(entry));
            items.add(item);
            n++;
        }
        return items;
    }

    private boolean openEntry(LessonLibrary.Entry entry) {
        boolean started = open(() -> library.get().load(entry));
        if (started) {
            runningEntry = entry.name();
        }
        return started;
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
        if (!mayDiscard.test(Messages.get("save.beforeLesson"))) {
            return false;
        }
        runningEntry = null;   // a lesson file of the user's: it has no translation to find
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
        return entry.isPresent() && openEntry(entry.get());
    }

    /**
     * True once the workbench shows the current lesson step's state with its checks computed (for screenshots and
     * tests).
     */
    public boolean settled() {
        var step = session.stepProperty().get();
        var analysis = model.getAnalysis();
        return step != null && analysis != null && !model.busyProperty().get()
                && !model.checkingProperty().get() && analysis.network() == step.document().network()
                && analysis.mistake() == session.shownMistake();
    }

    private void openWithDialog() {
        Path folder = library.filter(l -> !l.isBundled()).map(LessonLibrary::folder).orElse(null);
        dialogs.showOpenDialog(new DialogService.FileRequest(Messages.get("lessons.openTitle"),
                        Messages.get("lessons.filter"), "*.md", folder, null))
                .ifPresent(this::open);
    }

    private void showProblems(LessonException e) {
        // one problem a line; a line break or escape sequence the lesson put into a problem is shown escaped
        String problems = String.join("\n", e.problems().stream()
                .map(p -> org.backprop.workbench.io.Printable.escape(p.toString())).toList());
        TextArea text = new TextArea(problems);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(PROBLEM_COLUMNS);
        text.setPrefRowCount(problemRows(problems));
        dialogs.showError("lessonErrorDialog", Messages.get("lessons.cannotUse", e.problems().size()), text);
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

    public LessonSession session() { return session; }

    public LessonPanel panel() { return panel; }

}
