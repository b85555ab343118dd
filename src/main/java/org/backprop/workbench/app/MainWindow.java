package org.backprop.workbench.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.workbench.app.lessons.LessonUi;
import org.backprop.workbench.app.panels.CheckTablePanel;
import org.backprop.workbench.app.panels.EpsilonPlotPanel;
import org.backprop.workbench.app.panels.Panel;
import org.backprop.workbench.app.panels.SoftmaxComparisonPanel;
import org.backprop.workbench.app.panels.TaskStatusBar;
import org.backprop.workbench.app.panels.TrainingPanel;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.AtomicFiles;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.report.CheckReport;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Step;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The main window: menu bar and tool bar on top; the builder on the left; the network diagram with the step list
 * and Back / Next in the centre; on the right a tab pane with the step detail and the panels' tabs; a status line.
 * Built like AtlantaFX's MainLayer: the constructor calls {@code createView(); initListeners();} and nothing else.
 */
public final class MainWindow extends BorderPane {
    /** Body font size in px at zoom 1 (AtlantaFX's default); every em-sized control scales with it. */
    public static final double BASE_FONT = 14;

    /**
     * Share of the height above the tabs on the Step tab: the diagram and the step list are what a step is about.
     */
    public static final double STEP_DIVIDER = 0.37;

    /**
     * Share of the height above the tabs on the panel tabs (checks, ε, softmax, training): their tables and plots
     * need the height more than the diagram does, so that a plot is not squeezed at 1440×900.
     */
    public static final double PANEL_DIVIDER = 0.24;

    /** Zoom of presentation mode: formulas and matrices readable from the back of a lecture hall. */
    public static final double PRESENTATION_ZOOM = 1.5;

    private final WorkbenchModel model;
    private final RecentFiles recent;

    private final MenuBar menuBar = new MenuBar();
    private final Menu recentMenu = new Menu("Open _Recent");
    private final BuilderPanel builder;
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final StepListView stepList;
    private final StepDetailView detail;
    private final TabPane tabs = new TabPane();
    private final SplitPane split = new SplitPane();
    /** Diagram and step list above, the tabs below; each tab keeps its own divider position. */
    private final SplitPane centre = new SplitPane();
    private final java.util.Map<Tab, Double> dividers = new java.util.HashMap<>();
    private final ComboBox<Mistake> mistakeBox = new ComboBox<>(FXCollections.observableArrayList(Mistake.values()));
    private final TextField epsilonField = new TextField();
    private final ComboBox<Notation> notationBox = new ComboBox<>(FXCollections.observableArrayList(Notation.values()));
    private final Label stepPosition = new Label();
    private final Label status = new Label();
    private final Label costLabel = new Label();
    private final Label checkLabel = new Label();
    private final Button backButton = new Button("← Back");
    private final Button nextButton = new Button("Next →");
    private final ComboBox<DifferenceMethod> methodBox =
            new ComboBox<>(FXCollections.observableArrayList(DifferenceMethod.values()));
    private final TaskRunner runner = new TaskRunner();
    private final TaskStatusBar taskStatus = new TaskStatusBar(runner);
    private CheckTablePanel checkTable;
    private final LessonUi lessons;
    private EpsilonPlotPanel epsilonPanel;
    private SoftmaxComparisonPanel softmaxPanel;
    private TrainingPanel trainingPanel;
    private CheckMenuItem showBuilderItem;

    public MainWindow(WorkbenchModel model, RecentFiles recent) {
        this.model = model;
        this.recent = recent;
        this.builder = new BuilderPanel(model);
        this.stepList = new StepListView(model.stepsProperty(), model.currentStepIdProperty(),
                model.analysisProperty(), model.checkingProperty());
        this.detail = new StepDetailView(model.analysisProperty(), model.currentStepProperty(),
                model.notationProperty(), model.selectedCheckProperty(), model.zoomProperty(),
                model.darkThemeProperty(), model.checkingProperty());
        createView();
        initListeners();
        this.lessons = LessonUi.install(this);
    }

    // ---- view ----

