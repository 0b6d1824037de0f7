package dev.cdm.kernel.axon;

import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store, which fetches the data keys of each page of events it reads in one query, before any of
 * them is deserialized: a tracking processor replaying the store (or an aggregate loading a long stream) would
 * otherwise fetch every data subject's key on its own when the event's personal data is opened.
 *
 * <p>Fetching ahead is only a hint to the key cache: what it misses is fetched on opening as before, and a
 * destroyed key is cached as absent exactly as opening would cache it.
 */
public final class DataKeyPrefetchingStorageEngine extends JdbcEventStorageEngine {

    private final StableTypeSerializer serializer;

    /** The engine {@code builder} describes, whose event serializer must be a {@link StableTypeSerializer}. */
    public DataKeyPrefetchingStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
        if (!(getEventSerializer() instanceof StableTypeSerializer stable)) {
            throw new IllegalArgumentException("Data keys are fetched ahead for a StableTypeSerializer only, not for "
                    + getEventSerializer());
        }
        this.serializer = stable;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        serializer.prefetchKeys(events);
        return events;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                  long firstSequenceNumber, int batchSize) {
        List<? extends DomainEventData<?>> events = super.fetchDomainEvents(aggregateIdentifier,
                firstSequenceNumber, batchSize);
        serializer.prefetchKeys(events);
        return events;
    }
}
