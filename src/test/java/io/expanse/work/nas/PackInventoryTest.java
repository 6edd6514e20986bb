package io.expanse.work.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackInventoryTest {

    @TempDir
    Path dir;

    @Test
    void survivesARestartAndIsKeptPerAccountAndRegion() {
        PackInventory a = PackInventory.open(dir, "ops", "cn-tianjin-yfb");
        a.add(new ResourcePack("pack-h58kdagr9vsf", "web", 100, "2026-12-31", null));
        a.update("pack-h58kdagr9vsf", new ResourcePack("pack-h58kdagr9vsf", "web2", 100, null, "DAY_MONTH"));
        assertTrue(a.updateCapacity("pack-h58kdagr9vsf", 300));
        PackInventory again = PackInventory.open(dir, "ops", "cn-tianjin-yfb");
        assertEquals(List.of(new ResourcePack("pack-h58kdagr9vsf", "web2", 300, null, "DAY_MONTH")), again.list());
        assertTrue(PackInventory.open(dir, "ops", "cn-beijing").list().isEmpty());
        assertTrue(again.remove("pack-h58kdagr9vsf"));
        assertTrue(PackInventory.open(dir, "ops", "cn-tianjin-yfb").list().isEmpty());
    }

    @Test
    void refusesInvalidAndDuplicatePacks() {
        PackInventory inv = PackInventory.open(dir, "ops", "r");
        inv.add(new ResourcePack("pack-a1", "", 100, null, null));
        assertThrows(IllegalArgumentException.class, () -> inv.add(new ResourcePack("pack-a1", "", 200, null, null)));
        assertThrows(IllegalArgumentException.class, () -> inv.add(new ResourcePack("bad id", "", 200, null, null)));
        assertThrows(IllegalArgumentException.class, () -> inv.add(new ResourcePack("pack-b", "", 0, null, null)));
        assertThrows(IllegalArgumentException.class,
                () -> inv.add(new ResourcePack("pack-c", "", 100, "31/12/2026", null)));
    }

    @Test
    void csvImportKeepsGoodLinesAndReportsEachBadOne() {
        PackInventory inv = PackInventory.open(dir, "ops", "r");
        inv.add(new ResourcePack("pack-keep", "old", 100, null, null));
        EditablePackSource.ImportReport r = inv.importCsv("""
                id,capacity_gb,expiry,label
                pack-one,200GB,2026-01-01,"Label, with comma"
                pack-keep,300,,renamed
                pack-bad,150.5,2026-01-01,x
                pack-two,abc,,
                bad id,100,,
                pack-date,100,tomorrow,
                pack-one,400,,dup
                pack-unclosed,100,,"oops
                """);
        assertEquals(1, r.added());
        assertEquals(1, r.updated());
        assertEquals(6, r.errors().size(), r.summary());
        assertTrue(r.errors().get(0).startsWith("line 4: pack-bad"), r.errors().get(0));
        assertTrue(r.summary().contains("line 9"), r.summary());
        assertEquals("Label, with comma", inv.find("pack-one").orElseThrow().label());
        assertEquals(300, inv.find("pack-keep").orElseThrow().capacityGb());
    }

    @Test
    void aCorruptFileIsMovedAsideAndFillIfNewOnlyOnFirstStart() throws Exception {
        PackInventory first = PackInventory.open(dir, "s", "r");
        first.fillIfNew(List.of(new ResourcePack("pack-seed", "", 100, null, null)));
        PackInventory second = PackInventory.open(dir, "s", "r");
        second.remove("pack-seed");
        PackInventory third = PackInventory.open(dir, "s", "r");
        third.fillIfNew(List.of(new ResourcePack("pack-seed", "", 100, null, null)));
        assertTrue(third.list().isEmpty(), "seed added again after the operator removed it");
        Files.writeString(third.file(), "{not json");
        PackInventory broken = PackInventory.open(dir, "s", "r");
        assertTrue(broken.loadProblem().isPresent());
        assertTrue(broken.list().isEmpty());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().contains(".corrupt-")));
        }
    }
}
