package dev.cdm.bench.eventstore;

import static dev.cdm.bench.report.Numbers.grouped;

import dev.cdm.bench.Deadline;
import dev.cdm.bench.eventstore.Reader.ReadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequence of one event-store run: a warm-up, then for each store size the appends up to it, a check that
 * they are all committed, two full reads from the start, repeated reads of the newest events, the table size.
 */
final class Measurement {

    private final Appender appender;
    private final Reader reader;
    private final EventStoreDatabase database;
    private final EventStoreReport.Settings settings;
    private final Deadline deadline;

    Measurement(Appender appender, Reader reader, EventStoreDatabase database, EventStoreReport.Settings settings,
                Deadline deadline) {
        this.appender = appender;
        this.reader = reader;
        this.database = database;
        this.settings = settings;
        this.deadline = deadline;
    }

    /** One checkpoint per size reached; fewer when the deadline stopped the run. */
    List<Checkpoint> run(List<Long> sizes) {
        warmUp();
        List<Checkpoint> checkpoints = new ArrayList<>();
        int windowsSoFar = appender.windows().size(); // the first segment starts after the warm-up
        for (long size : sizes) {
            if (!appender.appendUntil(size, deadline)) {
                EventStoreBenchmark.progress("time limit of " + deadline.limit().toMinutes() + " min reached at "
                        + grouped(appender.appended()) + " events; reporting what was measured");
                break;
            }
            List<Appender.Window> windows = appender.windows();
            List<Appender.Window> segment = windows.subList(windowsSoFar, windows.size());
            windowsSoFar = windows.size();
            requireCommitted(size);
            List<ReadResult> fullReads = new ArrayList<>();
            for (int i = 1; i <= settings.fullReads(); i++) {
                EventStoreBenchmark.progress("reading all " + grouped(size) + " events from the start (" + i + "/"
                        + settings.fullReads() + ")");
                fullReads.add(require(reader.readAll(deadline), size));
            }
            long head = Math.min(settings.headEvents(), size);
            long afterIndex = database.maxGlobalIndex() - head;
            List<ReadResult> headReads = new ArrayList<>();
            for (int i = 0; i < settings.headReads(); i++) {
                headReads.add(require(reader.readAfter(afterIndex, deadline), head));
            }
            checkpoints.add(new Checkpoint(size, segment, fullReads, headReads, database.size()));
        }
        return checkpoints;
    }

    /** Appends the first events and reads them a few times, so that the JIT has compiled both paths. */
    private void warmUp() {
        if (settings.warmupEvents() == 0) {
            return;
        }
        EventStoreBenchmark.progress("warming up: appending and reading the first "
                + grouped(settings.warmupEvents()) + " events");
        appender.appendUntil(settings.warmupEvents(), deadline);
        for (int i = 0; i < settings.warmupReads(); i++) {
            reader.readAll(deadline);
        }
    }

    private void requireCommitted(long expected) {
        long committed = database.count();
        if (committed != expected) {
            throw new IllegalStateException("Expected " + expected + " committed events, found " + committed);
        }
    }

    private static ReadResult require(ReadResult read, long expected) {
        if (read.complete() && read.events() != expected) {
            throw new IllegalStateException("Expected to read " + expected + " events, read " + read.events());
        }
        return read;
    }
}
