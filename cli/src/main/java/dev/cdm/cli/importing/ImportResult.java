package dev.cdm.cli.importing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A finished import: records read in this run, lines skipped because an earlier run had imported them (all lines
 * up to {@code resumedAfter}), the results by outcome and the first rejected records.
 */
public record ImportResult(Path file, SourceFormat format, long read, long skipped, long resumedAfter,
                           ImportCounts counts, List<RejectedRecord> firstRejects, Duration elapsed) {

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? counts.answered() / seconds : 0;
    }
}
