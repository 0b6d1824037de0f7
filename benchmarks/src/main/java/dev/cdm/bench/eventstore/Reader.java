package dev.cdm.bench.eventstore;

import dev.cdm.bench.Deadline;
import dev.cdm.bench.report.Numbers;
import java.util.Collections;
import java.util.Iterator;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Reads the store the way a tracking event processor does: {@code readEvents(token, mayBlock=false)}, which
 * fetches batches by global index, and deserializes every payload and its metadata as a handler would.
 */
public final class Reader {

    private final EventStorageEngine engine;

    public Reader(EventStorageEngine engine) {
        this.engine = engine;
    }

    /** Everything from the first event on. */
    public ReadResult readAll(Deadline deadline) {
        return read(null, deadline);
    }

    /** The events after global index {@code afterIndex}, as a processor catching up near the head reads them. */
    ReadResult readAfter(long afterIndex, Deadline deadline) {
        return read(GapAwareTrackingToken.newInstance(afterIndex, Collections.emptySortedSet()), deadline);
    }

    private ReadResult read(TrackingToken from, Deadline deadline) {
        long start = System.nanoTime();
        long events = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (event.getPayload() == null || event.getMetaData() == null) {
                    throw new IllegalStateException("Event without payload at " + event.trackingToken());
                }
                events++;
                if (events % 1024 == 0 && deadline.passed()) {
                    return new ReadResult(events, System.nanoTime() - start, false);
                }
            }
        }
        return new ReadResult(events, System.nanoTime() - start, true);
    }

    /** {@code events} read in {@code nanos}; not {@code complete} when the deadline cut the read short. */
    public record ReadResult(long events, long nanos, boolean complete) {
        public double rate() {
            return Numbers.perSecond(events, nanos);
        }
    }
}
