package io.expanse.ui.profiles;

import io.expanse.settings.Settings;
import io.expanse.settings.SettingsStore;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the main window's geometry and each table's column order, widths and sort in the settings. Columns
 * are identified by their {@code id} (fx:id); columns without one are left alone. Sort and order changes are saved
 * as they happen; widths and geometry when the window closes ({@link #saveAll()}). FX thread only.
 */
public final class LayoutMemory {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutMemory.class);

    private final SettingsStore store;
    private final Map<String, TableView<?>> tables = new LinkedHashMap<>();
    private Stage window;

    private final java.util.concurrent.Executor writer;

    /**
     * @param writer runs the settings writes, so the FX thread only captures the layout and never waits on the
     *               disk; a single thread keeps the writes in order
     */
    public LayoutMemory(SettingsStore store, java.util.concurrent.Executor writer) {
        this.store = Objects.requireNonNull(store, "store");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Gives the stage its remembered geometry (call before showing) and saves everything when it is hidden. */
    public void window(Stage stage) {
        this.window = stage;
        Settings.WindowState w = store.current().window();
        if (w != null && w.width() > 100 && w.height() > 100) {
            stage.setWidth(w.width());
            stage.setHeight(w.height());
            if (w.x() != null && w.y() != null) {
                stage.setX(w.x());
                stage.setY(w.y());
            }
            stage.setMaximized(w.maximized());
        }
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> saveAll());
    }

    /** Restores the table's remembered layout and follows its changes. */
    public <S> void table(String tableId, TableView<S> table) {
        store.current().table(tableId).ifPresent(state -> apply(state, table));
        tables.put(tableId, table);
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> save(tableId, table));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) c -> save(tableId, table));
        for (TableColumn<S, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((o, a, b) -> save(tableId, table));
        }
    }

    /** The table's current layout. */
    public static Settings.TableState capture(TableView<?> table) {
        List<String> order = new ArrayList<>();
        Map<String, Double> widths = new LinkedHashMap<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                order.add(c.getId());
                widths.put(c.getId(), c.getWidth());
            }
        }
        List<Settings.SortColumn> sort = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getSortOrder()) {
            if (c.getId() != null) {
                sort.add(new Settings.SortColumn(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING));
            }
        }
        return new Settings.TableState(order, widths, sort);
    }

    /** Applies a remembered layout: known columns in the remembered order (new ones after), widths, sort. */
    public static <S> void apply(Settings.TableState state, TableView<S> table) {
        Map<String, TableColumn<S, ?>> byId = new LinkedHashMap<>();
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                byId.put(c.getId(), c);
            }
        }
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (String id : state.columnOrder()) {
            TableColumn<S, ?> c = byId.get(id);
            if (c != null) {
                ordered.add(c);
            }
        }
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        table.getColumns().setAll(ordered);
        state.widths().forEach((id, width) -> {
            TableColumn<S, ?> c = byId.get(id);
            if (c != null && width > 0) {
                c.setPrefWidth(width);
            }
        });
        List<TableColumn<S, ?>> sort = new ArrayList<>();
        for (Settings.SortColumn s : state.sort()) {
            TableColumn<S, ?> c = byId.get(s.column());
            if (c != null) {
                c.setSortType(s.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                sort.add(c);
            }
        }
        table.getSortOrder().setAll(sort);
    }

    /** Saves the window geometry and every followed table's layout in one write (captured here, written later). */
    public void saveAll() {
        Map<String, Settings.TableState> captured = new LinkedHashMap<>();
        tables.forEach((id, table) -> captured.put(id, capture(table)));
        Settings.WindowState geometry = window != null && window.getWidth() > 0
                ? new Settings.WindowState(window.getX(), window.getY(), window.getWidth(), window.getHeight(),
                        window.isMaximized())
                : null;
        write(s -> {
            Settings next = s;
            for (Map.Entry<String, Settings.TableState> e : captured.entrySet()) {
                next = next.withTable(e.getKey(), e.getValue());
            }
            return geometry == null ? next : next.withWindow(geometry);
        });
    }

    private void save(String tableId, TableView<?> table) {
        Settings.TableState state = capture(table);
        write(s -> s.withTable(tableId, state));
    }

    private void write(java.util.function.UnaryOperator<Settings> change) {
        writer.execute(() -> {
            try {
                store.update(change);
            } catch (UncheckedIOException | IllegalStateException e) {
                LOG.warn("Could not save the window layout: {}", e.getMessage());
            }
        });
    }
}
