package org.backprop.workbench.app.lessons;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backprop.workbench.app.panels.Names;
import org.backprop.workbench.app.panels.Panel;
import org.backprop.workbench.app.panels.Relabel;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.lesson.Lesson;
import org.backprop.workbench.lesson.LessonStep;
import org.backprop.workbench.lesson.Prediction;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.lesson.Quiz;
import org.backprop.workbench.lesson.QuizAttempt;
import org.backprop.workbench.i18n.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.util.List;
import java.util.Locale;

/**
 * The lesson side panel: the lesson's title and progress, the step's prose with its formulas, the entries to look
 * at, a quiz or a prediction when the step asks one, and Previous / Next / Restart / Close.
 */
public final class LessonPanel implements Panel {
    /** Width of the side panel at zoom 1: room for a formula and a paragraph, the workbench keeps the rest. */
    public static final double WIDTH = 400;
    /** Least width: a paragraph still reads as one. */
    public static final double MIN_WIDTH = 280;
    /** Share of the window's width the panel takes when the window is too narrow for {@link #WIDTH}. */
    static final double SHARE = 0.3;

    private final LessonSession session;
    private final ReadOnlyObjectProperty<Analysis> analysis;
    private final VBox root = new VBox(10);
    private final Label lessonTitle = new Label();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label stepTitle = new Label();
    private final ProseView prose;
    private final VBox lookAt = new VBox(2);
    private final VBox quizBox = new VBox(6);
    private final Label quizQuestion = new Label();
    private final TextField quizAnswer = new TextField();
    private final Button quizCheck = new Button();
    private final Label quizFeedback = new Label();
    private final Label quizStatus = new Label();
    private final Button quizShowAnswer = new Button();
    private final VBox predictBox = new VBox(6);
    private final FlowPane predictChoices = new FlowPane(8, 4);
    private final ToggleGroup predictGroup = new ToggleGroup();
    private final Button predictCommit = new Button();
    private final Label predictFeedback = new Label();
    private final Label predictQuestion = new Label();
    private final Button previousButton = new Button();
    private final Button nextButton = new Button();
    private final Button restartButton = new Button();
    private final Button closeButton = new Button();
    private final Tooltip previousTip = new Tooltip();
    private final Tooltip nextTip = new Tooltip();
    private final Tooltip restartTip = new Tooltip();
    private final Tooltip closeTip = new Tooltip();
    /** The prediction's feedback shown, as the choice it answers (null: none), so that a switch can say it again. */
    private String predicted;
    /** The quiz's feedback shown (null: none), said again in the new language after a switch. */
    private QuizAttempt.Outcome shownOutcome;
    /**
     * The running lesson as written in the language now on screen, when that is not the language it was started in
     * (View ▸ Language during a lesson): its title, step titles and prose are shown; the session keeps the lesson it
     * started, with its networks and the student's answers. Null: the session's lesson itself.
     */
    private Lesson translation;

    /**
     * @param session  the lesson in progress ({@code null} not permitted)
     * @param analysis the workbench's analysis, for the values of the entries to look at
     * @param zoom     the workbench's zoom
     * @param dark     the dark theme flag
     */
    public LessonPanel(LessonSession session, ReadOnlyObjectProperty<Analysis> analysis, DoubleProperty zoom,
                       BooleanProperty dark) {
        this.session = session;
        this.analysis = analysis;
        this.prose = new ProseView(zoom, dark);
        createView();
        initListeners();
    }

