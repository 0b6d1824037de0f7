package dev.cdm.consent.grpc;

import dev.cdm.consent.api.ConsentLedger;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.LegalHold;
import dev.cdm.consent.api.LiftRestrictionCommand;
import dev.cdm.consent.api.PlaceLegalHoldCommand;
import dev.cdm.consent.api.RecordExportCommand;
import dev.cdm.consent.api.RecordKeysDestroyedCommand;
import dev.cdm.consent.api.RecordRectificationCommand;
import dev.cdm.consent.api.ReleaseLegalHoldCommand;
import dev.cdm.consent.api.RequestErasureCommand;
import dev.cdm.consent.api.RequestRestrictionCommand;
import dev.cdm.consent.api.RestrictProcessingCommand;
import dev.cdm.consent.api.SuppressIdentifiersCommand;
import dev.cdm.consent.command.FollowingMerges;
import dev.cdm.consent.grpc.ProfileDirectory.ResolvedSubject;
import dev.cdm.consent.policy.CurrentLedgers;
import dev.cdm.consent.query.DataSubjectRequestRepository;
import dev.cdm.kernel.axon.CommandSender;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.events.Regulation;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.LiftRestrictionRequest;
import dev.cdm.proto.v1.ListRequestsRequest;
import dev.cdm.proto.v1.ListRequestsResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.PlaceLegalHoldRequest;
import dev.cdm.proto.v1.RectifyProfileResponse;
import dev.cdm.proto.v1.ReleaseLegalHoldRequest;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.RequestExportRequest;
import dev.cdm.proto.v1.RequestRectificationRequest;
import dev.cdm.proto.v1.RequestRestrictionRequest;
import dev.cdm.proto.v1.SubjectDataExport;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Data-subject requests over gRPC. An erasure is recorded, its keys destroyed at once (from then on nothing of the
 * subject can be read anywhere), and it completes when every service has purged its stores. A restriction is put
 * in force on the subject's consent ledger at once and lasts until lifted. An export is built, handed over and
 * recorded by its hash. A rectification is applied by profile-service, then recorded by the names of its fields.
 */
@GrpcService
@Blocking
public class DataSubjectRequestGrpcService extends DataSubjectRequestsGrpc.DataSubjectRequestsImplBase {

    static final int MAX_IDENTIFIER = 320;
    static final int MAX_REQUESTED_BY = 200;
    /** "dsr-" and a UUID; a little room for ids of other request types. */
    static final int MAX_REQUEST_ID = 64;
    static final int DEFAULT_LIST_LIMIT = 100;
    static final int MAX_LIST_LIMIT = 1000;
    private static final Logger LOG = Logger.getLogger(DataSubjectRequestGrpcService.class);
    /** How long a duplicate erasure request waits for the one it raced to become visible. */
    private static final Duration DUPLICATE_WAIT = Duration.ofSeconds(10);

    @Inject
    ProfileDirectory directory;

    @Inject
    DataSubjectRequestRepository requests;

    @Inject
    CommandSender commands;

    @Inject
    DataKeys keys;

    @Inject
    SuppressionKeys suppressionKeys;

    @Inject
    CurrentLedgers ledgers;

    @Inject
    SubjectExport exports;

    @Inject
    DsrDeadlines deadlines;

    @Inject
    Clock clock;

    @ConfigProperty(name = "cdm.erasure.participants")
    List<String> participants;

