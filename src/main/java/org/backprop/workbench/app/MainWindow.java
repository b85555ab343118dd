package org.backprop.workbench.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backprop.workbench.app.actions.MenuGroup;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.app.panels.Relabel;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The main window, layout only: menu bar and tool bar on top; the builder on the left; the network diagram with the
 * step list and Back / Next in the centre; below them a tab pane with the step detail and the panels' tabs; the
 * lesson panel on the right while a lesson runs; a status line. Its parts are made and wired in {@link WindowParts},
 * what its actions do is in {@link WindowActions}, its stage in {@link StageHooks}. Built like AtlantaFX's MainLayer:
 * the constructor calls {@code createView(); initListeners();} and nothing else.
 */
public final class MainWindow extends BorderPane {
    /**
     * Share of the height above the tabs on the Step tab: the diagram and the step list are what a step is about.
     */
    public static final double STEP_DIVIDER = 0.37;

    /**
     * Share of the height above the tabs on the panel tabs (checks, ε, softmax, training): their tables and plots
     * need the height more than the diagram does, so that a plot is not squeezed at 1440×900.
     */
    public static final double PANEL_DIVIDER = 0.24;

    /** Share of the width the builder starts with, before it is fitted to its rows. */
    static final double BUILDER_DIVIDER = 0.24;

    /** The builder never takes more than this share of the width when it is fitted to its rows. */
    static final double BUILDER_MAX_SHARE = 0.5;

    /**
     * Least width of the centre (step list, diagram, tabs) beside a lesson panel: the check table's quantity, analytic,
     * numeric, relative error and verdict columns, and the diagram beside the step list. A window that cannot give
     * the centre this much beside the narrowest builder folds the builder while the lesson runs.
     */
    static final double CENTRE_BESIDE_LESSON = 720;

    /** The step list's width at zoom 1, in px: narrowest, preferred, widest. */
    static final double STEP_LIST_MIN = 200;
    static final double STEP_LIST_PREF = 225;
    static final double STEP_LIST_MAX = 300;

    private final WindowParts parts;
    private final StageHooks stage;
    private MenuBar menuBar;
    private final TabPane tabs = new TabPane();
    private final Map<WorkbenchView, Tab> viewTabs = new EnumMap<>(WorkbenchView.class);
    private final SplitPane split = new SplitPane();
    /** Diagram and step list above, the tabs below; each tab keeps its own divider position. */
    private final SplitPane centre = new SplitPane();
    private final Map<Tab, Double> dividers = new HashMap<>();

    public MainWindow(WorkbenchModel model, RecentFiles recent) {
        this(model, recent, null);
    }

    /**
     * @param model   the window's state ({@code null} not permitted)
     * @param recent  the recent-files store ({@code null} not permitted)
     * @param dialogs where dialogs are shown; {@code null} for real JavaFX dialogs owned by this window
     */
    public MainWindow(WorkbenchModel model, RecentFiles recent, DialogService dialogs) {
        this.parts = new WindowParts(model, recent, dialogs, this);
        this.stage = new StageHooks(parts, this);
        createView();
        initListeners();
    }

    // ---- view ----

