package dev.cdm.profile.grpc;

import dev.cdm.profile.activity.CustomerTraits;
import dev.cdm.profile.golden.GoldenRecord;
import dev.cdm.profile.quality.DataQuality;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.kernel.grpc.PersonRules;
import dev.cdm.kernel.identity.Identifiers;
import dev.cdm.kernel.projection.ProjectionAdmin;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.profile.access.ReadGuard;
import dev.cdm.profile.access.ReadMask;
import dev.cdm.profile.golden.Survivorship;
import dev.cdm.profile.api.ProfileErasedException;
import dev.cdm.profile.api.ProfileHistoryEntry;
import dev.cdm.profile.api.ProfileMergedException;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.identity.IdentityIndexRepository;
import dev.cdm.profile.identity.ResolutionLane.Registered;
import dev.cdm.profile.identity.ResolutionLane.Registration;
import dev.cdm.profile.identity.ResolutionLane.Split;
import dev.cdm.profile.identity.ResolutionLane;
import dev.cdm.profile.query.ProfileHistoryReader;
import dev.cdm.profile.query.ProfileViewProjection;
import dev.cdm.profile.query.ProfileViewRepository;
import dev.cdm.profile.query.SearchPage;
import dev.cdm.proto.v1.ExplainProfileRequest;
import dev.cdm.proto.v1.ExportLinksRequest;
import dev.cdm.proto.v1.ExternalId;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.FindProfilesResponse;
import dev.cdm.proto.v1.GetProfileAsOfRequest;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileExplanation;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.RecordRejection;
import dev.cdm.proto.v1.RectifyProfileRequest;
import dev.cdm.proto.v1.RectifyProfileResponse;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.proto.v1.RegisterSourceRecordResult;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
import dev.cdm.proto.v1.RegisterSourceRecordsResponse;
import dev.cdm.proto.v1.SearchProfilesRequest;
import dev.cdm.proto.v1.SearchProfilesResponse;
import dev.cdm.proto.v1.SourceRecordLink;
import dev.cdm.proto.v1.SplitProfileRequest;
import dev.cdm.proto.v1.SplitProfileResponse;
import io.grpc.Status;
import dev.cdm.kernel.security.RecordAccessAudit;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;

@GrpcService
@Blocking
public class ProfileGrpcService extends ProfileServiceGrpc.ProfileServiceImplBase {

