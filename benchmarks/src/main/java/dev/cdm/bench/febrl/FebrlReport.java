package dev.cdm.bench.febrl;

import dev.cdm.bench.report.Numbers;
import dev.cdm.bench.report.TextTable;
import dev.cdm.kernel.matching.MatchWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The FEBRL results as a text table and as JSON: the kernel matcher's columns, then Duke's beside them. */
final class FebrlReport {

    private FebrlReport() {
    }

    /** @param dukeThreshold Duke's threshold, or null when Duke did not run (its columns are left out) */
    static TextTable table(List<FebrlRun> runs, MatchWeights weights, Double dukeThreshold) {
        List<String> headers = new ArrayList<>(List.of("dataset", "ssn", "records", "candidate pairs", "of all pairs",
                "precision", "recall", "F1", "time (ms)", "records/s"));
        String title = String.format(Locale.ROOT, "FEBRL (match ≥ %.1f)", weights.matchThreshold());
        if (dukeThreshold != null) {
            headers.addAll(List.of("Duke precision", "Duke recall", "Duke F1", "Duke time (ms)"));
            title = String.format(Locale.ROOT, "FEBRL (match ≥ %.1f; Duke: %s, threshold %.2f)",
                    weights.matchThreshold(), DukeLinker.CONFIG, dukeThreshold);
        }
        TextTable table = new TextTable(title, headers.toArray(String[]::new));
        for (FebrlRun r : runs) {
            List<Object> cells = new ArrayList<>(List.of(r.dataset(), r.withSsn() ? "with" : "without",
                    Numbers.grouped(r.records()), Numbers.grouped(r.candidatePairs()),
                    percent(r.candidatePairs() / (double) r.allPairs()), fraction(r.metrics().precision()),
                    fraction(r.metrics().recall()), fraction(r.metrics().f1()), Numbers.ms(r.nanos()),
                    Numbers.decimal(Numbers.perSecond(r.records(), r.nanos()))));
            if (dukeThreshold != null) {
                DukeResult d = r.duke();
                cells.addAll(List.of(fraction(d.metrics().precision()), fraction(d.metrics().recall()),
                        fraction(d.metrics().f1()), Numbers.ms(d.nanos())));
            }
            table.row(cells.toArray());
        }
        return table;
    }

    static Map<String, Object> json(List<FebrlRun> runs, MatchWeights weights, Double dukeThreshold) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("matchThreshold", weights.matchThreshold());
        if (dukeThreshold != null) {
            report.put("duke", Map.of("version", "1.2", "config", DukeLinker.CONFIG, "threshold", dukeThreshold));
        }
        report.put("runs", runs.stream().map(FebrlReport::json).toList());
        return report;
    }

    private static Map<String, Object> json(FebrlRun r) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataset", r.dataset());
        run.put("withSsn", r.withSsn());
        run.put("records", r.records());
        run.put("candidatePairs", r.candidatePairs());
        run.put("matchedPairs", r.matchedPairs());
        scores(run, r.metrics(), r.nanos());
        if (r.duke() != null) {
            Map<String, Object> duke = new LinkedHashMap<>();
            duke.put("comparisons", r.duke().comparisons());
            duke.put("matchedPairs", r.duke().matchedPairs());
            scores(duke, r.duke().metrics(), r.duke().nanos());
            run.put("duke", duke);
        }
        return run;
    }

    private static void scores(Map<String, Object> json, PairMetrics metrics, long nanos) {
        json.put("predictedPairs", metrics.predicted());
        json.put("truePositives", metrics.truePositives());
        json.put("truePairs", metrics.actual());
        json.put("precision", metrics.precision());
        json.put("recall", metrics.recall());
        json.put("f1", metrics.f1());
        json.put("millis", Numbers.millis(nanos));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f%%", 100 * fraction);
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
