package io.expanse.ui.activity;

import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.Buttons;
import io.expanse.text.Texts;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.ui.profiles.LayoutMemory;
import io.expanse.work.Activity;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import io.expanse.work.ActivityState;
import io.expanse.work.GuestSteps;
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
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The activity panel: one row per change (an EVS resize or a NAS pack upgrade), with copyable job/order ids and,
 * after a resize succeeded, the guest-OS steps.
 */
public final class ActivityController {

    private final ActivityViewModel vm;
    private final TaskExecutor tasks;
    private final LayoutMemory layout;

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
    @FXML private Button guestStepsButton;
    /** The selected row's own actions ({@link RowActions}), e.g. paying or cancelling its order. */
    @FXML private javafx.scene.layout.HBox rowActionsBox;
    private final java.util.List<RowActions> rowActions = new java.util.ArrayList<>();
    private java.util.List<MenuItem> baseMenu;

    public ActivityController(ActivityViewModel vm, TaskExecutor tasks, LayoutMemory layout) {
        this.vm = vm;
        this.tasks = tasks;
        this.layout = layout;
    }

    @FXML
    private void initialize() {
        text(volumeColumn, Activity::resourceName);
        text(accountColumn, a -> a.region() == null ? a.account() : Texts.get("activity.accountInRegion", a.account(),
                a.region()));
        activityFilterField.textProperty().bindBidirectional(vm.filterTextProperty());
        unfinishedOnlyCheck.selectedProperty().bindBidirectional(vm.unfinishedOnlyProperty());
        activityNote.textProperty().bind(vm.noteProperty());
        text(changeColumn, a -> Texts.get("activity.change", Long.toString(a.oldSizeGb()),
                Long.toString(a.newSizeGb())));
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
        activityTable.setPlaceholder(new javafx.scene.control.Label(Texts.get("activity.placeholder")));

        var selected = activityTable.getSelectionModel().selectedItemProperty();
        copyReferenceButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || reference(selected.get()).isEmpty(), selected));
        guestStepsButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !hasGuestSteps(selected.get()), selected));

        MenuItem copy = new MenuItem(Texts.get("activity.button.copyReference"));
        copy.setOnAction(e -> copyReference());
        MenuItem steps = new MenuItem(Texts.get("activity.button.guestSteps"));
        steps.setOnAction(e -> showGuestSteps());
        activityTable.setContextMenu(new ContextMenu(copy, steps));
        baseMenu = java.util.List.of(copy, steps);
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
        if (rowActionsBox == null || baseMenu == null) {
            return;
        }
        Activity a = activityTable.getSelectionModel().getSelectedItem();
        java.util.List<RowActions.RowAction> actions = new java.util.ArrayList<>();
        if (a != null) {
            rowActions.forEach(r -> actions.addAll(r.actionsFor(a)));
        }
        java.util.List<String> shown = rowActionsBox.getChildren().stream().map(javafx.scene.Node::getId).toList();
        if (shown.equals(actions.stream().map(RowActions.RowAction::id).toList())) {
            // Same actions: keep the buttons (and the focus on them); only their targets follow the row.
            for (int i = 0; i < actions.size(); i++) {
                RowActions.RowAction action = actions.get(i);
                ((Button) rowActionsBox.getChildren().get(i)).setOnAction(e -> action.run().accept(window()));
            }
        } else {
            rowActionsBox.getChildren().setAll(actions.stream().map(this::button).toList());
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

    /**
     * Writes every activity matching the filter (the whole history when there is none) to a CSV file the operator
     * picks; the database is read and the file written off the FX thread.
     */
    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("activity.export.title"));
        chooser.setInitialFileName("expanse-activity.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("activity.export.csvFiles"), "*.csv"));
        java.io.File file = chooser.showSaveDialog(activityTable.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Exports what matches the filter to {@code file}; the row count goes into the button's tooltip. */
    void exportTo(Path file) {
        exportCsvButton.setDisable(true);
        vm.export(file).onSuccess(n -> exportCsvButton.setTooltip(
                new javafx.scene.control.Tooltip(Texts.get("activity.export.done", n, file.toString()))))
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
            ClipboardContent content = new ClipboardContent();
            content.putString(id);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @FXML
    private void showGuestSteps() {
        Activity a = activityTable.getSelectionModel().getSelectedItem();
        if (!hasGuestSteps(a)) {
            return;
        }
        TextArea area = new TextArea(guestStepsText(a));
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(18);
        area.setPrefColumnCount(70);
        area.setId("guestStepsText");
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, Buttons.close());
        Fonts.apply(alert);
        alert.initOwner(activityTable.getScene().getWindow());
        alert.setTitle(Texts.get("activity.guestSteps.title"));
        alert.setHeaderText(Texts.get("activity.guestSteps.header", a.resourceName(), Texts.gb(a.newSizeGb())));
        alert.getDialogPane().setContent(area);
        alert.show();
    }

    /** Selects the activity and opens its grow-the-file-system guide. */
    private void openGuestSteps(Activity a) {
        activityTable.getSelectionModel().select(a);
        showGuestSteps();
    }

    /** Guest-OS steps exist only for a finished EVS resize; a NAS pack upgrade (or any other kind) has none. */
    static boolean hasGuestSteps(Activity a) {
        return a != null && a.state() == ActivityState.SUCCEEDED && Activity.KIND_EVS_RESIZE.equals(a.kind());
    }

    /** Linux steps for the device the disk had when it was expanded, then Windows; the OS is not known here. */
    static String guestStepsText(Activity a) {
        return "Linux\n" + GuestSteps.forLinux(a.device(), null).asText()
                + "\n\nWindows\n" + GuestSteps.forWindows().asText();
    }

    /** Text that may be cut off in the column, shown whole in a tooltip. */
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
