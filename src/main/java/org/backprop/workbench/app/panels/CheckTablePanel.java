package org.backprop.workbench.app.panels;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.i18n.Messages;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every checked number of an analysis in a sortable, filterable table: formula, quantity, layer, index, analytic,
 * numeric, relative error and verdict. Selecting a row sets the selection property (the app highlights that
 * number in the diagram and the matrix); setting the property from outside selects the row.
 *
 * <p>Keys: arrows move through the rows, Ctrl+F goes to the text filter (Esc there clears it, Enter goes back to
 * the table), Alt+O toggles "failures only".
 */
public final class CheckTablePanel implements Panel {
    private final ReadOnlyObjectProperty<Analysis> analysis;
    private final ObjectProperty<CheckResult> selection;

    private final ObservableList<CheckResult> rows = FXCollections.observableArrayList();
    // the rows are kept in the sort order (see the sort policy) and filtered: a filter change only filters, in the
    // sorted order, which is that of filtering first as the sort is stable. With a SortedList over the filtered rows,
    // every filter change sorted them again (most of its cost for 111,002 rows, CheckTableBenchmark by JFR); under
    // the filtered rows, a sort was a permutation sorted once more by the filtered list and again by the selection
    private final FilteredList<CheckResult> filtered = new FilteredList<>(rows);
    /** The order of the sort columns, null for the analysis's order. */
    private Comparator<CheckResult> order;
    /** The analysis whose checks are listed, or null. */
    private Analysis listed;
    private final ObjectProperty<Formula> formulaFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Verdict> verdictFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<org.backprop.workbench.lesson.Quantity> hiddenEntry =
            new SimpleObjectProperty<>(this, "hiddenEntry");

    private final VBox root = new VBox();
    private final TableView<CheckResult> table = new TableView<>(filtered);
    private final ToggleButton failuresOnly = new ToggleButton();
    private final ComboBox<Formula> formulaChoice = new ComboBox<>();
    private final ComboBox<Verdict> verdictChoice = new ComboBox<>();
    private final TextField textFilter = new TextField();
    private final FlowPane summary = new FlowPane();
    private final Button clear = new Button();
    private final Tooltip failuresTip = new Tooltip();
    private final Tooltip formulaTip = new Tooltip();
    private final Tooltip verdictTip = new Tooltip();
    private final Tooltip textTip = new Tooltip();
    private final Tooltip clearTip = new Tooltip();
    private final Tooltip tableTip = new Tooltip();
    private final Label placeholder = new Label();
    private boolean syncing;
    /** True while {@link #load} replaces the rows (each pass of the summary streams all 111,002 of a big network). */
    private boolean loading;
    /** True while Clear filters resets the filters, which then refilter once. */
    private boolean clearing;

    /** Columns that fold away (hidden) when the table is too narrow for every column's least width, in order. */
    private java.util.List<TableColumn<CheckResult, CheckResult>> foldable = java.util.List.of();
    /** The columns folded by {@link #foldColumns}, which come back when there is room again. */
    private final java.util.Set<TableColumn<CheckResult, ?>> folded = new java.util.LinkedHashSet<>();
    /** Columns the user showed or hid in the column menu: left as the user set them. */
    private final java.util.Set<TableColumn<CheckResult, ?>> chosen = new java.util.HashSet<>();
    private boolean folding;

    /**
     * Room the table's width gives beyond its columns: the vertical scroll bar and the column menu's corner, the
     * borders (px).
     */
    private static final double TABLE_CHROME = 24;

    /**
     * Hides the formula, layer and index columns, in that order, while the shown columns' least widths do not fit
     * the table (a 1024-px window with a lesson open), so that the quantity, the values, the relative error and the
     * verdict are whole; shows them again, last folded first, when the table widens.
     */
    /**
     * Room a header takes beside its words: the label's padding on both sides and the sort arrow (about 2 em at the
     * 14-px base font); without it "Formula" wrapped to "Formul / a" in a column just wide enough for the word.
     */
    private static final double HEADER_CHROME = 30;
    /** The column's least width as made, before the header's longest word raised it. */
    private static final String BASE_MIN_WIDTH = "baseMinWidth";
    private static final String HEADER_FONT_WATCHED = "headerFontWatched";

