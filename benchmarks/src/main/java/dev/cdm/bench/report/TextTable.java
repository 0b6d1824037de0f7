package dev.cdm.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table with a title; columns whose cells are all numbers are right-aligned. */
public final class TextTable {

    private final String title;
    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String title, String... headers) {
        this.title = title;
        this.headers = headers;
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : String.valueOf(cell)).toArray(String[]::new));
        return this;
    }

    public void print(PrintStream out) {
        out.println(render());
    }

    public String render() {
        int[] widths = new int[headers.length];
        boolean[] numeric = new boolean[headers.length];
        for (int c = 0; c < headers.length; c++) {
            widths[c] = headers[c].length();
            numeric[c] = !rows.isEmpty();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
                numeric[c] &= isNumber(row[c]);
            }
        }
        StringBuilder text = new StringBuilder(title).append('\n');
        line(text, headers, widths, numeric);
        String[] rule = Arrays.stream(widths).mapToObj("-"::repeat).toArray(String[]::new);
        line(text, rule, widths, numeric);
        rows.forEach(row -> line(text, row, widths, numeric));
        return text.toString();
    }

    private static void line(StringBuilder text, String[] cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String format = numeric[c] ? "%" + widths[c] + "s" : "%-" + widths[c] + "s";
            line.append(c == 0 ? "" : "  ").append(String.format(format, cells[c]));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    static boolean isNumber(String cell) {
        return cell.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?( ?[%a-zA-Z/]+)?");
    }
}
