package io.expanse.ui.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SliceSizeTest {

    private static final long MS = 1_000_000L;

    @Test
    void doublesWhileSlicesAreQuickUpToTheMost() {
        SliceSize s = new SliceSize(2, 1, 10, 8);
        s.took(1 * MS);
        assertEquals(4, s.next());
        s.took(1 * MS);
        assertEquals(8, s.next());
        s.took(1 * MS);
        assertEquals(10, s.next());
    }

    @Test
    void halvesAfterASlowSliceDownToTheLeast() {
        SliceSize s = new SliceSize(8, 2, 64, 8);
        s.took(20 * MS);
        assertEquals(4, s.next());
        s.took(20 * MS);
        assertEquals(2, s.next());
        s.took(20 * MS);
        assertEquals(2, s.next());
    }

    @Test
    void staysWhenASliceTakesAboutTheBudget() {
        SliceSize s = new SliceSize(8, 2, 64, 8);
        s.took(6 * MS);
        assertEquals(8, s.next());
    }

    @Test
    void refusesSizesOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new SliceSize(1, 2, 64, 8));
        assertThrows(IllegalArgumentException.class, () -> new SliceSize(0, 0, 64, 8));
    }
}
