package io.expanse.ui.profiles;

import io.expanse.settings.Settings;
import io.expanse.settings.SettingsStore;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the main window's geometry and each table's column order, widths and sort in the settings. Columns
 * are identified by their {@code id} (fx:id); columns without one are left alone. Sort and order changes are saved
 * {@link #SAVE_DELAY} after the last of a burst (dragging a column or clicking through sorts writes the settings file
 * once, not once per change; the model is Cryptomator's debounced settings save); widths, geometry and anything
 * still pending when the window closes ({@link #saveAll()}) or on {@link #flush()}. FX thread only.
 */
public final class LayoutMemory {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutMemory.class);

    private final SettingsStore store;
    private final Map<String, TableView<?>> tables = new LinkedHashMap<>();
    private Stage window;

    /** How long after the last layout change the settings are written. */
    public static final Duration SAVE_DELAY = Duration.ofMillis(500);

    /** Runs an action once, a while after the last {@link #restart}; FX thread only. */
    public interface Debounce {
        /** (Re)starts the wait; {@code action} runs when it ends without another restart or a stop. */
        void restart(Runnable action);

        /** Cancels the wait; the action does not run. */
        void stop();

        /** A JavaFX pause on the FX thread, made on first use (so that constructing needs no toolkit). */
        static Debounce fx(Duration delay) {
            return new Debounce() {
                private PauseTransition pause;

                @Override
                public void restart(Runnable action) {
                    if (pause == null) {
                        pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
                    }
                    pause.setOnFinished(e -> action.run());
                    pause.playFromStart();
                }

                @Override
                public void stop() {
                    if (pause != null) {
                        pause.stop();
                    }
                }
            };
        }
    }

    private final java.util.concurrent.Executor writer;
    private final Debounce debounce;
    /** Tables whose layout changed since the last write. */
    private final Set<String> dirty = new LinkedHashSet<>();

    /**
     * @param writer runs the settings writes, so the FX thread only captures the layout and never waits on the
     *               disk; a single thread keeps the writes in order
     */
    public LayoutMemory(SettingsStore store, java.util.concurrent.Executor writer) {
        this(store, writer, Debounce.fx(SAVE_DELAY));
    }

    /** As above, with the wait between the last change and the write given (tests drive it by hand). */
    public LayoutMemory(SettingsStore store, java.util.concurrent.Executor writer, Debounce debounce) {
        this.store = Objects.requireNonNull(store, "store");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
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
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> changed(tableId));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) c -> changed(tableId));
        for (TableColumn<S, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((o, a, b) -> changed(tableId));
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
        debounce.stop();
        dirty.clear();
        Map<String, Settings.TableState> captured = new LinkedHashMap<>();
        tables.forEach((id, table) -> captured.put(id, capture(table)));
        Settings.WindowState geometry = window != null && window.getWidth() > 0
                ? new Settings.WindowState(window.getX(), window.getY(), window.getWidth(), window.getHeight(),
                        window.isMaximized())
                : null;
        write(s -> {
            Settings next = withTables(s, captured);
            return geometry == null ? next : next.withWindow(geometry);
        });
    }

    /** Writes the layout changes still waiting for {@link #SAVE_DELAY} now, in one write; nothing when none wait. */
    public void flush() {
        debounce.stop();
        if (dirty.isEmpty()) {
            return;
        }
        Map<String, Settings.TableState> captured = new LinkedHashMap<>();
        for (String id : dirty) {
            captured.put(id, capture(tables.get(id)));
        }
        dirty.clear();
        write(s -> withTables(s, captured));
    }

    private static Settings withTables(Settings settings, Map<String, Settings.TableState> captured) {
        Settings next = settings;
        for (Map.Entry<String, Settings.TableState> e : captured.entrySet()) {
            next = next.withTable(e.getKey(), e.getValue());
        }
        return next;
    }

    private void changed(String tableId) {
        dirty.add(tableId);
        debounce.restart(this::flush);
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
