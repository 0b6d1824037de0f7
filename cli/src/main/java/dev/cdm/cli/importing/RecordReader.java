package dev.cdm.cli.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the records of an import file one at a time, whatever its format. */
abstract class RecordReader implements AutoCloseable {

    final Path path;
    final ImportFile file;

    RecordReader(Path path, ImportFile file) {
        this.path = path;
        this.file = file;
    }

    static RecordReader open(Path path, SourceFormat format) {
        ImportFile file = ImportFile.open(path);
        return format == SourceFormat.CSV ? new CsvRecordReader(path, file) : new JsonLinesRecordReader(path, file);
    }

    /** Every record of the file, parsed as the import would (so a malformed file fails before anything is sent). */
    static long count(Path path, SourceFormat format) {
        long records = 0;
        try (RecordReader reader = open(path, format)) {
            while (reader.next() != null) {
                records++;
            }
        }
        return records;
    }

    /** A CSV's column names; empty for JSON lines, whose keys may differ from line to line. */
    abstract Optional<List<String>> header();

    /**
     * The next record, or null after the last.
     *
     * @throws ImportInputException when the file is malformed there
     */
    abstract SourceRow next();

    long bytesRead() {
        return file.bytesRead();
    }

    @Override
    public void close() {
        file.close();
    }
}
