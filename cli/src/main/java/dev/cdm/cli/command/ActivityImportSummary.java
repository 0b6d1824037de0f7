package dev.cdm.cli.command;

import dev.cdm.cli.importing.ActivityImport;
import dev.cdm.cli.importing.RejectedRecord;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What {@code cdm import --kind purchases|interactions} prints: counts by outcome and the first rejects. */
final class ActivityImportSummary {

    private static final List<String> OUTCOMES = List.of("recorded", "duplicate", "pending", "rejected");

    private final ActivityImport.Result result;

    ActivityImportSummary(ActivityImport.Result result) {
        this.result = result;
    }

    void print(PrintWriter out, boolean json) {
        Map<String, Long> counts = new TreeMap<>();
        OUTCOMES.forEach(outcome -> counts.put(outcome, result.counts().getOrDefault(outcome, 0L)));
        if (json) {
            Map<String, Object> report = new TreeMap<>();
            report.put("file", result.file().toString());
            report.put("read", result.read());
            report.put("skipped", result.skipped());
            report.putAll(counts);
            report.put("elapsed_seconds", result.elapsed().toMillis() / 1e3);
            report.put("rejects_file", result.rejectsFile().toString());
            report.put("first_rejects", result.firstRejects().stream().map(reject -> Map.of("line", reject.line(),
                    "activity_id", reject.recordId(), "reason", reject.reason(),
                    "violations", Json.arrayOf(reject.violations()))).toList());
            Json.print(out, (Object) report);
            return;
        }
        out.printf(Locale.ROOT, "Imported %s in %.1f s%n", result.file().getFileName(),
                result.elapsed().toMillis() / 1e3);
        if (result.skipped() > 0) {
            out.printf("  skipped    %8d  lines imported by an earlier run%n", result.skipped());
        }
        out.printf("  read       %8d%n", result.read());
        counts.forEach((outcome, count) -> out.printf("  %-10s %8d%n", outcome, count));
        if (counts.get("pending") > 0) {
            out.println("Pending activities are recorded as soon as a record with their customer arrives.");
        }
        if (counts.get("rejected") > 0) {
            out.println("Rejected rows (first " + result.firstRejects().size() + "):");
            Table table = new Table("  LINE", "ACTIVITY ID", "REASON", "FIELDS");
            for (RejectedRecord reject : result.firstRejects()) {
                table.row("  " + reject.line(), Text.orDash(reject.recordId()), Text.orDash(reject.reason()),
                        Text.issues(reject.violations()));
            }
            table.print(out);
            out.println("Every rejected row: " + result.rejectsFile());
        }
    }
}
