package org.backprop.workbench.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.app.dialogs.FxDialogService;
import org.backprop.workbench.app.lessons.LessonUi;
import org.backprop.workbench.app.panels.CheckTablePanel;
import org.backprop.workbench.app.panels.DerivePanel;
import org.backprop.workbench.app.panels.EpsilonPlotPanel;
import org.backprop.workbench.app.panels.SoftmaxComparisonPanel;
import org.backprop.workbench.app.panels.TaskStatusBar;
import org.backprop.workbench.app.panels.TrainingPanel;

import java.util.List;
import java.util.Objects;

/**
 * Every part of the window, made once from the model and wired to it: the views and panels the window lays out,
 * the file, compare and lesson services its actions call, the action table, presentation mode and the background
 * runner. The window ({@code MainWindow}) only places these; tests and the screenshot tour reach them here. The
 * parts know their host only as a {@link Region}: its size picks presentation mode's zoom and its window owns the
 * dialogs.
 */
public final class WindowParts {
    private final WorkbenchModel model;
    private final DialogService dialogs;
    private final TaskRunner runner = new TaskRunner();
    private final TaskStatusBar taskStatus = new TaskStatusBar(runner);
    private final BuilderPanel builder;
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final StepListView stepList;
    private final StepDetailView detail;
    private final CheckTablePanel checkTable;
    private final EpsilonPlotPanel epsilonPanel;
    private final SoftmaxComparisonPanel softmaxPanel;
    private final TrainingPanel trainingPanel;
    private final DerivePanel derivePanel;
    private final FileActions files;
    private final CompareValues compare;
    private final ActionFactory actions;
    /** Where the lesson panel goes while a lesson runs (the window's right side). */
    private final ObjectProperty<Node> lessonSlot = new SimpleObjectProperty<>(this, "lessonSlot");
    private final LessonUi lessons;
    private final BooleanProperty builderShown = new SimpleBooleanProperty(this, "builderShown", true);
    private final PresentationMode presentation;
    private final StepNavigation navigation;
    private final QuickCheck quickCheck;

    /**
     * @param model   the window's state ({@code null} not permitted)
     * @param recent  the recent-files store ({@code null} not permitted)
     * @param dialogs where dialogs are shown; {@code null} for real JavaFX dialogs owned by the host's window
     * @param host    the region the parts are laid out in ({@code null} not permitted)
     */
    WindowParts(WorkbenchModel model, RecentFiles recent, DialogService dialogs, Region host) {
        this.model = Objects.requireNonNull(model, "model");
        Objects.requireNonNull(host, "host");
        this.dialogs = dialogs != null ? dialogs : new FxDialogService(() -> windowOf(host));
        builder = new BuilderPanel(model);
        stepList = new StepListView(model.stepsProperty(), model.currentStepIdProperty(), model.analysisProperty(),
                model.checkingProperty());
        detail = new StepDetailView(model.analysisProperty(), model.currentStepProperty(), model.notationProperty(),
                model.selectedCheckProperty(), model.zoomProperty(), model.darkThemeProperty(),
                model.checkingProperty());
        files = new FileActions(model, recent, this.dialogs, detail::getSnapshotTarget, runner);
        compare = new CompareValues(model, this.dialogs, files::openFile);
        actions = new ActionFactory(model::getSelectedView);
        lessons = new LessonUi(model, this.dialogs, files::confirmDiscard, lessonSlot);
        presentation = new PresentationMode(model, builderShown, host::getWidth, host::getHeight);
        navigation = new StepNavigation(model, stepList);
        quickCheck = new QuickCheck(model, runner);
        setErrorLog(ErrorLog.standard());
        checkTable = new CheckTablePanel(model.analysisProperty(), model.selectedCheckProperty());
        epsilonPanel = new EpsilonPlotPanel(model.analysisProperty(), model.selectedCheckProperty(),
                model.epsilonProperty(), runner);
        softmaxPanel = new SoftmaxComparisonPanel(model.documentProperty(), runner);
        trainingPanel = new TrainingPanel(model.documentProperty(), model.mistakeProperty(), model.methodProperty(),
                model.epsilonProperty(), runner, net -> model.edit(d -> d.withNetwork(net)));
        derivePanel = new DerivePanel(model.analysisProperty(), model.selectedCheckProperty(),
                model.notationProperty());
        wire();
    }

