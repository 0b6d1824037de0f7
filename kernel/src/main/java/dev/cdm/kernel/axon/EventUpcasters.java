package dev.cdm.kernel.axon;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Every upcaster of the stored events, oldest revision first. {@link AxonPlatform} registers them in each
 * service's event store, so that every reader (aggregates, projections, history) sees only current revisions.
 * See {@code docs/events.md} for how to add the next one.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new SourceRecordLinkedUpcaster());
    }
}