    private void createView() {
        setId("mainWindow");
        getStylesheets().add(MainWindow.class.getResource("workbench.css").toExternalForm());
        WindowActions.bind(parts, stage.fullScreenProperty(), this::getHeight);
        WorkbenchToolBar toolBar = new WorkbenchToolBar(parts.model(), parts.actions());
        menuBar = parts.actions().createMenuBar();
        menuBar.setId("menuBar");
        menuBar.setUseSystemMenuBar(true);
        // presentation mode gives the menu bar's height to the diagram; every shortcut (F5 to leave) still works, as
        // the keys are handled by the scene, not by the menus
        showWithChrome(menuBar);
        showWithChrome(toolBar.getView());
        setTop(new VBox(menuBar, toolBar.getView()));

        NetworkDiagram diagram = parts.diagram();
        diagram.setId("diagram");
        Label stepsTitle = Relabel.text(new Label(), "app.steps");
        stepsTitle.getStyleClass().add("pane-title");
        StepListView stepList = parts.stepList();
        VBox listBox = new VBox(stepsTitle, stepList);
        showWithChrome(listBox);
        VBox.setVgrow(stepList, Priority.ALWAYS);
        listBox.minWidthProperty().bind(parts.model().zoomProperty().multiply(STEP_LIST_MIN));
        listBox.prefWidthProperty().bind(parts.model().zoomProperty().multiply(STEP_LIST_PREF));
        listBox.maxWidthProperty().bind(parts.model().zoomProperty().multiply(STEP_LIST_MAX));
        BorderPane diagramBox = new BorderPane(diagram);
        diagramBox.setBottom(parts.navigation().getView());
        HBox top = new HBox(listBox, diagramBox);
        HBox.setHgrow(diagramBox, Priority.ALWAYS);

        tabs.setId("tabs");
        addView(WorkbenchView.STEP, parts.detailView());
        // the panels behind the Step tab are made when their tab is first selected (WindowParts)
        addView(WorkbenchView.CHECKS, () -> parts.checkTable().getView());
        addView(WorkbenchView.EPSILON, () -> parts.epsilonPanel().getView());
        addView(WorkbenchView.SOFTMAX, () -> parts.softmaxPanel().getView());
        addView(WorkbenchView.TRAINING, () -> parts.trainingPanel().getView());
        addView(WorkbenchView.DERIVE, () -> parts.derivePanel().getView());

        centre.getItems().setAll(top, tabs);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(STEP_DIVIDER);
        BuilderPanel builder = parts.builder();
        split.getItems().addAll(builder, centre);
        split.setDividerPositions(BUILDER_DIVIDER);
        SplitPane.setResizableWithParent(builder, false);
        builder.setMinWidth(BuilderPanel.MIN_WIDTH);
        setCenter(split);
        rightProperty().bind(parts.lessonSlotProperty());
        HBox statusBar = new StatusLine(parts.model(), parts.taskStatus(),
                parts.quickCheck().summaryProperty()).getView();
        showWithChrome(statusBar);
        setBottom(statusBar);
        applyZoom();
    }

