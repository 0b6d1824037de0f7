package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** One service purged an erasure's profiles and records from every store it keeps, and says what it removed. */
@EventType("cdm.dsr.ErasureAcknowledged")
@Revision("1")
public record ErasureAcknowledgedEvent(String requestId, String service, List<PurgedStore> purged,
                                       Instant acknowledgedAt) {

    public ErasureAcknowledgedEvent {
        purged = List.copyOf(purged);
    }

    /** A store of the service ({@code database.collection} or a table) and how many documents left it. */
    public record PurgedStore(String store, long removed) {
    }
}