    /** Connects the views to the model and to each other. */
    private void wire() {
        diagram.analysisProperty().bind(model.analysisProperty());
        diagram.stepProperty().bind(model.currentStepProperty());
        diagram.selectedProperty().bind(model.selectedCheckProperty());
        diagram.darkProperty().bind(model.darkThemeProperty());
        diagram.zoomProperty().bind(model.zoomProperty());
        diagram.quickCheckProperty().bind(quickCheck.resultProperty());
        stepList.quickCheckProperty().bind(quickCheck.resultProperty());
        diagram.setOnPick(hit -> DiagramPicks.select(model, hit));
        detail.presentingProperty().bind(presentation.onProperty());
        derivePanel.entryProperty().bindBidirectional(model.deriveEntryProperty());
        DeriveHooks.install(model, diagram, detail, checkTable, derivePanel);
        // a lesson's quiz hides the number it asks for in every view that shows it
        List.of(detail.hiddenEntryProperty(), diagram.hiddenEntryProperty(), checkTable.hiddenEntryProperty(),
                derivePanel.hiddenEntryProperty()).forEach(p -> p.bind(model.hiddenEntryProperty()));
        // the student's values: marks in the step list, a banner and their matrix in the step view
        stepList.comparisonProperty().bind(compare.comparisonProperty());
        detail.comparisonProperty().bind(compare.comparisonProperty());
        detail.compareNoticeProperty().bindBidirectional(compare.noticeProperty());
        detail.setOnGoToStep(id -> model.currentStepIdProperty().set(id));
    }

    private static Window windowOf(Region host) {
        return host.getScene() == null ? null : host.getScene().getWindow();
    }

    /**
     * Where the stack traces of failed background work (the panels' tasks, the model's computation) are logged;
     * the status line then says where the log is.
     */
    public void setErrorLog(ErrorLog log) {
        runner.setErrorLog(log);
        model.setErrorLog(log);
    }

    public WorkbenchModel model() { return model; }

    /** Where the window's file, error and information dialogs are shown. */
    public DialogService dialogs() { return dialogs; }

    /** The background runner of the panels. */
    public TaskRunner runner() { return runner; }

    /** The status bar of long work (the model's checks and the runner's tasks). */
    public TaskStatusBar taskStatus() { return taskStatus; }

    public BuilderPanel builder() { return builder; }

    public NetworkDiagram diagram() { return diagram; }

    public StepListView stepList() { return stepList; }

    public StepDetailView detailView() { return detail; }

    /** The check table panel (its selection is the model's selected check). */
    public CheckTablePanel checkTable() { return checkTable; }

    public EpsilonPlotPanel epsilonPanel() { return epsilonPanel; }

    public SoftmaxComparisonPanel softmaxPanel() { return softmaxPanel; }

    public TrainingPanel trainingPanel() { return trainingPanel; }

    public DerivePanel derivePanel() { return derivePanel; }

    /** The file actions (new, open, save, export, recent files). */
    public FileActions files() { return files; }

    /** File ▸ Compare with my values… and File ▸ Export NumPy script. */
    public CompareValues compare() { return compare; }

    /** The action table as bound for this window (menus, keys, F1). */
    public ActionFactory actions() { return actions; }

    /** The Lessons menu's actions and the lesson panel. */
    public LessonUi lessons() { return lessons; }

    /** The lesson panel while a lesson runs, else {@code null}. */
    public ObjectProperty<Node> lessonSlotProperty() { return lessonSlot; }

    /** Presentation mode (F5): on and off, and what it changes. */
    public PresentationMode presentation() { return presentation; }

    /** Whether the builder column is shown (Ctrl+B). */
    public BooleanProperty builderShownProperty() { return builderShown; }

    /** Check ▸ Quick check (directional): its result and summary. */
    public QuickCheck quickCheck() { return quickCheck; }

    /** The Back / Next bar and the Step menu's jumps. */
    StepNavigation navigation() { return navigation; }
}
