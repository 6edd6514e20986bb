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
        detailColumn.setCellFactory(col -> new TooltipCell());
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
        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        activityTable.setOnKeyPressed(e -> {
            if (copyKey.match(e)) {
                copyReference();
                e.consume();
            }
        });
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