    private void createView() {
        setId("mainWindow");
        getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
        createMenus();
        setTop(new VBox(menuBar, toolBar()));

        diagram.analysisProperty().bind(model.analysisProperty());
        diagram.stepProperty().bind(model.currentStepProperty());
        diagram.selectedProperty().bind(model.selectedCheckProperty());
        diagram.darkProperty().bind(model.darkThemeProperty());
        diagram.zoomProperty().bind(model.zoomProperty());
        diagram.setId("diagram");
        diagram.setOnPick(this::selectPicked);

        backButton.setId("backButton");
        nextButton.setId("nextButton");
        backButton.setTooltip(new Tooltip("Previous step (← or Page Up)"));
        nextButton.setTooltip(new Tooltip("Next step (→ or Page Down)"));
        backButton.setOnAction(e -> model.back());
        nextButton.setOnAction(e -> model.next());
        stepPosition.getStyleClass().add("step-position");
        stepPosition.setId("stepPosition");
        Region navSpacer = new Region();
        HBox.setHgrow(navSpacer, Priority.ALWAYS);
        HBox nav = new HBox(backButton, nextButton, navSpacer, stepPosition);
        nav.getStyleClass().add("nav-bar");

        Label stepsTitle = new Label("Steps");
        stepsTitle.getStyleClass().add("pane-title");
        VBox listBox = new VBox(stepsTitle, stepList);
        VBox.setVgrow(stepList, Priority.ALWAYS);
        listBox.minWidthProperty().bind(model.zoomProperty().multiply(200));
        listBox.prefWidthProperty().bind(model.zoomProperty().multiply(225));
        listBox.maxWidthProperty().bind(model.zoomProperty().multiply(300));
        BorderPane diagramBox = new BorderPane(diagram);
        diagramBox.setBottom(nav);
        HBox top = new HBox(listBox, diagramBox);
        HBox.setHgrow(diagramBox, Priority.ALWAYS);

        Tab stepTab = new Tab("Step", detail);
        stepTab.setId("stepTab");
        stepTab.setClosable(false);
        tabs.getTabs().add(stepTab);
        tabs.setId("tabs");
        checkTable = new CheckTablePanel(model.analysisProperty(), model.selectedCheckProperty());
        addPanel(checkTable, "checksTab");
        epsilonPanel = new EpsilonPlotPanel(model.analysisProperty(), model.selectedCheckProperty(),
                model.epsilonProperty(), runner);
        addPanel(epsilonPanel, "epsilonTab");
        softmaxPanel = new SoftmaxComparisonPanel(model.documentProperty(), runner);
        addPanel(softmaxPanel, "softmaxTab");
        trainingPanel = new TrainingPanel(model.documentProperty(), model.mistakeProperty(), model.methodProperty(),
                model.epsilonProperty(),
                runner, net -> model.edit(d -> d.withNetwork(net)));
        addPanel(trainingPanel, "trainingTab");

        centre.getItems().setAll(top, tabs);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(STEP_DIVIDER);
        split.getItems().addAll(builder, centre);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(builder, false);
        builder.setMinWidth(300);
        setCenter(split);
        setBottom(statusBar());
        applyZoom();
    }

