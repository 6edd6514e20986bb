package io.expanse.work.nas;

import io.expanse.text.Texts;
import io.expanse.domain.resize.NewSizeParser;
import io.expanse.domain.resize.ParsedSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pack CSV import in two steps: a {@link Preview} that says, row by row, what would happen to the list (added,
 * updated, unchanged, refused with the reason and line), and then, if the operator agrees, the change itself
 * ({@link EditablePackSource#applyImport}), which can be undone once.
 */
public final class PackImport {

    /** What happens to one row. */
    public enum Outcome {
        ADDED("Added"), UPDATED("Updated"), UNCHANGED("Unchanged"), REFUSED("Refused");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The word shown in the preview. */
        public String label() {
            return label;
        }
    }

    /**
     * One data row of the file.
     *
     * @param line    its (first) line in the file
     * @param packId  the pack ID as written, or "" when there is none
     * @param pack    the pack it gives; null when refused
     * @param before  the listed pack it replaces (updated, unchanged), or null
     * @param outcome what happens to it
     * @param detail  for a refused row, why; for an updated one, what changes; else ""
     */
    public record Row(int line, String packId, ResourcePack pack, ResourcePack before, Outcome outcome,
                      String detail) {
    }

    /** What importing the file would do. {@code notes} are remarks about the whole file. */
    public record Preview(List<Row> rows, List<String> notes) {
        public Preview {
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }

        public long count(Outcome outcome) {
            return rows.stream().filter(r -> r.outcome() == outcome).count();
        }

        /** The packs to add or update. */
        public List<ResourcePack> changes() {
            return rows.stream().filter(r -> r.outcome() == Outcome.ADDED || r.outcome() == Outcome.UPDATED)
                    .map(Row::pack).toList();
        }

        /** "2 to add, 1 to update, 3 unchanged, 1 refused." */
        public String summary() {
            return count(Outcome.ADDED) + " to add, " + count(Outcome.UPDATED) + " to update, "
                    + count(Outcome.UNCHANGED) + " unchanged, " + count(Outcome.REFUSED) + " refused.";
        }
    }

    /** What an import changed. */
    public record Result(int added, int updated) {
        public String summary() {
            return added + " added, " + updated + " updated.";
        }
    }

    private PackImport() {
    }

    /** Reads {@code csv} and compares each row with {@code listed}, with the pack editor's rules. */
    public static Preview preview(String csv, Map<String, ResourcePack> listed) {
        PackCsv.Parsed parsed = PackCsv.read(csv);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (PackCsv.Row r : parsed.rows()) {
            rows.add(row(r, listed, seen));
        }
        parsed.errors().forEach((line, why) -> rows.add(new Row(line, "", null, null, Outcome.REFUSED,
                capitalised(why))));
        rows.sort(java.util.Comparator.comparingInt(Row::line));
        return new Preview(rows, parsed.notes());
    }

    private static Row row(PackCsv.Row r, Map<String, ResourcePack> listed, Map<String, Integer> seen) {
        String id = r.cells().getOrDefault(PackCsv.Column.ID, "").strip();
        if (r.fieldCount() < 2 || r.fieldCount() > PackCsv.Column.values().length) {
            return refused(r, id, Texts.get("packs.csv.fieldCount", r.fieldCount()));
        }
        String capacity = r.cells().getOrDefault(PackCsv.Column.CAPACITY, "");
        ParsedSize size = NewSizeParser.parse(capacity, Texts.get("size.noun.capacity"));
        if (!size.ok()) {
            return refused(r, id, Texts.get("packs.csv.capacity", ResourcePack.printable(capacity.strip()),
                    size.error()));
        }
        ResourcePack pack = new ResourcePack(id, r.cells().get(PackCsv.Column.LABEL), size.gb(),
                r.cells().get(PackCsv.Column.EXPIRY), r.cells().get(PackCsv.Column.PAY_TYPE));
        List<String> problems = pack.problems();
        if (!problems.isEmpty()) {
            return refused(r, id, Texts.sentences(problems.toArray(String[]::new)));
        }
        Integer first = seen.putIfAbsent(id, r.line());
        if (first != null) {
            return refused(r, id, Texts.get("packs.csv.duplicate", id, first));
        }
        ResourcePack before = listed.get(id);
        if (before == null) {
            return new Row(r.line(), id, pack, null, Outcome.ADDED, "");
        }
        if (before.equals(pack)) {
            return new Row(r.line(), id, pack, before, Outcome.UNCHANGED, "");
        }
        return new Row(r.line(), id, pack, before, Outcome.UPDATED, differences(before, pack));
    }

    private static Row refused(PackCsv.Row r, String id, String why) {
        return new Row(r.line(), ResourcePack.printable(id), null, null, Outcome.REFUSED, why);
    }

    private static String differences(ResourcePack a, ResourcePack b) {
        List<String> out = new ArrayList<>();
        if (a.capacityGb() != b.capacityGb()) {
            out.add(Texts.get("packs.csv.diff.capacity", Texts.gb(a.capacityGb()), Texts.gb(b.capacityGb())));
        }
        if (!Objects.equals(a.expiresOn(), b.expiresOn())) {
            out.add(Texts.get("packs.csv.diff.expiry", orNone(a.expiresOn()), orNone(b.expiresOn())));
        }
        if (!a.label().equals(b.label())) {
            out.add(Texts.get("packs.csv.diff.label", a.label(), b.label()));
        }
        if (!a.payType().equals(b.payType())) {
            out.add(Texts.get("packs.csv.diff.payType", a.payType(), b.payType()));
        }
        return Texts.get("packs.csv.diff", capitalised(String.join(Texts.get("packs.csv.diff.separator"), out)));
    }

    private static String orNone(String s) {
        return s == null ? Texts.get("packs.csv.diff.none") : s;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
