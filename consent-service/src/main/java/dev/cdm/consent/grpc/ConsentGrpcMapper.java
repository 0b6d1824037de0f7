package dev.cdm.consent.grpc;

import com.google.protobuf.Timestamp;
import dev.cdm.consent.api.ConsentStateException;
import dev.cdm.consent.api.InvalidConsentException;
import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.consent.api.SubjectLedger;
import dev.cdm.consent.audit.AuditedSubject;
import dev.cdm.consent.policy.PurposeVerdict;
import dev.cdm.consent.policy.ReadDecisions;
import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.proto.v1.AccessAuditEntry;
import dev.cdm.proto.v1.CheckPurposeResponse;
import dev.cdm.proto.v1.Consent;
import dev.cdm.proto.v1.GetConsentsResponse;
import dev.cdm.proto.v1.PurposeDecisionReason;
import dev.cdm.proto.v1.ReadDecision;
import dev.cdm.proto.v1.ReadRefusal;
import dev.cdm.proto.v1.SetConsentRequest;
import io.grpc.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Validates consent requests and turns them into commands, and turns views and domain errors into their proto
 * forms. Enums map by name: proto {@code PURPOSE_ANALYTICS} is {@link Purpose#ANALYTICS}. Timestamps are kept to
 * the millisecond, the precision of the read model.
 */
final class ConsentGrpcMapper {

    static final String REQUIRED = "is required";

    private ConsentGrpcMapper() {
    }

    /** The command of a valid request; {@code INVALID_ARGUMENT} listing every bad field otherwise. */
    static RecordConsentCommand toCommand(SetConsentRequest request, Instant recordedAt) {
        FieldViolations violations = new FieldViolations();
        String subjectId = RequestFields.subjectId(request.getSubjectId(), violations);
        Purpose purpose = purpose(request.getPurpose(), violations);
        String channel = RequestFields.channel(request.getChannel(), violations);
        ConsentStatus status = required(request.getStatus(), "CONSENT_STATUS_", ConsentStatus.class, "status",
                violations);
        LegalBasis basis = toDomain(request.getLegalBasis(), "LEGAL_BASIS_", LegalBasis.class);
        if (basis == null && request.getLegalBasisValue() != 0) {
            violations.add("legal_basis", "is not a known legal basis");
        }
        ConsentProof proof = request.hasProof() ? RequestFields.proof(request.getProof(), violations) : null;
        Instant expiresAt = request.hasExpiresAt()
                ? RequestFields.instant(request.getExpiresAt(), "expires_at", violations) : null;
        violations.throwIfAny();
        return new RecordConsentCommand(subjectId, purpose, channel, status, basis, proof, expiresAt, recordedAt);
    }

    /** The gRPC error for a rejected decision: input rules are field violations, state rules preconditions. */
    static RuntimeException toGrpcError(RuntimeException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidConsentException invalid) {
                FieldViolations violations = new FieldViolations();
                invalid.violations().forEach((field, problem) -> violations.add(protoFieldName(field), problem));
                return violations.toException();
            }
            if (t instanceof ConsentStateException state) {
                return Status.FAILED_PRECONDITION.withDescription(state.getMessage()).asRuntimeException();
            }
        }
        return error;
    }

    static Purpose purpose(dev.cdm.proto.v1.Purpose purpose, FieldViolations violations) {
        return required(purpose, "PURPOSE_", Purpose.class, "purpose", violations);
    }

    static GetConsentsResponse toProto(String subjectId, SubjectLedger governing) {
        GetConsentsResponse.Builder response = GetConsentsResponse.newBuilder()
                .setSubjectId(subjectId)
                .setGoverningSubjectId(governing.subjectId());
        governing.ledger().decisions().forEach(consent -> response.addConsents(toProto(consent)));
        governing.ledger().saleOptOut().ifPresent(optOut -> response.setSaleOptOut(
                dev.cdm.proto.v1.SaleOptOut.newBuilder()
                        .setOptedOut(optOut.optedOut())
                        .setSource(optOut.source())
                        .setRecordedAt(timestamp(optOut.recordedAt()))));
        return response.build();
    }

    static CheckPurposeResponse toProto(PurposeVerdict verdict) {
        CheckPurposeResponse.Builder response = CheckPurposeResponse.newBuilder()
                .setAllowed(verdict.allowed())
                .setReason(toProto(verdict.reason(), "PURPOSE_DECISION_REASON_", PurposeDecisionReason.class))
                .setGoverningSubjectId(verdict.governingSubjectId());
        if (verdict.decision() != null) {
            response.setDecision(toProto(verdict.decision()));
        }
        return response.build();
    }

    static ReadDecision toProto(ReadDecisions.Governed governed) {
        ReadPolicy.Decision decision = governed.decision();
        ReadDecision.Builder proto = ReadDecision.newBuilder()
                .setSubjectId(governed.subjectId())
                .setAllowed(decision.allowed())
                .addAllWithheldFields(decision.withheldFields())
                .setGoverningSubjectId(governed.governingSubjectId())
                .setExplanation(decision.explanation());
        if (decision.refusal() != null) {
            proto.setRefusal(toProto(decision.refusal(), "READ_REFUSAL_", ReadRefusal.class));
        }
        return proto.build();
    }

    /** An entry of {@code subject}'s trail; a listing of rejects names only the subject's records among those read. */
    static AccessAuditEntry toAudit(org.bson.Document entry, AuditedSubject subject) {
        AccessAuditEntry.Builder proto = AccessAuditEntry.newBuilder()
                .setAt(timestamp(entry.getDate("at").toInstant()))
                .setKind(entry.getString("kind"))
                .setSubjectId(subject.subjectId())
                .setCaller(entry.getString("caller"))
                .setVia(entry.getString("via"))
                .setAllowed(entry.getBoolean("allowed"))
                .addAllFieldsInClear(entry.getList("fields_in_clear", String.class))
                .addAllFieldsMasked(entry.getList("fields_masked", String.class))
                .addAllFieldsWithheld(entry.getList("fields_withheld", String.class));
        if (entry.getString("refusal") != null) {
            proto.setRefusal(ReadRefusal.valueOf("READ_REFUSAL_" + entry.getString("refusal")));
        }
        if (entry.getString("policy_version") != null) {
            proto.setPolicyVersion(entry.getString("policy_version"));
        }
        if (entry.getString("purpose") != null) {
            proto.setPurpose(ReadPolicy.purposeNamed(entry.getString("purpose")));
        }
        for (org.bson.Document record : entry.getList("records", org.bson.Document.class, List.of())) {
            SourceRecordKey key = new SourceRecordKey(record.getString("source"), record.getString("source_record_id"));
            if (subject.holds(key)) {
                proto.addRecords(dev.cdm.proto.v1.SourceRecordKey.newBuilder().setSource(key.source())
                        .setSourceRecordId(key.sourceRecordId()));
            }
        }
        return proto.build();
    }

    static Consent toProto(ConsentDecision view) {
        Consent.Builder consent = Consent.newBuilder()
                .setPurpose(toProto(view.purpose(), "PURPOSE_", dev.cdm.proto.v1.Purpose.class))
                .setChannel(view.channel())
                .setStatus(toProto(view.status(), "CONSENT_STATUS_", dev.cdm.proto.v1.ConsentStatus.class))
                .setLegalBasis(toProto(view.legalBasis(), "LEGAL_BASIS_", dev.cdm.proto.v1.LegalBasis.class))
                .setRecordedAt(timestamp(view.recordedAt()));
        if (view.proof() != null) {
            consent.setProof(RequestFields.toProto(view.proof()));
        }
        if (view.expiresAt() != null) {
            consent.setExpiresAt(timestamp(view.expiresAt()));
        }
        return consent.build();
    }

    /** The domain constant named like {@code value} without {@code prefix}; null for UNSPECIFIED or unknown. */
    static <E extends Enum<E>> E toDomain(Enum<?> value, String prefix, Class<E> type) {
        String name = value.name();
        if (!name.startsWith(prefix) || name.equals(prefix + "UNSPECIFIED")) {
            return null;
        }
        return Enum.valueOf(type, name.substring(prefix.length()));
    }

    static <P extends Enum<P>> P toProto(Enum<?> value, String prefix, Class<P> type) {
        return Enum.valueOf(type, prefix + value.name());
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Instant toMillis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static <E extends Enum<E>> E required(Enum<?> value, String prefix, Class<E> type, String field,
                                                  FieldViolations violations) {
        E domain = toDomain(value, prefix, type);
        if (domain == null) {
            violations.add(field, value.name().equals(prefix + "UNSPECIFIED") ? REQUIRED
                    : "is not a known " + field.replace('_', ' '));
        }
        return domain;
    }

    /** {@code proof.capturedAt} (a record component path) as the proto field path {@code proof.captured_at}. */
    private static String protoFieldName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