    @Override
    public void requestErasure(RequestErasureRequest request, StreamObserver<DataSubjectRequest> response) {
        NewRequest made = begin(request.getSubject(), request.getRequestedBy(), request.getRegulation(),
                new FieldViolations());
        ResolvedSubject resolved = made.subject();
        DataSubjectRequestView existing = requests.openErasureOf(resolved.profileId()).orElse(null);
        if (existing != null) {
            if (existing.keysDestroyedAt() == null) {
                destroyKeys(existing.requestId(), resolved); // an earlier attempt stopped half way
            }
            reply(response, existing);
            return;
        }
        refuseWhileRestricted(resolved.profileId());
        String requestId = erasureIdOf(resolved.profileId());
        try {
            commands.send(new RequestErasureCommand(requestId, resolved.profileId(), resolved.mergedProfileIds(),
                    resolved.records(), made.requestedBy(), made.regulation(), made.at(), made.dueAt()));
        } catch (RuntimeException e) {
            if (ExceptionUtils.findException(e, AggregateStreamCreationException.class).isEmpty()) {
                throw e;
            }
            reply(response, awaitRequest(requestId)); // a duplicate that raced the first one
            return;
        }
        if (request.getSuppress()) {
            // the identifiers are read while the keys still exist; what is kept are their keyed HMACs
            commands.send(new SuppressIdentifiersCommand(requestId, resolved.identifierKeys(suppressionKeys),
                    clock.instant()));
        }
        List<String> destroyed = destroyKeys(requestId, resolved);
        LOG.infof("Erasure %s of profile %s: %d records, %d data keys destroyed", requestId,
                resolved.profileId(), resolved.records().size(), destroyed.size());
        reply(response, DataSubjectRequestView.erasure(requestId, resolved.profileId(),
                resolved.mergedProfileIds(), resolved.records().size(), made.requestedBy(), made.regulation(),
                made.at(), made.dueAt(), destroyed, clock.instant()));
    }

    @Override
    public void requestRestriction(RequestRestrictionRequest request, StreamObserver<DataSubjectRequest> response) {
        NewRequest made = begin(request.getSubject(), request.getRequestedBy(), request.getRegulation(),
                new FieldViolations());
        ResolvedSubject resolved = made.subject();
        String requestId = made.requestId();
        Instant now = made.at();
        commands.send(new RequestRestrictionCommand(requestId, resolved.profileId(), resolved.mergedProfileIds(),
                made.requestedBy(), made.regulation(), now, made.dueAt()));
        FollowingMerges.Sent<String> inForce = FollowingMerges.send(resolved.profileId(),
                id -> new RestrictProcessingCommand(id, requestId, now), commands::send);
        ledgers.evict(inForce.subjectId());
        if (!inForce.result().equals(requestId)) {
            LOG.infof("Restriction %s of profile %s: %s is already in force", requestId, resolved.profileId(),
                    inForce.result());
            reply(response, requests.find(inForce.result()).orElseThrow(() -> Status.UNAVAILABLE
                    .withDescription("Restriction " + inForce.result() + " is in force but not readable yet; retry")
                    .asRuntimeException()));
            return;
        }
        LOG.infof("Restriction %s of profile %s in force", requestId, resolved.profileId());
        reply(response, DataSubjectRequestView.restriction(requestId, resolved.profileId(),
                resolved.mergedProfileIds(), made.requestedBy(), made.regulation(), now, made.dueAt(), now));
    }

    @Override
    public void liftRestriction(LiftRestrictionRequest request, StreamObserver<DataSubjectRequest> response) {
        FieldViolations violations = new FieldViolations();
        SubjectRef subject = subject(request.getSubject(), violations);
        String liftedBy = violations.requiredText("requested_by", request.getRequestedBy(), MAX_REQUESTED_BY);
        violations.throwIfAny();
        ResolvedSubject resolved = directory.resolve(subject);
        Instant now = clock.instant();
        FollowingMerges.Sent<String> lifted;
        try {
            lifted = FollowingMerges.send(resolved.profileId(), id -> new LiftRestrictionCommand(id, liftedBy, now),
                    commands::send);
        } catch (RuntimeException e) {
            throw ConsentGrpcMapper.toGrpcError(e);
        }
        ledgers.evict(lifted.subjectId());
        LOG.infof("Restriction %s of profile %s lifted", lifted.result(), resolved.profileId());
        DataSubjectRequestView restriction = requests.find(lifted.result()).orElseThrow(() -> Status.UNAVAILABLE
                .withDescription("Restriction " + lifted.result() + " was lifted but is not readable yet")
                .asRuntimeException());
        reply(response, restriction.lifted(liftedBy, now));
    }

