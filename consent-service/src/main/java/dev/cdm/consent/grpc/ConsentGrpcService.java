package dev.cdm.consent.grpc;

import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.consent.api.RecordSaleOptOutCommand;
import dev.cdm.consent.api.SubjectLedger;
import dev.cdm.consent.audit.AccessAuditRepository;
import dev.cdm.consent.audit.AccessAuditTrail;
import dev.cdm.consent.audit.AuditedSubject;
import dev.cdm.kernel.events.RecordsReadEvent.AuditedRecord;
import dev.cdm.proto.v1.RecordAccessRequest;
import dev.cdm.proto.v1.RecordAccessResponse;
import dev.cdm.consent.command.FollowingMerges;
import dev.cdm.consent.policy.CurrentLedgers;
import dev.cdm.consent.policy.PurposePolicy;
import dev.cdm.consent.policy.ReadDecisions;
import dev.cdm.consent.query.ConsentHistory;
import dev.cdm.kernel.axon.CommandSender;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.CheckPurposeResponse;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.DecideReadsResponse;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.GetConsentsResponse;
import dev.cdm.proto.v1.ListAccessAuditRequest;
import dev.cdm.proto.v1.ListAccessAuditResponse;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.proto.v1.SetConsentResponse;
import dev.cdm.proto.v1.SetSaleOptOutRequest;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Consent over gRPC. Decisions are commands on the subject's history; what is in force now is read from the cached
 * ledgers (evicted on every consent event, and here at once after a change), what was in force at an earlier time
 * is folded from the history.
 */
@GrpcService
@Blocking
public class ConsentGrpcService extends ConsentServiceGrpc.ConsentServiceImplBase {

    @Inject
    CommandSender commands;

    @Inject
    CurrentLedgers ledgers;

    @Inject
    ConsentHistory history;

    @Inject
    ReadDecisions readDecisions;

    @Inject
    AccessAuditTrail audit;

    @Inject
    AccessAuditRepository auditEntries;

    @Inject
    AuditedSubjects auditedSubjects;

    @Inject
    Clock clock;

    @Override
    public void setConsent(SetConsentRequest request, StreamObserver<SetConsentResponse> response) {
        Instant recordedAt = ConsentGrpcMapper.toMillis(clock.instant());
        RecordConsentCommand command = ConsentGrpcMapper.toCommand(request, recordedAt);
        response.onNext(record(command.subjectId(), subject -> new RecordConsentCommand(subject, command.purpose(),
                command.channel(), command.status(), command.legalBasis(), command.proof(), command.expiresAt(),
                command.recordedAt())));
        response.onCompleted();
    }

    @Override
    public void setSaleOptOut(SetSaleOptOutRequest request, StreamObserver<SetConsentResponse> response) {
        FieldViolations violations = new FieldViolations();
        String subjectId = RequestFields.subjectId(request.getSubjectId(), violations);
        String source = violations.requiredText("source", request.getSource(), RequestFields.MAX_PROOF_TEXT);
        violations.throwIfAny();
        Instant recordedAt = ConsentGrpcMapper.toMillis(clock.instant());
        response.onNext(record(subjectId,
                subject -> new RecordSaleOptOutCommand(subject, request.getOptedOut(), source, recordedAt)));
        response.onCompleted();
    }

    @Override
    public void getConsents(GetConsentsRequest request, StreamObserver<GetConsentsResponse> response) {
        FieldViolations violations = new FieldViolations();
        String subjectId = RequestFields.subjectId(request.getSubjectId(), violations);
        Instant asOf = request.hasAsOf() ? RequestFields.instant(request.getAsOf(), "as_of", violations) : null;
        violations.throwIfAny();
        SubjectLedger ledger = asOf == null ? ledgers.governing(subjectId) : history.ledgerOf(subjectId, asOf);
        GetConsentsResponse consents = ConsentGrpcMapper.toProto(subjectId, ledger);
        audit.recordConsentsRead(subjectId, consents.getGoverningSubjectId(), asOf);
        response.onNext(consents);
        response.onCompleted();
    }

