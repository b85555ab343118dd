package org.backprop.workbench.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.actions.Command;
import org.backprop.workbench.app.actions.MenuGroup;
import org.backprop.workbench.app.actions.StandardAction;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.app.dialogs.FxDialogService;
import org.backprop.workbench.app.lessons.LessonUi;
import org.backprop.workbench.app.panels.CheckTablePanel;
import org.backprop.workbench.app.panels.EpsilonPlotPanel;
import org.backprop.workbench.app.panels.SoftmaxComparisonPanel;
import org.backprop.workbench.app.panels.TaskStatusBar;
import org.backprop.workbench.app.panels.TrainingPanel;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Step;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.backprop.workbench.app.actions.StandardAction.*;

/**
 * The main window: menu bar and tool bar on top; the builder on the left; the network diagram with the step list
 * and Back / Next in the centre; on the right a tab pane with the step detail and the panels' tabs; a status line.
 * Built like AtlantaFX's MainLayer: the constructor calls {@code createView(); initListeners();} and nothing else.
 */
public final class MainWindow extends BorderPane {
    /**
     * Body font size in px at zoom 1: one more than AtlantaFX's 14, for a classroom; every em-sized control scales
     * with it.
     */
    public static final double BASE_FONT = 15;

    /**
     * Share of the height above the tabs on the Step tab: the diagram and the step list are what a step is about.
     */
    public static final double STEP_DIVIDER = 0.37;

    /**
     * Share of the height above the tabs on the panel tabs (checks, ε, softmax, training): their tables and plots
     * need the height more than the diagram does, so that a plot is not squeezed at 1440×900.
     */
    public static final double PANEL_DIVIDER = 0.24;

    /** Zoom of presentation mode (see {@link PresentationMode#ZOOM}). */
    public static final double PRESENTATION_ZOOM = PresentationMode.ZOOM;

    private final WorkbenchModel model;
    private final FileActions files;
    private final CompareValues compare;
    private final ActionFactory actions;
    private final DialogService dialogs;

    private MenuBar menuBar;
    private final BuilderPanel builder;
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final StepListView stepList;
    private final StepDetailView detail;
    private final TabPane tabs = new TabPane();
    private final Map<WorkbenchView, Tab> viewTabs = new EnumMap<>(WorkbenchView.class);
    private final SplitPane split = new SplitPane();
    /** Diagram and step list above, the tabs below; each tab keeps its own divider position. */
    private final SplitPane centre = new SplitPane();
    private final Map<Tab, Double> dividers = new HashMap<>();
    private final TaskRunner runner = new TaskRunner();
    private final TaskStatusBar taskStatus = new TaskStatusBar(runner);
    private final QuickCheck quickCheck;
    private final BooleanProperty builderShown = new SimpleBooleanProperty(this, "builderShown", true);
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen", false);
    /** Follows the stage's full-screen state into {@link #fullScreen}; held here, added to the stage weakly. */
    private final javafx.beans.value.ChangeListener<Boolean> stageFullScreen = (o, was, on) -> fullScreen.set(on);
    private final PresentationMode presentation;
    private final StepNavigation navigation;
    private WorkbenchToolBar toolBar;
    private CheckTablePanel checkTable;
    private org.backprop.workbench.app.panels.DerivePanel derivePanel;
    private final LessonUi lessons;
    private EpsilonPlotPanel epsilonPanel;
    private SoftmaxComparisonPanel softmaxPanel;
    private TrainingPanel trainingPanel;

    public MainWindow(WorkbenchModel model, RecentFiles recent) {
        this(model, recent, null);
    }