    @Override
    public void placeLegalHold(PlaceLegalHoldRequest request, StreamObserver<dev.cdm.proto.v1.LegalHold> response) {
        FieldViolations violations = new FieldViolations();
        SubjectRef subject = subject(request.getSubject(), violations);
        String placedBy = violations.requiredText("placed_by", request.getPlacedBy(), MAX_REQUESTED_BY);
        String reason = violations.requiredText("reason", request.getReason(), MAX_REQUESTED_BY);
        violations.throwIfAny();
        ResolvedSubject resolved = directory.resolve(subject);
        String holdId = "hold-" + UUID.randomUUID();
        FollowingMerges.Sent<LegalHold> held = FollowingMerges.send(resolved.profileId(),
                id -> new PlaceLegalHoldCommand(id, holdId, reason, placedBy, clock.instant()), commands::send);
        ledgers.evict(held.subjectId());
        LOG.infof("Legal hold %s on profile %s by %s", held.result().holdId(), held.subjectId(), placedBy);
        response.onNext(DataSubjectRequestGrpcMapper.toProto(held.subjectId(), held.result(), null, null));
        response.onCompleted();
    }

    @Override
    public void releaseLegalHold(ReleaseLegalHoldRequest request,
                                 StreamObserver<dev.cdm.proto.v1.LegalHold> response) {
        FieldViolations violations = new FieldViolations();
        SubjectRef subject = subject(request.getSubject(), violations);
        String releasedBy = violations.requiredText("released_by", request.getReleasedBy(), MAX_REQUESTED_BY);
        violations.throwIfAny();
        ResolvedSubject resolved = directory.resolve(subject);
        Instant now = clock.instant();
        FollowingMerges.Sent<LegalHold> released;
        try {
            released = FollowingMerges.send(resolved.profileId(),
                    id -> new ReleaseLegalHoldCommand(id, releasedBy, now), commands::send);
        } catch (RuntimeException e) {
            throw ConsentGrpcMapper.toGrpcError(e);
        }
        ledgers.evict(released.subjectId());
        LOG.infof("Legal hold %s on profile %s released by %s", released.result().holdId(), released.subjectId(),
                releasedBy);
        response.onNext(DataSubjectRequestGrpcMapper.toProto(released.subjectId(), released.result(), releasedBy,
                now));
        response.onCompleted();
    }

    @Override
    public void exportSubjectData(RequestExportRequest request, StreamObserver<SubjectDataExport> response) {
        NewRequest made = begin(request.getSubject(), request.getRequestedBy(), request.getRegulation(),
                new FieldViolations());
        ResolvedSubject resolved = made.subject();
        String json = exports.of(resolved, made.requestId(), made.at());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(bytes);
        Instant exportedAt = clock.instant();
        commands.send(new RecordExportCommand(made.requestId(), resolved.profileId(), resolved.mergedProfileIds(),
                resolved.records().size(), made.requestedBy(), made.regulation(), made.at(), made.dueAt(),
                exportedAt, sha256, bytes.length));
        LOG.infof("Export %s of profile %s: %d bytes, sha256 %s", made.requestId(), resolved.profileId(),
                bytes.length, sha256);
        response.onNext(SubjectDataExport.newBuilder()
                .setRequest(DataSubjectRequestGrpcMapper.toProto(DataSubjectRequestView.export(made.requestId(),
                        resolved.profileId(), resolved.mergedProfileIds(), resolved.records().size(),
                        made.requestedBy(), made.regulation(), made.at(), made.dueAt(), exportedAt, sha256,
                        bytes.length), participants, clock.instant()))
                .setJson(json)
                .build());
        response.onCompleted();
    }

