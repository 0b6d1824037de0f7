package dev.cdm.bench.platform;

import static dev.cdm.bench.report.Numbers.decimal;
import static dev.cdm.bench.report.Numbers.grouped;
import static dev.cdm.bench.report.Numbers.ms;

import dev.cdm.bench.platform.IngestLoop.Sample;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.Numbers;
import dev.cdm.bench.report.Percentiles;
import dev.cdm.bench.report.TextTable;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The platform results as tables and as JSON. */
record PlatformReport(Machine machine, String javaOptions, boolean tls, long records, long pollIntervalMs, long upNanos,
                      Map<String, Double> startTimes, MemorySnapshot afterUp, MemorySnapshot afterRun,
                      List<Sample> samples, long ingestNanos, PlatformBenchmark.ReadProbes probes, long downNanos,
                      String loadBefore, String loadAfter) {

    void print(PrintStream out) {
        out.println();
        out.println("Platform: embedded stores + 4 services, started as ./cdm up" + (tls ? " --tls" : "")
                + " does (JVM options: " + javaOptions + ")");
        out.println("Machine: " + machine.describe());
        out.println("Load average (1/5/15 min): " + loadBefore + " before, " + loadAfter + " after");
        out.println();
        TextTable start = new TextTable("Start-up", "what", "seconds");
        start.row("cold up, wall clock until every service is ready", decimal(upNanos / 1e9));
        startTimes.forEach((service, seconds) -> start.row(service + " (Quarkus 'started in')", decimal(seconds)));
        start.row("down, wall clock", decimal(downNanos / 1e9));
        start.print(out);
        TextTable memory = new TextTable("Memory (MiB; RSS = VmRSS summed over the group's processes, "
                + "PSS = shared pages split)", "process", "processes", "RSS after up",
                "RSS after " + grouped(samples.size()), "PSS after " + grouped(samples.size()));
        for (ProcessMemory up : afterUp.groups()) {
            ProcessMemory run = afterRun.group(up.name()).orElse(up);
            memory.row(up.name(), run.pids().size(), mib(up.rssKb()), mib(run.rssKb()), mib(run.pssKb()));
        }
        memory.row("total", "", mib(afterUp.totalRssKb()), mib(afterRun.totalRssKb()), mib(afterRun.totalPssKb()));
        memory.print(out);
        List<Sample> visible = samples.stream().filter(Sample::visible).toList();
        int tenth = Math.max(1, visible.size() / 10);
        TextTable latency = new TextTable("Latency (ms), records ingested one at a time, GetProfile polled every "
                + pollIntervalMs + " ms", "measure", "records", "p50", "p90", "p99", "max", "mean");
        latencyRow(latency, "ingest call (IngestRecord returns)", visible, Sample::ingestNanos);
        latencyRow(latency, "projection lag (visible - ingest call)", visible, s -> s.visibleNanos() - s.ingestNanos());
        latencyRow(latency, "GetProfile call (mean per record)", visible, Sample::meanPollNanos);
        latencyRow(latency, "ingest-to-visible", visible, Sample::visibleNanos);
        latencyRow(latency, "ingest-to-visible, first " + tenth, visible.subList(0, Math.min(tenth, visible.size())),
                Sample::visibleNanos);
        latencyRow(latency, "ingest-to-visible, the rest", visible.subList(Math.min(tenth, visible.size()),
                visible.size()), Sample::visibleNanos);
        percentileRow(latency, "GetProfile alone, after the run: profile exists", probes.found());
        percentileRow(latency, "GetProfile alone, after the run: NOT_FOUND", probes.notFound());
        latency.print(out);
        TextTable totals = new TextTable("Throughput", "what", "value");
        totals.row("records ingested", grouped(samples.size()));
        totals.row("records/s (one at a time, each until visible)", decimal(throughput()));
        totals.row("outcomes", outcomes().toString());
        totals.row("not visible within the timeout", grouped(samples.size() - visible.size()));
        totals.row("GetProfile polls per record (mean)", decimal(visible.stream().mapToInt(Sample::polls)
                .average().orElse(0)));
        totals.print(out);
    }

    private static void latencyRow(TextTable table, String name, List<Sample> samples, ToLongFunction<Sample> f) {
        percentileRow(table, name, samples.stream().mapToLong(f).toArray());
    }

    private static void percentileRow(TextTable table, String name, long[] nanos) {
        Percentiles p = Percentiles.of(nanos);
        table.row(name, grouped(p.count()), ms(p.percentile(50)), ms(p.percentile(90)), ms(p.percentile(99)),
                ms(p.max()), String.format(Locale.ROOT, "%.2f", p.mean() / 1e6));
    }

    private double throughput() {
        return Numbers.perSecond(samples.size(), ingestNanos);
    }

    private Map<String, Long> outcomes() {
        return samples.stream().collect(Collectors.groupingBy(Sample::outcome, TreeMap::new, Collectors.counting()));
    }

    private static String mib(long kb) {
        return decimal(kb / 1024.0);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "platform");
        json.put("machine", machine.toJson());
        json.put("loadAverageBefore", loadBefore);
        json.put("loadAverageAfter", loadAfter);
        json.put("javaOptions", javaOptions);
        json.put("tls", tls);
        json.put("recordsRequested", records);
        json.put("pollIntervalMs", pollIntervalMs);
        json.put("upSeconds", upNanos / 1e9);
        json.put("serviceStartedInSeconds", startTimes);
        json.put("downSeconds", downNanos / 1e9);
        json.put("memoryAfterUp", afterUp.groups());
        json.put("memoryAfterRun", afterRun.groups());
        List<Sample> visible = samples.stream().filter(Sample::visible).toList();
        json.put("ingestCallMs", percentilesJson(visible, Sample::ingestNanos));
        json.put("projectionLagMs", percentilesJson(visible, s -> s.visibleNanos() - s.ingestNanos()));
        json.put("getProfileCallMs", percentilesJson(visible, Sample::meanPollNanos));
        json.put("ingestToVisibleMs", percentilesJson(visible, Sample::visibleNanos));
        json.put("getProfileFoundMs", percentilesJson(probes.found()));
        json.put("getProfileNotFoundMs", percentilesJson(probes.notFound()));
        json.put("meanPollsPerRecord", visible.stream().mapToInt(Sample::polls).average().orElse(0));
        json.put("recordsIngested", samples.size());
        json.put("recordsNotVisible", samples.size() - visible.size());
        json.put("recordsPerSecond", throughput());
        json.put("outcomes", outcomes());
        return json;
    }

    private static Map<String, Object> percentilesJson(List<Sample> samples, ToLongFunction<Sample> f) {
        return percentilesJson(samples.stream().mapToLong(f).toArray());
    }

    private static Map<String, Object> percentilesJson(long[] nanos) {
        Percentiles p = Percentiles.of(nanos);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", p.count());
        json.put("p50", Numbers.millis(p.percentile(50)));
        json.put("p90", Numbers.millis(p.percentile(90)));
        json.put("p99", Numbers.millis(p.percentile(99)));
        json.put("max", Numbers.millis(p.max()));
        json.put("mean", p.mean() / 1e6);
        return json;
    }
}