    /**
     * @param model   the window's state ({@code null} not permitted)
     * @param recent  the recent-files store ({@code null} not permitted)
     * @param dialogs where dialogs are shown; {@code null} for real JavaFX dialogs owned by this window
     */
    public MainWindow(WorkbenchModel model, RecentFiles recent, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs != null ? dialogs : new FxDialogService(this::window);
        this.builder = new BuilderPanel(model);
        this.stepList = new StepListView(model.stepsProperty(), model.currentStepIdProperty(),
                model.analysisProperty(), model.checkingProperty());
        this.detail = new StepDetailView(model.analysisProperty(), model.currentStepProperty(),
                model.notationProperty(), model.selectedCheckProperty(), model.zoomProperty(),
                model.darkThemeProperty(), model.checkingProperty());
        this.files = new FileActions(model, recent, this.dialogs, detail::getSnapshotTarget);
        this.compare = new CompareValues(model, this.dialogs, files::openFile);
        this.actions = new ActionFactory(model::getSelectedView);
        this.lessons = new LessonUi(model, this.dialogs, files::confirmDiscard, rightProperty());
        this.presentation = new PresentationMode(model, builderShown, this::getWidth, this::getHeight);
        this.navigation = new StepNavigation(model, stepList);
        this.quickCheck = new QuickCheck(model, runner);
        setErrorLog(ErrorLog.standard());
        createView();
        initListeners();
    }

    // ---- view ----

