package io.expanse.work.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV import's reading and checks, on the hostile values found in issue 10. */
class PackImportTest {

    private static PackImport.Row only(String csv) {
        List<PackImport.Row> rows = PackImport.preview(csv, Map.of()).rows();
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static void refused(String csv, String because) {
        PackImport.Row row = only(csv);
        assertEquals(PackImport.Outcome.REFUSED, row.outcome(), csv);
        assertTrue(row.detail().contains(because), row.detail());
    }

    @Test
    void refusesWhatThePackEditorRefuses() {
        refused("pack-a1,100,,x,year_month", "pay type \"year_month\"");
        refused("pack-a1,100,,x,MONTHLY", "is not one of YEAR_MONTH, DAY_MONTH, CHARGING_HOURS");
        refused("pack-a1,102401,,x", "at most 102400 GB");
        refused("pack-a1,100,0000-01-01,x", "0000-01-01");
        refused("pack-a1,100,+12345-01-01,x", "+12345-01-01");
        refused("pack-a1,100,2026-02-30,x", "2026-02-30");
        refused("pack-a1,100,,a\u0000b", "control");
        refused("pack-a1,100,,bell\u0007", "control");
        refused("pack-a1,100,,c1\u0085", "control");
        refused("pack-a1,100,,\u202Eevil", "text-direction");
        refused("pack-a1,100,,\u2067isolate", "text-direction");
        refused("pack-a1,100,," + "x".repeat(101), "longer than 100");
        assertEquals(PackImport.Outcome.ADDED, only("pack-a1,102400,2199-12-31," + "x".repeat(100)).outcome());
    }

    @Test
    void aHeaderAfterACommentIsAHeaderAndSpreadsheetExportsAreRead() {
        PackImport.Preview p = PackImport.preview("\uFEFF# from the console\r\n# second comment\r\n"
                + "Label;Pack ID;Capacity (GB)\r\n\r\n\"a;b\";pack-a1;200\r\n", Map.of());
        assertEquals(1, p.rows().size(), p.toString());
        PackImport.Row row = p.rows().get(0);
        assertEquals(5, row.line());
        assertEquals(PackImport.Outcome.ADDED, row.outcome(), row.detail());
        assertEquals(new ResourcePack("pack-a1", "a;b", 200, null, null), row.pack());
    }

    @Test
    void aQuotedFieldMaySpanLinesButALabelMayNotAndAnUnclosedOneStopsTheFileWithItsLine() {
        PackImport.Preview p = PackImport.preview("pack-a1,100,,\"two\nlines\"\npack-b2,100,,\"open\n", Map.of());
        assertEquals(PackImport.Outcome.REFUSED, p.rows().get(0).outcome());
        assertTrue(p.rows().get(0).detail().contains("control"), p.rows().get(0).detail());
        assertEquals(3, p.rows().get(1).line());
        assertTrue(p.rows().get(1).detail().contains("quoted field is not closed"), p.rows().get(1).detail());
    }
}
