package dev.cdm.bench.platform;

import static dev.cdm.bench.report.Numbers.grouped;

import dev.cdm.bench.CountConverter;
import dev.cdm.bench.RunOptions;
import dev.cdm.bench.platform.PlatformSession.CliRun;
import dev.cdm.bench.platform.PlatformSession.PeopleImport;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.TextTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * End-to-end bulk ingestion: a generated CSV (canonical header) imported with {@code cdm import} into a fresh
 * platform, timed until every accepted record is visible in its profile (the command waits for that). Every
 * {@code duplicate-every}-th person also comes from a second source with a reformatted phone and upper-case email,
 * so resolution links as well as creates.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Generates CSV files of made-up people, imports each into a fresh platform with cdm import "
                + "and reports records/s until everything is visible.")
public final class ImportBenchmark implements Callable<Integer> {

    private static final ObjectMapper SUMMARY_READER = new ObjectMapper();

    @Option(names = "--records", split = ",", defaultValue = "10000,100000", converter = CountConverter.class,
            description = "Sizes to import (people; a fresh platform each). Default: ${DEFAULT-VALUE}.")
    List<Long> sizes;

    @Option(names = "--duplicate-every", defaultValue = "5",
            description = "Every n-th person also arrives from a second source. Default: ${DEFAULT-VALUE}.")
    int duplicateEvery;

    @Option(names = "--service-java-option",
            description = "An option added to every service JVM (repeatable), e.g. "
                    + "-XX:StartFlightRecording=filename=DIR/ to profile the run.")
    List<String> serviceJavaOptions = new ArrayList<>();

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        List<Result> results = new ArrayList<>();
        for (long size : sizes) {
            try (PlatformSession session = PlatformSession.start(run.workDir, run.keepData, "import",
                    serviceJavaOptions, ImportBenchmark::progress)) {
                PeopleImport people = session.importPeople(size, duplicateEvery);
                long rows = people.records();
                CliRun imported = people.run();
                results.add(new Result(size, rows, imported.seconds(), imported.stdout().strip()));
                progress(String.format(Locale.ROOT, "%s records in %.1f s: %s records/s", grouped(rows),
                        imported.seconds(), grouped(Math.round(rows / imported.seconds()))));
            }
        }
        TextTable table = new TextTable("cdm import, until visible", "people", "records", "seconds", "records/s",
                "stream s", "wait s");
        results.forEach(r -> table.row(grouped(r.people()), grouped(r.records()),
                String.format(Locale.ROOT, "%.1f", r.seconds()), grouped(Math.round(r.records() / r.seconds())),
                summaryNumber(r.summary(), "elapsed_seconds"), summaryNumber(r.summary(), "wait_seconds")));
        System.out.println(Machine.current());
        table.print(System.out);
        if (run.json != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("machine", Machine.current().toString());
            json.put("runs", results.stream().map(r -> Map.of("people", r.people(), "records", r.records(),
                    "seconds", r.seconds(), "summary", r.summary())).toList());
            JsonReport.write(run.json, json);
        }
        return 0;
    }

    /** A number of the CLI's --json summary: {@code elapsed_seconds} (the stream), {@code wait_seconds} (the wait). */
    private static String summaryNumber(String summary, String field) {
        try {
            JsonNode value = SUMMARY_READER.readTree(summary).get(field);
            return value == null ? "?" : String.format(Locale.ROOT, "%.1f", value.asDouble());
        } catch (IOException e) {
            return "?";
        }
    }

    static void progress(String message) {
        System.err.println("[import] " + message);
    }

    record Result(long people, long records, double seconds, String summary) {
    }
}
