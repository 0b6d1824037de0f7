package dev.cdm.bench.febrl;

import dev.cdm.kernel.matching.MatchRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads FEBRL CSV files: {@code rec_id, given_name, surname, street_number, address_1, address_2, suburb, …}. */
final class FebrlFiles {

    private FebrlFiles() {
    }

    static List<FebrlRecord> read(Path file, int side, boolean withSsn) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<FebrlRecord> records = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                records.add(parse(line, side, withSsn));
            }
        }
        return records;
    }

    static FebrlRecord parse(String line, int side, boolean withSsn) {
        String[] c = Stream.of(line.split(",", -1)).map(String::strip).toArray(String[]::new);
        String street = (c[3] + " " + c[4]).strip();
        Map<String, String> ids = withSsn && !c[10].isEmpty() ? Map.of("soc_sec_id", c[10]) : Map.of();
        MatchRecord fields = new MatchRecord(c[1], c[2], c[9], List.of(street, c[5]), c[7], c[6], c[8], "au",
                null, null, ids);
        return new FebrlRecord(person(c[0]), side, fields);
    }

    /** {@code rec-123-dup-0} → 123. */
    static int person(String recId) {
        return Integer.parseInt(recId.split("-")[1]);
    }
}
