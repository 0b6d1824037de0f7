package dev.cdm.kernel.erasure;

import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import java.util.List;

/**
 * One store of a service that may hold personal data outside the event store (a read model, a dead-letter store,
 * snapshots): it removes what it holds of an erasure's profiles and records. Must be idempotent: an erasure is
 * purged again when the service replays its history.
 */
public interface PersonalDataPurge {

    List<PurgedStore> purge(DataKeysDestroyedEvent erasure);
}
