package io.expanse.ui.activity;

import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.Buttons;
import io.expanse.text.Texts;
import io.expanse.work.accounts.AccountOpener;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.profiles.LayoutMemory;
import io.expanse.work.Activity;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import io.expanse.work.ActivityState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The activity panel: one row per change (an EVS resize or a NAS pack upgrade), with copyable job/order ids and
 * the row actions other features add (Try again…, the file-system guide after a disk grew).
 */
public final class ActivityController {

    private final ActivityViewModel vm;
    private final TaskExecutor tasks;
    private final LayoutMemory layout;
    private final java.util.List<ActivityAction> actions;
    private final io.expanse.ui.common.StatusFlash flash;

    @FXML private TableView<Activity> activityTable;
    @FXML private TableColumn<Activity, String> volumeColumn;
    @FXML private TableColumn<Activity, String> accountColumn;
    @FXML private TextField activityFilterField;
    @FXML private CheckBox unfinishedOnlyCheck;
    @FXML private Button exportCsvButton;
    @FXML private javafx.scene.control.Label activityNote;
    @FXML private TableColumn<Activity, String> changeColumn;
    @FXML private TableColumn<Activity, String> startedColumn;
    @FXML private TableColumn<Activity, String> finishedColumn;
    @FXML private TableColumn<Activity, Activity> stateColumn;
    @FXML private TableColumn<Activity, String> referenceColumn;
    @FXML private TableColumn<Activity, String> detailColumn;
    @FXML private Button copyReferenceButton;
    /** Where the buttons of the row actions go: the fixed ones ({@link ActivityAction}), then the selected row's own. */
    @FXML private javafx.scene.layout.HBox rowActionsBox;
    /** The selected row's own actions ({@link RowActions}), e.g. paying or cancelling its order. */
    private final javafx.scene.layout.HBox selectedRowActionsBox = new javafx.scene.layout.HBox(8);
    private final java.util.List<RowActions> rowActions = new java.util.ArrayList<>();
    private java.util.List<MenuItem> baseMenu;

    public ActivityController(ActivityViewModel vm, TaskExecutor tasks, LayoutMemory layout) {
        this(vm, tasks, layout, java.util.List.of(), new io.expanse.ui.common.StatusFlash());
    }

    /** @param actions row actions of other features (Try again…, …), in the order their buttons are shown */
    public ActivityController(ActivityViewModel vm, TaskExecutor tasks, LayoutMemory layout,
                              java.util.List<ActivityAction> actions, io.expanse.ui.common.StatusFlash flash) {
        this.vm = vm;
        this.tasks = tasks;
        this.layout = layout;
        this.actions = java.util.List.copyOf(actions);
        this.flash = flash;
    }