    /**
     * Gives every column at least the width of its header's longest word in the header's font, so a header that
     * wraps breaks between words ("Relative / error"), never inside one; Chinese may break between any two
     * characters, so there each character counts as a word. Again after a language switch and a zoom.
     */
    private void fitHeaderWords() {
        if (!(table.lookup(".column-header .label") instanceof javafx.scene.control.Labeled header)) {
            return;
        }
        if (header.getProperties().putIfAbsent(HEADER_FONT_WATCHED, Boolean.TRUE) == null) {
            header.fontProperty().addListener((o, was, now) -> fitHeaderWords());   // zoom
        }
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(header.getFont());
        for (TableColumn<CheckResult, ?> column : table.getColumns()) {
            double base = (Double) column.getProperties().computeIfAbsent(BASE_MIN_WIDTH, k -> column.getMinWidth());
            double word = 0;
            for (String w : column.getText().split("\\s+")) {
                for (String piece : w.codePoints().anyMatch(org.backprop.workbench.util.Columns::wide)
                        ? w.codePoints().mapToObj(Character::toString).toList() : java.util.List.of(w)) {
                    measure.setText(piece);
                    word = Math.max(word, measure.getLayoutBounds().getWidth());
                }
            }
            column.setMinWidth(Math.max(base, Math.ceil(word + HEADER_CHROME)));
        }
        foldColumns();
    }

    private void foldColumns() {
        double room = table.getWidth() - TABLE_CHROME;
        if (!(room > 0)) {
            return;
        }
        folding = true;
        try {
            for (TableColumn<CheckResult, CheckResult> column : foldable) {
                if (least() <= room) {
                    break;
                }
                if (column.isVisible() && !chosen.contains(column)) {
                    column.setVisible(false);
                    folded.add(column);
                }
            }
            java.util.List<TableColumn<CheckResult, ?>> back = new java.util.ArrayList<>(folded);
            java.util.Collections.reverse(back);
            for (TableColumn<CheckResult, ?> column : back) {
                if (least() + column.getMinWidth() > room) {
                    break;
                }
                column.setVisible(true);
                folded.remove(column);
            }
        } finally {
            folding = false;
        }
    }

