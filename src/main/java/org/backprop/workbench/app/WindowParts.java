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
    /** The panels of the tabs behind the Step tab, each made when its tab is first shown or its accessor called. */
    private final Lazy<CheckTablePanel> checkTable;
    private final Lazy<EpsilonPlotPanel> epsilonPanel;
    private final Lazy<SoftmaxComparisonPanel> softmaxPanel;
    private final Lazy<TrainingPanel> trainingPanel;
    private final Lazy<DerivePanel> derivePanel;
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
        checkTable = new Lazy<>(this::makeCheckTable);
        epsilonPanel = new Lazy<>(() -> new EpsilonPlotPanel(model.analysisProperty(), model.selectedCheckProperty(),
                model.epsilonProperty(), runner));
        softmaxPanel = new Lazy<>(() -> new SoftmaxComparisonPanel(model.documentProperty(), runner,
                model.selectedViewProperty().isEqualTo(WorkbenchView.SOFTMAX)));
        trainingPanel = new Lazy<>(() -> new TrainingPanel(model.documentProperty(), model.mistakeProperty(),
                model.methodProperty(), model.epsilonProperty(), runner, net -> model.edit(d -> d.withNetwork(net))));
        derivePanel = new Lazy<>(this::makeDerivePanel);
        wire();
    }

    private CheckTablePanel makeCheckTable() {
        CheckTablePanel panel = new CheckTablePanel(model.analysisProperty(), model.selectedCheckProperty());
        panel.hiddenEntryProperty().bind(model.hiddenEntryProperty());
        DeriveHooks.installTable(model, panel);
        return panel;
    }

    private DerivePanel makeDerivePanel() {
        DerivePanel panel = new DerivePanel(model.analysisProperty(), model.selectedCheckProperty(),
                model.notationProperty());
        // the model's entry is the latest asked for (the selected check, a click on a step's result): it wins
        panel.entryProperty().bindBidirectional(model.deriveEntryProperty());
        panel.hiddenEntryProperty().bind(model.hiddenEntryProperty());
        DeriveHooks.installDerive(model, diagram, detail, panel);
        return panel;
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
        DeriveHooks.install(model, diagram, detail, () -> derivePanel.ifMade() != null);
        // a lesson's quiz hides the number it asks for in every view that shows it (the panels when they are made)
        List.of(detail.hiddenEntryProperty(), diagram.hiddenEntryProperty())
                .forEach(p -> p.bind(model.hiddenEntryProperty()));
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

    /** The check table panel (its selection is the model's selected check), made now if its tab was never shown. */
    public CheckTablePanel checkTable() { return checkTable.get(); }

    /** The ε plot, made now if its tab was never shown. */
    public EpsilonPlotPanel epsilonPanel() { return epsilonPanel.get(); }

    /** The softmax comparison, made now if its tab was never shown; it computes only while its tab is selected. */
    public SoftmaxComparisonPanel softmaxPanel() { return softmaxPanel.get(); }

    /** The training panel, made now if its tab was never shown. */
    public TrainingPanel trainingPanel() { return trainingPanel.get(); }

    /** The Derive view, made now if its tab was never shown. */
    public DerivePanel derivePanel() { return derivePanel.get(); }

    /**
     * The views of the bottom tabs made so far (the step view always; a panel once its tab was shown or its
     * accessor called), for the focus rules of the window's actions.
     */
    List<Node> madeTabViews() {
        List<Node> views = new java.util.ArrayList<>(List.of(detail));
        for (Lazy<? extends org.backprop.workbench.app.panels.Panel> p
                : List.of(checkTable, epsilonPanel, softmaxPanel, trainingPanel, derivePanel)) {
            if (p.ifMade() != null) {
                views.add(p.ifMade().getView());
            }
        }
        return views;
    }

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
