package dev.cdm.bench.febrl;

import dev.cdm.bench.RunOptions;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.kernel.matching.Decision;
import dev.cdm.kernel.matching.MatchWeights;
import dev.cdm.kernel.matching.RecordMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import no.priv.garshol.duke.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Record-matching quality and speed of {@code dev.cdm.kernel.matching} on the FEBRL benchmark data, with the Duke
 * engine on the same records as a baseline.
 */
@Command(name = "febrl", mixinStandardHelpOptions = true,
        description = "Blocks, scores and clusters (union-find) the FEBRL datasets with the kernel's record matcher, "
                + "and prints pairwise precision, recall and F1 against the ground truth in rec_id, once with "
                + "soc_sec_id as an external id and once without. dataset4 links 4a with 4b: cross pairs only. "
                + "Duke 1.2 (configured by duke/febrl.xml, in-memory Lucene) runs on the same records beside it; "
                + "its matched pairs are clustered and scored the same way.")
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

    @Option(names = "--duke", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also run the Duke baseline on each dataset (--no-duke: only the kernel matcher).")
    boolean duke;

    @Option(names = "--duke-threshold", description = "Duke's match probability threshold; default the one in "
            + DukeLinker.CONFIG + " (0.95).")
    Double dukeThreshold;

    @Option(names = "--duke-fuzzy", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Duke looks candidates up in Lucene with fuzzy terms, its default (--no-duke-fuzzy: "
                    + "exact terms, much faster).")
    boolean dukeFuzzy;

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
        DukeLinker linker = duke ? new DukeLinker(dukeThreshold, dukeFuzzy) : null;
        List<FebrlRun> runs = new ArrayList<>();
        for (int warmup = 0; warmup < warmups; warmup++) {
            measure(directory, datasets.get(0).strip(), true, matcher, linker);
        }
        for (String dataset : datasets) {
            for (boolean withSsn : ssnModes()) {
                runs.add(measure(directory, dataset.strip(), withSsn, matcher, linker));
            }
        }
        Double dukeMatch = linker == null ? null : linker.configuration().getThreshold();
        FebrlReport.table(runs, weights, dukeMatch).print(System.out);
        if (run.json != null) {
            JsonReport.write(run.json, FebrlReport.json(runs, weights, dukeMatch));
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

    private FebrlRun measure(Path directory, String dataset, boolean withSsn, RecordMatcher matcher, DukeLinker duke)
            throws Exception {
        boolean linkage = dataset.equals("dataset4");
        List<FebrlRecord> records = read(directory, dataset, linkage, withSsn);
        long start = System.nanoTime();
        long[] pairs = CandidatePairs.of(records, linkage, maxBlock);
        long[] matched = Arrays.stream(pairs).filter(pair -> matcher.score(records.get((int) (pair >>> 32)).fields(),
                records.get((int) pair).fields()).decision() == Decision.MATCH).toArray();
        int[] roots = UnionFind.clusters(records.size(), matched);
        long nanos = System.nanoTime() - start;
        long n = records.size();
        long allPairs = linkage ? (n / 2) * (n - n / 2) : n * (n - 1) / 2;
        return new FebrlRun(dataset, withSsn, records.size(), pairs.length, allPairs, matched.length,
                PairMetrics.of(records, roots, linkage), nanos, duke == null ? null : duke(duke, records, linkage));
    }

    /** Duke on the same records; timed from its records to the clusters, as the kernel run is, not its config. */
    private static DukeResult duke(DukeLinker linker, List<FebrlRecord> records, boolean linkage) {
        Configuration config = linker.configuration();
        long start = System.nanoTime();
        DukePairs pairs = linker.match(config, records, linkage);
        int[] roots = UnionFind.clusters(records.size(), pairs.toArray());
        long nanos = System.nanoTime() - start;
        return new DukeResult(pairs.size(), pairs.comparisons(), PairMetrics.of(records, roots, linkage), nanos);
    }

    private static List<FebrlRecord> read(Path directory, String dataset, boolean linkage, boolean withSsn)
            throws Exception {
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
        return records;
    }
}
