package dev.cdm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {

    @TempDir
    Path dir;

    @Test
    void csv_handlesQuotesEscapedQuotesEmbeddedCommasAndNewlines_aByteOrderMark_andSurroundingSpaces()
            throws IOException {
        Path file = write("people.csv", "\uFEFF record_id , address ,  note\r\n"
                + "1, \"12 Main St, Springfield\" , \"said \"\"hi\"\"\"\r\n"
                + "\r\n"
                + "2,\"line one\nline two\",  plain  \r\n"
                + "3,short\r\n");

        try (RecordReader reader = RecordReader.open(file, SourceFormat.CSV)) {
            assertThat(reader.header()).contains(List.of("record_id", "address", "note"));
            List<SourceRow> rows = readAll(reader);

            assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L, 3L);
            assertThat(rows.get(0).values()).containsExactly(Map.entry("record_id", "1"),
                    Map.entry("address", "12 Main St, Springfield"), Map.entry("note", "said \"hi\""));
            assertThat(rows.get(1).value("address")).isEqualTo("line one\nline two");
            assertThat(rows.get(1).value("note")).isEqualTo("plain");
            assertThat(rows.get(2).value("note")).isEmpty();
        }
        assertThat(RecordReader.count(file, SourceFormat.CSV)).isEqualTo(3);
    }

    @Test
    void csv_failsNamingTheRow_whenAQuoteIsNeverClosed() throws IOException {
        Path file = write("broken.csv", "record_id,note\n1,ok\n2,\"never closed\n");

        assertThatThrownBy(() -> RecordReader.count(file, SourceFormat.CSV))
                .isInstanceOf(ImportInputException.class).hasMessageContaining("malformed after data row 1");
    }

    @Test
    void jsonLines_readScalarsAsText_externalIdsAsExtColumns_andCountPhysicalLines() throws IOException {
        Path file = write("people.jsonl", "\uFEFF{\"record_id\": 7, \"email\": \" a@example.com \", "
                + "\"phone\": null, \"external_ids\": {\"loyalty\": \"L-7\"}}\n\n"
                + "{\"record_id\": \"8\", \"vip\": true}\n");

        try (RecordReader reader = RecordReader.open(file, SourceFormat.JSONL)) {
            assertThat(reader.header()).isEmpty();
            List<SourceRow> rows = readAll(reader);

            assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 3L);
            assertThat(rows.get(0).values()).containsExactly(Map.entry("record_id", "7"),
                    Map.entry("email", "a@example.com"), Map.entry("ext:loyalty", "L-7"));
            assertThat(rows.get(1).value("vip")).isEqualTo("true");
        }
    }

    @Test
    void jsonLines_failNamingTheLine_whenALineIsNotAnObject() throws IOException {
        Path file = write("people.ndjson", "{\"record_id\": 1}\n[1, 2]\n");

        assertThatThrownBy(() -> RecordReader.count(file, SourceFormat.JSONL))
                .isInstanceOf(ImportInputException.class).hasMessageContaining("Line 2 of").hasMessageEndingWith(
                        "is not a JSON object");
    }

    @Test
    void jsonLines_failWithoutQuotingTheLine_whenItIsNotJson() throws IOException {
        Path file = write("people.jsonl", "{\"record_id\": 1, \"email\": ada@example.com}\n");

        assertThatThrownBy(() -> RecordReader.count(file, SourceFormat.JSONL))
                .hasMessageEndingWith("people.jsonl is not JSON (from column 27)").hasMessageNotContaining("ada");
    }

    private static List<SourceRow> readAll(RecordReader reader) {
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
