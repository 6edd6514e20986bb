package io.expanse.ui.volumes;

/**
 * How many items go into the next slice of work on the UI thread, by time: the size doubles while a slice takes
 * less than half the budget and halves when one takes more than the budget, between a least and a most. A slow
 * machine, a cold JIT or a big table so get smaller slices, and a fast one gets through a long list in few events.
 */
final class SliceSize {

    private final int least;
    private final int most;
    private final long budgetNanos;
    private int next;

    /**
     * @param first  the size of the first slice
     * @param least  the smallest slice
     * @param most   the largest slice
     * @param budgetMillis how long one slice should hold the UI thread at the most
     */
    SliceSize(int first, int least, int most, long budgetMillis) {
        if (least < 1 || first < least || most < first) {
            throw new IllegalArgumentException("slice sizes " + least + " <= " + first + " <= " + most);
        }
        this.least = least;
        this.most = most;
        this.budgetNanos = budgetMillis * 1_000_000L;
        this.next = first;
    }

    /** The size of the next slice. */
    int next() {
        return next;
    }

    /** A slice of the current size took this long: the next one is larger, smaller or the same. */
    void took(long nanos) {
        if (nanos > budgetNanos) {
            next = Math.max(least, next / 2);
        } else if (nanos < budgetNanos / 2) {
            next = (int) Math.min(most, next * 2L);
        }
    }
}
