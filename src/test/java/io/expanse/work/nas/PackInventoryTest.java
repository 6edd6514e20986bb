package io.expanse.work.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void csvImportIsPreviewedRowByRowAndAppliedOnlyWhenAsked() {
        PackInventory inv = PackInventory.open(dir, "ops", "r");
        inv.add(new ResourcePack("pack-keep", "old", 100, null, null));
        inv.add(new ResourcePack("pack-same", "same", 100, null, null));
        PackImport.Preview preview = inv.previewImport("""
                id,capacity_gb,expiry,label
                pack-one,200GB,2026-01-01,"Label, with comma"
                pack-keep,300,,renamed
                pack-same,100,,same
                pack-bad,150.5,2026-01-01,x
                pack-two,abc,,
                bad id,100,,
                pack-date,100,tomorrow,
                pack-one,400,,dup
                pack-unclosed,100,,"oops
                """);
        assertEquals(List.of("pack-keep", "pack-same"), inv.list().stream().map(ResourcePack::id).toList(),
                "a preview changes nothing");
        assertEquals(1, preview.count(PackImport.Outcome.ADDED));
        assertEquals(1, preview.count(PackImport.Outcome.UPDATED));
        assertEquals(1, preview.count(PackImport.Outcome.UNCHANGED));
        assertEquals(6, preview.count(PackImport.Outcome.REFUSED), preview.toString());
        PackImport.Row bad = preview.rows().stream().filter(r -> r.line() == 5).findFirst().orElseThrow();
        assertEquals("pack-bad", bad.packId());
        assertEquals(PackImport.Outcome.REFUSED, bad.outcome());
        assertTrue(bad.detail().contains("150.5"), bad.detail());
        assertTrue(preview.rows().stream().anyMatch(r -> r.line() == 10 && r.detail().contains("quoted")),
                preview.toString());
        assertTrue(preview.rows().stream().anyMatch(r -> r.line() == 9 && r.detail().contains("line 2")),
                preview.toString());

        PackImport.Result result = inv.applyImport(preview);
        assertEquals(new PackImport.Result(1, 1), result);
        assertEquals("Label, with comma", inv.find("pack-one").orElseThrow().label());
        assertEquals(300, inv.find("pack-keep").orElseThrow().capacityGb());
    }

    @Test
    void undoRestoresTheListExactlyAndOnlyUntilTheNextChange() throws Exception {
        PackInventory inv = PackInventory.open(dir, "ops", "r");
        inv.add(new ResourcePack("pack-a1", "a", 100, "2026-05-01", null));
        String before = Files.readString(inv.file());
        assertFalse(inv.canUndoImport());
        inv.applyImport(inv.previewImport("pack-a1,200,,a2\npack-b2,300,,b\n"));
        assertTrue(inv.canUndoImport());
        assertTrue(inv.undoLastImport());
        assertEquals(before, Files.readString(inv.file()));
        assertEquals(List.of(new ResourcePack("pack-a1", "a", 100, "2026-05-01", null)),
                PackInventory.open(dir, "ops", "r").list());
        assertFalse(inv.undoLastImport(), "undone twice");

        inv.applyImport(inv.previewImport("pack-c3,100,,c\n"));
        inv.updateCapacity("pack-a1", 400);
        assertFalse(inv.canUndoImport(), "an undo would throw away the later change");
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