    @Override
    public void requestRectification(RequestRectificationRequest request,
                                     StreamObserver<DataSubjectRequest> response) {
        FieldViolations violations = new FieldViolations();
        if (request.getCorrections().equals(PersonFields.getDefaultInstance())) {
            violations.add("corrections", "name at least one field to correct");
        }
        NewRequest made = begin(request.getSubject(), request.getRequestedBy(), request.getRegulation(),
                violations);
        ResolvedSubject resolved = made.subject();
        RectifyProfileResponse rectified = directory.rectify(resolved.profileId(), made.requestId(),
                request.getCorrections());
        Instant rectifiedAt = clock.instant();
        SourceRecordKey record = new SourceRecordKey(rectified.getRecord().getSource(),
                rectified.getRecord().getSourceRecordId());
        commands.send(new RecordRectificationCommand(made.requestId(), resolved.profileId(),
                resolved.mergedProfileIds(), made.requestedBy(), made.regulation(), made.at(), made.dueAt(),
                rectified.getFieldsList(), record, rectifiedAt));
        LOG.infof("Rectification %s of profile %s: %s", made.requestId(), resolved.profileId(),
                rectified.getFieldsList());
        reply(response, DataSubjectRequestView.rectification(made.requestId(), resolved.profileId(),
                resolved.mergedProfileIds(), made.requestedBy(), made.regulation(), made.at(), made.dueAt(),
                rectified.getFieldsList(), rectifiedAt));
    }

    @Override
    public void getRequest(GetRequestRequest request, StreamObserver<DataSubjectRequest> response) {
        reply(response, find(request));
    }

    @Override
    public void listRequests(ListRequestsRequest request, StreamObserver<ListRequestsResponse> response) {
        int limit = request.getLimit() == 0 ? DEFAULT_LIST_LIMIT : request.getLimit();
        if (limit < 0 || limit > MAX_LIST_LIMIT) {
            FieldViolations violations = new FieldViolations();
            violations.add("limit", "must lie between 1 and " + MAX_LIST_LIMIT);
            violations.throwIfAny();
        }
        Instant now = clock.instant();
        ListRequestsResponse.Builder list = ListRequestsResponse.newBuilder();
        requests.list(request.getOverdueOnly(), now, limit)
                .forEach(view -> list.addRequests(DataSubjectRequestGrpcMapper.toProto(view, participants, now)));
        response.onNext(list.build());
        response.onCompleted();
    }

    @Override
    public void getErasureCertificate(GetRequestRequest request, StreamObserver<ErasureCertificate> response) {
        DataSubjectRequestView view = find(request);
        if (view.type() != DataSubjectRequestView.Type.ERASURE) {
            throw Status.FAILED_PRECONDITION.withDescription("Request " + view.requestId() + " is a "
                    + view.type().name().toLowerCase() + ", not an erasure").asRuntimeException();
        }
        if (view.completedAt() == null) {
            throw Status.FAILED_PRECONDITION.withDescription("Erasure " + view.requestId()
                    + " is not complete yet; waiting for " + view.pendingServices(participants)).asRuntimeException();
        }
        response.onNext(DataSubjectRequestGrpcMapper.toCertificate(view));
        response.onCompleted();
    }

    /**
     * A new request's common part: the subject (resolved through profile-service), requester and regulation checked
     * (INVALID_ARGUMENT with every bad field, {@code violations} included), a fresh id, now and the deadline.
     */
    private NewRequest begin(SubjectRef subject, String requestedBy, dev.cdm.proto.v1.Regulation regulation,
                             FieldViolations violations) {
        SubjectRef checked = subject(subject, violations);
        String requester = violations.requiredText("requested_by", requestedBy, MAX_REQUESTED_BY);
        Regulation law = regulation(regulation, violations);
        violations.throwIfAny();
        ResolvedSubject resolved = directory.resolve(checked);
        Instant now = clock.instant();
        return new NewRequest(resolved, "dsr-" + UUID.randomUUID(), requester, law, now, deadlines.dueAt(law, now));
    }

