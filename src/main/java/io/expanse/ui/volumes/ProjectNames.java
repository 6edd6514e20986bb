package io.expanse.ui.volumes;

import io.expanse.cloud.huawei.EnterpriseProject;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.BackgroundTask;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.accounts.EvsAccount;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The names of the enterprise projects of the account shown, read once per account (Enterprise Project
 * Management) and kept for the rest of the run. When the account may not list them, or the call fails, the map is
 * empty and the table shows ids.
 */
public final class ProjectNames {

    private final TaskExecutor tasks;
    private final Map<String, Map<String, String>> byAccount = new HashMap<>();
    private final ReadOnlyObjectWrapper<Map<String, String>> names =
            new ReadOnlyObjectWrapper<>(this, "names", Map.of());
    private final Object readKey = new Object();

    public ProjectNames(Session session, TaskExecutor tasks) {
        this.tasks = tasks;
        session.connectionProperty().addListener((o, a, account) -> showKnown(account));
        showKnown(session.connection());
    }

    /** Shows what is known of an account's names (nothing yet: ids). */
    private void showKnown(EvsAccount account) {
        Map<String, String> known = account == null ? null : byAccount.get(key(account));
        names.set(known == null ? Map.of() : known);
    }

    private static String key(EvsAccount a) {
        return a.label() + "\n" + a.region() + "\n" + a.projectId();
    }

    /**
     * Reads the names of {@code account} unless they were read already this run; called once its volume list is
     * shown, so that the list comes first.
     */
    public void ensureFor(EvsAccount account) {
        if (account == null) {
            names.set(Map.of());
            return;
        }
        String key = key(account);
        Map<String, String> known = byAccount.get(key);
        names.set(known == null ? Map.of() : known);
        if (known != null) {
            return;
        }
        BackgroundTask.wrap(() -> {
            Map<String, String> found = new LinkedHashMap<>();
            for (EnterpriseProject p : account.api().enterpriseProjects()) {
                if (p.name() != null && !p.name().isBlank()) {
                    found.put(p.id(), p.name().strip());
                }
            }
            return Map.copyOf(found);
        }).onSuccess(found -> {
            byAccount.put(key, found);
            names.set(found);
        }).onFailure(error -> byAccount.put(key, Map.of())).latestWins(readKey).executeWith(tasks);
    }

    /** Enterprise project id → name for the account shown; empty when not known. */
    public ReadOnlyObjectProperty<Map<String, String>> namesProperty() {
        return names.getReadOnlyProperty();
    }

    /**
     * How a volume's enterprise project reads: its name when known; "default" for "0" when not; else its id.
     */
    public static String text(String id, Map<String, String> names, String defaultWord) {
        if (id == null || id.isBlank()) {
            return "";
        }
        String name = names.get(id);
        if (name != null) {
            return name;
        }
        return "0".equals(id) ? defaultWord : id;
    }
}
