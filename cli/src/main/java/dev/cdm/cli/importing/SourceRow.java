package dev.cdm.cli.importing;

import java.util.Map;

/**
 * One record of an import file: its line (the data row of a CSV, header not counted; the line of a JSON-lines
 * file) and its trimmed values by column. External ids of a JSON line appear as columns {@code ext:<type>}.
 */
record SourceRow(long line, Map<String, String> values) {

    /** The column's value; "" when the row lacks the column. */
    String value(String column) {
        return values.getOrDefault(column, "");
    }
}