    /** The node is shown, and takes room, only outside presentation mode. */
    private void showWithChrome(Node node) {
        node.visibleProperty().bind(parts.presentation().chromeShownProperty());
        node.managedProperty().bind(parts.presentation().chromeShownProperty());
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
        WorkbenchModel model = parts.model();
        model.zoomProperty().addListener((o, a, b) -> applyZoom());
        model.darkThemeProperty().addListener((o, a, dark) -> applyTheme());

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

        parts.builderShownProperty().addListener((o, was, on) -> showBuilder(on));
        // beside a lesson panel the check table and the diagram need the width more than the builder's combos: the
        // builder narrows, and on a narrow window (a 1024-px projector) it folds away (Ctrl+B brings it back) and
        // comes back when the lesson closes
        rightProperty().addListener((o, was, panel) -> besideLesson(panel));
        // a file with full-precision weights, another layer or the other notation: the builder grows to its rows
        parts.builder().rebuiltProperty().addListener((o, a, b) -> Platform.runLater(this::growBuilder));
        // once the window has its width, the builder gets the width of its rows (its combos whole)
        split.widthProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    Platform.runLater(MainWindow.this::fitBuilder);
                }
            }
        });

        // a network or values file dropped anywhere on the window is opened or compared
        addEventHandler(DragEvent.DRAG_OVER, parts.compare()::dragOver);
        addEventHandler(DragEvent.DRAG_DROPPED, parts.compare()::dropped);
        addEventFilter(KeyEvent.KEY_PRESSED, new ArrowKeys(parts.actions(), parts.stepList())::handle);
        Relabel.follow(this, MainWindow::relabel);

        // presentation mode: the step pane without the tab headers, as tall as its result needs
        parts.presentation().onProperty().addListener((o, was, on) -> present(on));
        model.currentStepProperty().addListener((o, a, b) -> {
            if (parts.presentation().onProperty().get()) {
                Platform.runLater(this::fitPresentation);
            }
        });
        centre.heightProperty().addListener((o, a, b) -> {
            if (parts.presentation().onProperty().get()) {
                Platform.runLater(this::fitPresentation);
            }
        });
    }

    /** The divider of the centre before presentation mode, restored on leaving it. */
    private double dividerBeforePresenting = STEP_DIVIDER;

    /**
     * In presentation mode the step pane takes the tabs' place (no tab headers: the lecturer presents a step, F5
     * brings the tabs back), and the divider gives it the room its result needs.
     */
    private void present(boolean on) {
        Tab stepTab = viewTabs.get(WorkbenchView.STEP);
        StepDetailView detail = parts.detailView();
        if (on) {
            dividerBeforePresenting = centre.getDividerPositions()[0];
            stepTab.setContent(null);
            centre.getItems().set(1, detail);
            Platform.runLater(this::fitPresentation);
        } else if (centre.getItems().get(1) == detail) {
            centre.getItems().set(1, tabs);
            stepTab.setContent(detail);
            centre.setDividerPositions(dividerBeforePresenting);
        }
    }

    /**
     * The least share of the window's height the diagram keeps in presentation mode: the network stays the picture
     * the step is read on.
     */
    static final double PRESENT_DIAGRAM_SHARE = 0.25;
    /** The diagram never takes more than this share of the centre in presentation mode: the step is the text. */
    static final double PRESENT_TOP_MAX = 0.5;

    /** Gives the step pane the height down to its result, the diagram what remains (within its shares). */
    private void fitPresentation() {
        StepDetailView detail = parts.detailView();
        double height = centre.getHeight();
        if (!parts.presentation().onProperty().get() || centre.getItems().get(1) != detail || !(height > 0)) {
            return;
        }
        centre.applyCss();
        centre.layout();   // the step pane at its width in the centre before it is measured
        Node nav = parts.navigation().getView();
        double navHeight = nav.prefHeight(centre.getWidth());
        double divider = centre.lookup(".split-pane-divider") instanceof javafx.scene.layout.Region r
                ? r.getHeight() : 0;
        double topLeast = PRESENT_DIAGRAM_SHARE * getHeight() + navHeight;
        double top = height - divider - detail.heightToResult();
        top = Math.max(topLeast, Math.min(PRESENT_TOP_MAX * height, top));
        centre.setDividerPositions(top / height);
    }

    /** After a language switch: the lessons of the new language, the menus rebuilt from the table. */
    private void relabel() {
        parts.lessons().languageChanged();
        parts.actions().relabel(menuBar);
    }

    private void applyZoom() {
        setStyle("-fx-font-size: " + String.format(Locale.ROOT, "%.2f",
                WorkbenchModel.BASE_FONT * parts.model().zoomProperty().get()) + "px;");
    }

    private void applyTheme() {
        setTheme(parts.model().darkThemeProperty().get());
    }

    /** Sets the AtlantaFX theme, dark or light, as the application's user-agent stylesheet. */
    static void setTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Whether the builder was folded away for the lesson panel (and so comes back when the lesson closes). */
    private boolean foldedForLesson;

    private void besideLesson(Node panel) {
        BuilderPanel builder = parts.builder();
        if (panel == null) {
            builder.setMaxWidth(Double.MAX_VALUE);
            if (foldedForLesson && !parts.builderShownProperty().get()
                    && !parts.presentation().onProperty().get()) {
                parts.builderShownProperty().set(true);
            }
            foldedForLesson = false;
            Platform.runLater(this::fitBuilder);
            return;
        }
        builder.setMaxWidth(BuilderPanel.MIN_WIDTH);
        double lesson = panel instanceof javafx.scene.layout.Region r ? r.prefWidth(-1) : 0;
        if (parts.builderShownProperty().get() && foldsBuilder(getWidth(), lesson)) {
            foldedForLesson = true;
            parts.builderShownProperty().set(false);
        }
    }

    /**
     * True if a window this wide, with a lesson panel this wide, leaves the centre less than
     * {@link #CENTRE_BESIDE_LESSON} beside the narrowest builder: then the builder folds away while the lesson runs.
     */
    static boolean foldsBuilder(double windowWidth, double lessonWidth) {
        return windowWidth > 0 && windowWidth - lessonWidth - BuilderPanel.MIN_WIDTH < CENTRE_BESIDE_LESSON;
    }

    /** Widens the builder to its rows after they changed, if they need more than it has (never narrows it). */
    private void growBuilder() {
        BuilderPanel builder = parts.builder();
        double width = split.getWidth();
        if (width > 0 && split.getItems().contains(builder)) {
            builder.applyCss();
            double wanted = Math.min(Math.min(BUILDER_MAX_SHARE * width, builder.getMaxWidth()), builder.prefWidth(-1));
            if (wanted > builder.getWidth() + 0.5) {
                split.setDividerPositions(wanted / width);
            }
        }
    }

    /** Gives the builder the width of its rows, at most half the window. */
    private void fitBuilder() {
        double width = split.getWidth();
        BuilderPanel builder = parts.builder();
        if (width > 0 && split.getItems().contains(builder)) {
            builder.applyCss();
            split.setDividerPositions(Math.min(BUILDER_MAX_SHARE, builder.prefWidth(-1) / width));
        }
    }

    private void showBuilder(boolean on) {
        BuilderPanel builder = parts.builder();
        if (on && !split.getItems().contains(builder)) {
            split.getItems().add(0, builder);
            fitBuilder();
        } else if (!on) {
            split.getItems().remove(builder);
        }
    }

    // ---- what is laid out, for the app, lessons and tests ----

    /** Sets the AtlantaFX theme for the current dark/light setting; call once at start. */
    public void installTheme() {
        applyTheme();
    }

    /** A scene for this window at the given size. */
    public Scene createScene(double width, double height) {
        return new Scene(this, width, height);
    }

    /** The parts the window lays out: views, panels, file and lesson actions, the action table. */
    public WindowParts parts() { return parts; }

    /**
     * Adds a view's tab to the tab pane, in the order of the calls. The view is selected by
     * {@link WorkbenchModel#navigate}; its View-menu action (if the table has one) brings it forward.
     */
    public Tab addView(WorkbenchView view, Node content) {
        return addView(view, () -> content);
    }

    /**
     * Adds a view's tab whose content is made when the tab is first selected (at once for the first tab): see
     * {@link #addTab(String, Supplier)}.
     */
    public Tab addView(WorkbenchView view, Supplier<? extends Node> content) {
        Tab tab = addTab(view.title(), content);
        Relabel.follow(tab, t -> t.setText(view.title()));   // the tab's title in the language switched to
        tab.setId(view.nodeId());
        viewTabs.put(view, tab);
        return tab;
    }

    /** Adds a tab that is not a {@link WorkbenchView} (prefer {@link #addView}, which can be navigated to). */
    public Tab addTab(String title, Node content) {
        return addTab(title, () -> content);
    }

    /**
     * Adds a tab whose content is asked for when it is first selected; the first tab's at once. So the window's first
     * paint neither makes nor styles and lays out panels nobody sees (the tables and plots were half of the CSS pass
     * before the first pulse, and making the panels a seventh of the FX thread's time before it).
     */
    public Tab addTab(String title, Supplier<? extends Node> content) {
        Tab tab = new Tab(title);
        tab.setClosable(false);
        if (tabs.getTabs().isEmpty()) {
            tab.setContent(content.get());
        } else {
            tab.selectedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) {
                        tab.selectedProperty().removeListener(this);
                        tab.setContent(content.get());
                    }
                }
            });
        }
        tabs.getTabs().add(tab);
        return tab;
    }

    public TabPane tabs() { return tabs; }

    public MenuBar menuBar() { return menuBar; }

    /** The menu of a group, as built from the action table. */
    public Menu menu(MenuGroup group) {
        return menuBar.getMenus().stream().filter(m -> m.getId().equals(group.name().toLowerCase(Locale.ROOT) + "Menu"))
                .findFirst().orElseThrow();
    }
}