    private void createView() {
        root.setId("lessonPanel");
        root.getStyleClass().add("lesson-panel");
        root.getStylesheets().addAll(STYLESHEET,
                LessonPanel.class.getResource("lessons.css").toExternalForm());
        root.setPadding(new Insets(12));
        root.setMinWidth(MIN_WIDTH);
        // a share of the window on a small screen (a 1024-px projector), so that the workbench beside it keeps its
        // own least width and nothing of the window is pushed off its right edge
        root.sceneProperty().addListener((o, was, scene) -> {
            root.prefWidthProperty().unbind();
            if (scene == null) {
                root.setPrefWidth(WIDTH);
            } else {
                root.prefWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.min(WIDTH, Math.max(MIN_WIDTH, scene.getWidth() * SHARE)), scene.widthProperty()));
            }
        });
        root.setPrefWidth(WIDTH);

        lessonTitle.setId("lessonTitle");
        lessonTitle.getStyleClass().add("lesson-title");
        lessonTitle.setWrapText(true);
        progressText.setId("lessonProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        stepTitle.setId("lessonStepTitle");
        stepTitle.getStyleClass().add("lesson-step-title");
        stepTitle.setWrapText(true);

        prose.setId("lessonProse");
        lookAt.setId("lessonLookAt");
        lookAt.getStyleClass().add("lesson-look-at");

        quizBox.setId("lessonQuiz");
        quizBox.getStyleClass().add("lesson-question");
        quizQuestion.setWrapText(true);
        quizQuestion.getStyleClass().add("lesson-question-text");
        quizAnswer.setId("quizAnswer");
        quizCheck.setId("quizCheck");
        quizCheck.setDefaultButton(false);
        quizFeedback.setId("quizFeedback");
        quizFeedback.setWrapText(true);
        // no empty line between the buttons and the status before the first answer: the prose keeps that room
        quizFeedback.managedProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> quizFeedback.getText() != null && !quizFeedback.getText().isEmpty(), quizFeedback.textProperty()));
        quizShowAnswer.setId("quizShowAnswer");
        quizShowAnswer.setMinWidth(Region.USE_PREF_SIZE);
        quizCheck.setMinWidth(Region.USE_PREF_SIZE);
        quizStatus.setId("quizStatus");
        quizStatus.setWrapText(true);
        quizStatus.getStyleClass().add("lesson-caption");
        // the field has the panel's width to itself (beside the two buttons it was cut to "a r" at 1024 px)
        quizAnswer.setMaxWidth(Double.MAX_VALUE);
        HBox answerButtons = new HBox(6, quizCheck, quizShowAnswer);
        quizBox.getChildren().addAll(quizQuestion, quizAnswer, answerButtons, quizFeedback, quizStatus);

        predictBox.setId("lessonPredict");
        predictBox.getStyleClass().add("lesson-question");
        predictQuestion.setWrapText(true);
        predictQuestion.getStyleClass().add("lesson-question-text");
        predictCommit.setId("predictCommit");
        predictFeedback.setId("predictFeedback");
        predictFeedback.setWrapText(true);
        predictBox.getChildren().addAll(predictQuestion, predictChoices, predictCommit, predictFeedback);

        VBox body = new VBox(12, stepTitle, prose, lookAt, predictBox);
        body.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("lessonScroll");
        prose.availableWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getWidth() - 8, scroll.viewportBoundsProperty()));
        VBox.setVgrow(scroll, Priority.ALWAYS);

        previousButton.setId("lessonPrevious");
        nextButton.setId("lessonNext");
        restartButton.setId("lessonRestart");
        closeButton.setId("lessonClose");
        previousButton.setTooltip(previousTip);
        nextButton.setTooltip(nextTip);
        restartButton.setTooltip(restartTip);
        closeButton.setTooltip(closeTip);
        // at a large zoom the four buttons do not fit on one line of the panel: they wrap as two pairs rather than
        // being elided to "Previ…", "Nex…"
        for (Button b : List.of(previousButton, nextButton, restartButton, closeButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane nav = new FlowPane(18, 6, new HBox(6, previousButton, nextButton),
                new HBox(6, restartButton, closeButton));
        nav.setId("lessonNav");

        // the quiz stays in view under the prose, which scrolls: its field and buttons are never below the fold
        root.getChildren().addAll(lessonTitle, progressText, progress, scroll, quizBox, nav);
        relabel();
        Relabel.follow(this, LessonPanel::relabel);
    }

    /**
     * The panel's own texts in the current language, and the step's again (progress, question, the entries to look
     * at, the prediction's choices): after a language switch, without losing a typed answer or a shown feedback.
     */
    private void relabel() {
        quizAnswer.setPromptText(Messages.get("lessons.answerPrompt"));
        quizCheck.setText(Messages.get("lessons.checkAnswer"));
        quizShowAnswer.setText(Messages.get("lesson.quiz.showAnswer"));
        predictQuestion.setText(Prediction.question());
        predictCommit.setText(Messages.get("lessons.commit"));
        previousButton.setText(Messages.get("lessons.previous"));
        nextButton.setText(Messages.get("lessons.next"));
        restartButton.setText(Messages.get("lessons.restart"));
        closeButton.setText(Messages.get("lessons.close"));
        previousTip.setText(Messages.get("lessons.previousTip"));
        nextTip.setText(Messages.get("lessons.nextTip"));
        restartTip.setText(Messages.get("lessons.restartTip"));
        closeTip.setText(Messages.get("lessons.closeTip"));
        LessonStep step = session.stepProperty().get();
        Lesson lesson = session.lessonProperty().get();
        if (step != null && lesson != null) {
            showProgress(step, lesson);
            showQuestion(step);
            showLookAt(step);
            showQuizStatus();
            if (shownOutcome != null) {
                quizFeedback.setText(pretty(shownOutcome.feedback()));
            } else {
                showAnsweredQuiz(step);
            }
            for (Node n : predictChoices.getChildren()) {
                ((RadioButton) n).setText(Prediction.label((String) n.getUserData()));
            }
            if (predicted != null && step.prediction() != null) {
                predictFeedback.setText(step.prediction().feedback(predicted));
            }
        }
    }

    /** "Lesson step", so that it is not confused with the workbench's own "Step 4 of 7 · ∇aC" beside it. */
    private void showProgress(LessonStep step, Lesson lesson) {
        progressText.setText(Messages.get(step.number() == lesson.size() ? "lessons.progressLast" : "lessons.progress",
                step.number(), lesson.size()));
    }

    private void showQuestion(LessonStep step) {
        if (step.quiz() != null) {
            quizQuestion.setText(Messages.get("lessons.quizQuestion", pretty(step.quiz().question())));
        }
    }

    private void initListeners() {
        session.lessonProperty().addListener((o, a, lesson) -> translation = null);   // a new lesson: its own text
        session.stepProperty().addListener((o, a, step) -> show(step));
        analysis.addListener((o, a, b) -> showLookAt(session.stepProperty().get()));
        previousButton.setOnAction(e -> session.previous());
        nextButton.setOnAction(e -> session.next());
        restartButton.setOnAction(e -> session.restart());
        closeButton.setOnAction(e -> session.close());
        quizCheck.setOnAction(e -> grade());
        quizAnswer.setOnAction(e -> grade());
        quizShowAnswer.setOnAction(e -> session.showQuizAnswer().ifPresent(this::showOutcome));
        predictCommit.setOnAction(e -> commitPrediction());
        show(session.stepProperty().get());
    }

    private void show(LessonStep step) {
        Lesson lesson = session.lessonProperty().get();
        if (step == null || lesson == null) {
            lessonTitle.setText("");
            progressText.setText("");
            progress.setProgress(0);
            stepTitle.setText("");
            prose.show(null);
            setVisible(quizBox, false);
            setVisible(predictBox, false);
            lookAt.getChildren().clear();
            return;
        }
        showText(step);
        showProgress(step, lesson);
        progress.setProgress((double) step.number() / lesson.size());
        showLookAt(step);

        setVisible(quizBox, step.quiz() != null);
        quizAnswer.clear();
        quizFeedback.setText("");
        shownOutcome = null;
        quizFeedback.getStyleClass().removeAll("right", "wrong");
        if (step.quiz() != null) {
            showQuestion(step);
            showAnsweredQuiz(step);
        }
        showQuizStatus();

        setVisible(predictBox, step.prediction() != null);
        predictChoices.getChildren().clear();
        predictFeedback.setText("");
        predicted = null;
        predictFeedback.getStyleClass().removeAll("right", "wrong");
        if (step.prediction() != null) {
            for (String choice : step.prediction().choices()) {
                RadioButton r = new RadioButton(Prediction.label(choice));
                r.setToggleGroup(predictGroup);
                r.setUserData(choice);
                predictChoices.getChildren().add(r);
            }
        }
        previousButton.setDisable(step.number() <= 1);
        nextButton.setDisable(step.number() >= lesson.size());
    }

    /** On coming back to a quiz already answered: its answer. */
    private void showAnsweredQuiz(LessonStep step) {
        QuizAttempt attempt = session.attemptProperty().get();
        if (step.quiz() != null && attempt != null && attempt.revealed()) {
            quizFeedback.setText(pretty(Messages.get("lesson.quiz.answered", attempt.quiz().answerText())));
        }
    }

    /** The lesson's title, the step's title and prose: from the translation on screen, if there is one. */
    private void showText(LessonStep step) {
        Lesson lesson = session.lessonProperty().get();
        boolean translated = translation != null && translation.size() == lesson.size();
        LessonStep text = translated ? translation.step(step.number()) : step;
        lessonTitle.setText(translated ? translation.title() : lesson.title());
        stepTitle.setText(text.title());
        prose.show(text.prose());
    }

    /**
     * Shows the running lesson's text as {@code translated} writes it (the same lesson in the language just chosen:
     * the same steps, only prose changes), keeping the step, the answers and the workbench as they are; a lesson
     * of another length is not taken for a translation. Null goes back to the lesson's own text.
     */
    public void showTranslation(Lesson translated) {
        Lesson lesson = session.lessonProperty().get();
        translation = translated != null && lesson != null && translated.size() == lesson.size() ? translated : null;
        LessonStep step = session.stepProperty().get();
        if (step != null && lesson != null) {
            showText(step);
        }
    }

    /** The highlighted entries with their current values. */
    private void showLookAt(LessonStep step) {
        lookAt.getChildren().clear();
        if (step == null || step.highlights().isEmpty()) {
            setVisible(lookAt, false);
            return;
        }
        setVisible(lookAt, true);
        Label caption = new Label(Messages.get("lessons.lookAt"));
        caption.getStyleClass().add("lesson-caption");
        lookAt.getChildren().add(caption);
        Analysis an = analysis.get();
        QuizAttempt attempt = session.attemptProperty().get();
        Quantity hidden = attempt == null || attempt.revealed() ? null : attempt.quiz().quantity();
        for (Quantity q : step.highlights()) {
            String name = pretty(q.label());
            String text = q.isEntry() ? name : Messages.get("lessons.lookAtWhole", name);
            if (q.isEntry() && q.equals(hidden)) {
                text = Messages.get("lessons.lookAtHidden", name);
            } else if (q.isEntry() && an != null && an.network() == step.document().network()) {
                String value = String.format(Locale.ROOT, "%.6g", q.value(an));
                CheckResult check = q.check(an).orElse(null);
                text = check == null ? Messages.get("lessons.lookAtValue", name, value)
                        : Messages.get("lessons.lookAtChecked", name, value, Names.verdict(check.verdict()));
            }
            Label line = new Label(text);
            line.getStyleClass().add("lesson-look-at-entry");
            lookAt.getChildren().add(line);
        }
    }

    /** Types an answer into the quiz and checks it, as the student does with Enter. */
    public void answer(String text) {
        quizAnswer.setText(text);
        grade();
    }

    private void grade() {
        session.answerQuiz(quizAnswer.getText()).ifPresent(this::showOutcome);
    }

    private void showOutcome(QuizAttempt.Outcome outcome) {
        shownOutcome = outcome;
        quizFeedback.setText(pretty(outcome.feedback()));
        quizFeedback.getStyleClass().removeAll("right", "wrong");
        if (outcome.counted()) {
            quizFeedback.getStyleClass().add(outcome.correct() ? "right" : "wrong");
        }
        showQuizStatus();
        showLookAt(session.stepProperty().get());
    }

    /** Until the answer is revealed: that the asked entry is hidden, and how many wrong tries are left. */
    private void showQuizStatus() {
        QuizAttempt attempt = session.attemptProperty().get();
        boolean open = attempt != null && !attempt.revealed();
        quizShowAnswer.setDisable(!open);
        quizStatus.setText(open ? pretty(Messages.get("lesson.quiz.hidden", attempt.quiz().quantity().label(),
                attempt.triesLeft())) : "");
        setVisible(quizStatus, open);
    }

    private void commitPrediction() {
        LessonStep step = session.stepProperty().get();
        Prediction prediction = step == null ? null : step.prediction();
        if (prediction == null) {
            return;
        }
        if (predictGroup.getSelectedToggle() == null) {
            predictFeedback.setText(Messages.get("lessons.pickFirst"));
            return;
        }
        String choice = (String) predictGroup.getSelectedToggle().getUserData();
        predicted = choice;
        predictFeedback.setText(prediction.feedback(choice));
        predictFeedback.getStyleClass().removeAll("right", "wrong");
        predictFeedback.getStyleClass().add(prediction.isRight(choice) ? "right" : "wrong");
        session.revealPrediction();
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** δ^1[0, 0] → δ¹[0, 0], ∇_a C → ∇ₐC, z^L → zᴸ: the plain-text symbols of the engine, as a reader expects them. */
    static String pretty(String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\^\\{?(\\d+|L|l)\\}?").matcher(
                text.replace("∇_a C", "∇ₐC"));
        while (m.find()) {
            StringBuilder sup = new StringBuilder();
            for (char c : m.group(1).toCharArray()) {
                sup.append(Character.isDigit(c) ? SUPERSCRIPTS.charAt(c - '0') : c == 'L' ? 'ᴸ' : 'ˡ');
            }
            m.appendReplacement(out, sup.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void setVisible(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @Override
    public String getName() { return Messages.get("lessons.name"); }

    @Override
    public Region getView() { return root; }

    public ProseView prose() { return prose; }

    public TextField quizAnswer() { return quizAnswer; }

    public Label quizFeedback() { return quizFeedback; }

    /** Shows the quiz's answer, as the student does with Show answer. */
    public void showAnswer() {
        quizShowAnswer.fire();
    }
}
