package dev.cdm.consent.grpc;

import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.grpc.PeerChannels;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.RectifyProfileRequest;
import dev.cdm.proto.v1.RectifyProfileResponse;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the profile a data-subject request is about, through profile-service: by id (followed to the profile it
 * was merged into) or by an identifier that exactly one profile holds. The identifier itself goes no further.
 */
@ApplicationScoped
public class ProfileDirectory {

    static final String NO_PROFILE = "No profile holds this identifier";
    static final String SEVERAL_PROFILES = "Several profiles hold this identifier; name one by profile id: ";
    private static final int MAX_MERGE_HOPS = 16;
    /** Every read here answers a data-subject request, also while the subject's processing is restricted. */
    private static final ReadPurpose COMPLIANCE = ReadPurpose.READ_PURPOSE_COMPLIANCE;

    @Inject
    @Named(PeerChannels.PROFILE_SERVICE)
    ManagedChannel channel;

    @ConfigProperty(name = "cdm.peers.deadline")
    Duration deadline;

    /** The subject's current profile with the profiles merged into it and every record it holds. */
    public ResolvedSubject resolve(SubjectRef subject) {
        Profile profile = switch (subject.getIdCase()) {
            case PROFILE_ID -> survivorOf(profile(subject.getProfileId()));
            case EMAIL -> single(stub().findProfiles(FindProfilesRequest.newBuilder().setPurpose(COMPLIANCE)
                    .setEmail(subject.getEmail()).build()).getProfilesList());
            case PHONE -> single(stub().findProfiles(FindProfilesRequest.newBuilder().setPurpose(COMPLIANCE)
                    .setPhone(subject.getPhone()).build()).getProfilesList());
            case ID_NOT_SET -> throw new IllegalArgumentException("subject is required");
        };
        List<SourceRecordKey> records = profile.getSourceRecordsList().stream()
                .map(LinkedSourceRecord::getKey)
                .map(key -> new SourceRecordKey(key.getSource(), key.getSourceRecordId()))
                .toList();
        List<String> merged = profile.getSourceRecordsList().stream()
                .map(record -> record.getDecision().getFromProfileId())
                .filter(id -> !id.isEmpty() && !id.equals(profile.getProfileId()))
                .distinct()
                .sorted()
                .toList();
        return new ResolvedSubject(profile.getProfileId(), merged, records, profile);
    }

    /** Has profile-service record the corrections of request {@code requestId} (GDPR Art. 16). */
    public RectifyProfileResponse rectify(String profileId, String requestId, PersonFields corrections) {
        return stub().rectifyProfile(RectifyProfileRequest.newBuilder().setProfileId(profileId)
                .setRequestId(requestId).setCorrections(corrections).build());
    }

    /** Every event that shaped the profile, as profile-service tells it. */
    public ProfileHistory history(String profileId) {
        return stub().getProfileHistory(GetProfileHistoryRequest.newBuilder().setProfileId(profileId)
                .setPurpose(COMPLIANCE).build());
    }

    private Profile survivorOf(Profile profile) {
        Profile current = profile;
        for (int hop = 0; hop < MAX_MERGE_HOPS && !current.getMergedInto().isEmpty(); hop++) {
            current = profile(current.getMergedInto());
        }
        return current;
    }

    private Profile profile(String profileId) {
        return stub().getProfile(GetProfileRequest.newBuilder().setProfileId(profileId).setPurpose(COMPLIANCE)
                .build());
    }

    private static Profile single(List<Profile> profiles) {
        if (profiles.isEmpty()) {
            throw Status.NOT_FOUND.withDescription(NO_PROFILE).asRuntimeException();
        }
        if (profiles.size() > 1) {
            throw Status.FAILED_PRECONDITION.withDescription(SEVERAL_PROFILES
                    + profiles.stream().map(Profile::getProfileId).toList()).asRuntimeException();
        }
        return profiles.get(0);
    }

    private ProfileServiceBlockingStub stub() {
        return ProfileServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The subject's profile: its id, the profiles merged into it, its records, and the profile as read. */
    public record ResolvedSubject(String profileId, List<String> mergedProfileIds, List<SourceRecordKey> records,
                                  Profile profile) {

        public List<String> allProfileIds() {
            return Stream.concat(Stream.of(profileId), mergedProfileIds.stream()).toList();
        }

        /** The keyed HMACs of the subject's emails and phones: computable only while the subject's keys exist. */
        public List<String> identifierKeys(SuppressionKeys keys) {
            return profile.getSourceRecordsList().stream()
                    .map(LinkedSourceRecord::getPerson)
                    .flatMap(person -> keys.of(person.getEmail(), person.getPhone(), person.getCountry()).stream())
                    .distinct()
                    .sorted()
                    .toList();
        }
    }
}