    @Override
    public void checkPurpose(CheckPurposeRequest request, StreamObserver<CheckPurposeResponse> response) {
        FieldViolations violations = new FieldViolations();
        String subjectId = RequestFields.subjectId(request.getSubjectId(), violations);
        Purpose purpose = ConsentGrpcMapper.purpose(request.getPurpose(), violations);
        String channel = RequestFields.channel(request.getChannel(), violations);
        violations.throwIfAny();
        SubjectLedger ledger = ledgers.governing(subjectId);
        CheckPurposeResponse decision = ConsentGrpcMapper.toProto(
                PurposePolicy.decide(ledger, purpose, channel, clock.instant()));
        audit.recordConsentCheck(subjectId, decision.getGoverningSubjectId(), purpose.name(), channel);
        response.onNext(decision);
        response.onCompleted();
    }

    @Override
    public void decideReads(DecideReadsRequest request, StreamObserver<DecideReadsResponse> response) {
        FieldViolations violations = new FieldViolations();
        ReadPurpose purpose = ReadPolicy.requiredPurpose(request.getPurpose(), violations);
        List<String> subjectIds = RequestFields.subjectIds(request.getSubjectIdsList(), violations);
        Set<String> roles = RequestFields.roles(request.getCallerRolesList(), violations);
        Set<String> answeredFields = RequestFields.personFields(request, violations);
        violations.throwIfAny();
        List<ReadDecisions.Governed> decisions = subjectIds.stream()
                .map(subjectId -> readDecisions.decide(subjectId, purpose, roles)).toList();
        audit.recordReads(decisions, purpose, roles, answeredFields);
        DecideReadsResponse.Builder result = DecideReadsResponse.newBuilder()
                .setPolicyVersion(readDecisions.policyVersion());
        decisions.forEach(decision -> result.addDecisions(ConsentGrpcMapper.toProto(decision)));
        response.onNext(result.build());
        response.onCompleted();
    }

    @Override
    public void recordAccess(RecordAccessRequest request, StreamObserver<RecordAccessResponse> response) {
        FieldViolations violations = new FieldViolations();
        String data = RequestFields.accessedData(request, violations);
        List<AuditedRecord> records = RequestFields.accessedRecords(request.getRecordsList(), violations);
        List<String> fields = RequestFields.fieldNames(request.getFieldsList(), violations);
        violations.throwIfAny();
        audit.recordRecordsRead(data, records, fields);
        response.onNext(RecordAccessResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void listAccessAudit(ListAccessAuditRequest request, StreamObserver<ListAccessAuditResponse> response) {
        FieldViolations violations = new FieldViolations();
        String subjectId = RequestFields.subjectId(request.getSubjectId(), violations);
        int limit = request.getLimit() == 0 ? 100 : request.getLimit();
        if (limit < 0 || limit > AccessAuditRepository.MAX_LISTED) {
            violations.add("limit", "must be 1 to " + AccessAuditRepository.MAX_LISTED + " (0: 100)");
        }
        violations.throwIfAny();
        AuditedSubject subject = auditedSubjects.of(subjectId);
        ListAccessAuditResponse.Builder result = ListAccessAuditResponse.newBuilder();
        auditEntries.of(subject, limit).forEach(entry -> result.addEntries(ConsentGrpcMapper.toAudit(entry, subject)));
        if (subject.unresolvedReason() != null) {
            result.setIncompleteReason(subject.unresolvedReason());
        }
        response.onNext(result.build());
        response.onCompleted();
    }

    /** Records the subject's decision where their decisions are kept, and drops that ledger from the cache. */
    private SetConsentResponse record(String subjectId, Function<String, Object> commandFor) {
        FollowingMerges.Sent<Object> sent;
        try {
            sent = FollowingMerges.send(subjectId, commandFor, commands::send);
        } catch (RuntimeException e) {
            throw ConsentGrpcMapper.toGrpcError(e);
        }
        ledgers.evict(sent.subjectId());
        return SetConsentResponse.newBuilder()
                .setSubjectId(subjectId)
                .setChanged(Boolean.TRUE.equals(sent.result()))
                .setGoverningSubjectId(sent.subjectId())
                .build();
    }
}
