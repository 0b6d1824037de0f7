package dev.cdm.consent.audit;

import dev.cdm.kernel.events.SourceRecordKey;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A subject as the audit trail finds them: by their profile id, and, while their profile exists, by the records it
 * holds and the keyed HMACs of their emails and phones, under which listings of rejected records and exports of every
 * link are audited. {@code unresolvedReason} says why the subject could be found by id alone although they may have
 * a profile (profile-service did not answer): the trail then lacks the reads of their records.
 */
public record AuditedSubject(String subjectId, boolean hasProfile, Set<String> recordRefs, Set<String> identifierKeys,
                             String unresolvedReason) {

    public AuditedSubject {
        recordRefs = Set.copyOf(recordRefs);
        identifierKeys = Set.copyOf(identifierKeys);
    }

    /** A subject with no profile (never known, or erased): found by their id alone. */
    public static AuditedSubject withoutProfile(String subjectId) {
        return new AuditedSubject(subjectId, false, Set.of(), Set.of(), null);
    }

    /** A subject whose profile could not be read: found by their id alone, for {@code reason}. */
    public static AuditedSubject unresolved(String subjectId, String reason) {
        return new AuditedSubject(subjectId, false, Set.of(), Set.of(), reason);
    }

    public static AuditedSubject withProfile(String subjectId, Collection<SourceRecordKey> records,
                                             Collection<String> identifierKeys) {
        return new AuditedSubject(subjectId, true, Set.copyOf(records.stream().map(AuditedSubject::ref).toList()),
                Set.copyOf(identifierKeys), null);
    }

    /** How a record is named in the trail's documents. */
    static String ref(SourceRecordKey key) {
        return key.source() + '\u001f' + key.sourceRecordId();
    }

    public boolean holds(SourceRecordKey key) {
        return recordRefs.contains(ref(key));
    }

    List<String> refsList() {
        return List.copyOf(recordRefs);
    }
}
