package dev.cdm.consent.api;

import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import dev.cdm.kernel.events.Regulation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A data-subject request as compliance officers follow it: ids, times and, for an erasure, the acknowledgements so
 * far by service. Null times are steps not reached yet. An export keeps the SHA-256 of what was handed over in
 * {@code evidenceSha256} and its size in {@code contentBytes}; {@code completedAt} is when it was.
 */
public record DataSubjectRequestView(String requestId, String profileId, List<String> mergedProfileIds,
                                     int recordCount, String requestedBy, Instant requestedAt, Instant dueAt,
                                     List<String> destroyedKeyIds, Instant keysDestroyedAt,
                                     Map<String, Acknowledgement> acknowledgements, Instant completedAt,
                                     String evidenceSha256, Type type, Regulation regulation,
                                     Instant restrictedAt, Instant liftedAt, String liftedBy, long contentBytes,
                                     List<String> correctedFields) {

    public DataSubjectRequestView {
        mergedProfileIds = List.copyOf(mergedProfileIds);
        destroyedKeyIds = destroyedKeyIds == null ? List.of() : List.copyOf(destroyedKeyIds);
        acknowledgements = acknowledgements == null ? Map.of() : new TreeMap<>(acknowledgements);
        type = type == null ? Type.ERASURE : type;
        regulation = regulation == null ? Regulation.GDPR : regulation;
        correctedFields = correctedFields == null ? List.of() : List.copyOf(correctedFields);
    }

    public enum Type { ERASURE, RESTRICTION, EXPORT, RECTIFICATION }

    public enum Status { REQUESTED, KEYS_DESTROYED, COMPLETED, IN_FORCE, LIFTED }

    /** A new erasure whose keys were just destroyed. */
    public static DataSubjectRequestView erasure(String requestId, String profileId, List<String> mergedProfileIds,
                                                 int recordCount, String requestedBy, Regulation regulation,
                                                 Instant requestedAt, Instant dueAt, List<String> destroyedKeyIds,
                                                 Instant keysDestroyedAt) {
        return new DataSubjectRequestView(requestId, profileId, mergedProfileIds, recordCount, requestedBy,
                requestedAt, dueAt, destroyedKeyIds, keysDestroyedAt, Map.of(), null, null, Type.ERASURE,
                regulation, null, null, null, 0, List.of());
    }

    /** A new restriction, in force from {@code restrictedAt}. */
    public static DataSubjectRequestView restriction(String requestId, String profileId,
                                                     List<String> mergedProfileIds, String requestedBy,
                                                     Regulation regulation, Instant requestedAt, Instant dueAt,
                                                     Instant restrictedAt) {
        return new DataSubjectRequestView(requestId, profileId, mergedProfileIds, 0, requestedBy, requestedAt,
                dueAt, List.of(), null, Map.of(), null, null, Type.RESTRICTION, regulation, restrictedAt, null,
                null, 0, List.of());
    }

    /** A new export, handed over at {@code exportedAt}. */
    public static DataSubjectRequestView export(String requestId, String profileId, List<String> mergedProfileIds,
                                                int recordCount, String requestedBy, Regulation regulation,
                                                Instant requestedAt, Instant dueAt, Instant exportedAt,
                                                String contentSha256, long contentBytes) {
        return new DataSubjectRequestView(requestId, profileId, mergedProfileIds, recordCount, requestedBy,
                requestedAt, dueAt, List.of(), null, Map.of(), exportedAt, contentSha256, Type.EXPORT, regulation,
                null, null, null, contentBytes, List.of());
    }

    /** A new rectification, applied by profile-service at {@code rectifiedAt}. */
    public static DataSubjectRequestView rectification(String requestId, String profileId,
                                                       List<String> mergedProfileIds, String requestedBy,
                                                       Regulation regulation, Instant requestedAt, Instant dueAt,
                                                       List<String> correctedFields, Instant rectifiedAt) {
        return new DataSubjectRequestView(requestId, profileId, mergedProfileIds, 0, requestedBy, requestedAt,
                dueAt, List.of(), null, Map.of(), rectifiedAt, null, Type.RECTIFICATION, regulation, null, null,
                null, 0, correctedFields);
    }

    /** This restriction, lifted. */
    public DataSubjectRequestView lifted(String by, Instant at) {
        return new DataSubjectRequestView(requestId, profileId, mergedProfileIds, recordCount, requestedBy,
                requestedAt, dueAt, destroyedKeyIds, keysDestroyedAt, acknowledgements, completedAt, evidenceSha256,
                type, regulation, restrictedAt, at, by, contentBytes, correctedFields);
    }

    public Status status() {
        return switch (type) {
            case ERASURE -> completedAt != null ? Status.COMPLETED
                    : keysDestroyedAt != null ? Status.KEYS_DESTROYED : Status.REQUESTED;
            case RESTRICTION -> liftedAt != null ? Status.LIFTED
                    : restrictedAt != null ? Status.IN_FORCE : Status.REQUESTED;
            case EXPORT, RECTIFICATION -> completedAt != null ? Status.COMPLETED : Status.REQUESTED;
        };
    }

    /** When the request was answered: the erasure completed, the restriction put in force, the export handed over. */
    public Instant fulfilledAt() {
        return type == Type.RESTRICTION ? restrictedAt : completedAt;
    }

    /** Past its legal deadline at {@code now} without being answered. */
    public boolean overdue(Instant now) {
        return fulfilledAt() == null && dueAt != null && now.isAfter(dueAt);
    }

    public List<String> profileIds() {
        return Stream.concat(Stream.of(profileId), mergedProfileIds.stream()).toList();
    }

    /** The participants that have not acknowledged yet. */
    public List<String> pendingServices(Collection<String> participants) {
        return participants.stream().filter(service -> !acknowledgements.containsKey(service)).sorted().toList();
    }

    /** Every step so far, in time order: who did what, when. Ids, counts and hashes only. */
    public List<AuditStep> trail() {
        List<AuditStep> steps = new ArrayList<>();
        steps.add(new AuditStep(requestedAt, "requested", requestedBy, type.name().toLowerCase() + " under "
                + regulation + " of profile " + String.join(", ", profileIds())
                + (type == Type.RESTRICTION || type == Type.RECTIFICATION ? "" : ", " + recordCount + " records")
                + (correctedFields.isEmpty() ? "" : ", correcting " + String.join(", ", correctedFields))
                + "; due " + dueAt));
        if (keysDestroyedAt != null) {
            steps.add(new AuditStep(keysDestroyedAt, "keys-destroyed", "consent-service",
                    destroyedKeyIds.size() + " data keys"));
        }
        acknowledgements.forEach((service, ack) -> steps.add(new AuditStep(ack.acknowledgedAt(), "acknowledged",
                service, ack.purged().isEmpty() ? "nothing to purge" : ack.purged().stream()
                        .map(store -> store.store() + "=" + store.removed()).collect(Collectors.joining(", ")))));
        if (restrictedAt != null) {
            steps.add(new AuditStep(restrictedAt, "restricted", "consent-service", "processing restricted"));
        }
        if (liftedAt != null) {
            steps.add(new AuditStep(liftedAt, "lifted", liftedBy, "restriction lifted"));
        }
        if (completedAt != null) {
            steps.add(switch (type) {
                case EXPORT -> new AuditStep(completedAt, "exported", requestedBy, contentBytes + " bytes, sha256 "
                        + evidenceSha256);
                case RECTIFICATION -> new AuditStep(completedAt, "rectified", "profile-service", "record "
                        + "rectification/" + requestId + " supersedes the sources' " + String.join(", ",
                        correctedFields));
                default -> new AuditStep(completedAt, "completed", "consent-service", "evidence sha256 "
                        + evidenceSha256);
            });
        }
        steps.sort(Comparator.comparing(AuditStep::at));
        return steps;
    }

    /** One service's acknowledgement: what it purged and when. */
    public record Acknowledgement(List<PurgedStore> purged, Instant acknowledgedAt) {

        public Acknowledgement {
            purged = List.copyOf(purged);
        }
    }

    /** One step of a request's audit trail. */
    public record AuditStep(Instant at, String step, String actor, String detail) {
    }
}
