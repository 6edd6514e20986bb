package io.expanse.work.nas;

import java.util.List;

/** A {@link ResourcePackSource} the operator maintains by hand. Every change is persisted before it returns. */
public interface EditablePackSource extends ResourcePackSource {

    /**
     * Adds a pack.
     *
     * @throws IllegalArgumentException when it is invalid or its id is already listed
     */
    void add(ResourcePack pack);

    /**
     * Replaces the pack listed as {@code originalId} (its id may change).
     *
     * @throws IllegalArgumentException when invalid, unknown, or the new id belongs to another pack
     */
    void update(String originalId, ResourcePack pack);

    /** Removes a pack; false when it was not listed. */
    boolean remove(String id);

    /** Imports CSV text ({@code id,capacity_gb,expiry,label[,pay_type]}, header optional); valid lines are kept. */
    ImportReport importCsv(String csv);

    /** One report line per refused line. */
    record ImportReport(int added, int updated, List<String> errors) {
        public ImportReport {
            errors = List.copyOf(errors);
        }

        public String summary() {
            String head = added + " added, " + updated + " updated";
            return errors.isEmpty() ? head + "." : head + ", " + errors.size() + " line(s) refused:\n"
                    + String.join("\n", errors);
        }
    }
}