    /** The least widths of the shown columns, added. */
    private double least() {
        return table.getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getMinWidth).sum();
    }

    /** What the summary shows for the automatic step: entry syntax, the same in every language. */
    private static final String AUTO_ENTRY = "auto";

    /**
     * @param analysis  the analysis whose checks are listed ({@code null} value shows an empty table)
     * @param selection the selected checked number, written when a row is selected and followed when set elsewhere
     */
    public CheckTablePanel(ReadOnlyObjectProperty<Analysis> analysis, ObjectProperty<CheckResult> selection) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.selection = Objects.requireNonNull(selection, "selection");
        createView();
        initListeners();
    }

    @Override
    public String getName() { return Messages.get("checks.name"); }

    @Override
    public Region getView() { return root; }

    /** The table itself, for tests and for focus. */
    public TableView<CheckResult> table() { return table; }

    /**
     * Turns off the Alt-key mnemonics of the filter controls, for a table embedded in a panel that has its own
     * (the training panel), so that no two controls in view answer the same Alt key.
     */
    public CheckTablePanel withoutMnemonics() {
        failuresOnly.setMnemonicParsing(false);
        clear.setMnemonicParsing(false);
        return this;
    }

    /** Failures only on or off, as Alt+O does. */
    public void toggleFailuresOnly() { failuresOnly.setSelected(!failuresOnly.isSelected()); }

    /** Shows every checked number again, as Alt+R does. */
    public void clearFilters() { clear.fire(); }

    /** Shows only failures (Alt+O). */
    public void setFailuresOnly(boolean value) { failuresOnly.setSelected(value); }

    public void setFormulaFilter(Formula formula) { formulaChoice.setValue(formula); }

    public void setVerdictFilter(Verdict verdict) { verdictChoice.setValue(verdict); }

    public void setTextFilter(String text) { textFilter.setText(text); }

    /** The rows shown after filtering, in display order. */
    public ObservableList<CheckResult> shownRows() { return table.getItems(); }

    private void createView() {
        root.getStyleClass().addAll("bw-panel", "check-table");
        root.getStylesheets().add(STYLESHEET);

        // Alt+O and Alt+R are actions of the window's table (acting on the Checks tab when it is shown), not
        // mnemonics: a mnemonic answered from whichever table registered it, the hidden Training one included
        failuresOnly.setMnemonicParsing(false);
        failuresOnly.setTooltip(failuresTip);

        formulaChoice.getItems().add(null);
        formulaChoice.getItems().addAll(Formula.values());
        formulaChoice.setTooltip(formulaTip);
        formulaChoice.setPrefWidth(10 * 16);
        formulaChoice.valueProperty().bindBidirectional(formulaFilter);

        verdictChoice.getItems().add(null);
        verdictChoice.getItems().addAll(Verdict.values());
        verdictChoice.setTooltip(verdictTip);
        verdictChoice.valueProperty().bindBidirectional(verdictFilter);

        textFilter.setTooltip(textTip);

        clear.setMnemonicParsing(false);
        clear.setTooltip(clearTip);
        clear.setOnAction(e -> {
            // one refilter for the four changes: each re-filters and re-sorts every row of a big network
            clearing = true;
            try {
                failuresOnly.setSelected(false);
                formulaFilter.set(null);
                verdictFilter.set(null);
                textFilter.clear();
            } finally {
                clearing = false;
            }
            refilter();
            table.requestFocus();
        });

        FlowPane filters = new FlowPane(failuresOnly, formulaChoice, verdictChoice, textFilter, clear);
        filters.getStyleClass().add("bw-flow");
        textFilter.setPrefColumnCount(16);

        summary.getStyleClass().addAll("bw-summary", "bw-flow");

        TableColumn<CheckResult, CheckResult> formulaColumn = textColumn("checks.column.formula", 5,
                c -> c.formula().name(), Comparator.comparing(CheckResult::formula));
        TableColumn<CheckResult, CheckResult> layerColumn = textColumn("checks.column.layer", 4,
                c -> Integer.toString(c.layer()), Comparator.comparingInt(CheckResult::layer));
        TableColumn<CheckResult, CheckResult> indexColumn = textColumn("checks.column.index", 7,
                CheckTablePanel::indexText, (a, b) -> Arrays.compare(a.index(), b.index()));
        // what the quantity (∂C/∂w²[0, 1]) already says: these give way first when the table is narrow
        foldable = java.util.List.of(formulaColumn, layerColumn, indexColumn);
        table.getColumns().setAll(java.util.List.of(
                formulaColumn,
                textColumn("checks.column.quantity", 9, c -> Formats.superscripts(c.quantity()), quantityOrder()),
                layerColumn,
                indexColumn,
                numberColumn("checks.column.analytic", CheckResult::analytic, false, this::hidden),
                numberColumn("checks.column.numeric", CheckResult::numeric, false, this::hidden),
                numberColumn("checks.column.relativeError", CheckResult::relativeError, true, c -> false),
                verdictColumn()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the "+" menu in the header's corner lists every column: a folded one is brought back there
        table.setTableMenuButtonVisible(true);
        table.widthProperty().addListener((o, a, b) -> foldColumns());
        table.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fitHeaderWords));
        for (TableColumn<CheckResult, ?> column : foldable) {
            column.visibleProperty().addListener((o, was, now) -> {
                if (!folding) {
                    chosen.add(column);   // the user's choice in the column menu: kept, never folded again
                    folded.remove(column);
                }
            });
        }
        table.setPlaceholder(placeholder);
        table.setTooltip(tableTip);
        // the table's own comparator asks every column for a cell value (a new observable) on every comparison,
        // 2 million times to sort 111,002 rows; the policy below sorts by the rows' own orders instead
        table.setSortPolicy(t -> {
            order = rowOrder(t.getSortOrder());
            CheckResult selected = selection.get();
            loading = true;   // the counts stay
            try {
                rows.setAll(ordered(listed));
            } finally {
                loading = false;
            }
            keepSelected(selected);
            return true;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        table.setMinHeight(100);
        root.getChildren().setAll(summary, filters, table);
        relabel();
        Relabel.follow(this, CheckTablePanel::relabel);
    }

    /** The texts in the current language (again after a switch): controls, column headers, summary, chips. */
    private void relabel() {
        failuresOnly.setText(Messages.get("checks.failuresOnly"));
        clear.setText(Messages.get("checks.clearFilters"));
        failuresTip.setText(Messages.get("checks.failuresOnlyTip"));
        formulaTip.setText(Messages.get("checks.formulaTip"));
        verdictTip.setText(Messages.get("checks.verdictTip"));
        textFilter.setPromptText(Messages.get("checks.filterPrompt"));
        textTip.setText(Messages.get("checks.filterTip"));
        clearTip.setText(Messages.get("checks.clearTip"));
        tableTip.setText(Messages.get("checks.tableTip"));
        placeholder.setText(Messages.get("checks.noMatch"));
        formulaChoice.setCellFactory(v -> new NamedCell<>(f -> f.name() + "   " + Formats.superscripts(f.equation()),
                Messages.get("checks.allFormulas")));
        formulaChoice.setButtonCell(new NamedCell<>(Formula::name, Messages.get("checks.allFormulas")));
        verdictChoice.setCellFactory(v -> new NamedCell<>(Names::verdict,
                Messages.get("checks.allVerdicts")));
        verdictChoice.setButtonCell(new NamedCell<>(Names::verdict, Messages.get("checks.allVerdicts")));
        for (TableColumn<CheckResult, ?> column : table.getColumns()) {
            column.setText(Messages.get((String) column.getProperties().get(HEADER_KEY)));
        }
        fitHeaderWords();
        clearSearchTexts();
        prepareSearchTexts(java.util.List.copyOf(rows));
        updateSummary();
        table.refresh();
        if (!textFilter.getText().isEmpty()) {
            refilter();
        }
    }


    private void initListeners() {
        Predicate<CheckResult> always = c -> true;
        filtered.setPredicate(always);
        failuresOnly.selectedProperty().addListener((o, was, now) -> refilter());
        formulaFilter.addListener((o, was, now) -> refilter());
        verdictFilter.addListener((o, was, now) -> refilter());
        textFilter.textProperty().addListener((o, was, now) -> refilter());
        filtered.addListener((javafx.collections.ListChangeListener<CheckResult>) c -> {
            if (!loading && !onlyPermuted(c)) {
                updateSummary();   // a load makes the summary once, at its end; a sort changes no count
            }
        });

        analysis.addListener((o, was, now) -> load(now));
        hiddenEntry.addListener((o, was, now) -> table.refresh());
        load(analysis.get());

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                syncing = true;
                selection.set(now);
                syncing = false;
            }
        });
        selection.addListener((o, was, now) -> {
            if (!syncing) {
                select(now);
            }
        });

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
                textFilter.requestFocus();
                textFilter.selectAll();
                e.consume();
            }
        });
        textFilter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !textFilter.getText().isEmpty()) {
                textFilter.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
    }

    /**
     * Lists a new analysis. The selected number stays selected across analyses (same formula, layer and index), and
     * the selection property then holds the new analysis's result, with its new values.
     */
    private void load(Analysis a) {
        CheckResult previous = selection.get();
        syncing = true;
        clearSearchTexts();
        loading = true;
        listed = a;
        try {
            rows.setAll(ordered(a));
        } finally {
            loading = false;
        }
        prepareSearchTexts(a == null ? java.util.List.of() : a.checks());
        syncing = false;
        if (previous != null && a != null) {
            CheckResult same = a.checks().stream().filter(c -> sameNumber(c, previous)).findFirst().orElse(null);
            if (same != null) {
                syncing = true;
                selection.set(same);
                syncing = false;
            }
            select(same);
        }
        updateSummary();
    }

    /** The analysis's checks in the sort order (stable: equal rows keep the analysis's order); none for null. */
    private java.util.List<CheckResult> ordered(Analysis a) {
        if (a == null) {
            return java.util.List.of();
        }
        if (order == null) {
            return a.checks();
        }
        java.util.List<CheckResult> list = new java.util.ArrayList<>(a.checks());
        list.sort(order);
        return list;
    }

    /** Selects this row again after a sort, where it now is, without scrolling (as a sorted table does). */
    private void keepSelected(CheckResult result) {
        int index = result == null ? -1 : table.getItems().indexOf(result);
        syncing = true;
        try {
            if (index >= 0) {
                table.getSelectionModel().clearAndSelect(index);
            }
        } finally {
            syncing = false;
        }
    }

    private void select(CheckResult result) {
        syncing = true;
        try {
            if (result == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            int index = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (sameNumber(table.getItems().get(i), result)) {
                    index = i;
                    break;
                }
            }
            if (index >= 0) {
                table.getSelectionModel().clearAndSelect(index);
                table.scrollTo(Math.max(0, index - 3));
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    private void refilter() {
        if (clearing) {
            return;
        }
        boolean failures = failuresOnly.isSelected();
        Formula formula = formulaFilter.get();
        Verdict verdict = verdictFilter.get();
        String text = textFilter.getText() == null ? "" : textFilter.getText().trim().toLowerCase(Locale.ROOT);
        CheckResult selected = selection.get();
        filtered.setPredicate(c -> (!failures || c.verdict() == Verdict.FAIL)
                && (formula == null || c.formula() == formula)
                && (verdict == null || c.verdict() == verdict)
                && (text.isEmpty() || cachedSearchText(c).contains(text)));
        select(selected);
    }

    private void updateSummary() {
        Analysis a = analysis.get();
        summary.getChildren().clear();
        if (a == null) {
            summary.getChildren().add(new Label(Messages.get("checks.noAnalysis")));
            return;
        }
        CheckSummary s = a.summary();
        Label counts = new Label(Messages.get("checks.counts", s.checked(),
                org.backprop.workbench.numeric.Epsilon.isAuto(a.epsilon()) ? AUTO_ENTRY : Formats.small(a.epsilon())));
        summary.getChildren().add(counts);
        summary.getChildren().add(chip(Verdict.PASS, s.pass()));
        summary.getChildren().add(chip(Verdict.WARN, s.warn()));
        summary.getChildren().add(chip(Verdict.FAIL, s.fail()));
        summary.getChildren().add(chip(Verdict.KINK, s.kink()));
        CheckResult worst = a.worst();
        if (worst != null) {
            summary.getChildren().add(new Label(Messages.get("checks.worst", Formats.small(s.maxRelativeError()),
                    Formats.superscripts(worst.quantity()))));
        }
        summary.getChildren().add(new Label(Messages.get("checks.showing", filtered.size(), rows.size())));
    }

    private static boolean onlyPermuted(javafx.collections.ListChangeListener.Change<?> c) {
        boolean permuted = true;
        while (c.next()) {
            permuted &= c.wasPermutated();
        }
        c.reset();
        return permuted;
    }

    static Label chip(Verdict verdict, int count) {
        Label chip = new Label(Messages.get("checks.chip", count, Names.verdict(verdict)));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.getStyleClass().addAll("verdict-chip", "verdict-" + verdict.id());
        return chip;
    }

    static boolean sameNumber(CheckResult a, CheckResult b) {
        return a.formula() == b.formula() && a.layer() == b.layer() && Arrays.equals(a.index(), b.index());
    }

    /** "j=1, x=0" for δ, "j=2" for b, "k=0, j=2" for w: the note's index names. */
    static String indexText(CheckResult c) {
        int[] i = c.index();
        return switch (c.formula()) {
            case BP1, BP2 -> "j=" + i[0] + ", x=" + i[1];
            case BP3 -> "j=" + i[0];
            case BP4 -> "k=" + i[0] + ", j=" + i[1];
        };
    }

    /** The lower-case search text of each row, made once per analysis (the filter runs on every key typed). */
    private final java.util.Map<CheckResult, String> searchTexts = new java.util.IdentityHashMap<>();

    /**
     * Analyses with more rows than this get their search texts made on a background thread as they arrive: for
     * 111,002 rows the first text filter took 1.6–2.3 s on the FX thread (CheckTableBenchmark), one filter change
     * after that ~170 ms. A small analysis makes them on the first filter, as before.
     */
    static final int PREPARE_TEXTS_ABOVE = 5_000;

    /** Counts the clearings of {@link #searchTexts}: texts made for an older count are dropped. */
    private long textsGeneration;

    private static final java.util.concurrent.Executor TEXT_MAKER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "check-table-search-texts");
                t.setDaemon(true);
                return t;
            });

    private void clearSearchTexts() {
        searchTexts.clear();
        textsGeneration++;
    }

    /** Makes the search texts of these rows on a background thread and adds them when done, if still current. */
    private void prepareSearchTexts(java.util.List<CheckResult> checks) {
        if (checks.size() <= PREPARE_TEXTS_ABOVE) {
            return;
        }
        long generation = textsGeneration;
        TEXT_MAKER.execute(() -> {
            java.util.Map<CheckResult, String> made = new java.util.IdentityHashMap<>(checks.size() * 2);
            for (CheckResult c : checks) {
                made.put(c, searchText(c));
            }
            javafx.application.Platform.runLater(() -> {
                if (generation == textsGeneration) {
                    made.forEach(searchTexts::putIfAbsent);
                }
            });
        });
    }

    private String cachedSearchText(CheckResult c) {
        return searchTexts.computeIfAbsent(c, CheckTablePanel::searchText);
    }

    private static String searchText(CheckResult c) {
        return (c.formula().name() + " " + c.quantity() + " " + Formats.superscripts(c.quantity()) + " "
                + indexText(c) + " " + c.verdict().id() + " " + WORDS.computeIfAbsent(Messages.locale() + " v"
                + c.verdict().id(), k -> Names.verdict(c.verdict())) + " " + WORDS.computeIfAbsent(Messages.locale()
                + " l" + c.layer(), k -> Messages.get("checks.searchLayer", c.layer()))).toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict names and "layer 2" texts of the search texts, by language: one message format per row was most
     * of the cost of making the 111,002 texts.
     */
    private static final java.util.Map<String, String> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The key of a column's order of the rows, in its properties. */
    private static final String ROW_ORDER = "bw.rowOrder";
    /** The key of a column's header message, in its properties (the header follows a language switch). */
    private static final String HEADER_KEY = "bw.headerKey";

    /** The order of the sort columns, first to last, each ascending or descending; null for the analysis's order. */
    private static Comparator<CheckResult> rowOrder(java.util.List<TableColumn<CheckResult, ?>> sortOrder) {
        Comparator<CheckResult> order = null;
        for (TableColumn<CheckResult, ?> column : sortOrder) {
            @SuppressWarnings("unchecked")
            Comparator<CheckResult> one = (Comparator<CheckResult>) column.getProperties().get(ROW_ORDER);
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    /** δ before ∂C/∂b before ∂C/∂w, then layer, then index. */
    private static Comparator<CheckResult> quantityOrder() {
        return Comparator.comparing((CheckResult c) -> c.formula() == Formula.BP1 ? Formula.BP2 : c.formula())
                .thenComparingInt(CheckResult::layer)
                .thenComparing(CheckResult::index, Arrays::compare);
    }

    /** A column showing a text of each result and sorting by an order of the results (BP1 before BP2, 9 before 10). */
    private static TableColumn<CheckResult, CheckResult> textColumn(String headerKey, double widthEm,
                                                                    Function<CheckResult, String> text,
                                                                    Comparator<CheckResult> order) {
        TableColumn<CheckResult, CheckResult> column = new TableColumn<>(Messages.get(headerKey));
        column.getProperties().put(HEADER_KEY, headerKey);
        column.setCellValueFactory(f -> constant(f.getValue()));
        column.setPrefWidth(widthEm * 16);
        column.setMinWidth(Math.min(widthEm, 7) * 16);
        column.setComparator(order);
        column.getProperties().put(ROW_ORDER, order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CheckResult item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }

    /** True if the row's numbers are hidden (a lesson's quiz asks for that entry). */
    private boolean hidden(CheckResult c) {
        Analysis a = analysis.get();
        return hiddenEntry.get() != null && a != null
                && HiddenNumbers.hides(HiddenNumbers.of(hiddenEntry.get(), a.batch().size()), c);
    }

    /** An entry whose analytic and numeric values show as "?" (a lesson's quiz asks for it), or null. */
    public ObjectProperty<org.backprop.workbench.lesson.Quantity> hiddenEntryProperty() { return hiddenEntry; }

    private static TableColumn<CheckResult, Double> numberColumn(String headerKey,
                                                                 java.util.function.ToDoubleFunction<CheckResult> value,
                                                                 boolean relative, Predicate<CheckResult> hidden) {
        TableColumn<CheckResult, Double> column = new TableColumn<>(Messages.get(headerKey));
        column.getProperties().put(HEADER_KEY, headerKey);
        column.setCellValueFactory(f -> constant(value.applyAsDouble(f.getValue())));
        column.setPrefWidth((relative ? 9 : 12) * 16);
        // never "-7.3466...": below these widths the table scrolls sideways instead of cutting numbers short
        column.setMinWidth((relative ? 5.5 : 8.5) * 16);
        // NaN (a non-finite value) sorts as the largest error
        column.setComparator(Comparator.comparingDouble(d -> Double.isNaN(d) ? Double.POSITIVE_INFINITY : d));
        // unboxed: a sort of 111,002 rows makes about 2 million comparisons
        column.getProperties().put(ROW_ORDER, Comparator.comparingDouble((CheckResult c) -> {
            double d = value.applyAsDouble(c);
            return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        }));
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("number");
            }

            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("rel-fail");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                CheckResult row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && hidden.test(row)) {
                    setText("?");
                    return;
                }
                setText(relative ? Formats.small(item) : Formats.value(item));
                if (relative && row != null && row.verdict() == Verdict.FAIL) {
                    getStyleClass().add("rel-fail");
                }
            }
        });
        return column;
    }

    private static TableColumn<CheckResult, Verdict> verdictColumn() {
        TableColumn<CheckResult, Verdict> column = new TableColumn<>(Messages.get("checks.column.verdict"));
        column.getProperties().put(HEADER_KEY, "checks.column.verdict");
        column.setCellValueFactory(f -> constant(f.getValue().verdict()));
        column.getProperties().put(ROW_ORDER, Comparator.comparing(CheckResult::verdict));
        column.setPrefWidth(6 * 16);
        column.setMinWidth(5 * 16);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            {
                chip.getStyleClass().add("verdict-chip");
                setAlignment(Pos.CENTER);
            }

            @Override
            protected void updateItem(Verdict item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(Names.verdict(item));
                chip.getStyleClass().removeIf(s -> s.startsWith("verdict-") && !s.equals("verdict-chip"));
                chip.getStyleClass().add("verdict-" + item.id());
                setGraphic(chip);
            }
        });
        return column;
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new javafx.beans.property.ReadOnlyObjectWrapper<>(value);
    }

    /** A combo-box cell showing a name, or a text for the empty choice. */
    private static final class NamedCell<T> extends ListCell<T> {
        private final Function<T, String> name;
        private final String none;

        NamedCell(Function<T, String> name, String none) {
            this.name = name;
            this.none = none;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? none : name.apply(item));
        }
    }
}