    private ToolBar toolBar() {
        mistakeBox.setId("mistakeBox");
        mistakeBox.setTooltip(new Tooltip("Deliberate mistake: replace one formula with a classic wrong version "
                + "and see which checks catch it (Ctrl+M)"));
        mistakeBox.setPrefWidth(210);
        mistakeBox.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Mistake mk, boolean empty) {
                super.updateItem(mk, empty);
                setText(empty || mk == null ? null
                        : mk == Mistake.NONE ? "none — every formula as in the note" : mk.id() + " — " + mk.description());
            }
        });
        epsilonField.setId("epsilonField");
        epsilonField.setPrefColumnCount(6);
        epsilonField.setTooltip(new Tooltip("ε of the central differences (C(θ+ε) − C(θ−ε)) / 2ε; a positive number "
                + "such as 1e-5, Enter to apply (Ctrl+E)"));
        epsilonField.setText(Latex.plainNumber(model.epsilonProperty().get()));
        notationBox.setId("notationBox");
        notationBox.setTooltip(new Tooltip("How weights are shown: w_kj (rows = inputs, the note) or w_jk "
                + "(rows = outputs, Nielsen) — Ctrl+T"));
        Label mistakeLabel = new Label("Mistake");
        mistakeLabel.setLabelFor(mistakeBox);
        Label epsLabel = new Label("ε");
        epsLabel.setLabelFor(epsilonField);
        methodBox.setId("methodBox");
        methodBox.setTooltip(new Tooltip("Numerical method of the checks; choosing one sets ε to its best step"));
        Label methodLabel = new Label("Method");
        methodLabel.setLabelFor(methodBox);
        Label notationLabel = new Label("Weights");
        notationLabel.setLabelFor(notationBox);
        Button zoomOut = new Button("A−");
        zoomOut.setTooltip(new Tooltip("Zoom out (Ctrl+−)"));
        zoomOut.setOnAction(e -> model.zoomOut());
        Button zoomIn = new Button("A+");
        zoomIn.setTooltip(new Tooltip("Zoom in (Ctrl+=)"));
        zoomIn.setOnAction(e -> model.zoomIn());
        zoomIn.setId("zoomIn");
        zoomOut.setId("zoomOut");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(mistakeLabel, mistakeBox, methodLabel, methodBox, epsLabel, epsilonField, notationLabel,
                notationBox, spacer,
                zoomOut, zoomIn);
    }

    private HBox statusBar() {
        status.setId("statusMessage");
        costLabel.setId("costLabel");
        checkLabel.setId("checkLabel");
        // the model's checks and the panels' tasks share one progress bar, message and Cancel (Esc)
        taskStatus.track(model.busyProperty(), model.progressProperty(), model.progressMessageProperty(),
                model::cancelChecks);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(14, status, spacer, taskStatus.getView(), checkLabel, costLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void createMenus() {
        menuBar.setId("menuBar");
        menuBar.setUseSystemMenuBar(true);

        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New (default network)", "Ctrl+N", this::newDocument),
                item("_Open…", "Ctrl+O", this::openWithDialog),
                recentMenu,
                new SeparatorMenuItem(),
                item("_Save", "Ctrl+S", this::save),
                item("Save _As…", "Ctrl+Shift+S", this::saveAs),
                new SeparatorMenuItem(),
                item("Export step as _PNG…", "Ctrl+Shift+P", this::exportStepWithDialog),
                item("Export check report (_Markdown)…", "Ctrl+Shift+M", () -> exportReportWithDialog("md")),
                item("Export check table (_CSV)…", "Ctrl+Shift+C", () -> exportReportWithDialog("csv")),
                new SeparatorMenuItem(),
                item("_Quit", "Ctrl+Q", this::quit));
        rebuildRecent();

        MenuItem undo = item("_Undo", "Ctrl+Z", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = item("_Redo", "Ctrl+Y", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
                item("Add _hidden layer", "Ctrl+L", builder::addHiddenLayer),
                item("Re-_initialise from seed", "Ctrl+R", builder::reinitialise),
                item("Add _sample", "Ctrl+Shift+N", () -> model.edit(org.backprop.workbench.edit.Edits::addSample)),
                item("Remove _last sample", "Ctrl+Shift+D", () -> model.edit(d -> d.batch().size() <= 1
                        ? org.backprop.workbench.edit.Edits.removeSample(d, 0)
                        : org.backprop.workbench.edit.Edits.removeSample(d, d.batch().size() - 1))));

        Menu view = new Menu("_View");
        ToggleGroup notations = new ToggleGroup();
        for (Notation n : Notation.values()) {
            RadioMenuItem r = new RadioMenuItem("Weights as " + n.label());
            r.setToggleGroup(notations);
            r.setSelected(model.notationProperty().get() == n);
            r.setOnAction(e -> model.notationProperty().set(n));
            model.notationProperty().addListener((o, a, v) -> r.setSelected(v == n));
            view.getItems().add(r);
        }
        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Ctrl+D"));
        dark.selectedProperty().bindBidirectional(model.darkThemeProperty());
        CheckMenuItem fullScreen = new CheckMenuItem("_Full screen");
        fullScreen.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        fullScreen.setOnAction(e -> toggleFullScreen());
        CheckMenuItem showBuilder = new CheckMenuItem("Show _builder");
        showBuilderItem = showBuilder;
        showBuilder.setSelected(true);
        showBuilder.setAccelerator(KeyCombination.keyCombination("Ctrl+B"));
        showBuilder.selectedProperty().addListener((o, a, on) -> showBuilder(on));
        view.getItems().addAll(
                item("_Toggle notation", "Ctrl+T", this::toggleNotation),
                new SeparatorMenuItem(),
                item("Zoom _in", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), model::zoomIn),
                item("Zoom _out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), model::zoomOut),
                item("_Reset zoom", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                        model::resetZoom),
                new SeparatorMenuItem(), dark, fullScreen, showBuilder,
                item("_Presentation mode", "F5", this::presentationMode));
        view.getItems().add(new SeparatorMenuItem());
        String[][] tabKeys = {{"stepTab", "S_tep detail", "Ctrl+2"}, {"checksTab", "_Check table", "Ctrl+3"},
                {"epsilonTab", "ε _plot", "Ctrl+4"}, {"softmaxTab", "Soft_max two ways", "Ctrl+5"},
                {"trainingTab", "T_raining", "Ctrl+6"}};
        for (String[] t : tabKeys) {
            view.getItems().add(item(t[1], t[2], () -> {
                selectTab(t[0]);
                tabs.requestFocus();
            }));
        }
        // Ctrl++ on keyboards where + is a shifted =
        view.getItems().add(hiddenAccelerator(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
                model::zoomIn));
        view.getItems().add(hiddenAccelerator(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                model::zoomOut));
        view.getItems().add(hiddenAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
                model::zoomIn));

        Menu step = new Menu("_Step");
        step.getItems().addAll(
                item("_Next step  (→)", "Page Down", model::next),
                item("_Previous step  (←)", "Page Up", model::back),
                item("_First step", "Ctrl+Home", () -> goTo(0)),
                item("_Last step", "Ctrl+End", () -> goTo(model.stepsProperty().get().size() - 1)),
                item("First _backward step", "Ctrl+J", () -> model.currentStepIdProperty().set("gradA")),
                item("Next _failing step", "F8", this::nextFailing),
                item("Focus step _list", "Ctrl+1", stepList::requestFocus),
                new SeparatorMenuItem(),
                item("Step _detail tab", "Ctrl+2", () -> selectTab("stepTab")),
                item("_Checks tab", "Ctrl+3", () -> {
                    selectTab("checksTab");
                    // so that the table's own keys (arrows, Ctrl+F to the filter) work at once, without a click
                    checkTable.table().requestFocus();
                }),
                item("_Epsilon (ε) tab", "Ctrl+4", () -> selectTab("epsilonTab")),
                item("_Softmax tab", "Ctrl+5", () -> selectTab("softmaxTab")),
                item("_Training tab", "Ctrl+6", () -> selectTab("trainingTab")));

        Menu check = new Menu("_Check");
        ToggleGroup mistakes = new ToggleGroup();
        Menu mistakeMenu = new Menu("Deliberate _mistake");
        for (Mistake mk : Mistake.values()) {
            RadioMenuItem r = new RadioMenuItem(mk == Mistake.NONE ? "None (every formula as in the note)"
                    : mk.formula() + ": " + mk.description());
            r.setToggleGroup(mistakes);
            r.setSelected(mk == model.mistakeProperty().get());
            r.setOnAction(e -> model.mistakeProperty().set(mk));
            model.mistakeProperty().addListener((o, a, v) -> r.setSelected(v == mk));
            mistakeMenu.getItems().add(r);
        }
        check.getItems().addAll(mistakeMenu,
                item("Choose mistake…", "Ctrl+M", () -> {
                    mistakeBox.requestFocus();
                    mistakeBox.show();
                }),
                item("No mistake", "Ctrl+Shift+0", () -> model.mistakeProperty().set(Mistake.NONE)),
                item("Set _ε…", "Ctrl+E", () -> {
                    epsilonField.requestFocus();
                    epsilonField.selectAll();
                }),
                new SeparatorMenuItem(),
                item("_Run checks again", "F9", model::rerunChecks),
                cancelChecksItem());

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard shortcuts", "F1", this::showShortcuts),
                item("_About", (String) null, this::showAbout));

        menuBar.getMenus().addAll(file, edit, view, step, check, help);
    }

    private MenuItem cancelChecksItem() {
        MenuItem cancel = new MenuItem("_Cancel running work  (Esc)");
        cancel.setOnAction(e -> taskStatus.cancelAll());
        cancel.disableProperty().bind(model.busyProperty().not().and(runner.busyProperty().not()));
        return cancel;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static MenuItem hiddenAccelerator(KeyCombination accelerator, Runnable action) {
        MenuItem item = item("", accelerator, action);
        item.setVisible(false);
        return item;
    }

    // ---- listeners ----

    private void initListeners() {
        mistakeBox.valueProperty().bindBidirectional(model.mistakeProperty());
        methodBox.valueProperty().bindBidirectional(model.methodProperty());
        notationBox.valueProperty().bindBidirectional(model.notationProperty());
        notationBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Notation n) { return n == null ? "" : n.label(); }

            @Override
            public Notation fromString(String s) { return null; }
        });
        epsilonField.setOnAction(e -> applyEpsilon());
        epsilonField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                applyEpsilon();
            }
        });
        model.epsilonProperty().addListener((o, a, v) -> epsilonField.setText(Latex.plainNumber(v.doubleValue())));

        // each tab remembers where the user left the divider; a panel tab starts with more room than the Step tab
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (was != null) {
                dividers.put(was, centre.getDividerPositions()[0]);
            }
            if (now != null) {
                centre.setDividerPositions(dividers.getOrDefault(now,
                        "stepTab".equals(now.getId()) ? STEP_DIVIDER : PANEL_DIVIDER));
            }
        });
        model.zoomProperty().addListener((o, a, b) -> applyZoom());
        model.darkThemeProperty().addListener((o, a, dark) -> applyTheme());
        model.currentStepProperty().addListener((o, a, b) -> updatePosition());
        model.stepsProperty().addListener((o, a, b) -> updatePosition());
        model.analysisProperty().addListener((o, a, b) -> updateStatus());
        model.checkingProperty().addListener((o, a, b) -> updateStatus());
        model.messageProperty().addListener((o, a, b) -> updateStatus());
        model.checksCancelledProperty().addListener((o, a, b) -> updateStatus());
        model.fileProperty().addListener((o, a, b) -> updateTitle());
        model.dirtyProperty().addListener((o, a, b) -> updateTitle());
        model.documentProperty().addListener((o, a, b) -> updateTitle());

        addEventFilter(KeyEvent.KEY_PRESSED, this::arrowKeys);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                // keyboard stepping works at once: the step list, not the first tool bar control, has the focus
                Platform.runLater(stepList::requestFocus);
                scene.windowProperty().addListener((o2, w1, w) -> {
                    updateTitle();
                    if (w instanceof Stage stage) {
                        stage.setOnCloseRequest(e -> {
                            if (!confirmDiscard("quit")) {
                                e.consume();
                            }
                        });
                    }
                });
            }
        });
        updatePosition();
        updateStatus();
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

    private void applyEpsilon() {
        String text = epsilonField.getText().trim().replace('−', '-');
        try {
            double eps = Double.parseDouble(text);
            if (!(eps > 0) || !Double.isFinite(eps) || eps >= 1) {
                throw new NumberFormatException();
            }
            epsilonField.getStyleClass().remove("invalid");
            model.epsilonProperty().set(eps);
            model.say("ε = " + Latex.plainNumber(eps));   // replaces a complaint about an earlier invalid ε
        } catch (NumberFormatException ex) {
            if (!epsilonField.getStyleClass().contains("invalid")) {
                epsilonField.getStyleClass().add("invalid");
            }
            model.complain("ε: \"" + epsilonField.getText() + "\" is not a positive number below 1 (try 1e-5); "
                    + "ε stays " + Latex.plainNumber(model.epsilonProperty().get()));
        }
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

    private void updatePosition() {
        List<Step> steps = model.stepsProperty().get();
        Step s = model.getCurrentStep();
        int i = steps.indexOf(s);
        stepPosition.setText(s == null ? "" : "Step " + (i + 1) + " of " + steps.size() + " · " + s.label());
        backButton.setDisable(i <= 0);
        nextButton.setDisable(i < 0 || i >= steps.size() - 1);
    }

    private void updateStatus() {
        String message = model.messageProperty().get();
        status.setText(message);
        status.getStyleClass().remove("status-error");
        if (!message.isEmpty() && model.messageIsErrorProperty().get()) {
            status.getStyleClass().add("status-error");
        }
        Analysis an = model.getAnalysis();
        if (an == null) {
            costLabel.setText("computing…");
            return;
        }
        costLabel.setText("C = " + Latex.plainNumber(an.forward().cost()) + "  ·  m = " + an.batch().size());
        if (model.checkingProperty().get()) {
            checkLabel.setText("checking…");
        } else if (model.checksCancelledProperty().get()) {
            checkLabel.setText("checks cancelled (F9 runs them)");
        } else {
            CheckSummary sum = an.summary();
            checkLabel.setText(sum.checked() + " checks: " + sum.pass() + " pass"
                    + (sum.warn() > 0 ? ", " + sum.warn() + " warn" : "")
                    + (sum.fail() > 0 ? ", " + sum.fail() + " fail" : "")
                    + (sum.kink() > 0 ? ", " + sum.kink() + " kink" : ""));
        }
    }

    private void updateTitle() {
        if (getScene() == null || !(getScene().getWindow() instanceof Stage stage)) {
            return;
        }
        Path f = model.fileProperty().get();
        String name = f != null ? f.getFileName().toString() : model.getDocument().network().describe();
        stage.setTitle((model.dirtyProperty().get() ? "• " : "") + name + " — Backprop Workbench");
    }

    /**
     * A click in the diagram selects a check: an edge its weight (BP4); a neuron its δ of the first sample on a δ
     * step of that layer, else its bias (BP3). Input neurons have no check.
     */
    private void selectPicked(int[] hit) {
        Analysis an = model.getAnalysis();
        if (an == null || an.checks().isEmpty() || hit[0] == 0) {
            return;
        }
        int layer = hit[0];
        Step s = model.getCurrentStep();
        org.backprop.workbench.check.Formula formula;
        int[] index;
        if (hit.length == 3) {
            formula = org.backprop.workbench.check.Formula.BP4;
            index = new int[]{hit[1], hit[2]};
        } else if (s != null && s.kind() == org.backprop.workbench.steps.StepKind.DELTA && s.layer() == layer) {
            formula = s.formula().orElseThrow();
            index = new int[]{hit[1], 0};
        } else {
            formula = org.backprop.workbench.check.Formula.BP3;
            index = new int[]{hit[1]};
        }
        an.checks().stream().filter(c -> c.formula() == formula && c.layer() == layer
                && java.util.Arrays.equals(c.index(), index)).findFirst()
                .ifPresent(c -> model.selectedCheckProperty().set(c));
    }

    private void goTo(int index) {
        List<Step> steps = model.stepsProperty().get();
        if (index >= 0 && index < steps.size()) {
            model.currentStepIdProperty().set(steps.get(index).id());
        }
    }

    private void nextFailing() {
        List<Step> steps = model.stepsProperty().get();
        int start = steps.indexOf(model.getCurrentStep());
        for (int n = 1; n <= steps.size(); n++) {
            Step s = steps.get((start + n) % steps.size());
            if (stepList.verdictOf(s).filter(v -> v == org.backprop.workbench.check.Verdict.FAIL).isPresent()) {
                model.currentStepIdProperty().set(s.id());
                return;
            }
        }
        model.say("No step has failing checks.");
    }

    private void toggleNotation() {
        model.notationProperty().set(model.notationProperty().get() == Notation.NOTE ? Notation.NIELSEN : Notation.NOTE);
    }

    private void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    private void showBuilder(boolean on) {
        if (on && !split.getItems().contains(builder)) {
            split.getItems().add(0, builder);
            split.setDividerPositions(0.24);
        } else if (!on) {
            split.getItems().remove(builder);
        }
    }

    // ---- files ----

    private void newDocument() {
        if (confirmDiscard("start a new network")) {
            model.open(DefaultNetwork.load(), null);
        }
    }

    private void openWithDialog() {
        if (!confirmDiscard("open another network")) {
            return;
        }
        FileChooser chooser = chooser("Open network", "Network files (*.json)", "*.json");
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            load(f.toPath());
        }
    }

    /**
     * Opens a network file (after asking about unsaved changes). A file the engine refuses shows its message in an
     * error dialog and leaves the current network as it was.
     *
     * @return true if the file was opened
     */
    public boolean openFile(Path path) {
        return confirmDiscard("open " + path.getFileName()) && load(path);
    }

    private boolean load(Path path) {
        try {
            NetworkDocument doc = NetworkFile.load(path);
            model.open(doc, path);
            recent.add(path);
            rebuildRecent();
            model.say("Opened " + path.getFileName());
            return true;
        } catch (NetworkFileException e) {
            error("Cannot open " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    private void save() {
        Path f = model.fileProperty().get();
        if (f == null) {
            saveAs();
        } else {
            saveTo(f);
        }
    }

    private void saveAs() {
        FileChooser chooser = chooser("Save network", "Network files (*.json)", "*.json");
        chooser.setInitialFileName("network.json");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            saveTo(f.toPath());
        }
    }

    /** Saves the document atomically; an error shows a dialog and the document stays unsaved. */
    public boolean saveTo(Path path) {
        try {
            NetworkFile.save(model.getDocument(), path);
            model.saved(path);
            recent.add(path);
            rebuildRecent();
            model.say("Saved " + path.getFileName());
            return true;
        } catch (IOException e) {
            error("Cannot save " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        List<Path> paths = recent.list();
        for (Path p : paths) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openFile(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(paths.isEmpty());
    }

    private void exportStepWithDialog() {
        FileChooser chooser = chooser("Export step as PNG", "PNG images (*.png)", "*.png");
        Step s = model.getCurrentStep();
        chooser.setInitialFileName((s == null ? "step" : s.id()) + ".png");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            exportStep(f.toPath());
        }
    }

    /** Writes the step detail as a PNG at the current zoom and output scale. */
    public boolean exportStep(Path path) {
        try {
            writePng(detail.getSnapshotTarget(), path);
            model.say("Exported " + path.getFileName());
            return true;
        } catch (IOException e) {
            error("Cannot export " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    /** Snapshots a node (scaled by the window's output scale, so HiDPI exports stay sharp) into a PNG, atomically. */
    public static void writePng(Node node, Path path) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        double scale = node.getScene() != null && node.getScene().getWindow() != null
                ? Math.max(1, node.getScene().getWindow().getOutputScaleX()) : 1;
        params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        AtomicFiles.write(path, temp -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", temp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private void exportReportWithDialog(String format) {
        boolean md = format.equals("md");
        FileChooser chooser = chooser(md ? "Export check report" : "Export check table",
                md ? "Markdown (*.md)" : "CSV (*.csv)", md ? "*.md" : "*.csv");
        chooser.setInitialFileName("checks." + format);
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            exportReport(f.toPath());
        }
    }

    /** Writes the check report: Markdown for *.md, CSV (the check table) otherwise. */
    public boolean exportReport(Path path) {
        Analysis an = model.getAnalysis();
        if (an == null || model.checkingProperty().get()) {
            model.say("The checks are still running; export again in a moment.");
            return false;
        }
        if (model.checksCancelledProperty().get()) {
            model.say("The checks were cancelled; run them again (F9), then export.");
            return false;
        }
        String text = path.toString().toLowerCase(Locale.ROOT).endsWith(".md")
                ? CheckReport.markdown(an) : CheckReport.csv(an);
        try {
            AtomicFiles.writeString(path, text);   // readable like any new file, not the temp file's rw-------
            model.say("Exported " + path.getFileName());
            return true;
        } catch (IOException e) {
            error("Cannot export " + path.getFileName(), e.getMessage());
            return false;
        }
    }

    private FileChooser chooser(String title, String filterName, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
        Path f = model.fileProperty().get();
        if (f != null && f.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(f.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    private void quit() {
        if (confirmDiscard("quit")) {
            Platform.exit();
        }
    }

    /**
     * If there are unsaved changes, asks whether to save them first. Returns true if the caller may go on (saved,
     * or discarded), false if the user cancelled.
     */
    public boolean confirmDiscard(String action) {
        if (!model.dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The network has changes that are not saved.",
                save, discard, ButtonType.CANCEL);
        alert.setHeaderText("Save changes before you " + action + "?");
        alert.initOwner(window());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == save) {
            save();
            return !model.dirtyProperty().get();
        }
        return true;
    }

    private void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setHeaderText(header);
        alert.getDialogPane().setId("errorDialog");
        alert.initOwner(window());
        model.complain(message);
        alert.show();
    }

    private void showShortcuts() {
        String text = String.join("\n",
                "→ / Page Down      next step",
                "← / Page Up        previous step",
                "Ctrl+Home / End    first / last step",
                "Ctrl+J             first backward step",
                "F8                 next step with failing checks",
                "Ctrl+M             choose a deliberate mistake",
                "Ctrl+E             set ε",
                "Ctrl+T             toggle notation (w_kj / w_jk)",
                "Ctrl+= / − / 0     zoom in / out / reset",
                "Ctrl+D             dark theme",
                "F11                full screen",
                "F5                 presentation mode on / off",
                "Ctrl+B             show / hide the builder",
                "Ctrl+1             focus the step list",
                "Ctrl+2 … Ctrl+6    step, checks, ε, softmax, training tab",
                "click a cell / edge  select that number's check (result matrix, diagram)",
                "Ctrl+Z / Ctrl+Y    undo / redo an edit",
                "Ctrl+O / S         open / save",
                "Ctrl+Shift+P       export the step as PNG",
                "Ctrl+F             check table: filter text (Esc clears)",
                "Alt+O / Alt+R      check table: failures only / clear filters",
                "Alt+Z / Alt+B      ε tab: type ε / use the best ε",
                "Alt+L / Alt+X      softmax tab: logit scale / sample",
                "Alt+R/P/O/T/K/A    training: run, pause, step once, reset, check here, apply",
                "Esc                cancel the running background work (checks, ε sweep, training)",
                "F9                 run the checks again (after a cancel)",
                "Ctrl+Shift+L       open a lesson file",
                "Alt+→ / Alt+←      next / previous lesson step",
                "Alt+Home / Alt+↑   restart the lesson / back to this step's setup");
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setHeaderText("Keyboard shortcuts");
        Label label = new Label(text);
        label.setStyle("-fx-font-family: Monospaced;");
        label.setMinWidth(Region.USE_PREF_SIZE);   // the dialog grows to the longest line instead of eliding it
        alert.getDialogPane().setContent(label);
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        alert.initOwner(window());
        alert.show();
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "Step through the forward and backward pass of small "
                + "networks and see every backprop formula (BP1–BP4) checked against finite differences.");
        alert.setHeaderText("Backprop Workbench");
        alert.initOwner(window());
        alert.show();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- for panels, lessons and tests ----

    private void addPanel(Panel panel, String id) {
        Tab tab = addTab(panel.getName(), panel.getView());
        tab.setId(id);
    }

    /** The Lessons menu and side panel. */
    public LessonUi lessons() { return lessons; }
    
    /** Toggles dark theme, zoom 1.5 and the builder hidden: for a projector (F5; F11 adds full screen). */
    public void presentationMode() {
        boolean on = model.darkThemeProperty().get() && !showBuilderItem.isSelected()
                && model.zoomProperty().get() == PRESENTATION_ZOOM;
        model.darkThemeProperty().set(!on);
        model.zoomProperty().set(on ? 1.0 : PRESENTATION_ZOOM);
        showBuilderItem.setSelected(on);
    }

    /** Shows or hides the builder column (Ctrl+B). */
    public void setBuilderShown(boolean shown) {
        showBuilderItem.setSelected(shown);
    }

    /** Brings the tab with that id (stepTab, checksTab, epsilonTab, softmaxTab, trainingTab) to the front. */
    public void selectTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public EpsilonPlotPanel epsilonPanel() { return epsilonPanel; }

    public SoftmaxComparisonPanel softmaxPanel() { return softmaxPanel; }

    public TrainingPanel trainingPanel() { return trainingPanel; }

    /** The check table panel (its selection is the model's selected check). */
    public CheckTablePanel checkTable() { return checkTable; }

    /** The status bar of long work (the model's checks and the runner's tasks). */
    public TaskStatusBar taskStatus() { return taskStatus; }

    /** The background runner of the panels. */
    public TaskRunner runner() { return runner; }

    /** Adds a tab to the right-hand tab pane (the panels' check table, ε plot, softmax view, training, lessons). */
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
