package dev.cdm.bench.febrl;

import static dev.cdm.bench.report.Numbers.grouped;

import dev.cdm.bench.RunOptions;
import dev.cdm.bench.platform.PlatformSession;
import dev.cdm.bench.platform.PlatformSession.CliRun;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * FEBRL accuracy through the real path: for each data set a fresh platform, {@code cdm import} with a column
 * mapping (soc_sec_id declared as an external id), {@code cdm export-links}, and pairwise precision, recall and F1 of
 * the exported profiles against the person numbers in the record ids.
 */
@Command(name = "febrl-import", mixinStandardHelpOptions = true,
        description = "Imports each FEBRL data set into a fresh platform with cdm import, exports the links with "
                + "cdm export-links and scores them pairwise against the ground truth.")
public final class FebrlImportBenchmark implements Callable<Integer> {

    static final String MAPPING = """
            {"record_id": "rec_id",
             "fields": {"first_name": "given_name", "last_name": "surname",
                        "address": {"lines": [{"columns": ["street_number", "address_1"], "separator": " "},
                                              "address_2"]},
                        "locality": "suburb", "postal_code": "postcode", "region": "state",
                        "birth_date": "date_of_birth", "country": {"constant": "AU"}},
             "external_ids": {"soc_sec_id": "soc_sec_id"}}
            """;

    /** FEBRL's duplicates often carry a re-generated soc_sec_id: a noisy id, evidence but no veto. */
    static final List<String> PLATFORM_OPTIONS = List.of("-Dcdm.identity.evidence-only-id-types=soc_sec_id");

    @Option(names = "--data", description = "Directory of the FEBRL files (default: ../shared/data/febrl beside "
            + "the project).")
    Path dataDirectory;

    @Option(names = "--datasets", split = ",", defaultValue = "1,2,3,4",
            description = "Which cases to run: 1, 2, 3 (deduplication), 4 (4a+4b linkage). Default: ${DEFAULT-VALUE}.")
    List<String> datasets;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        Path febrl = dataDirectory != null ? dataDirectory
                : Path.of(System.getenv().getOrDefault("CDM_HOME", ".")).resolve("../shared/data/febrl").normalize();
        List<Result> results = new ArrayList<>();
        for (String dataset : datasets) {
            List<Path> files = dataset.equals("4") ? List.of(febrl.resolve("dataset4a.csv"),
                    febrl.resolve("dataset4b.csv")) : List.of(febrl.resolve("dataset" + dataset + ".csv"));
            results.add(runCase("dataset" + dataset + (dataset.equals("4") ? " (4a+4b)" : ""), files));
        }
        print(results);
        if (run.json != null) {
            JsonReport.write(run.json, json(results));
            progress("wrote " + run.json);
        }
        return 0;
    }

    private Result runCase(String name, List<Path> files) throws IOException {
        progress(name + ": starting a fresh platform");
        try (PlatformSession session = PlatformSession.start(run.workDir, run.keepData, "febrl", PLATFORM_OPTIONS,
                FebrlImportBenchmark::progress)) {
            Path mapping = session.dataDir().resolve("febrl-mapping.json");
            Files.writeString(mapping, MAPPING, StandardCharsets.UTF_8);
            double importSeconds = 0;
            List<String> summaries = new ArrayList<>();
            for (int side = 0; side < files.size(); side++) {
                Path file = files.get(side);
                CliRun imported = session.cli("import", file.toString(), "--mapping", mapping.toString(),
                        "--source", "febrl-" + file.getFileName().toString().replace(".csv", ""),
                        "--invalid-fields", "drop", "--json");
                importSeconds += imported.seconds();
                summaries.add(imported.stdout().strip());
                progress(name + ": imported " + file.getFileName() + " in "
                        + String.format(Locale.ROOT, "%.1f s", imported.seconds()));
            }
            Path links = session.dataDir().resolve("links.csv");
            session.cli("export-links", "--out", links.toString());
            return score(name, files, links, importSeconds, summaries);
        }
    }

    /** Every record in its exported profile; a record missing from the links (rejected) is a cluster of its own. */
    private static Result score(String name, List<Path> files, Path links, double seconds, List<String> summaries)
            throws IOException {
        Map<String, String> profileOf = readLinks(links);
        List<FebrlRecord> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int side = 0; side < files.size(); side++) {
            records.addAll(FebrlFiles.read(files.get(side), side, false));
            ids.addAll(recordIds(files.get(side)));
        }
        Map<String, Integer> clusterIds = new HashMap<>();
        int[] clusterOf = new int[records.size()];
        int missing = 0;
        for (int i = 0; i < ids.size(); i++) {
            String profile = profileOf.get(ids.get(i));
            if (profile == null) {
                missing++;
                profile = "missing:" + ids.get(i);
            }
            clusterOf[i] = clusterIds.computeIfAbsent(profile, p -> clusterIds.size());
        }
        PairMetrics metrics = PairMetrics.of(records, clusterOf, files.size() == 2);
        return new Result(name, records.size(), missing, clusterIds.size(), metrics, seconds, summaries);
    }

    private static Map<String, String> readLinks(Path links) throws IOException {
        Map<String, String> profileOf = new HashMap<>();
        List<String> lines = Files.readAllLines(links, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("source_record_id,profile_id")) {
            throw new IllegalStateException("cdm export-links wrote no `source_record_id,profile_id` header");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(",", -1);
            profileOf.put(parts[0], parts[1]);
        }
        return profileOf;
    }

    private static List<String> recordIds(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                    .map(l -> l.split(",", 2)[0].strip()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(List<Result> results) {
        System.out.println("FEBRL through cdm import → cdm export-links (soc_sec_id as an evidence-only external id, "
                + "invalid fields dropped)");
        System.out.println(Machine.current());
        TextTable table = new TextTable("FEBRL import", "case", "records", "not linked", "profiles", "precision", "recall", "F1",
                "import s", "records/s");
        for (Result r : results) {
            table.row(r.name(), grouped(r.records()), grouped(r.missing()), grouped(r.profiles()),
                    f4(r.metrics().precision()), f4(r.metrics().recall()), f4(r.metrics().f1()),
                    String.format(Locale.ROOT, "%.1f", r.seconds()),
                    grouped(Math.round(r.records() / r.seconds())));
        }
        table.print(System.out);
    }

    private static Map<String, Object> json(List<Result> results) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", Machine.current().toString());
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("case", r.name());
            c.put("records", r.records());
            c.put("notLinked", r.missing());
            c.put("profiles", r.profiles());
            c.put("precision", r.metrics().precision());
            c.put("recall", r.metrics().recall());
            c.put("f1", r.metrics().f1());
            c.put("importSeconds", r.seconds());
            c.put("importSummaries", r.summaries());
            cases.add(c);
        }
        json.put("cases", cases);
        return json;
    }

    private static String f4(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static void progress(String message) {
        System.err.println("[febrl-import] " + message);
    }

    record Result(String name, int records, int missing, int profiles, PairMetrics metrics, double seconds,
                  List<String> summaries) {
    }
}
