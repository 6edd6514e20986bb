package io.expanse.ui.volumes;

import javafx.scene.input.KeyEvent;
import io.expanse.text.Texts;
import io.expanse.ui.profiles.LayoutMemory;
import io.expanse.ui.resize.ResizeDialogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The volumes table: filter, sort, copy, and the entry to the resize dialog. */
public final class VolumesController {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final VolumesViewModel vm;
    private final ResizeDialogs resizeDialogs;
    private final LayoutMemory layout;
    /** True while the table's selection is being put in line with the model's. */
    private boolean syncingSelection;
    /** Slices of a fresh list waiting for the table's next frame. */
    private final List<java.util.function.LongConsumer> afterFrame = new ArrayList<>();
    private final Runnable frameDone = this::runQueuedSlices;
    /** When the current frame's CSS and layout began (0 between frames): the slices learn what their rows cost. */
    private long frameBegan;
    private final Runnable frameBegins = () -> frameBegan = System.nanoTime();
    private boolean warmedUp;

    @FXML private TextField filterField;
    @FXML private Button copyIdButton;
    @FXML private Button resizeButton;
    @FXML private Button refreshButton;
    @FXML private HBox errorBanner;
    @FXML private Label errorLabel;
    @FXML private TableView<VolumeRow> table;
    @FXML private TableColumn<VolumeRow, String> nameColumn;
    @FXML private TableColumn<VolumeRow, String> idColumn;
    @FXML private TableColumn<VolumeRow, String> statusColumn;
    @FXML private TableColumn<VolumeRow, Long> sizeColumn;
    @FXML private TableColumn<VolumeRow, String> typeColumn;
    @FXML private TableColumn<VolumeRow, String> azColumn;
    @FXML private TableColumn<VolumeRow, String> serverColumn;
    @FXML private TableColumn<VolumeRow, String> serverStatusColumn;
    @FXML private TableColumn<VolumeRow, String> roleColumn;
    @FXML private TableColumn<VolumeRow, String> billingColumn;
    @FXML private TableColumn<VolumeRow, String> sharedColumn;
    @FXML private TableColumn<VolumeRow, String> projectColumn;
    @FXML private TableColumn<VolumeRow, RowUsage> usedColumn;
    @FXML private TableColumn<VolumeRow, RowUsage> fullInColumn;
    @FXML private javafx.scene.control.ToggleButton attentionToggle;
    @FXML private UsageDetailsPane usageDetails;
    @FXML private io.expanse.ui.common.ErrorDetails errorDetails;
    /** The volumes view's height from which the usage pane is shown under the table. */
    static final double USAGE_PANE_FROM_HEIGHT = 440;

    public VolumesController(VolumesViewModel vm, ResizeDialogs resizeDialogs, LayoutMemory layout) {
        this(vm, resizeDialogs, layout, null);
    }

    /** @param batchDialogs opens "Expand selected…" for several volumes; null leaves it out */
    public VolumesController(VolumesViewModel vm, ResizeDialogs resizeDialogs, LayoutMemory layout,
                             io.expanse.ui.batch.BatchDialogs batchDialogs) {
        this.vm = vm;
        this.resizeDialogs = resizeDialogs;
        this.layout = layout;
        this.batchDialogs = batchDialogs;
    }

    private final io.expanse.ui.batch.BatchDialogs batchDialogs;
    @FXML private Button expandSelectedButton;
    @FXML private Button selectAllShownButton;

