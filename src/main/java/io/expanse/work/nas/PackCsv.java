package io.expanse.work.nas;

import io.expanse.text.Texts;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a resource pack CSV file as spreadsheet programs write it, with Jackson's CSV module: an optional byte order
 * mark, CRLF or LF line ends, comma or semicolon separated (whichever the first row uses more), RFC 4180 quoting
 * (a quoted field may span lines), {@code #} comment lines and blank lines anywhere. The first row that is not a
 * comment is a header when its first cell names the ID column ({@code id}, {@code pack_id}…) or it names two known
 * columns; a header's names then
 * say which column is which, else the order is {@code id,capacity_gb,expiry,label[,pay_type]}.
 */
final class PackCsv {

    /** The columns, in the order used when there is no header. */
    enum Column { ID, CAPACITY, EXPIRY, LABEL, PAY_TYPE }

    private static final Map<String, Column> HEADER_NAMES = headerNames();

    /** One data row: its first line in the file and its cells by column (absent columns are missing). */
    record Row(int line, Map<Column, String> cells, int fieldCount) {
    }

    /**
     * What was read.
     *
     * @param rows   the data rows, in file order
     * @param errors line number → why that row could not be read at all (a quote not closed…)
     * @param notes  remarks about the whole file (an unknown header column), for the preview
     */
    record Parsed(List<Row> rows, Map<Integer, String> errors, List<String> notes) {
    }

    private PackCsv() {
    }

    static Parsed read(String text) {
        String csv = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(csv)).withComments();
        List<Column> columns = List.of(Column.values());
        boolean first = true;
        int line = 1;
        try (JsonParser p = new CsvMapper().reader(schema).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).createParser(csv)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return new Parsed(rows, errors, notes);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                List<String> cells = new ArrayList<>();
                line = -1;
                while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    cells.add(p.getText());
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (first) {
                    first = false;
                    if (isHeader(cells)) {
                        columns = headerColumns(cells, notes);
                        continue;
                    }
                }
                Map<Column, String> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < cells.size() && i < columns.size(); i++) {
                    if (columns.get(i) != null) {
                        byColumn.putIfAbsent(columns.get(i), cells.get(i));
                    }
                }
                rows.add(new Row(line, byColumn, trimmedCount(cells)));
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : line;
            errors.put(Math.max(line, 1), e.getOriginalMessage() != null
                    && e.getOriginalMessage().toLowerCase(Locale.ROOT).contains("quote")
                    ? Texts.get("packs.csv.openQuote", at) : Texts.get("packs.csv.unreadableFrom", at));
        } catch (IOException e) {
            errors.put(Math.max(line, 1), Texts.get("packs.csv.unreadable"));
        }
        return new Parsed(rows, errors, notes);
    }

    /** How many fields the row has, not counting empty ones at its end (spreadsheets pad rows). */
    private static int trimmedCount(List<String> cells) {
        int n = cells.size();
        while (n > 0 && cells.get(n - 1).isBlank()) {
            n--;
        }
        return n;
    }

    /** Comma, or semicolon when the first row that is not a comment has more of them. */
    private static char separator(String csv) {
        for (String line : csv.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            long commas = l.chars().filter(c -> c == ',').count();
            long semicolons = l.chars().filter(c -> c == ';').count();
            return semicolons > commas ? ';' : ',';
        }
        return ',';
    }

    /** A header names the ID column first, or names at least two known columns. */
    private static boolean isHeader(List<String> cells) {
        return HEADER_NAMES.get(normalise(cells.get(0))) == Column.ID
                || cells.stream().map(c -> HEADER_NAMES.get(normalise(c))).filter(c -> c != null).distinct().count() >= 2;
    }

    private static List<Column> headerColumns(List<String> cells, List<String> notes) {
        List<Column> out = new ArrayList<>();
        for (String cell : cells) {
            Column c = HEADER_NAMES.get(normalise(cell));
            if (c == null && !cell.isBlank()) {
                notes.add(Texts.get("packs.csv.unknownColumn", cell.strip()));
            }
            out.add(out.contains(c) ? null : c);
        }
        return out;
    }

    private static String normalise(String cell) {
        return cell.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static Map<String, Column> headerNames() {
        Map<String, Column> m = new LinkedHashMap<>();
        for (String n : List.of("id", "packid", "pack", "resourcepackid", "resourcepack")) {
            m.put(n, Column.ID);
        }
        for (String n : List.of("capacity", "capacitygb", "size", "sizegb", "gb")) {
            m.put(n, Column.CAPACITY);
        }
        for (String n : List.of("expiry", "expires", "expireson", "expirydate", "expiresat", "expiration")) {
            m.put(n, Column.EXPIRY);
        }
        for (String n : List.of("label", "name", "description")) {
            m.put(n, Column.LABEL);
        }
        for (String n : List.of("paytype", "billing", "billingmode", "chargetype")) {
            m.put(n, Column.PAY_TYPE);
        }
        return Map.copyOf(m);
    }
}
