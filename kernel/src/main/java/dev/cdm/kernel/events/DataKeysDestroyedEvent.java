package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The data keys of an erasure's records were destroyed: whatever those keys sealed, in every event and snapshot,
 * is unreadable from now on. Every service purges what its projections still hold of these profiles and records,
 * and of these identifiers, then acknowledges. {@code identifiers} is null in events stored before it existed.
 */
@EventType("cdm.dsr.DataKeysDestroyed")
@Revision("1")
public record DataKeysDestroyedEvent(String requestId, List<String> profileIds, List<SourceRecordKey> records,
                                     List<String> keyIds, ErasedIdentifiers identifiers, Instant destroyedAt) {

    public DataKeysDestroyedEvent {
        profileIds = List.copyOf(profileIds);
        records = List.copyOf(records);
        keyIds = List.copyOf(keyIds);
    }

    /** The keyed HMACs of the subject's emails and phones; empty once the erasure has completed. */
    public List<String> identifierKeys() {
        return identifiers == null ? List.of() : identifiers.keys();
    }
}
