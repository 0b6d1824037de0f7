package dev.cdm.consent.grpc;

import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.RecordKeysDestroyedCommand;
import dev.cdm.consent.api.RequestErasureCommand;
import dev.cdm.consent.grpc.ProfileDirectory.ResolvedSubject;
import dev.cdm.consent.query.DataSubjectRequestRepository;
import dev.cdm.kernel.axon.CommandSender;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Data-subject requests over gRPC. An erasure is recorded, its keys destroyed at once (from then on nothing of the
 * subject can be read anywhere), and it completes when every service has purged its stores.
 */
@GrpcService
@Blocking
public class DataSubjectRequestGrpcService extends DataSubjectRequestsGrpc.DataSubjectRequestsImplBase {

    static final int MAX_IDENTIFIER = 320;
    static final int MAX_REQUESTED_BY = 200;
    /** "dsr-" and a UUID; a little room for ids of other request types. */
    static final int MAX_REQUEST_ID = 64;
    private static final Logger LOG = Logger.getLogger(DataSubjectRequestGrpcService.class);

    @Inject
    ProfileDirectory directory;

    @Inject
    DataSubjectRequestRepository requests;

    @Inject
    CommandSender commands;

    @Inject
    DataKeys keys;

    @Inject
    Clock clock;

    @ConfigProperty(name = "cdm.erasure.participants")
    List<String> participants;

    @ConfigProperty(name = "cdm.dsr.deadline")
    Period deadline;

    @Override
    public void requestErasure(RequestErasureRequest request, StreamObserver<DataSubjectRequest> response) {
        FieldViolations violations = new FieldViolations();
        SubjectRef subject = subject(request.getSubject(), violations);
        String requestedBy = violations.requiredText("requested_by", request.getRequestedBy(), MAX_REQUESTED_BY);
        violations.throwIfAny();
        ResolvedSubject resolved = directory.resolve(subject);
        DataSubjectRequestView existing = requests.openErasureOf(resolved.profileId()).orElse(null);
        if (existing != null) {
            if (existing.keysDestroyedAt() == null) {
                destroyKeys(existing.requestId(), resolved.records()); // an earlier attempt stopped half way
            }
            response.onNext(DataSubjectRequestGrpcMapper.toProto(existing, participants));
            response.onCompleted();
            return;
        }
        String requestId = "dsr-" + UUID.randomUUID();
        Instant now = clock.instant();
        Instant dueAt = now.atZone(ZoneOffset.UTC).plus(deadline).toInstant();
        commands.send(new RequestErasureCommand(requestId, resolved.profileId(), resolved.mergedProfileIds(),
                resolved.records(), requestedBy, now, dueAt));
        List<String> destroyed = destroyKeys(requestId, resolved.records());
        LOG.infof("Erasure %s of profile %s: %d records, %d data keys destroyed", requestId, resolved.profileId(),
                resolved.records().size(), destroyed.size());
        response.onNext(DataSubjectRequestGrpcMapper.toProto(new DataSubjectRequestView(requestId,
                resolved.profileId(), resolved.mergedProfileIds(), resolved.records().size(), requestedBy, now, dueAt,
                destroyed, clock.instant(), Map.of(), null, null), participants));
        response.onCompleted();
    }

    @Override
    public void getRequest(GetRequestRequest request, StreamObserver<DataSubjectRequest> response) {
        response.onNext(DataSubjectRequestGrpcMapper.toProto(find(request), participants));
        response.onCompleted();
    }

    @Override
    public void getErasureCertificate(GetRequestRequest request, StreamObserver<ErasureCertificate> response) {
        DataSubjectRequestView view = find(request);
        if (view.completedAt() == null) {
            throw Status.FAILED_PRECONDITION.withDescription("Erasure " + view.requestId()
                    + " is not complete yet; waiting for " + view.pendingServices(participants)).asRuntimeException();
        }
        response.onNext(DataSubjectRequestGrpcMapper.toCertificate(view));
        response.onCompleted();
    }

    private List<String> destroyKeys(String requestId, List<SourceRecordKey> records) {
        List<String> destroyed = keys.destroy(DataSubjects.ofRecords(records));
        commands.send(new RecordKeysDestroyedCommand(requestId, destroyed, clock.instant()));
        return destroyed;
    }

    private DataSubjectRequestView find(GetRequestRequest request) {
        FieldViolations violations = new FieldViolations();
        String requestId = violations.requiredText("request_id", request.getRequestId(), MAX_REQUEST_ID);
        violations.throwIfAny();
        return requests.find(requestId).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("No data-subject request " + requestId).asRuntimeException());
    }

    /** The subject with its identifier stripped; a violation when none is given or it is blank or too long. */
    private static SubjectRef subject(SubjectRef subject, FieldViolations violations) {
        return switch (subject.getIdCase()) {
            case PROFILE_ID -> SubjectRef.newBuilder().setProfileId(nonNull(
                    violations.requiredText("subject.profile_id", subject.getProfileId(), MAX_IDENTIFIER))).build();
            case EMAIL -> SubjectRef.newBuilder().setEmail(nonNull(
                    violations.requiredText("subject.email", subject.getEmail(), MAX_IDENTIFIER))).build();
            case PHONE -> SubjectRef.newBuilder().setPhone(nonNull(
                    violations.requiredText("subject.phone", subject.getPhone(), MAX_IDENTIFIER))).build();
            case ID_NOT_SET -> {
                violations.add("subject", "is required: a profile_id, email or phone");
                yield subject;
            }
        };
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
