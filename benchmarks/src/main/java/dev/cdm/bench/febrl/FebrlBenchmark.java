package dev.cdm.bench.febrl;

import dev.cdm.bench.RunOptions;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Numbers;
import dev.cdm.bench.report.TextTable;
import dev.cdm.kernel.matching.Decision;
import dev.cdm.kernel.matching.MatchWeights;
import dev.cdm.kernel.matching.RecordMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Record-matching quality and speed of {@code dev.cdm.kernel.matching} on the FEBRL benchmark data. */
@Command(name = "febrl", mixinStandardHelpOptions = true,
        description = "Blocks, scores and clusters (union-find) the FEBRL datasets with the kernel's record matcher, "
                + "and prints pairwise precision, recall and F1 against the ground truth in rec_id, once with "
                + "soc_sec_id as an external id and once without. dataset4 links 4a with 4b: cross pairs only.")
public final class FebrlBenchmark implements Callable<Integer> {

    @Option(names = "--dataset", split = ",", defaultValue = "dataset1,dataset2,dataset3,dataset4",
            description = "dataset1, dataset2, dataset3 and/or dataset4. Default: ${DEFAULT-VALUE}.")
    List<String> datasets;

    @Option(names = "--threshold", description = "Match threshold (sum of log2 weights); default the kernel's "
            + "MatchWeights.defaults().")
    Double threshold;

    @Option(names = "--ssn", defaultValue = "both", description = "with, without or both. Default: ${DEFAULT-VALUE}.")
    String ssn;

    @Option(names = "--max-block", defaultValue = "1000",
            description = "Skip blocking keys shared by more records than this. Default: ${DEFAULT-VALUE}.")
    int maxBlock;

    @Option(names = "--warmups", defaultValue = "2", description = "Unmeasured runs of the first dataset "
            + "before measuring, so the times are of JIT-compiled code. Default: ${DEFAULT-VALUE}.")
    int warmups;

    @Option(names = "--data",
            description = "Directory of the FEBRL CSV files (default: $CDM_HOME/../shared/data/febrl).")
    Path data;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        Path directory = data != null ? data : Path.of(System.getenv().getOrDefault("CDM_HOME", "."))
                .resolve("../shared/data/febrl").normalize();
        MatchWeights defaults = MatchWeights.defaults();
        MatchWeights weights = threshold == null ? defaults
                : defaults.withThresholds(threshold, Math.min(threshold, defaults.reviewThreshold()));
        RecordMatcher matcher = new RecordMatcher(weights);
        List<FebrlRun> runs = new ArrayList<>();
        for (int warmup = 0; warmup < warmups; warmup++) {
            measure(directory, datasets.get(0).strip(), true, matcher);
        }
        for (String dataset : datasets) {
            for (boolean withSsn : ssnModes()) {
                runs.add(measure(directory, dataset.strip(), withSsn, matcher));
            }
        }
        print(runs, weights);
        if (run.json != null) {
            JsonReport.write(run.json, json(runs, weights));
        }
        return 0;
    }

    private List<Boolean> ssnModes() {
        return switch (ssn) {
            case "with" -> List.of(true);
            case "without" -> List.of(false);
            default -> List.of(true, false);
        };
    }

    private FebrlRun measure(Path directory, String dataset, boolean withSsn, RecordMatcher matcher)
            throws Exception {
        boolean linkage = dataset.equals("dataset4");
        List<FebrlRecord> records = new ArrayList<>();
        if (linkage) {
            records.addAll(FebrlFiles.read(directory.resolve("dataset4a.csv"), 0, withSsn));
            records.addAll(FebrlFiles.read(directory.resolve("dataset4b.csv"), 1, withSsn));
        } else {
            Path file = directory.resolve(dataset + ".csv");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such dataset: " + file);
            }
            records.addAll(FebrlFiles.read(file, 0, withSsn));
        }
        long start = System.nanoTime();
        long[] pairs = CandidatePairs.of(records, linkage, maxBlock);
        UnionFind clusters = new UnionFind(records.size());
        for (long pair : pairs) {
            int i = (int) (pair >>> 32);
            int j = (int) pair;
            if (matcher.score(records.get(i).fields(), records.get(j).fields()).decision() == Decision.MATCH) {
                clusters.union(i, j);
            }
        }
        int[] roots = clusters.roots();
        long nanos = System.nanoTime() - start;
        long n = records.size();
        long allPairs = linkage ? (n / 2) * (n - n / 2) : n * (n - 1) / 2;
        return new FebrlRun(dataset, withSsn, records.size(), pairs.length, allPairs,
                PairMetrics.of(records, roots, linkage), nanos);
    }

    private static void print(List<FebrlRun> runs, MatchWeights weights) {
        TextTable table = new TextTable(String.format(Locale.ROOT, "FEBRL (match ≥ %.1f)", weights.matchThreshold()),
                "dataset", "ssn", "records", "candidate pairs", "of all pairs", "precision", "recall", "F1",
                "time (ms)", "records/s");
        for (FebrlRun r : runs) {
            table.row(r.dataset(), r.withSsn() ? "with" : "without", Numbers.grouped(r.records()),
                    Numbers.grouped(r.candidatePairs()), percent(r.candidatePairs() / (double) r.allPairs()),
                    fraction(r.metrics().precision()), fraction(r.metrics().recall()), fraction(r.metrics().f1()),
                    Numbers.ms(r.nanos()), Numbers.decimal(Numbers.perSecond(r.records(), r.nanos())));
        }
        table.print(System.out);
    }

    private static Map<String, Object> json(List<FebrlRun> runs, MatchWeights weights) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("matchThreshold", weights.matchThreshold());
        report.put("runs", runs.stream().map(r -> Map.of("dataset", r.dataset(), "withSsn", r.withSsn(),
                "candidatePairs", r.candidatePairs(), "precision", r.metrics().precision(),
                "recall", r.metrics().recall(), "f1", r.metrics().f1(), "millis", Numbers.millis(r.nanos()))).toList());
        return report;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f%%", 100 * fraction);
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
