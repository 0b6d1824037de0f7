package dev.cdm.profile.grpc;

import dev.cdm.kernel.axon.CommandSender;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.kernel.identity.Identifiers;
import dev.cdm.profile.api.ProfileHistoryEntry;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import dev.cdm.profile.query.ProfileHistoryReader;
import dev.cdm.profile.query.ProfileViewRepository;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.FindProfilesResponse;
import dev.cdm.proto.v1.GetProfileAsOfRequest;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@GrpcService
@Blocking
public class ProfileGrpcService extends ProfileServiceGrpc.ProfileServiceImplBase {

    @Inject
    CommandSender commands;

    @Inject
    ProfileViewRepository views;

    @Inject
    ProfileHistoryReader history;

    @Inject
    Clock clock;

    @Override
    public void registerSourceRecord(RegisterSourceRecordRequest request,
                                     StreamObserver<IngestRecordResponse> response) {
        FieldViolations violations = new FieldViolations();
        SourceRecordKey key = PersonFieldsMapper.toKey(request.getKey(), violations);
        PersonData person = PersonFieldsMapper.toPersonData(request.getPerson(), "person", LocalDate.now(clock),
                violations);
        violations.throwIfAny();
        Instant receivedAt = request.hasReceivedAt() ? ProfileGrpcMapper.instant(request.getReceivedAt())
                : clock.instant();
        String profileId = key.foundingProfileId();
        RegistrationOutcome outcome = commands.send(
                new RegisterSourceRecordCommand(profileId, key, person, receivedAt));
        response.onNext(IngestRecordResponse.newBuilder()
                .setProfileId(profileId)
                .setOutcome(ProfileGrpcMapper.toProto(outcome))
                .build());
        response.onCompleted();
    }

    @Override
    public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
        if (request.getProfileId().isBlank()) {
            new FieldViolations().add("profile_id", "is required").throwIfAny();
        }
        ProfileView view = views.find(request.getProfileId())
                .orElseThrow(() -> Status.NOT_FOUND
                        .withDescription("No profile with id " + request.getProfileId())
                        .asRuntimeException());
        response.onNext(ProfileGrpcMapper.toProto(view));
        response.onCompleted();
    }

    @Override
    public void getProfileHistory(GetProfileHistoryRequest request, StreamObserver<ProfileHistory> response) {
        String profileId = requireProfileId(request.getProfileId());
        List<ProfileHistoryEntry> entries = history.history(profileId);
        if (entries.isEmpty()) {
            throw notFound(profileId);
        }
        response.onNext(ProfileGrpcMapper.toProto(profileId, entries));
        response.onCompleted();
    }

    @Override
    public void getProfileAsOf(GetProfileAsOfRequest request, StreamObserver<Profile> response) {
        FieldViolations violations = new FieldViolations();
        if (request.getProfileId().isBlank()) {
            violations.add("profile_id", "is required");
        }
        if (!request.hasAsOf()) {
            violations.add("as_of", "is required");
        }
        violations.throwIfAny();
        String profileId = request.getProfileId();
        ProfileView view = history.asOf(profileId, ProfileGrpcMapper.instant(request.getAsOf()))
                .orElseThrow(() -> Status.NOT_FOUND
                        .withDescription("No profile with id " + profileId + " at " + request.getAsOf())
                        .asRuntimeException());
        response.onNext(ProfileGrpcMapper.toProto(view));
        response.onCompleted();
    }

    @Override
    public void findProfiles(FindProfilesRequest request, StreamObserver<FindProfilesResponse> response) {
        List<ProfileView> found = views.findByLookupKey(lookupKey(request));
        FindProfilesResponse.Builder result = FindProfilesResponse.newBuilder();
        found.forEach(view -> result.addProfiles(ProfileGrpcMapper.toProto(view)));
        response.onNext(result.build());
        response.onCompleted();
    }

    private static String requireProfileId(String profileId) {
        if (profileId.isBlank()) {
            new FieldViolations().add("profile_id", "is required").throwIfAny();
        }
        return profileId;
    }

    private static RuntimeException notFound(String profileId) {
        return Status.NOT_FOUND.withDescription("No profile with id " + profileId).asRuntimeException();
    }

    private static String lookupKey(FindProfilesRequest request) {
        return switch (request.getIdentifierCase()) {
            case EMAIL -> Identifiers.emailKey(Identifiers.normalizeEmail(request.getEmail()));
            case PHONE -> Identifiers.normalizePhone(request.getPhone(), null)
                    .map(Identifiers::phoneKey)
                    .orElseThrow(() -> new FieldViolations()
                            .add("phone", "is not a valid international phone number (+<country code>…)")
                            .toException());
            case IDENTIFIER_NOT_SET -> throw new FieldViolations()
                    .add("identifier", "give email or phone").toException();
        };
    }
}
