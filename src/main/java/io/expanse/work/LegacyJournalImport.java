package io.expanse.work;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Brings the JSON journal of earlier builds ({@code activity.json}: {@code {"version":1,"activities":[…]}}) into
 * the database, once: every entry, those this build does not understand included (they are kept as they are and read
 * as unknown). Runs inside the journal's opening transaction, which also records that the import happened, so a crash
 * half-way imports nothing and the next start tries again; after the commit the file is renamed to
 * {@code activity.json.imported-backup} and kept.
 */
final class LegacyJournalImport {

    /** Suffix of the JSON journal once imported. */
    static final String IMPORTED_SUFFIX = ".imported-backup";
    /** Suffix of a JSON journal that could not be read at all (nothing imported). */
    static final String UNREADABLE_SUFFIX = ".unreadable-backup";

    /** What the import did. */
    record Result(int imported, int unknown, int skipped, boolean unreadable, String problem) {
    }

    private LegacyJournalImport() {
    }

    /** Imports {@code json} into {@code c}, in the caller's transaction; the file itself is not touched. */
    static Result run(Connection c, Path json) throws SQLException {
        JsonNode root;
        try {
            root = ActivityDatabase.MAPPER.readTree(Files.readAllBytes(json));
        } catch (IOException e) {
            return new Result(0, 0, 0, true, Texts.get("journal.legacy.couldNotRead", String.valueOf(e.getMessage())));
        }
        if (root == null || !root.path("activities").isArray()) {
            return new Result(0, 0, 0, true, Texts.get("journal.legacy.noList"));
        }
        int imported = 0;
        int unknown = 0;
        int skipped = 0;
        for (JsonNode node : root.path("activities")) {
            ActivityDatabase.Row row = node.isObject() ? ActivityDatabase.Row.lenient(node) : null;
            if (row == null || row.id() == null || row.id().isBlank()) {
                skipped++;
                continue;
            }
            Activity read = row.toActivity();
            if (read.understood()) {
                // Written as this build writes it, so the columns and the JSON agree.
                ActivityDatabase.write(c, ActivityDatabase.Row.of(read, node.toString()));
            } else {
                ActivityDatabase.write(c, row);
                unknown++;
            }
            ActivityDatabase.transition(c, row.id(), row.updatedAt() != null ? row.updatedAt() : row.startedAt(),
                    row.state(), row.message());
            imported++;
        }
        return new Result(imported, unknown, skipped, false, null);
    }
}
