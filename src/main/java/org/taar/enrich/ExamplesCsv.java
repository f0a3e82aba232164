package org.taar.enrich;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled examples from CSV (RFC 4180: comma-separated, fields optionally in double quotes,
 * "" for a quote inside one, line breaks allowed inside quotes, CRLF or LF, an optional BOM). The
 * header names a {@code text} column and a {@code label} (or {@code labels}) column, in any order.
 */
public final class ExamplesCsv {
    private ExamplesCsv() {}

    public static List<Example> read(Reader in) throws IOException {
        List<List<String>> rows = rows(in);
        if (rows.isEmpty()) throw new IllegalArgumentException("CSV is empty: expected a header text,label");
        List<String> header = rows.get(0);
        int text = -1, label = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && h.startsWith("\uFEFF")) h = h.substring(1);
            if (h.equals("text")) text = i;
            if (h.equals("label") || (h.equals("labels") && label < 0)) label = i;
        }
        if (text < 0 || label < 0) {
            throw new IllegalArgumentException("CSV header must name columns text and label (or labels): " + header);
        }
        List<Example> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isEmpty()) continue; // blank line
            if (row.size() <= Math.max(text, label)) {
                throw new IllegalArgumentException("CSV record " + (r + 1) + " has " + row.size() + " fields");
            }
            String l = row.get(label).strip();
            if (l.isEmpty()) throw new IllegalArgumentException("CSV record " + (r + 1) + " has no label");
            out.add(new Example(row.get(text), l));
        }
        return out;
    }

    static List<List<String>> rows(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) break;
                        c = next; // fall through to the unquoted handling of next
                        if (handle(c, row, field, rows)) {
                            row = new ArrayList<>();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (handle(c, row, field, rows)) {
                row = new ArrayList<>();
            }
        }
        if (quoted) throw new IllegalArgumentException("CSV ends inside a quoted field");
        if (any && (!field.isEmpty() || !row.isEmpty())) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Handles an unquoted character; true when it ended a record. */
    private static boolean handle(int c, List<String> row, StringBuilder field, List<List<String>> rows) {
        if (c == ',') {
            row.add(field.toString());
            field.setLength(0);
            return false;
        }
        if (c == '\n') {
            if (!field.isEmpty() && field.charAt(field.length() - 1) == '\r') field.setLength(field.length() - 1);
            row.add(field.toString());
            field.setLength(0);
            rows.add(row);
            return true;
        }
        field.append((char) c);
        return false;
    }
}
