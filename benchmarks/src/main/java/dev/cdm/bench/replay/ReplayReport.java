package dev.cdm.bench.replay;

import static dev.cdm.bench.report.Numbers.decimal;
import static dev.cdm.bench.report.Numbers.grouped;

import dev.cdm.bench.eventstore.Reader.ReadResult;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.TextTable;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The replay results as tables and as JSON. */
record ReplayReport(Machine machine, Settings settings, List<StoreResult> stores, String loadBefore,
                    String loadAfter) {

    void print(PrintStream out) {
        out.println();
        out.println("Replay: the profile-view projection (profile-service) through an Axon TrackingEventProcessor, "
                + "batch size " + settings.batchSize() + ", from an empty read model on the MongoDB stand-in");
        out.println("Machine: " + machine.describe());
        out.println("Load average (1/5/15 min): " + loadBefore + " before, " + loadAfter + " after");
        out.println("Events per profile: 1 ProfileCreated, " + settings.linked() + " SourceRecordLinked, "
                + settings.changed() + " SourceRecordChanged; " + settings.profilesPerRound()
                + " profiles interleaved; checked: profile count and " + settings.sample() + " sampled views");
        out.println();
        TextTable rates = new TextTable("Replay speed (until every segment reached the head)", "events", "profiles",
                "segments", "replay s", "events/s", "plain read s", "plain read ev/s", "warm-key read ev/s",
                "checked");
        TextTable where = new TextTable("Where the time goes (thread-seconds, summed over the segments' threads)",
                "events", "segments", "thread s", "deserialize", "in handlers", "MongoDB reads", "MongoDB writes",
                "handler CPU", "outside", "bulk writes", "key queries (page+single)", "key query s");
        for (StoreResult store : stores) {
            ReadResult read = store.readPass();
            for (ReplayRun.Result replay : store.replays()) {
                rates.row(grouped(store.events()), grouped(store.profiles()), replay.segments(),
                        seconds(replay.nanos()), decimal(replay.rate()) + (replay.complete() ? "" : " (cut)"),
                        seconds(read.nanos()), decimal(read.rate()), decimal(store.warmRead().rate()),
                        replay.complete() ? "ok" : "-");
                ReadModelTimes.Snapshot t = replay.times();
                long threadNanos = replay.nanos() * replay.segments();
                where.row(grouped(store.events()), replay.segments(), seconds(threadNanos),
                        share(t.deserializeNanos(), threadNanos), share(t.handlerNanos(), threadNanos),
                        share(t.readNanos(), threadNanos), share(t.writeNanos(), threadNanos),
                        share(t.handlerCpuNanos(), threadNanos), share(replay.outsideHandlerNanos(), threadNanos),
                        grouped(t.writes()), grouped(t.keyQueries().pages()) + "+" + grouped(t.keyQueries().singles()),
                        seconds(t.keyQueries().nanos()));
            }
        }
        rates.print(out);
        where.print(out);
        out.println("plain read: one readEvents(null, mayBlock=false) pass on one thread, every payload and its "
                + "metadata deserialized, personal data opened with data keys fetched with each page of events "
                + "(cold cache); "
                + "warm-key read: the same pass again with every key cached");
        out.println("deserialize = the payload and metadata of each event handled (personal data opened with the "
                + "subject's data key, fetched from PostgreSQL on a cache miss)");
        out.println("key queries = the data-key queries of the replay's threads: a fetched page's keys together "
                + "(part of 'outside'), or one key on a cache miss (part of 'deserialize'); key query s = their time");
        out.println("in handlers = MongoDB reads (incl. decoding to views) + MongoDB writes (bulk) + handler CPU "
                + "(fold, lookup-key diff, document encoding); outside = the processor fetching event rows, storing "
                + "tokens, waiting");
    }

    /** "12.3 (45%)": seconds and their share of {@code total}. */
    static String share(long nanos, long total) {
        long percent = total <= 0 ? 0 : Math.round(100.0 * nanos / total);
        return seconds(nanos) + String.format(Locale.ROOT, " (%d%%)", percent);
    }

    static String seconds(long nanos) {
        return decimal(nanos / 1e9);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "replay");
        json.put("machine", machine.toJson());
        json.put("loadAverageBefore", loadBefore);
        json.put("loadAverageAfter", loadAfter);
        json.put("settings", settings);
        json.put("stores", stores.stream().map(ReplayReport::storeJson).toList());
        return json;
    }

    private static Map<String, Object> storeJson(StoreResult store) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", store.events());
        json.put("profiles", store.profiles());
        json.put("plainRead", Map.of("events", store.readPass().events(), "nanos", store.readPass().nanos(),
                "eventsPerSecond", store.readPass().rate()));
        json.put("warmKeyRead", Map.of("events", store.warmRead().events(), "nanos", store.warmRead().nanos(),
                "eventsPerSecond", store.warmRead().rate()));
        json.put("replays", store.replays().stream().map(r -> {
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("segments", r.segments());
            replay.put("nanos", r.nanos());
            replay.put("eventsPerSecond", r.rate());
            replay.put("complete", r.complete());
            replay.put("deserializeNanos", r.times().deserializeNanos());
            replay.put("handlerNanos", r.times().handlerNanos());
            replay.put("mongoReadNanos", r.times().readNanos());
            replay.put("mongoWriteNanos", r.times().writeNanos());
            replay.put("mongoReads", r.times().reads());
            replay.put("mongoWrites", r.times().writes());
            replay.put("outsideNanos", r.outsideHandlerNanos());
            replay.put("keyQueryNanos", r.times().keyQueries().nanos());
            replay.put("pageKeyQueries", r.times().keyQueries().pages());
            replay.put("singleKeyQueries", r.times().keyQueries().singles());
            return replay;
        }).toList());
        return json;
    }

    /** One store size: its plain read passes (cold and warm data keys) and a replay per segment count. */
    record StoreResult(long events, long profiles, ReadResult readPass, ReadResult warmRead,
                       List<ReplayRun.Result> replays) {
        StoreResult {
            replays = List.copyOf(replays);
        }
    }

    /** The knobs of one run, echoed in every report. */
    record Settings(int batchSize, int linked, int changed, int profilesPerRound, int appendBatch, int sample) {
    }
}