    /**
     * A profile has at most one erasure (once erased, it is gone), so its request id is derived from the profile:
     * two requests that race each other both create the one aggregate, and the second is refused by the store.
     */
    static String erasureIdOf(String profileId) {
        return "dsr-" + UUID.nameUUIDFromBytes(("erasure\u0000" + profileId).getBytes(StandardCharsets.UTF_8));
    }

    /** The request as the read model shows it, once the data-subject-requests projection has reached it. */
    private DataSubjectRequestView awaitRequest(String requestId) {
        long deadline = System.nanoTime() + DUPLICATE_WAIT.toNanos();
        while (true) {
            Optional<DataSubjectRequestView> view = requests.find(requestId);
            if (view.isPresent()) {
                return view.get();
            }
            if (System.nanoTime() > deadline) {
                throw Status.ABORTED.withDescription("Erasure request " + requestId + " is being made by another"
                        + " call; ask for its status").asRuntimeException();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Status.CANCELLED.withDescription("Interrupted").asRuntimeException();
            }
        }
    }

    private record NewRequest(ResolvedSubject subject, String requestId, String requestedBy, Regulation regulation,
                              Instant at, Instant dueAt) {
    }

    /**
     * Art. 18(1)(b): a subject may ask for restriction instead of erasure; while it holds, nothing is erased. Nor
     * while a legal hold keeps the data (Art. 17(3)(e): needed for legal claims).
     */
    private void refuseWhileRestricted(String profileId) {
        ConsentLedger ledger = ledgers.governing(profileId).ledger();
        String restrictedBy = ledger.restrictedBy().orElse(null);
        if (restrictedBy != null) {
            throw Status.FAILED_PRECONDITION.withDescription("Processing of profile " + profileId
                    + " is restricted by request " + restrictedBy + " (GDPR Art. 18); lift the restriction"
                    + " before erasing").asRuntimeException();
        }
        LegalHold hold = ledger.legalHold().orElse(null);
        if (hold != null) {
            throw Status.FAILED_PRECONDITION.withDescription("Profile " + profileId + " is under legal hold "
                    + hold.holdId() + " (" + hold.reason() + "), placed by " + hold.placedBy() + " at "
                    + hold.placedAt() + "; release the hold before erasing (GDPR Art. 17(3)(e))")
                    .asRuntimeException();
        }
    }

    private List<String> destroyKeys(String requestId, ResolvedSubject subject) {
        List<String> identifiers = subject.identifierKeys(suppressionKeys);
        List<String> destroyed = keys.destroy(DataSubjects.ofRecords(subject.records()));
        commands.send(new RecordKeysDestroyedCommand(requestId, destroyed, identifiers, clock.instant()));
        return destroyed;
    }

    private void reply(StreamObserver<DataSubjectRequest> response, DataSubjectRequestView view) {
        response.onNext(DataSubjectRequestGrpcMapper.toProto(view, participants, clock.instant()));
        response.onCompleted();
    }

    private DataSubjectRequestView find(GetRequestRequest request) {
        FieldViolations violations = new FieldViolations();
        String requestId = violations.requiredText("request_id", request.getRequestId(), MAX_REQUEST_ID);
        violations.throwIfAny();
        return requests.find(requestId).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("No data-subject request " + requestId).asRuntimeException());
    }

    private static Regulation regulation(dev.cdm.proto.v1.Regulation regulation, FieldViolations violations) {
        return switch (regulation) {
            case REGULATION_UNSPECIFIED, REGULATION_GDPR -> Regulation.GDPR;
            case REGULATION_CCPA -> Regulation.CCPA;
            case UNRECOGNIZED -> {
                violations.add("regulation", "is not a known regulation");
                yield Regulation.GDPR;
            }
        };
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

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
