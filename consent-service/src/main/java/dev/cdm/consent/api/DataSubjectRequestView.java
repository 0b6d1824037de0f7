package dev.cdm.consent.api;

import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An erasure request as compliance officers follow it: ids, times and the acknowledgements so far, by service.
 * Null times are steps not reached yet.
 */
public record DataSubjectRequestView(String requestId, String profileId, List<String> mergedProfileIds,
                                     int recordCount, String requestedBy, Instant requestedAt, Instant dueAt,
                                     List<String> destroyedKeyIds, Instant keysDestroyedAt,
                                     Map<String, Acknowledgement> acknowledgements, Instant completedAt,
                                     String evidenceSha256) {

    public DataSubjectRequestView {
        mergedProfileIds = List.copyOf(mergedProfileIds);
        destroyedKeyIds = destroyedKeyIds == null ? List.of() : List.copyOf(destroyedKeyIds);
        acknowledgements = acknowledgements == null ? Map.of() : new TreeMap<>(acknowledgements);
    }

    public enum Status { REQUESTED, KEYS_DESTROYED, COMPLETED }

    public Status status() {
        if (completedAt != null) {
            return Status.COMPLETED;
        }
        return keysDestroyedAt != null ? Status.KEYS_DESTROYED : Status.REQUESTED;
    }

    public List<String> profileIds() {
        return Stream.concat(Stream.of(profileId), mergedProfileIds.stream()).toList();
    }

    /** The participants that have not acknowledged yet. */
    public List<String> pendingServices(Collection<String> participants) {
        return participants.stream().filter(service -> !acknowledgements.containsKey(service)).sorted().toList();
    }

    /** One service's acknowledgement: what it purged and when. */
    public record Acknowledgement(List<PurgedStore> purged, Instant acknowledgedAt) {

        public Acknowledgement {
            purged = List.copyOf(purged);
        }
    }
}