    @FXML
    private void initialize() {
        fixed(nameColumn, r -> r.volume().name());
        fixed(idColumn, r -> r.volume().id());
        fixed(statusColumn, r -> r.volume().status());
        sizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().volume().sizeGb()));
        fixed(typeColumn, r -> r.volume().volumeType());
        fixed(azColumn, r -> r.volume().availabilityZone());
        serverColumn.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::serverText,
                c.getValue().serverProperty()));
        serverStatusColumn.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::serverStatusText,
                c.getValue().serverProperty(), c.getValue().lookupProperty()));
        roleColumn.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::roleText,
                c.getValue().roleProperty(), c.getValue().lookupProperty()));
        fixed(billingColumn, VolumeRow::billingText);
        fixed(sharedColumn, r -> Texts.get(r.volume().multiattach() ? "common.yes" : "common.no"));
        var projectNames = vm.projectNames().namesProperty();
        projectColumn.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().enterpriseProjectText(projectNames.get()), projectNames));
        statusColumn.setCellFactory(col -> new StatusCell("volume.status."));
        serverStatusColumn.setCellFactory(col -> new StatusCell("server.status."));
        sizeColumn.setStyle("-fx-alignment: CENTER-RIGHT;");
        for (TableColumn<VolumeRow, String> c : List.of(nameColumn, idColumn, statusColumn, typeColumn,
                azColumn, serverColumn, serverStatusColumn, roleColumn, billingColumn, sharedColumn, projectColumn)) {
            c.setComparator(new CollatedOrder());
        }

        initUsage();
        table.setItems(vm.sortedRows());
        // Start with the table focused: arrow keys move, Enter expands, and the filter's hint stays readable.
        table.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(frameBegins);
                old.removePostLayoutPulseListener(frameDone);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(frameBegins);
                scene.addPostLayoutPulseListener(frameDone);
                javafx.application.Platform.runLater(table::requestFocus);
                javafx.application.Platform.runLater(this::warmUp);
            }
        });
        vm.paceSlices(this::afterNextFrame);
        // The model sorts (the table's order, ties by id); the table only says which order it wants.
        table.setSortPolicy(t -> true);
        vm.orderProperty().bind(table.comparatorProperty());
        // Several volumes can be selected (Shift/Ctrl-click, Ctrl+A) for "Expand selected…"; the model follows the
        // last one selected, which single-volume actions use.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSortOrder().add(nameColumn);
        layout.table("volumes", table);
        io.expanse.ui.common.TableFit.headingsNeverCut(table);
        io.expanse.ui.common.TableFit.tooltipsForCutCells(table);
        followSelection();
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        // In the filter box Esc clears it and ↓ goes to the table, on the first row when none is selected.
        filterField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filterField.getText().isEmpty()) {
                filterField.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                selectFirstRowIfNone();
                e.consume();
            }
        });
        // The first ↓ in the table selects the first row (not the second, where the focus would move).
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                selectFirstRowIfNone();
                e.consume();
            }
        });

        var noSelection = vm.selectedRowProperty().isNull();
        resizeButton.disableProperty().bind(noSelection);
        copyIdButton.disableProperty().bind(noSelection);
        refreshButton.disableProperty().bind(vm.stateProperty().isEqualTo(VolumesViewModel.LoadState.LOADING));

        errorLabel.textProperty().bind(vm.errorMessageProperty());
        errorDetails.detailsProperty().bind(vm.errorDetailsProperty());
        var errorShown = vm.stateProperty().isEqualTo(VolumesViewModel.LoadState.ERROR);
        errorBanner.visibleProperty().bind(errorShown);
        errorBanner.managedProperty().bind(errorShown);

        vm.stateProperty().addListener((o, a, b) -> updatePlaceholder());
        vm.filterTextProperty().addListener((o, a, b) -> updatePlaceholder());
        updatePlaceholder();

        double[] rowHeight = new double[1];
        table.setRowFactory(tv -> {
            TableRow<VolumeRow> row = new VolumeTableRow(rowHeight);
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openResize();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copyId();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && vm.selectedRow() != null) {
                openResize();
                e.consume();
            }
        });
        MenuItem copyId = new MenuItem(Texts.get("volumes.button.copyId"));
        copyId.setOnAction(e -> copyId());
        MenuItem copyName = new MenuItem(Texts.get("volumes.menu.copyName"));
        copyName.setOnAction(e -> copy(VolumeRow::volume, v -> v.name()));
        MenuItem expand = new MenuItem(Texts.get("volumes.button.resize"));
        expand.setOnAction(e -> openResize());
        MenuItem expandSelected = new MenuItem(Texts.get("batch.menu.expandSelected"));
        expandSelected.setId("expandSelectedItem");
        expandSelected.setOnAction(e -> openBatch());
        MenuItem selectAll = new MenuItem(Texts.get("batch.menu.selectAllShown"));
        selectAll.setId("selectAllShownItem");
        selectAll.setOnAction(e -> selectAllShown());
        table.setContextMenu(new ContextMenu(expand, copyId, copyName));
        if (batchDialogs != null) {
            table.getContextMenu().getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), expandSelected,
                    selectAll);
        }
        wireBatch();
        markRowsNeedingAttention();
    }

    /**
     * The Used and Full in columns (their cells follow each row's usage property: no binding per cell), the "Needs
     * attention" toggle beside the filter, and the details pane of the selected disk.
     */
    private void initUsage() {
        UsageColumnModel usage = vm.usage();
        usedColumn.setCellValueFactory(c -> c.getValue().usageProperty());
        usedColumn.setCellFactory(col -> new UsageCell(usage::threshold));
        usedColumn.setComparator(java.util.Comparator.nullsFirst(
                java.util.Comparator.comparingDouble(RowUsage::sortKey)));
        fullInColumn.setCellValueFactory(c -> c.getValue().usageProperty());
        fullInColumn.setCellFactory(col -> new FullInCell());
        fullInColumn.setComparator(java.util.Comparator.nullsLast(
                java.util.Comparator.comparingLong(RowUsage::fullInSortKey)));
        attentionToggle.selectedProperty().bindBidirectional(usage.attentionOnlyProperty());
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<VolumeRow, ?>>) c ->
                usage.sortedByUsageProperty().set(table.getSortOrder().contains(usedColumn)
                        || table.getSortOrder().contains(fullInColumn)));
        if (usageDetails != null) {
            usageDetails.follow(vm.selectedRowProperty(), usage);
            // In a short window (1024×700) the table keeps the height: the pane goes, the Used and Full in
            // columns and the resize dialog still show how full each disk is.
            if (usageDetails.getParent() instanceof javafx.scene.layout.Region view) {
                view.heightProperty().addListener((o, a, h) -> {
                    boolean room = h.doubleValue() >= USAGE_PANE_FROM_HEIGHT;
                    usageDetails.setVisible(room);
                    usageDetails.setManaged(room);
                });
            }
        }
    }

    /** Rows at or over the threshold are marked, around whatever rows the table's row factory makes. */
    private void markRowsNeedingAttention() {
        var inner = table.getRowFactory();
        table.setRowFactory(tv -> {
            TableRow<VolumeRow> row = inner != null ? inner.call(tv) : new TableRow<>();
            UsageRowMarker.mark(row, vm.usage());
            return row;
        });
    }

    /**
     * Runs a slice of a fresh list after the table's next frame, so that each frame makes the cells of one slice's
     * new rows only (several slices queued between two frames would all be laid out in one). Without a shown window
     * there are no frames: the slice runs as the next UI event.
     */
    private void afterNextFrame(java.util.function.LongConsumer slice) {
        var scene = table.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            javafx.application.Platform.runLater(() -> slice.accept(0));
            return;
        }
        afterFrame.add(slice);
        javafx.application.Platform.requestNextPulse();
    }

    /** After each frame's layout: the queued slices go to the next UI events. */
    private void runQueuedSlices() {
        long frameNanos = frameBegan == 0 ? 0 : System.nanoTime() - frameBegan;
        frameBegan = 0;
        if (!afterFrame.isEmpty()) {
            List<java.util.function.LongConsumer> due = List.copyOf(afterFrame);
            afterFrame.clear();
            due.forEach(slice -> javafx.application.Platform.runLater(() -> slice.accept(frameNanos)));
        }
    }

    /**
     * Before the first list arrives, while the account connects: a copy of the table, invisible and never in the
     * layout, shows two made-up rows for one frame and is removed. The first frame of a table with rows loads and
     * runs, for the first time, the row and cell skins, their CSS and the cell value bindings (a few hundred
     * milliseconds on a cold JVM); done here, it does not hold up the first rows of the real list.
     */
    private void warmUp() {
        if (warmedUp || !vm.allRows().isEmpty() || !(table.getParent() instanceof javafx.scene.layout.Pane parent)) {
            return;
        }
        warmedUp = true;
        TableView<VolumeRow> warm = new TableView<>();
        warm.getStyleClass().setAll(table.getStyleClass());
        for (TableColumn<VolumeRow, ?> column : table.getColumns()) {
            warm.getColumns().add(copyOf(column));
        }
        warm.getItems().setAll(WarmUpRows.rows());
        warm.setOpacity(0);
        warm.setMouseTransparent(true);
        warm.setFocusTraversable(false);
        warm.setManaged(false);
        warm.resizeRelocate(0, 0, Math.max(table.getWidth(), 1000), 120);
        parent.getChildren().add(warm);
        Runnable[] remove = new Runnable[1];
        remove[0] = () -> {
            var scene = warm.getScene();
            if (scene != null) {
                scene.removePostLayoutPulseListener(remove[0]);
            }
            javafx.application.Platform.runLater(() -> parent.getChildren().remove(warm));
        };
        if (warm.getScene() != null) {
            warm.getScene().addPostLayoutPulseListener(remove[0]);
            javafx.application.Platform.requestNextPulse();
        } else {
            parent.getChildren().remove(warm);
        }
    }

    private static <T> TableColumn<VolumeRow, T> copyOf(TableColumn<VolumeRow, T> column) {
        TableColumn<VolumeRow, T> copy = new TableColumn<>();
        copy.setCellValueFactory(column.getCellValueFactory());
        copy.setCellFactory(column.getCellFactory());
        copy.setPrefWidth(column.getWidth() > 0 ? column.getWidth() : column.getPrefWidth());
        copy.getStyleClass().setAll(column.getStyleClass());
        copy.setStyle(column.getStyle());
        return copy;
    }

    /**
     * Keeps the table's selection and the model's selected volume id in step. The operator's clicks and arrow keys
     * select an id; when the model changes the rows (a re-read row, a filter, a refresh, a sort) the table's
     * selection model may have moved to a neighbour, so the table is put back on the model's row, or cleared.
     */
    private void followSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!syncingSelection && !vm.adjusting()) {
                vm.select(row == null ? null : row.volume().id());
            }
        });
        // During a list change the table has not caught up yet: the listener below puts it in line afterwards.
        vm.addSelectionListener(() -> {
            if (!vm.adjusting()) {
                showSelection(vm.selectedRow());
            }
        });
        // Registered after the table's own listeners: once the table has moved its selection for a list change,
        // it is put back on the selected volume's row at once, so that nothing listening later sees a neighbour.
        vm.sortedRows().addListener((javafx.collections.ListChangeListener<VolumeRow>) c ->
                showSelection(vm.selectedRow()));
        showSelection(vm.selectedRow());
    }

    private void showSelection(VolumeRow row) {
        var model = table.getSelectionModel();
        if (row == model.getSelectedItem()) {
            return;
        }
        syncingSelection = true;
        try {
            if (row == null) {
                model.clearSelection();
            } else {
                model.select(row);
            }
        } finally {
            syncingSelection = false;
        }
    }

    private static void fixed(TableColumn<VolumeRow, String> column, Function<VolumeRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private void updatePlaceholder() {
        switch (vm.stateProperty().get()) {
            case LOADING -> {
                ProgressIndicator p = new ProgressIndicator();
                p.setMaxSize(36, 36);
                Label l = new Label(Texts.get("volumes.loading"));
                VBox box = new VBox(8, p, l);
                box.setAlignment(javafx.geometry.Pos.CENTER);
                table.setPlaceholder(box);
            }
            case ERROR -> table.setPlaceholder(placeholder(Texts.get("volumes.placeholder.error"),
                    Texts.get("volumes.placeholder.error.hint")));
            default -> {
                String filter = vm.filterTextProperty().get();
                if (filter != null && !filter.isBlank() && !vm.allRows().isEmpty()) {
                    table.setPlaceholder(placeholder(Texts.get("volumes.placeholder.noMatch", filter.trim()),
                            Texts.get("volumes.placeholder.noMatch.hint", vm.allRows().size())));
                } else {
                    table.setPlaceholder(placeholder(Texts.get("volumes.placeholder.empty"),
                            Texts.get("volumes.placeholder.empty.hint")));
                }
            }
        }
    }

    private static VBox placeholder(String title, String hint) {
        Label t = new Label(title);
        t.getStyleClass().add("title-4");
        Label h = new Label(hint);
        h.getStyleClass().add("text-muted");
        VBox box = new VBox(6, t, h);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void copyId() {
        copy(VolumeRow::volume, v -> v.id(), "status.copied.volumeId");
    }

    private <T> void copy(Function<VolumeRow, T> part, Function<T, String> text) {
        copy(part, text, "status.copied.volumeName");
    }

    /** Copies a part of the selected row and says so in the status line ({@code confirmKey}: name, text). */
    private <T> void copy(Function<VolumeRow, T> part, Function<T, String> text, String confirmKey) {
        VolumeRow row = vm.selectedRow();
        if (row != null) {
            String copied = text.apply(part.apply(row));
            io.expanse.ui.common.Clipboards.putText(copied);
            vm.confirm(Texts.get(confirmKey, row.volume().name() == null || row.volume().name().isBlank()
                    ? row.volume().id() : row.volume().name(), copied));
        }
    }

    @FXML
    private void openResize() {
        // The model's row: the volume the operator selected, never one that slid into its place.
        VolumeRow row = vm.selectedRow();
        if (row != null) {
            resizeDialogs.open(table.getScene().getWindow(), row);
        }
    }

    /** The toolbar's "Expand selected…" (two or more volumes selected) and "Select all shown". */
    private void wireBatch() {
        for (Button b : new Button[] {expandSelectedButton, selectAllShownButton}) {
            if (b != null) {
                b.setVisible(batchDialogs != null);
                b.setManaged(batchDialogs != null);
            }
        }
        if (expandSelectedButton != null) {
            var selection = table.getSelectionModel().getSelectedItems();
            expandSelectedButton.disableProperty().bind(Bindings.size(selection).lessThan(2));
            expandSelectedButton.textProperty().bind(Bindings.createStringBinding(() -> selection.size() < 2
                    ? Texts.get("batch.button.expandSelected")
                    : Texts.get("batch.button.expandSelectedCount", selection.size()), selection));
        }
    }

    @FXML
    private void selectAllShown() {
        table.getSelectionModel().selectAll();
        table.requestFocus();
    }

    @FXML
    private void openBatch() {
        List<VolumeRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (batchDialogs != null && !rows.isEmpty()) {
            batchDialogs.open(table.getScene().getWindow(), rows);
        }
    }

    private void selectFirstRowIfNone() {
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
            table.scrollTo(0);
        }
    }

    /** Edit → Copy volume ID (Ctrl+C): the selected volume's ID to the clipboard. */
    public void copySelectedId() {
        copyId();
    }

    /** Edit → Expand volume… (Enter): the resize dialog for the selected volume. */
    public void expandSelected() {
        openResize();
    }

    /** Focus the filter box (Ctrl+F). */
    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    /** A status rendered as a coloured pill: green for usable, amber for transitional, red for error states. */
    static final class StatusCell extends TableCell<VolumeRow, String> {
        /** The bundle keys of the statuses this column shows: the API's word, lower case, after it. */
        private final String keyPrefix;
        /** The status class this cell carries now, or null. */
        private String shownClass;

        StatusCell(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null || item.isEmpty();
            setText(blank ? null : VolumeRow.statusText(keyPrefix, item));
            // The style classes change only when the class does: each change makes the cell's CSS be worked out
            // again, and a refresh or a scroll updates every visible cell.
            String wanted = blank ? null : statusClass(item);
            if (!java.util.Objects.equals(wanted, shownClass)) {
                if (shownClass != null) {
                    getStyleClass().remove(shownClass);
                }
                if (wanted != null) {
                    getStyleClass().add(wanted);
                }
                shownClass = wanted;
            }
        }

        static String statusClass(String status) {
            String s = status.toLowerCase(Locale.ROOT);
            if (s.contains("error") || s.equals("unreadable") || s.equals("deleted") || s.equals("unknown")) {
                return "status-bad";
            }
            if (s.equals("available") || s.equals("in-use") || s.equals("active") || s.equals("shutoff")) {
                return "status-ok";
            }
            return "status-busy";
        }
    }
}
