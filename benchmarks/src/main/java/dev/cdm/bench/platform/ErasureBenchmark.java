package dev.cdm.bench.platform;

import static dev.cdm.bench.report.Numbers.grouped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdm.bench.CountConverter;
import dev.cdm.bench.People;
import dev.cdm.bench.RunOptions;
import dev.cdm.bench.platform.PlatformSession.CliRun;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.TextTable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * Erasure with a full store: imports made-up people into a fresh platform, then erases some of them one after
 * the other with {@code cdm dsr erase --subject EMAIL --wait}, and reports how long each took from request to
 * certificate: on the service's clock (requested at → completed at) and as the officer waits (the CLI process).
 */
@Command(name = "erasure", mixinStandardHelpOptions = true,
        description = "Imports people into a fresh platform, erases some and reports the time from erasure request"
                + " to certificate.")
public final class ErasureBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--profiles", defaultValue = "100000", converter = CountConverter.class,
            description = "People in the store before the erasures. Default: ${DEFAULT-VALUE}.")
    long profiles;

    @Option(names = "--erasures", defaultValue = "10",
            description = "People erased, one after the other. Default: ${DEFAULT-VALUE}.")
    int erasures;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws IOException {
        List<Erasure> done = new ArrayList<>();
        try (PlatformSession session = PlatformSession.start(run.workDir, run.keepData, "erasure",
                ErasureBenchmark::progress)) {
            CliRun imported = session.importPeople(profiles, 5).run();
            progress(String.format(Locale.ROOT, "imported in %.1f s", imported.seconds()));
            for (int i = 0; i < erasures; i++) {
                // alternately a person with two records (every 5th came from crm and shop) and one with one
                long person = (profiles / erasures) * i + (i % 2 == 0 ? 0 : 1);
                String email = People.person(person).email();
                CliRun erased = session.cli("dsr", "erase", "--subject", email, "--requested-by", "benchmark",
                        "--wait", "--json");
                JsonNode request = JSON.readTree(erased.stdout());
                Duration service = Duration.between(Instant.parse(request.get("requested_at").asText()),
                        Instant.parse(request.get("completed_at").asText()));
                done.add(new Erasure(request.get("request_id").asText(), request.get("record_count").asInt(),
                        service.toNanos() / 1e9, erased.seconds()));
                progress(String.format(Locale.ROOT, "erased person %d (%d records): %.3f s on the service, %.2f s"
                        + " with the CLI", person, request.get("record_count").asInt(), service.toNanos() / 1e9,
                        erased.seconds()));
            }
        }
        TextTable table = new TextTable("cdm dsr erase --wait, " + grouped(profiles) + " people in the store",
                "request", "records", "request → certificate s", "CLI s");
        done.forEach(e -> table.row(e.requestId(), String.valueOf(e.records()),
                String.format(Locale.ROOT, "%.3f", e.serviceSeconds()),
                String.format(Locale.ROOT, "%.2f", e.cliSeconds())));
        System.out.println(Machine.current());
        table.print(System.out);
        double worst = done.stream().mapToDouble(Erasure::serviceSeconds).max().orElse(0);
        double mean = done.stream().mapToDouble(Erasure::serviceSeconds).average().orElse(0);
        System.out.printf(Locale.ROOT, "request → certificate: mean %.3f s, max %.3f s over %d erasures%n", mean,
                worst, done.size());
        if (run.json != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("machine", Machine.current().toString());
            json.put("profiles", profiles);
            json.put("erasures", done);
            JsonReport.write(run.json, json);
        }
        return 0;
    }

    static void progress(String message) {
        System.err.println("[erasure] " + message);
    }

    record Erasure(String requestId, int records, double serviceSeconds, double cliSeconds) {
    }
}