    @FXML
    private void initialize() {
        text(volumeColumn, Activity::resourceName);
        text(accountColumn, a -> a.region() == null ? AccountOpener.shownLabel(a.account())
                : Texts.get("activity.accountInRegion", AccountOpener.shownLabel(a.account()),
                a.region()));
        activityFilterField.textProperty().bindBidirectional(vm.filterTextProperty());
        unfinishedOnlyCheck.selectedProperty().bindBidirectional(vm.unfinishedOnlyProperty());
        activityNote.textProperty().bind(vm.noteProperty());
        text(changeColumn, a -> Activity.KIND_NAS_RENEW.equals(a.kind())
                ? io.expanse.ui.packs.PackTexts.renewal(a.device())
                : Texts.get("activity.change", Long.toString(a.oldSizeGb()), Long.toString(a.newSizeGb())));
        text(startedColumn, a -> time(a.startedAt()));
        text(finishedColumn, a -> time(a.finishedAt()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setComparator(Comparator.comparing(Activity::stateText));
        stateColumn.setCellFactory(col -> new StateCell());
        text(referenceColumn, ActivityController::reference);
        text(detailColumn, a -> a.failureReason() != null ? a.failureReason() : a.message());
        referenceColumn.setCellFactory(col -> new TooltipCell());
        // An expansion whose file system has not grown says so, with the way to the guide.
        detailColumn.setCellFactory(col -> new GrowthNoteCell(vm::fileSystemNotGrown, this::openGuestSteps));
        vm.notGrownProperty().addListener(o -> activityTable.refresh());
        activityTable.setItems(vm.rows());
        layout.table("activity", activityTable);
        io.expanse.ui.common.TableFit.headingsNeverCut(activityTable);
        io.expanse.ui.common.TableFit.tooltipsForCutCells(activityTable);
        activityTable.setPlaceholder(new javafx.scene.control.Label(Texts.get("activity.placeholder")));

        var selected = activityTable.getSelectionModel().selectedItemProperty();
        copyReferenceButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || reference(selected.get()).isEmpty(), selected));

        MenuItem copy = new MenuItem(Texts.get("activity.button.copyReference"));
        copy.setOnAction(e -> copyReference());
        MenuItem copyDetails = new MenuItem(Texts.get("activity.menu.copyErrorDetails"));
        copyDetails.setId("copyErrorDetailsItem");
        copyDetails.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> errorDetails(selected.get()).isEmpty(), selected));
        copyDetails.setOnAction(e -> {
            String details = errorDetails(activityTable.getSelectionModel().getSelectedItem());
            if (!details.isEmpty()) {
                io.expanse.ui.common.Clipboards.putText(details);
            }
        });
        ContextMenu menu = new ContextMenu(copy, copyDetails);
        activityTable.setContextMenu(menu);
        installRowActions(menu);
        baseMenu = java.util.List.copyOf(menu.getItems());
        selected.addListener((o, a, b) -> showRowActions());
        // A row changes in place (awaiting payment → running): its actions follow.
        activityTable.getItems().addListener((javafx.collections.ListChangeListener<Activity>) c -> showRowActions());
        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        activityTable.setOnKeyPressed(e -> {
            if (copyKey.match(e)) {
                copyReference();
                e.consume();
            }
        });
    }

    /** Adds the actions a feature offers on rows; they show for the selected row. */
    public void addRowActions(RowActions actions) {
        rowActions.add(java.util.Objects.requireNonNull(actions, "actions"));
        showRowActions();
    }

    /** The selected row's actions as buttons beside the others, and in the context menu after the fixed items. */
    private void showRowActions() {
        if (baseMenu == null) {
            return;
        }
        Activity a = activityTable.getSelectionModel().getSelectedItem();
        java.util.List<RowActions.RowAction> actions = new java.util.ArrayList<>();
        if (a != null) {
            rowActions.forEach(r -> actions.addAll(r.actionsFor(a)));
        }
        java.util.List<String> shown =
                selectedRowActionsBox.getChildren().stream().map(javafx.scene.Node::getId).toList();
        if (shown.equals(actions.stream().map(RowActions.RowAction::id).toList())) {
            // Same actions: keep the buttons (and the focus on them); only their targets follow the row.
            for (int i = 0; i < actions.size(); i++) {
                RowActions.RowAction action = actions.get(i);
                ((Button) selectedRowActionsBox.getChildren().get(i))
                        .setOnAction(e -> action.run().accept(window()));
            }
        } else {
            selectedRowActionsBox.getChildren().setAll(actions.stream().map(this::button).toList());
        }
        java.util.List<MenuItem> menu = new java.util.ArrayList<>(baseMenu);
        if (!actions.isEmpty()) {
            menu.add(new javafx.scene.control.SeparatorMenuItem());
        }
        for (RowActions.RowAction action : actions) {
            MenuItem item = new MenuItem(action.text());
            item.setId(action.id() + "Item");
            item.setOnAction(e -> action.run().accept(window()));
            menu.add(item);
        }
        activityTable.getContextMenu().getItems().setAll(menu);
    }

    private Button button(RowActions.RowAction action) {
        Button b = new Button(action.text());
        b.setId(action.id());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setAccessibleText(action.accessibleText());
        b.setOnAction(e -> action.run().accept(window()));
        return b;
    }

    private javafx.stage.Window window() {
        return activityTable.getScene() == null ? null : activityTable.getScene().getWindow();
    }

    /** A button and a context-menu item per row action, enabled while the selected row qualifies. */
    private void installRowActions(ContextMenu menu) {
        var selected = activityTable.getSelectionModel().selectedItemProperty();
        for (ActivityAction action : actions) {
            var notOffered = javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> !action.offeredFor(selected.get()), selected);
            Button button = new Button(Texts.get(action.labelKey()));
            button.setId(action.id());
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.setAccessibleText(Texts.get(action.a11yKey()));
            button.disableProperty().bind(notOffered);
            button.setOnAction(e -> runAction(action));
            rowActionsBox.getChildren().add(button);
            MenuItem item = new MenuItem(Texts.get(action.labelKey()));
            item.setId(action.id() + "Item");
            item.disableProperty().bind(notOffered);
            item.setOnAction(e -> runAction(action));
            menu.getItems().add(item);
        }
        rowActionsBox.getChildren().add(selectedRowActionsBox);
    }

    private void runAction(ActivityAction action) {
        Activity a = activityTable.getSelectionModel().getSelectedItem();
        if (action.offeredFor(a)) {
            action.run().accept(a, activityTable.getScene().getWindow());
        }
    }

    /**
     * Writes every activity matching the filter (the whole history when there is none) to a CSV file the operator
     * picks; the database is read and the file written off the FX thread.
     */
    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        boolean filtered = vm.filterApplied();
        chooser.setTitle(Texts.get(filtered ? "activity.export.titleFiltered" : "activity.export.title"));
        chooser.setInitialFileName(filtered ? "expanse-activity-filtered.csv" : "expanse-activity.csv");
        // The documents folder, never the working directory the program happened to start in.
        chooser.setInitialDirectory(exportFolder().toFile());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("activity.export.csvFiles"), "*.csv"));
        java.io.File file = chooser.showSaveDialog(activityTable.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Where Export CSV… starts: the user's documents folder (XDG on Linux), else the home. */
    static Path exportFolder() {
        Path home = io.expanse.files.AppDirs.userHome(System.getenv(), System.getProperties());
        return io.expanse.files.UserFolders.documents(System.getenv(), home);
    }

    /**
     * Exports what matches the filter to {@code file}; the status line says how many changes went where, and
     * whether only those matching the filter (the row count also goes into the button's tooltip).
     */
    void exportTo(Path file) {
        exportCsvButton.setDisable(true);
        boolean filtered = vm.filterApplied();
        vm.export(file).onSuccess(n -> {
            String done = ActivityViewModel.exportDoneText(filtered, n, file);
            flash.show(done);
            exportCsvButton.setTooltip(new javafx.scene.control.Tooltip(done));
        })
                .onFailure(error -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR, Texts.get("activity.export.failed",
                            file.toString(), error.getMessage()), Buttons.ok());
                    Fonts.apply(alert);
                    alert.initOwner(activityTable.getScene().getWindow());
                    alert.show();
                })
                .onFinished(() -> exportCsvButton.setDisable(false))
                .executeWith(tasks);
    }

    private static void text(TableColumn<Activity, String> column, Function<Activity, String> f) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.apply(c.getValue())));
    }

    /** A moment in this computer's zone, with the zone named. */
    private static String time(Instant t) {
        return t == null ? "" : Texts.dateTime(t, ZoneId.systemDefault());
    }

    static String reference(Activity a) {
        if (a.jobId() != null) {
            return Texts.get("activity.reference.job", a.jobId());
        }
        if (a.orderId() != null) {
            return Texts.get("activity.reference.order", a.orderId());
        }
        return "";
    }

    @FXML
    private void copyReference() {
        Activity a = activityTable.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        String id = a.jobId() != null ? a.jobId() : a.orderId();
        if (id != null) {
            io.expanse.ui.common.Clipboards.putText(id);
            flash.show(Texts.get(a.jobId() != null ? "status.copied.jobId" : "status.copied.orderId", id,
                    a.displayName()));
        }
    }

    /** Selects the activity and opens its grow-the-file-system guide (through the row action that offers it). */
    private void openGuestSteps(Activity a) {
        activityTable.getSelectionModel().select(a);
        actions.stream().filter(x -> "guestStepsButton".equals(x.id())).findFirst().ifPresent(this::runAction);
    }
    /** Text that may be cut off in the column, shown whole in a tooltip. */
    /**
     * A failed row's code and request id ("EVS.2024, request …"), which its details leave out (they lead with the
     * sentence); "" when the failure has none.
     */
    static String errorDetails(Activity a) {
        return a == null ? "" : io.expanse.cloud.ApiException.details(a.errorCode(), 0, a.requestId());
    }

    static final class TooltipCell extends TableCell<Activity, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
        }
    }

    /**
     * The state as a coloured pill; an entry this build does not understand reads "Unknown (its stored state)",
     * uncoloured.
     */
    static final class StateCell extends TableCell<Activity, Activity> {
        @Override
        protected void updateItem(Activity item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("status-ok", "status-busy", "status-bad", "status-wait");
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item.stateText());
            setTooltip(item.understood() ? null : new javafx.scene.control.Tooltip(
                    Texts.get("activity.state.unknown.tooltip")));
            switch (item.state()) {
                case SUCCEEDED -> getStyleClass().add("status-ok");
                case FAILED, CANCELLED -> getStyleClass().add("status-bad");
                case AWAITING_PAYMENT -> getStyleClass().add("status-wait");
                case UNKNOWN -> { }
                default -> getStyleClass().add("status-busy");
            }
        }
    }
}