    private void createView() {
        setId("mainWindow");
        getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
        bindActions();
        menuBar = actions.createMenuBar();
        menuBar.setId("menuBar");
        menuBar.setUseSystemMenuBar(true);
        showWithChrome(toolBar.getView());
        setTop(new VBox(menuBar, toolBar.getView()));

        diagram.analysisProperty().bind(model.analysisProperty());
        diagram.stepProperty().bind(model.currentStepProperty());
        diagram.selectedProperty().bind(model.selectedCheckProperty());
        diagram.darkProperty().bind(model.darkThemeProperty());
        diagram.zoomProperty().bind(model.zoomProperty());
        diagram.quickCheckProperty().bind(quickCheck.resultProperty());
        stepList.quickCheckProperty().bind(quickCheck.resultProperty());
        diagram.setId("diagram");
        diagram.setOnPick(hit -> DiagramPicks.select(model, hit));

        Label stepsTitle = new Label("Steps");
        stepsTitle.getStyleClass().add("pane-title");
        VBox listBox = new VBox(stepsTitle, stepList);
        showWithChrome(listBox);
        VBox.setVgrow(stepList, Priority.ALWAYS);
        listBox.minWidthProperty().bind(model.zoomProperty().multiply(200));
        listBox.prefWidthProperty().bind(model.zoomProperty().multiply(225));
        listBox.maxWidthProperty().bind(model.zoomProperty().multiply(300));
        BorderPane diagramBox = new BorderPane(diagram);
        diagramBox.setBottom(navigation.getView());
        HBox top = new HBox(listBox, diagramBox);
        HBox.setHgrow(diagramBox, Priority.ALWAYS);

        tabs.setId("tabs");
        addView(WorkbenchView.STEP, detail);
        addView(WorkbenchView.CHECKS, checkTable.getView());
        addView(WorkbenchView.EPSILON, epsilonPanel.getView());
        addView(WorkbenchView.SOFTMAX, softmaxPanel.getView());
        addView(WorkbenchView.TRAINING, trainingPanel.getView());
        addView(WorkbenchView.DERIVE, derivePanel.getView());
        DeriveHooks.install(model, diagram, detail, checkTable, derivePanel);
        // a lesson's quiz hides the number it asks for in every view that shows it
        java.util.List.of(detail.hiddenEntryProperty(), diagram.hiddenEntryProperty(), checkTable.hiddenEntryProperty(),
                derivePanel.hiddenEntryProperty()).forEach(p -> p.bind(model.hiddenEntryProperty()));

        centre.getItems().setAll(top, tabs);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(STEP_DIVIDER);
        split.getItems().addAll(builder, centre);
        builderShown.addListener((o, was, on) -> showBuilder(on));
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(builder, false);
        builder.setMinWidth(BuilderPanel.MIN_WIDTH);
        // beside a lesson panel the check table needs the width more than the builder's combos: the builder narrows
        rightProperty().addListener((o, was, panel) -> {
            builder.setMaxWidth(panel == null ? Double.MAX_VALUE : BuilderPanel.MIN_WIDTH);
            if (panel == null) {
                Platform.runLater(this::fitBuilder);
            }
        });
        // once the window has its width, the builder gets the width of its rows (its combos whole)
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    Platform.runLater(MainWindow.this::fitBuilder);
                }
            }
        });
        setCenter(split);
        HBox statusBar = new StatusLine(model, taskStatus, quickCheck.summaryProperty()).getView();
        showWithChrome(statusBar);
        setBottom(statusBar);
        applyZoom();
    }

    /** The node is shown, and takes room, only outside presentation mode. */
    private void showWithChrome(Node node) {
        node.visibleProperty().bind(presentation.chromeShownProperty());
        node.managedProperty().bind(presentation.chromeShownProperty());
    }

    /** What each action of the table does here; the menus, keys and F1 list are built from it. */
    private void bindActions() {
        checkTable = new CheckTablePanel(model.analysisProperty(), model.selectedCheckProperty());
        epsilonPanel = new EpsilonPlotPanel(model.analysisProperty(), model.selectedCheckProperty(),
                model.epsilonProperty(), runner);
        softmaxPanel = new SoftmaxComparisonPanel(model.documentProperty(), runner);
        trainingPanel = new TrainingPanel(model.documentProperty(), model.mistakeProperty(), model.methodProperty(),
                model.epsilonProperty(), runner, net -> model.edit(d -> d.withNetwork(net)));
        derivePanel = new org.backprop.workbench.app.panels.DerivePanel(model.analysisProperty(),
                model.selectedCheckProperty(), model.notationProperty());
        derivePanel.entryProperty().bindBidirectional(model.deriveEntryProperty());

        actions.bind(NEW, Command.of(files::newDocument))
                .bind(OPEN, Command.of(files::openWithDialog))
                .bind(OPEN_RECENT, Command.items(files::recentItems))
                .bind(SAVE, Command.of(files::save))
                .bind(SAVE_AS, Command.of(files::saveAs))
                .bind(EXPORT_STEP, Command.of(files::exportStepWithDialog))
                .bind(EXPORT_REPORT, Command.of(() -> files.exportReportWithDialog("md")))
                .bind(EXPORT_TABLE, Command.of(() -> files.exportReportWithDialog("csv")))
                .bind(COMPARE_VALUES, Command.of(compare::compareWithDialog))
                .bind(EXPORT_NUMPY, Command.items(compare::exportItems))
                .bind(QUIT, Command.of(files::quit));

        actions.bind(UNDO, Command.of(model::undo, model.canUndoProperty()))
                .bind(REDO, Command.of(model::redo, model.canRedoProperty()))
                .bind(ADD_LAYER, Command.of(builder::addHiddenLayer))
                .bind(REMOVE_LAYER, Command.of(() -> model.edit(d -> Edits.removeLayer(d, d.network().depth() - 1)),
                        Bindings.createBooleanBinding(() -> model.getDocument().network().depth() > 1,
                                model.documentProperty())))
                .bind(REINITIALISE, Command.of(builder::reinitialise))
                .bind(ADD_SAMPLE, Command.of(() -> model.edit(Edits::addSample)))
                .bind(REMOVE_SAMPLE, Command.of(() -> model.edit(d -> Edits.removeSample(d, d.batch().size() - 1)),
                        Bindings.createBooleanBinding(() -> model.getDocument().batch().size() > 1,
                                model.documentProperty())));

        actions.bind(NOTATIONS, Command.items(() -> ChoiceMenus.notationItems(model)))
                .bind(TOGGLE_NOTATION, Command.of(this::toggleNotation))
                .bind(ZOOM_IN, Command.of(model::zoomIn))
                .bind(ZOOM_OUT, Command.of(model::zoomOut))
                .bind(ZOOM_RESET, Command.of(model::resetZoom))
                .bind(DARK_THEME, Command.toggle(model.darkThemeProperty()))
                .bind(FULL_SCREEN, Command.toggle(fullScreen))
                .bind(SHOW_BUILDER, Command.toggle(builderShown))
                .bind(PRESENTATION, Command.toggle(presentation.onProperty()));
        for (StandardAction a : StandardAction.values()) {
            if (a.shows() != null) {
                actions.bind(a, Command.of(() -> showView(a.shows())));
            }
        }

        actions.bind(NEXT_STEP, Command.of(model::next))
                .bind(PREVIOUS_STEP, Command.of(model::back))
                .bind(FIRST_STEP, Command.of(() -> navigation.goTo(0)))
                .bind(LAST_STEP, Command.of(() -> navigation.goTo(model.stepsProperty().get().size() - 1)))
                .bind(FIRST_BACKWARD_STEP, Command.of(() -> model.currentStepIdProperty().set("gradA")))
                .bind(NEXT_FAILING_STEP, Command.of(navigation::nextFailing))
                .bind(FOCUS_STEPS, Command.of(stepList::requestFocus));

        actions.bind(StandardAction.LANGUAGE, Command.items(LanguageMenu::items));
        LanguageMenu.followLanguage(this);

        actions.bind(MISTAKES, Command.items(() -> ChoiceMenus.mistakeItems(model)))
                .bind(CHOOSE_MISTAKE, Command.of(() -> toolBar.chooseMistake()))
                .bind(NO_MISTAKE, Command.of(() -> model.mistakeProperty().set(Mistake.NONE)))
                .bind(SET_EPSILON, Command.of(() -> toolBar.editEpsilon()))
                .bind(RERUN_CHECKS, Command.of(model::rerunChecks))
                .bind(QUICK_CHECK, Command.of(quickCheck::run, model.analysisProperty().isNotNull()))
                .bind(StandardAction.CHECKS_FAILURES_ONLY, Command.of(checkTable::toggleFailuresOnly))
                .bind(StandardAction.CHECKS_CLEAR_FILTERS, Command.of(checkTable::clearFilters))
                .bind(CANCEL_WORK, Command.of(taskStatus::cancelAll,
                        model.busyProperty().or(runner.busyProperty())));

        lessons.bindActions(actions);
        actions.bind(SHORTCUTS, Command.of(() -> HelpDialogs.showShortcuts(dialogs, actions, getHeight() * 0.7)))
                .bind(ABOUT, Command.of(() -> HelpDialogs.showAbout(dialogs)));
        toolBar = new WorkbenchToolBar(model, actions);   // its zoom buttons come from the bound table
    }

    /** Brings a view to the front; the check table takes the focus so that its keys work without a click. */
    private void showView(WorkbenchView view) {
        model.navigate(view);
        if (view == WorkbenchView.CHECKS) {
            checkTable.table().requestFocus();
        }
    }

    // ---- listeners ----

    private void initListeners() {
        // each tab remembers where the user left the divider; a panel tab starts with more room than the Step tab
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (was != null) {
                dividers.put(was, centre.getDividerPositions()[0]);
            }
            if (now != null) {
                centre.setDividerPositions(dividers.getOrDefault(now,
                        now == viewTabs.get(WorkbenchView.STEP) ? STEP_DIVIDER : PANEL_DIVIDER));
            }
        });
        model.zoomProperty().addListener((o, a, b) -> applyZoom());
        model.darkThemeProperty().addListener((o, a, dark) -> applyTheme());
        model.fileProperty().addListener((o, a, b) -> updateTitle());
        model.dirtyProperty().addListener((o, a, b) -> updateTitle());
        model.documentProperty().addListener((o, a, b) -> updateTitle());

        // the typed selected view and the tab pane follow each other
        model.selectedViewProperty().addListener((o, was, view) -> {
            Tab tab = viewTabs.get(view);
            if (tab != null) {
                tabs.getSelectionModel().select(tab);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> viewTabs.forEach((v, t) -> {
            if (t == tab) {
                model.navigate(v);
            }
        }));

        // the student's values: marks in the step list, a banner and their matrix in the step view; a drop compares
        stepList.comparisonProperty().bind(compare.comparisonProperty());
        detail.comparisonProperty().bind(compare.comparisonProperty());
        detail.compareNoticeProperty().bindBidirectional(compare.noticeProperty());
        detail.setOnGoToStep(id -> model.currentStepIdProperty().set(id));
        addEventHandler(javafx.scene.input.DragEvent.DRAG_OVER, compare::dragOver);
        addEventHandler(javafx.scene.input.DragEvent.DRAG_DROPPED, compare::dropped);

        addEventFilter(KeyEvent.KEY_PRESSED, this::arrowKeys);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                actions.install(scene);
                // keyboard stepping works at once: the step list, not the first tool bar control, has the focus
                Platform.runLater(stepList::requestFocus);
                scene.windowProperty().addListener((o2, w1, w) -> {
                    updateTitle();
                    if (w instanceof Stage stage) {
                        fullScreen.addListener((o3, was, on) -> stage.setFullScreen(on));
                        // weakly: a stage outlives the windows shown in it (every UI test shows its own)
                        stage.fullScreenProperty().addListener(new javafx.beans.value.WeakChangeListener<>(
                                stageFullScreen));
                        stage.setOnCloseRequest(e -> {
                            if (!files.confirmDiscard(org.backprop.workbench.i18n.Messages.get("save.beforeQuit"))) {
                                e.consume();
                            }
                        });
                    }
                });
            }
        });
    }

    /**
     * ← / → step through, unless the focus is in a control that needs the arrow keys itself; Page Up / Page Down
     * always step (handled here so that a focused list does not page its own selection as well).
     */
    private void arrowKeys(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShiftDown()) {
            return;
        }
        if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
            Node focus = getScene() == null ? null : getScene().getFocusOwner();
            if (!(focus instanceof javafx.scene.control.TextArea)) {
                if (e.getCode() == KeyCode.PAGE_DOWN) {
                    model.next();
                } else {
                    model.back();
                }
                e.consume();
            }
            return;
        }
        if (e.getCode() != KeyCode.LEFT && e.getCode() != KeyCode.RIGHT) {
            return;
        }
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof Spinner || focus instanceof ComboBoxBase
                || focus instanceof Slider || focus instanceof TableView || focus instanceof TabPane) {
            return;
        }
        if (focus instanceof ListView<?> list && list != stepList) {
            return;
        }
        if (e.getCode() == KeyCode.RIGHT) {
            model.next();
        } else {
            model.back();
        }
        e.consume();
    }

    private void applyZoom() {
        setStyle("-fx-font-size: " + String.format(Locale.ROOT, "%.2f", BASE_FONT * model.zoomProperty().get()) + "px;");
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(model.darkThemeProperty().get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Sets the AtlantaFX theme for the current dark/light setting; call once at start. */
    public void installTheme() {
        applyTheme();
    }

    private void updateTitle() {
        if (getScene() == null || !(getScene().getWindow() instanceof Stage stage)) {
            return;
        }
        Path f = model.fileProperty().get();
        String name = f != null ? f.getFileName().toString() : model.getDocument().network().describe();
        stage.setTitle((model.dirtyProperty().get() ? "• " : "") + name + " — Backprop Workbench");
    }

    private void toggleNotation() {
        model.notationProperty().set(model.notationProperty().get() == Notation.NOTE ? Notation.NIELSEN : Notation.NOTE);
    }

    /** Gives the builder the width of its rows, at most half the window. */
    private void fitBuilder() {
        double width = split.getWidth();
        if (width > 0 && split.getItems().contains(builder)) {
            builder.applyCss();
            split.setDividerPositions(Math.min(0.5, builder.prefWidth(-1) / width));
        }
    }

    private void showBuilder(boolean on) {
        if (on && !split.getItems().contains(builder)) {
            split.getItems().add(0, builder);
            fitBuilder();
        } else if (!on) {
            split.getItems().remove(builder);
        }
    }

    // ---- files (the dialogs are behind FileActions and the DialogService) ----

    /** Opens a network file, as File ▸ Open does after its dialog; see {@link FileActions#openFile}. */
    public boolean openFile(Path path) { return files.openFile(path); }

    /** Saves to a file, as Save As does after its dialog. */
    public boolean saveTo(Path path) { return files.saveTo(path); }

    /** Exports the step as PNG, as File ▸ Export step does after its dialog. */
    public boolean exportStep(Path path) { return files.exportStep(path); }

    /** Exports the check report (Markdown for *.md, else CSV), as the export menu items do after their dialog. */
    public boolean exportReport(Path path) { return files.exportReport(path); }

    /** The F1 list: every key of the action table, by menu, then the other keys. */
    public String shortcutText() {
        return HelpDialogs.shortcutText(actions);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- for panels, lessons and tests ----

    /**
     * Adds a view's tab to the right-hand tab pane, in the order of the calls. The view is selected by
     * {@link WorkbenchModel#navigate}; its View-menu action (if the table has one) brings it forward.
     */
    public Tab addView(WorkbenchView view, Node content) {
        Tab tab = addTab(view.title(), content);
        tab.setId(view.nodeId());
        viewTabs.put(view, tab);
        return tab;
    }

    /** The Lessons menu's actions and the lesson panel. */
    public LessonUi lessons() { return lessons; }

    /** Presentation mode (F5): on and off, and what it changes. */
    public PresentationMode presentation() { return presentation; }

    /** Toggles presentation mode, as F5 does. */
    public void presentationMode() {
        presentation.onProperty().set(!presentation.onProperty().get());
    }

    /** Shows or hides the builder column (Ctrl+B). */
    public void setBuilderShown(boolean shown) {
        builderShown.set(shown);
    }

    /** The action table as bound in this window (menus, keys, F1). */
    public ActionFactory actions() { return actions; }

    /** File ▸ Compare with my values… and File ▸ Export NumPy script. */
    public CompareValues compare() { return compare; }

    /** The file actions (new, open, save, export, recent files). */
    public FileActions files() { return files; }

    /** The menu of a group, as built from the action table. */
    public Menu menu(MenuGroup group) {
        return menuBar.getMenus().stream().filter(m -> m.getId().equals(group.name().toLowerCase(Locale.ROOT) + "Menu"))
                .findFirst().orElseThrow();
    }

    public EpsilonPlotPanel epsilonPanel() { return epsilonPanel; }

    public SoftmaxComparisonPanel softmaxPanel() { return softmaxPanel; }

    public TrainingPanel trainingPanel() { return trainingPanel; }

    /** The check table panel (its selection is the model's selected check). */
    public CheckTablePanel checkTable() { return checkTable; }

    /** The Derive panel. */
    public org.backprop.workbench.app.panels.DerivePanel derivePanel() { return derivePanel; }

    /** The status bar of long work (the model's checks and the runner's tasks). */
    public TaskStatusBar taskStatus() { return taskStatus; }

    /**
     * Where the stack traces of failed background work (the panels' tasks, the model's computation) are logged;
     * the status line then says where the log is.
     */
    public void setErrorLog(ErrorLog log) {
        runner.setErrorLog(log);
        model.setErrorLog(log);
    }

    /** Check ▸ Quick check (directional): its result and summary. */
    public QuickCheck quickCheck() { return quickCheck; }

    /** The background runner of the panels. */
    public TaskRunner runner() { return runner; }

    /** Adds a tab that is not a {@link WorkbenchView} (prefer {@link #addView}, which can be navigated to). */
    public Tab addTab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        return tab;
    }

    public TabPane tabs() { return tabs; }

    public MenuBar menuBar() { return menuBar; }

    public WorkbenchModel model() { return model; }

    public StepDetailView detailView() { return detail; }

    public StepListView stepList() { return stepList; }

    public NetworkDiagram diagram() { return diagram; }

    public BuilderPanel builder() { return builder; }

    /** A scene for this window at the given size. */
    public Scene createScene(double width, double height) {
        return new Scene(this, width, height);
    }
}
