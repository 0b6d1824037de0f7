package dev.cdm.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdm.cli.importing.ImportCounts;
import dev.cdm.cli.importing.ImportResult;
import dev.cdm.cli.importing.RejectedRecord;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code cdm import} prints at the end: counts, speed and the first rejects; never a value of a record. */
final class ImportSummary {

    /** The {@code --json} form; {@code waitSeconds} is 0 when the import did not wait. */
    record Report(String file, String format, long read, long skipped, long accepted, long rejected, long created,
                  long linked, long updated, long unchanged, long merged, long droppedFields, double recordsPerSecond,
                  double elapsedSeconds, boolean waited, double waitSeconds, List<RejectJson> firstRejects) {
    }

    record RejectJson(long line, String recordId, String rejectId, String reason, JsonNode violations) {
    }

    private final ImportResult result;
    private final Optional<String> source;

    ImportSummary(ImportResult result, Optional<String> source) {
        this.result = result;
        this.source = source;
    }

    /** {@code waited} is null when the import did not wait for the profiles. */
    void print(PrintWriter out, boolean json, Duration waited) {
        if (json) {
            Json.print(out, report(waited));
        } else {
            printText(out, waited);
        }
    }

    private void printText(PrintWriter out, Duration waited) {
        ImportCounts counts = result.counts();
        out.printf(Locale.ROOT, "Imported %s (%s) in %s, %.0f records/s%n", result.file().getFileName(),
                result.format(), seconds(result.elapsed()), result.recordsPerSecond());
        if (result.skipped() > 0) {
            out.printf("  skipped    %8d  lines up to %d, imported by an earlier run%n", result.skipped(),
                    result.resumedAfter());
        }
        out.printf("  read       %8d%n  accepted   %8d%n", result.read(), counts.accepted());
        out.printf("    created  %8d  new profiles%n    linked   %8d%n", counts.created(), counts.linked());
        out.printf("    updated  %8d%n    unchanged%8d%n", counts.updated(), counts.unchanged());
        out.printf("    merged   %8d  profiles merged into others%n", counts.merged());
        if (counts.droppedFields() > 0) {
            out.printf("    dropped  %8d  invalid fields left out%n", counts.droppedFields());
        }
        out.printf("  rejected   %8d%n", counts.rejected());
        out.println(waited == null ? "Did not wait for the profiles to be readable (--no-wait)."
                : "Profiles readable after " + seconds(waited) + ".");
        if (counts.rejected() > 0) {
            printRejects(out, counts.rejected());
        }
    }

    private void printRejects(PrintWriter out, long rejected) {
        out.println("Rejected records (first " + result.firstRejects().size() + " of " + rejected + "):");
        Table table = new Table("  LINE", "RECORD ID", "REJECT ID", "REASON", "FIELDS");
        for (RejectedRecord reject : result.firstRejects()) {
            table.row("  " + reject.line(), Text.orDash(reject.recordId()), Text.orDash(reject.rejectId()),
                    Text.orDash(reject.reason()), Text.issues(reject.violations()));
        }
        table.print(out);
        out.println("Every reject with its reasons: cdm rejects" + source.map(name -> " --source " + name).orElse(""));
    }

    private Report report(Duration waited) {
        ImportCounts counts = result.counts();
        List<RejectJson> rejects = result.firstRejects().stream().map(reject -> new RejectJson(reject.line(),
                reject.recordId(), reject.rejectId(), reject.reason(), Json.arrayOf(reject.violations()))).toList();
        return new Report(result.file().toString(), result.format().toString(), result.read(), result.skipped(),
                counts.accepted(), counts.rejected(), counts.created(), counts.linked(), counts.updated(),
                counts.unchanged(), counts.merged(), counts.droppedFields(), result.recordsPerSecond(),
                result.elapsed().toMillis() / 1e3, waited != null, waited == null ? 0 : waited.toMillis() / 1e3,
                rejects);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1e3);
    }
}