    static final int MAX_BATCH = 1000;
    static final int MAX_REASON = 500;
    static final int MAX_ID_TYPE = 40;
    static final int MAX_ID_VALUE = 100;
    /** Profile ids are UUIDs; the limit leaves room, and keeps a hostile id out of queries and error messages. */
    static final int MAX_PROFILE_ID = 64;
    /** What an export of links returns: ids only, but of every subject, so it is audited as a read of them all. */
    static final List<String> EXPORTED_LINK_FIELDS = List.of("source", "source_record_id", "profile_id");
    static final int MAX_PHONE = 40;
    private static final Duration LANE_TIMEOUT = Duration.ofMinutes(2);
    /** How long a read of an id the profile view does not hold yet waits for the view to catch up. */
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);

    @Inject
    ResolutionLane lane;

    @Inject
    IdentityIndexRepository identityIndex;

    @Inject
    RecordAccessAudit recordAccess;

    @Inject
    ProfileViewRepository views;

    @Inject
    ProfileHistoryReader history;

    @Inject
    ProjectionAdmin projections;

    @Inject
    Clock clock;

    @Inject
    PersonRules personRules;

    @Inject
    ReadGuard reads;

    @Inject
    Survivorship survivorship;

    @Inject
    DataQuality quality;

    @Inject
    SearchPageTokens pageTokens;

    @Override
    public void registerSourceRecord(RegisterSourceRecordRequest request,
                                     StreamObserver<IngestRecordResponse> response) {
        FieldViolations violations = new FieldViolations();
        Registration registration = registration(request, violations);
        violations.throwIfAny();
        response.onNext(toProto(await(lane.register(registration)), registration.person()));
        response.onCompleted();
    }

    @Override
    public void registerSourceRecords(RegisterSourceRecordsRequest request,
                                      StreamObserver<RegisterSourceRecordsResponse> response) {
        if (request.getRecordsCount() > MAX_BATCH) {
            throw Status.RESOURCE_EXHAUSTED
                    .withDescription("At most " + MAX_BATCH + " records per batch, got " + request.getRecordsCount())
                    .asRuntimeException();
        }
        List<Registration> valid = new ArrayList<>();
        List<Object> slots = new ArrayList<>();
        for (RegisterSourceRecordRequest record : request.getRecordsList()) {
            FieldViolations violations = new FieldViolations();
            Registration registration = registration(record, violations);
            if (violations.isEmpty()) {
                valid.add(registration);
                slots.add(registration);
            } else {
                slots.add(rejection(violations));
            }
        }
        List<CompletableFuture<Registered>> pending = lane.registerAll(valid);
        RegisterSourceRecordsResponse.Builder results = RegisterSourceRecordsResponse.newBuilder();
        int next = 0;
        for (Object slot : slots) {
            if (slot instanceof RecordRejection rejection) {
                results.addResults(RegisterSourceRecordResult.newBuilder().setRejected(rejection));
            } else {
                Registered registered = await(pending.get(next++));
                results.addResults(RegisterSourceRecordResult.newBuilder()
                        .setRegistered(toProto(registered, ((Registration) slot).person())));
            }
        }
        response.onNext(results.build());
        response.onCompleted();
    }

    @Override
    public void explainProfile(ExplainProfileRequest request, StreamObserver<ProfileExplanation> response) {
        String profileId = requireProfileId(request.getProfileId());
        ProfileView view = views.find(profileId).orElseThrow(() -> notFound(profileId));
        response.onNext(ProfileGrpcMapper.explanation(view));
        response.onCompleted();
    }

    @Override
    public void splitProfile(SplitProfileRequest request, StreamObserver<SplitProfileResponse> response) {
        FieldViolations violations = new FieldViolations();
        violations.requiredText("profile_id", request.getProfileId(), MAX_PROFILE_ID);
        if (request.getRecordsCount() == 0) {
            violations.add("records", "name at least one record to split off");
        }
        List<SourceRecordKey> records = new ArrayList<>();
        for (int i = 0; i < request.getRecordsCount(); i++) {
            records.add(PersonFieldsMapper.toKey(request.getRecords(i), violations));
        }
        String reason = violations.optionalText("reason", request.getReason(), MAX_REASON);
        violations.throwIfAny();
        if (views.find(request.getProfileId()).isEmpty()) {
            throw notFound(request.getProfileId());
        }
        Split split = await(lane.split(request.getProfileId(), records, reason));
        response.onNext(SplitProfileResponse.newBuilder()
                .setProfileId(split.profileId())
                .setNewProfileId(split.newProfileId())
                .build());
        response.onCompleted();
    }

    @Override
    public void rectifyProfile(RectifyProfileRequest request, StreamObserver<RectifyProfileResponse> response) {
        FieldViolations violations = new FieldViolations();
        String profileId = violations.requiredText("profile_id", request.getProfileId(), MAX_ID_VALUE);
        String requestId = violations.requiredText("request_id", request.getRequestId(), MAX_ID_VALUE);
        PersonData corrections = personRules.corrections(request.getCorrections(), violations);
        List<String> fields = PersonFieldsMapper.fieldNames(corrections);
        if (fields.isEmpty() && violations.isEmpty()) {
            violations.add("corrections", "name at least one field to correct");
        }
        violations.throwIfAny();
        Registered rectified;
        try {
            rectified = await(lane.rectify(profileId, requestId, corrections));
        } catch (RuntimeException e) {
            throw rectificationRefused(profileId, e);
        }
        response.onNext(RectifyProfileResponse.newBuilder()
                .setProfileId(rectified.profileId())
                .setRecord(ProfileGrpcMapper.toProto(SourceRecordKey.rectification(requestId)))
                .addAllFields(fields)
                .build());
        response.onCompleted();
    }

    private static RuntimeException rectificationRefused(String profileId, RuntimeException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException || t instanceof ProfileErasedException) {
                return notFound(profileId);
            }
            if (t instanceof ProfileMergedException merged) {
                return Status.FAILED_PRECONDITION.withDescription(merged.getMessage() + "; rectify that one")
                        .asRuntimeException();
            }
        }
        return error;
    }

    @Override
    public void exportLinks(ExportLinksRequest request, StreamObserver<SourceRecordLink> response) {
        recordAccess.linksExported(EXPORTED_LINK_FIELDS);
        identityIndex.forEachRoute(request.getSource(), (key, profileId) -> response.onNext(SourceRecordLink.newBuilder()
                .setKey(ProfileGrpcMapper.toProto(key))
                .setProfileId(profileId)
                .build()));
        response.onCompleted();
    }

    private Registration registration(RegisterSourceRecordRequest request, FieldViolations violations) {
        SourceRecordKey key = PersonFieldsMapper.toKey(request.getKey(), violations);
        PersonData person = personRules.toPersonData(request.getPerson(), request.getInvalidFields(), violations);
        Instant receivedAt = request.hasReceivedAt() ? ProfileGrpcMapper.instant(request.getReceivedAt())
                : clock.instant();
        return new Registration(key, person, receivedAt);
    }

    private static RecordRejection rejection(FieldViolations violations) {
        RecordRejection.Builder rejection = RecordRejection.newBuilder()
                .setReason(violations.list().size() == 1 ? "1 invalid field"
                        : violations.list().size() + " invalid fields");
        violations.list().forEach(v -> rejection.addViolations(FieldIssue.newBuilder()
                .setField(v.getField()).setReason(v.getDescription())));
        return rejection.build();
    }

    private static IngestRecordResponse toProto(Registered registered, PersonData person) {
        IngestRecordResponse.Builder proto = IngestRecordResponse.newBuilder()
                .setProfileId(registered.profileId())
                .setOutcome(ProfileGrpcMapper.toProto(registered.outcome()))
                .addAllMergedProfileIds(registered.mergedProfileIds());
        person.invalid().forEach((field, reason) -> proto.addDroppedFields(FieldIssue.newBuilder()
                .setField(field).setReason(reason)));
        return proto.build();
    }

    private static <T> T await(CompletableFuture<T> result) {
        try {
            return result.get(LANE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("Interrupted").asRuntimeException();
        } catch (TimeoutException e) {
            throw Status.UNAVAILABLE.withDescription("Identity resolution did not answer within " + LANE_TIMEOUT
                    + "; retrying is safe").asRuntimeException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
        FieldViolations violations = new FieldViolations();
        String profileId = violations.requiredText("profile_id", request.getProfileId(), MAX_PROFILE_ID);
        ReadPurpose purpose = ReadPolicy.requiredPurpose(request.getPurpose(), violations);
        ReadMask mask = ReadMask.of(request.getReadMask(), "read_mask", violations);
        violations.throwIfAny();
        reads.admit(purpose);
        ProfileView view = findCaughtUp(profileId).orElseThrow(() -> notFound(profileId));
        response.onNext(reads.readable(profile(view), purpose, mask));
        response.onCompleted();
    }

    @Override
    public void getProfileHistory(GetProfileHistoryRequest request, StreamObserver<ProfileHistory> response) {
        FieldViolations violations = new FieldViolations();
        String profileId = violations.requiredText("profile_id", request.getProfileId(), MAX_PROFILE_ID);
        ReadPurpose purpose = ReadPolicy.requiredPurpose(request.getPurpose(), violations);
        violations.throwIfAny();
        reads.admit(purpose);
        List<ProfileHistoryEntry> entries = history.history(profileId);
        if (entries.isEmpty()) {
            throw notFound(profileId);
        }
        response.onNext(reads.readable(ProfileGrpcMapper.toProto(profileId, entries), purpose));
        response.onCompleted();
    }

    @Override
    public void getProfileAsOf(GetProfileAsOfRequest request, StreamObserver<Profile> response) {
        FieldViolations violations = new FieldViolations();
        String profileId = violations.requiredText("profile_id", request.getProfileId(), MAX_PROFILE_ID);
        if (!request.hasAsOf()) {
            violations.add("as_of", "is required");
        }
        ReadPurpose purpose = ReadPolicy.requiredPurpose(request.getPurpose(), violations);
        ReadMask mask = ReadMask.of(request.getReadMask(), "read_mask", violations);
        violations.throwIfAny();
        reads.admit(purpose);
        ProfileView view = history.asOf(profileId, ProfileGrpcMapper.instant(request.getAsOf()))
                .orElseThrow(() -> Status.NOT_FOUND
                        .withDescription("No profile with id " + profileId + " at " + request.getAsOf())
                        .asRuntimeException());
        response.onNext(reads.readable(profile(view), purpose, mask));
        response.onCompleted();
    }

    @Override
    public void findProfiles(FindProfilesRequest request, StreamObserver<FindProfilesResponse> response) {
        FieldViolations violations = new FieldViolations();
        ReadPurpose purpose = ReadPolicy.requiredPurpose(request.getPurpose(), violations);
        ReadMask mask = ReadMask.of(request.getReadMask(), "read_mask", violations);
        violations.throwIfAny();
        reads.admit(purpose);
        List<ProfileView> found = request.hasSourceRecord() ? findByRecord(request.getSourceRecord())
                : views.findByLookupKey(lookupKey(request));
        List<Profile> readable = reads.readable(found.stream().map(this::profile).toList(), purpose,
                mask);
        response.onNext(FindProfilesResponse.newBuilder().addAllProfiles(readable).build());
        response.onCompleted();
    }

    @Override
    public void searchProfiles(SearchProfilesRequest request, StreamObserver<SearchProfilesResponse> response) {
        FieldViolations violations = new FieldViolations();
        ReadPurpose purpose = ReadPolicy.requiredPurpose(request.getPurpose(), violations);
        ReadMask mask = ReadMask.of(request.getReadMask(), "read_mask", violations);
        SearchArguments search = SearchArguments.of(request, pageTokens, violations);
        violations.throwIfAny();
        reads.admit(purpose);
        SearchPage page = views.search(search.search(), search.after(), search.pageSize());
        List<Profile> readable = reads.readable(page.views().stream().map(this::profile).toList(), purpose, mask);
        response.onNext(SearchProfilesResponse.newBuilder().addAllProfiles(readable)
                .setNextPageToken(page.nextAfter() == null ? "" : pageTokens.seal(search.search(), page.nextAfter()))
                .build());
        response.onCompleted();
    }

    /** The profile as read: the view with its golden record by the configured survivorship rules. */
    private Profile profile(ProfileView view) {
        GoldenRecord golden = survivorship.of(view.records());
        CustomerTraits traits = CustomerTraits.of(view.records());
        return ProfileGrpcMapper.toProto(view, golden, traits, quality.of(view, golden.person(), traits.lastSeen()));
    }

    /**
     * The profile's view; for an id the view does not hold, once more after the view has caught up with the event
     * store, so that a profile is found right after the call that created it returned.
     */
    private Optional<ProfileView> findCaughtUp(String profileId) {
        Optional<ProfileView> view = views.find(profileId);
        if (view.isPresent()) {
            return view;
        }
        try {
            return projections.catchUp(ProfileViewProjection.NAME, READ_YOUR_WRITES) ? views.find(profileId)
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("Interrupted").asRuntimeException();
        }
    }

    private static String requireProfileId(String profileId) {
        return required("profile_id", profileId, MAX_PROFILE_ID);
    }

    /** {@code value} stripped; INVALID_ARGUMENT naming {@code field} when it is blank or too long. */
    private static String required(String field, String value, int max) {
        FieldViolations violations = new FieldViolations();
        String stripped = violations.requiredText(field, value, max);
        violations.throwIfAny();
        return stripped;
    }

    private static String externalIdKey(ExternalId id) {
        FieldViolations violations = new FieldViolations();
        String type = violations.requiredText("external_id.type", id.getType(), MAX_ID_TYPE);
        if (type != null && !PersonFieldsMapper.isExternalIdType(type)) {
            violations.add("external_id.type", PersonFieldsMapper.EXTERNAL_ID_TYPE_RULE);
        }
        String value = violations.requiredText("external_id.value", id.getValue(), MAX_ID_VALUE);
        violations.throwIfAny();
        return Identifiers.externalIdKey(type, value);
    }

    private static RuntimeException notFound(String profileId) {
        return Status.NOT_FOUND.withDescription("No profile with id " + profileId).asRuntimeException();
    }

    private List<ProfileView> findByRecord(dev.cdm.proto.v1.SourceRecordKey record) {
        FieldViolations violations = new FieldViolations();
        SourceRecordKey key = PersonFieldsMapper.toKey(record, violations);
        violations.throwIfAny();
        return identityIndex.route(key).flatMap(views::find).stream().toList();
    }

    private static String lookupKey(FindProfilesRequest request) {
        return switch (request.getIdentifierCase()) {
            case EMAIL -> Identifiers.emailKey(Identifiers.normalizeEmail(
                    required("email", request.getEmail(), PersonFieldsMapper.MAX_EMAIL)));
            case PHONE -> Identifiers.normalizePhone(required("phone", request.getPhone(), MAX_PHONE), null)
                    .map(Identifiers::phoneKey)
                    .orElseThrow(() -> new FieldViolations()
                            .add("phone", "is not a valid international phone number (+<country code>…)")
                            .toException());
            case EXTERNAL_ID -> externalIdKey(request.getExternalId());
            case SOURCE_RECORD -> throw new IllegalStateException("source records are routed, not looked up");
            case IDENTIFIER_NOT_SET -> throw new FieldViolations()
                    .add("identifier", "give email, phone, external_id or source_record").toException();
        };
    }
}
