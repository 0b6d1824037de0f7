package dev.cdm.consent.grpc;

import dev.cdm.consent.audit.AccessAuditRepository;
import dev.cdm.consent.audit.AuditedSubject;
import dev.cdm.consent.grpc.ProfileDirectory.ResolvedSubject;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds what the audit trail knows a subject by: their profile's records and identifier keys, as profile-service
 * resolves the profile (a read for compliance, itself audited), but only when the trail holds such reads at all. A
 * subject without a profile is found by id alone; when profile-service cannot answer, so is the subject, and the
 * listing says that the reads of their records are left out.
 */
@ApplicationScoped
class AuditedSubjects {

    @Inject
    ProfileDirectory profiles;

    @Inject
    SuppressionKeys identifierKeys;

    @Inject
    AccessAuditRepository trail;

    AuditedSubject of(String subjectId) {
        if (!trail.holdsRecordReads()) {
            return AuditedSubject.withoutProfile(subjectId);
        }
        ResolvedSubject resolved;
        try {
            resolved = profiles.resolve(SubjectRef.newBuilder().setProfileId(subjectId).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return AuditedSubject.withoutProfile(subjectId);
            }
            return AuditedSubject.unresolved(subjectId, "profile-service did not give the subject's profile ("
                    + e.getStatus().getCode() + "), so reads of their rejected records and exports of links are"
                    + " left out");
        }
        return AuditedSubject.withProfile(subjectId, resolved.records(), resolved.identifierKeys(identifierKeys));
    }
}
