package dev.cdm.bench.eventstore;

import static dev.cdm.bench.report.Numbers.decimal;
import static dev.cdm.bench.report.Numbers.grouped;
import static dev.cdm.bench.report.Numbers.mebibytes;

import dev.cdm.bench.eventstore.Appender.Window;
import dev.cdm.bench.eventstore.Reader.ReadResult;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.Numbers;
import dev.cdm.bench.report.TextTable;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The event-store results as tables and as JSON. */
record EventStoreReport(Machine machine, Map<String, String> postgres, Settings settings, List<Long> targets,
                        List<Checkpoint> checkpoints, String loadBefore, String loadAfter) {

    void print(PrintStream out) {
        out.println();
        out.println("Event store: Axon JdbcEventStorageEngine on embedded PostgreSQL "
                + postgres.get("server_version"));
        out.println("Machine: " + machine.describe());
        out.println("Load average (1/5/15 min): " + loadBefore + " before, " + loadAfter + " after");
        out.println("PostgreSQL: " + postgres);
        out.println("Events: SourceRecordLinkedEvent, " + settings.eventsPerProfile() + " per CustomerProfile, "
                + settings.profilesPerRound() + " profiles interleaved; " + settings.batchSize()
                + " events per append transaction");
        out.println("Warm-up: the first " + grouped(settings.warmupEvents()) + " events are appended and read "
                + settings.warmupReads() + " times before anything counts (the first segment starts after them)");
        out.println();
        TextTable append = new TextTable("Append throughput (events/s), windows of " + grouped(settings.windowSize())
                + " events", "store size", "last window", "last window ev/s",
                "median of last " + Checkpoint.RECENT_WINDOWS, "segment mean", "slowest window", "fastest window");
        TextTable read = new TextTable("Tracking read: readEvents(token, mayBlock=false), fetch batch "
                + settings.readBatchSize() + ", payload and metadata deserialized", "store size", "from start: events",
                "1st read s", "1st read ev/s", "2nd read ev/s", "newest " + grouped(settings.headEvents()) + ": ev/s",
                "ms per newest read");
        TextTable disk = new TextTable("Event table on disk (pg_total_relation_size)", "store size", "total",
                "heap", "indexes", "toast", "bytes/event");
        for (Checkpoint c : checkpoints) {
            Window last = c.lastWindow();
            append.row(grouped(c.size()), grouped(last.endSize() - last.events() + 1) + "-" + grouped(last.endSize()),
                    decimal(last.rate()), decimal(c.recentWindowsRate()), decimal(c.segmentRate()),
                    decimal(c.slowestWindowRate()), decimal(c.fastestWindowRate()));
            ReadResult first = c.firstFullRead();
            ReadResult head = c.medianHeadRead();
            boolean cut = c.fullReads().stream().anyMatch(r -> !r.complete());
            read.row(grouped(c.size()), grouped(first.events()) + (cut ? " (cut)" : ""),
                    decimal(Numbers.millis(first.nanos()) / 1000), decimal(first.rate()),
                    decimal(c.lastFullRead().rate()), decimal(head.rate()), decimal(Numbers.millis(head.nanos())));
            disk.row(grouped(c.size()), mebibytes(c.tableSize().total()), mebibytes(c.tableSize().heap()),
                    mebibytes(c.tableSize().indexes()), mebibytes(c.tableSize().toast()),
                    grouped(c.tableSize().total() / c.size()));
        }
        append.print(out);
        alongTheWay().print(out);
        read.print(out);
        disk.print(out);
        if (checkpoints.size() < targets.size()) {
            out.println("Stopped at the time limit: " + (targets.size() - checkpoints.size())
                    + " store size(s) not reached.");
        }
    }

    /** The median window rate per tenth of the run, to show whether appends slow down as the store grows. */
    private TextTable alongTheWay() {
        List<Window> windows = checkpoints.stream().flatMap(c -> c.segment().stream()).toList();
        long last = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).endSize();
        long bucket = Math.max(settings.windowSize(), last / 10);
        TextTable table = new TextTable("Append throughput along the way (median window per "
                + grouped(bucket) + " events; the warm-up excluded)", "store size", "windows", "median ev/s");
        for (long end = bucket; end - bucket < last; end += bucket) {
            long lower = end - bucket;
            long upper = end;
            List<Double> rates = windows.stream().filter(w -> w.endSize() > lower && w.endSize() <= upper)
                    .map(Window::rate).sorted().toList();
            if (!rates.isEmpty()) {
                table.row(grouped(Math.min(upper, last)), rates.size(), decimal(rates.get(rates.size() / 2)));
            }
        }
        return table;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "event-store");
        json.put("machine", machine.toJson());
        json.put("loadAverageBefore", loadBefore);
        json.put("loadAverageAfter", loadAfter);
        json.put("postgres", postgres);
        json.put("settings", settings);
        json.put("targets", targets);
        json.put("completed", checkpoints.size() == targets.size());
        json.put("checkpoints", checkpoints.stream().map(EventStoreReport::checkpointJson).toList());
        return json;
    }

    private static Map<String, Object> checkpointJson(Checkpoint c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("storeSize", c.size());
        json.put("lastWindowEventsPerSecond", c.lastWindow().rate());
        json.put("medianOfRecentWindowsEventsPerSecond", c.recentWindowsRate());
        json.put("segmentEventsPerSecond", c.segmentRate());
        json.put("appendWindows", c.segment().stream().map(w -> Map.of("endSize", w.endSize(), "events", w.events(),
                "nanos", w.nanos(), "eventsPerSecond", w.rate())).toList());
        json.put("fullReads", c.fullReads().stream().map(EventStoreReport::readJson).toList());
        json.put("headReads", c.headReads().stream().map(EventStoreReport::readJson).toList());
        json.put("tableBytes", Map.of("total", c.tableSize().total(), "heap", c.tableSize().heap(),
                "indexes", c.tableSize().indexes(), "toast", c.tableSize().toast()));
        return json;
    }

    private static Map<String, Object> readJson(ReadResult read) {
        return Map.of("events", read.events(), "nanos", read.nanos(), "complete", read.complete(),
                "eventsPerSecond", read.rate());
    }

    /** The knobs of one run, echoed in every report. */
    record Settings(int batchSize, int windowSize, int eventsPerProfile, int profilesPerRound, int readBatchSize,
                    int headEvents, int fullReads, int headReads, long warmupEvents, int warmupReads) {
    }
}
