package dev.cdm.cli.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** A CSV file with a header row (RFC 4180 quoting); names and values are trimmed, blank lines skipped. */
final class CsvRecordReader extends RecordReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            // FEBRL writes ", " between fields; also lets a quoted value follow the space
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long row;

    CsvRecordReader(Path path, ImportFile file) {
        super(path, file);
        try {
            this.parser = CSVParser.parse(file.text(), FORMAT);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            file.close();
            throw new ImportInputException("The header of " + path + " is not usable: " + e.getMessage());
        }
        this.records = parser.iterator();
    }

    @Override
    Optional<List<String>> header() {
        return Optional.of(parser.getHeaderNames());
    }

    @Override
    SourceRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            row++;
            return new SourceRow(row, record.toMap());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportInputException(path + " is malformed after data row " + row + ": " + e.getMessage());
        }
    }
}
