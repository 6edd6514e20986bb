package io.expanse.work.nas;

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

    /**
     * Reads CSV text ({@code id,capacity_gb,expiry,label[,pay_type]}, header optional) and says what importing it
     * would do to the list, row by row. Changes nothing.
     */
    PackImport.Preview previewImport(String csv);

    /**
     * Adds and updates the packs of the preview's added and updated rows, in one write, and remembers the list as
     * it was so that {@link #undoLastImport()} can restore it.
     */
    PackImport.Result applyImport(PackImport.Preview preview);

    /** Whether the last import can still be undone (no other change came after it). */
    boolean canUndoImport();

    /** Restores the list exactly as it was before the last import; false when there is nothing to undo. */
    boolean undoLastImport();
}
