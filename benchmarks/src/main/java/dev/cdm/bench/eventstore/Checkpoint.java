package dev.cdm.bench.eventstore;

import dev.cdm.bench.eventstore.Appender.Window;
import dev.cdm.bench.eventstore.EventStoreDatabase.TableSize;
import dev.cdm.bench.eventstore.Reader.ReadResult;
import dev.cdm.bench.report.Numbers;
import java.util.Comparator;
import java.util.List;

/**
 * What was measured when the store reached {@code size} events: the appends since the previous checkpoint
 * (the last window of them, and the whole segment), a full read from the start, repeated reads of the newest
 * events, and the table's size on disk.
 */
record Checkpoint(long size, List<Window> segment, List<ReadResult> fullReads, List<ReadResult> headReads,
                  TableSize tableSize) {

    static final int RECENT_WINDOWS = 5;

    Checkpoint {
        segment = List.copyOf(segment);
        fullReads = List.copyOf(fullReads);
        headReads = List.copyOf(headReads);
    }

    Window lastWindow() {
        return segment.get(segment.size() - 1);
    }

    long segmentEvents() {
        return segment.stream().mapToLong(Window::events).sum();
    }

    double segmentRate() {
        return Numbers.perSecond(segmentEvents(), segment.stream().mapToLong(Window::nanos).sum());
    }

    /** The median rate of the last {@value #RECENT_WINDOWS} windows: "the rate at this size", less noisy. */
    double recentWindowsRate() {
        List<Double> rates = segment.subList(Math.max(0, segment.size() - RECENT_WINDOWS), segment.size()).stream()
                .map(Window::rate).sorted().toList();
        return rates.get(rates.size() / 2);
    }

    double slowestWindowRate() {
        return segment.stream().mapToDouble(Window::rate).min().orElse(0);
    }

    double fastestWindowRate() {
        return segment.stream().mapToDouble(Window::rate).max().orElse(0);
    }

    /** The median read of the newest events (the first one may still warm caches). */
    ReadResult medianHeadRead() {
        List<ReadResult> byRate = headReads.stream().sorted(Comparator.comparingDouble(ReadResult::rate)).toList();
        return byRate.get(byRate.size() / 2);
    }

    /** The first read of everything after the appends, which also sets PostgreSQL's hint bits on new rows. */
    ReadResult firstFullRead() {
        return fullReads.get(0);
    }

    /** The last full read: the steady state, with the table as cached as it gets. */
    ReadResult lastFullRead() {
        return fullReads.get(fullReads.size() - 1);
    }
}
