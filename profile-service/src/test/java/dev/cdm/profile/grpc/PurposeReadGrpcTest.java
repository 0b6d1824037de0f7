package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.proto.v1.AccessedData;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.CustomerRef;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.ExportLinksRequest;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileAttribute;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.SourceRecordLink;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of profiles declare a purpose, and what comes back is what consent-service's decision allows: enforced
 * here against a stand-in for that decision ({@link FakeConsentService}, which applies the shipped policy).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class PurposeReadGrpcTest {

    private static final Timestamp NOW = Timestamp.newBuilder().setSeconds(4_102_444_800L).build();

    @TestHTTPResource
    URL url;

    FakeConsentService consent;

    private GrpcTestChannel channel;
    private ProfileServiceGrpc.ProfileServiceBlockingStub admin;
    private String email;
    private String profileId;

    @BeforeEach
    void registerAPerson() {
        channel = GrpcTestChannel.to(url);
        admin = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
        email = "mara." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        PersonFields mara = PersonFields.newBuilder().setFirstName("Mara").setLastName("Lindqvist").setEmail(email)
                .setPhone("+46 8 " + (1_000_000 + (int) (Math.random() * 8_000_000))).setCountry("SE").build();
        IngestRecordResponse created = admin.registerSourceRecord(ProfileGrpcServiceTest.request("web",
                UUID.randomUUID().toString(), mara));
        profileId = created.getProfileId();
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
    }

    @AfterEach
    void disconnect() {
        consent.fail(null);
        channel.close();
    }

    @Test
    void aReadWithoutPurpose_isInvalid() {
        assertThat(violatedFields(() -> admin.getProfile(GetProfileRequest.newBuilder().setProfileId(profileId)
                .build()))).containsExactly("purpose");
        assertThat(violatedFields(() -> admin.findProfiles(FindProfilesRequest.newBuilder().setEmail(email)
                .build()))).containsExactly("purpose");
    }

    @Test
    void aReadMask_answersWithTheFieldsAskedFor_andTellsTheAuditOnlyThosePersonFields() {
        FieldMask emailAndVersion = FieldMask.newBuilder().addPaths("person.email").addPaths("version").build();

        Profile byId = admin.getProfile(Reads.get(profileId).toBuilder().setReadMask(emailAndVersion).build());
        DecideReadsRequest decidedById = consent.requests().get(consent.requests().size() - 1);
        List<Profile> byEmail = admin.findProfiles(FindProfilesRequest.newBuilder().setEmail(email)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).setReadMask(FieldMask.newBuilder()
                        .addPaths("source_records")).build()).getProfilesList();
        DecideReadsRequest decidedByEmail = consent.requests().get(consent.requests().size() - 1);

        assertThat(byId).isEqualTo(Profile.newBuilder().setProfileId(profileId).setVersion(byId.getVersion())
                .setPerson(PersonFields.newBuilder().setEmail(email)).build());
        assertThat(byId.getVersion()).isPositive();
        assertThat(decidedById.getPersonFields().getFieldsList()).containsExactly("email");
        assertThat(byEmail).singleElement().satisfies(profile -> {
            assertThat(profile.getProfileId()).isEqualTo(profileId);
            assertThat(profile.hasPerson()).isFalse();
            assertThat(profile.getSourceRecordsList()).singleElement()
                    .satisfies(record -> assertThat(record.getPerson().getFirstName()).isEqualTo("Mara"));
        });
        assertThat(decidedByEmail.getPersonFields().getFieldsList()).as("linked records carry every person field")
                .contains("email", "phone", "first_name", "birth_date").doesNotContain("activity");
    }

    @Test
    void aReadMask_withAPathProfileDoesNotHave_isInvalid_namingThePath() {
        FieldMask bad = FieldMask.newBuilder().addPaths("person.email").addPaths("person.password")
                .addPaths("$ne").build();

        assertThat(violatedFields(() -> admin.getProfile(Reads.get(profileId).toBuilder().setReadMask(bad)
                .build()))).containsExactly("read_mask.paths[1]", "read_mask.paths[2]");
        assertThat(violatedFields(() -> admin.findProfiles(FindProfilesRequest.newBuilder().setEmail(email)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).setReadMask(bad).build())))
                .containsExactly("read_mask.paths[1]", "read_mask.paths[2]");
    }

    @Test
    void marketing_isRefusedWithoutConsent_namingTheReason_butNotTheData() {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> admin.getProfile(Reads.get(profileId, ReadPurpose.READ_PURPOSE_MARKETING)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).contains("marketing-email or marketing-sms")
                .doesNotContain(email).doesNotContain("Mara");
        assertThat(errorInfo(refused).getReason()).isEqualTo("READ_REFUSAL_NO_CONSENT");
        assertThat(errorInfo(refused).getMetadataMap()).containsEntry("purpose", "marketing")
                .containsEntry("profile_id", profileId);
    }

    @Test
    void marketing_withEmailConsentOnly_getsTheEmail_butNoPhone_anywhereInTheProfile() {
        consent.grant(profileId, Purpose.MARKETING_EMAIL);

        Profile profile = admin.getProfile(Reads.get(profileId, ReadPurpose.READ_PURPOSE_MARKETING));

        assertThat(profile.getPerson().getEmail()).isEqualTo(email);
        assertThat(profile.getPerson().getPhone()).isEmpty();
        assertThat(profile.getSourceRecordsList()).isNotEmpty().extracting(LinkedSourceRecord::getPerson)
                .extracting(PersonFields::getPhone).containsOnly("");
        assertThat(profile.getAttributesList()).extracting(ProfileAttribute::getField).contains("email")
                .as("not even where the phone came from").doesNotContain("phone");
        assertThat(admin.getProfile(Reads.get(profileId)).getPerson().getPhone()).isNotEmpty();
    }

    @Test
    void marketing_withoutAProfilingConsent_seesNoActivity_neitherInTheProfileNorInTheHistory() {
        ActivityServiceGrpc.newBlockingStub(channel.as("admin")).recordPurchase(ActivityGrpcTest.purchase(
                CustomerRef.newBuilder().setProfileId(profileId).build(), "o-" + UUID.randomUUID(), "42.00", "EUR",
                java.time.Instant.parse("2026-11-02T10:00:00Z")));
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
        consent.grant(profileId, Purpose.MARKETING_EMAIL);
        GetProfileHistoryRequest historyForMarketing = GetProfileHistoryRequest.newBuilder().setProfileId(profileId)
                .setPurpose(ReadPurpose.READ_PURPOSE_MARKETING).build();

        Profile withoutProfiling = admin.getProfile(Reads.get(profileId, ReadPurpose.READ_PURPOSE_MARKETING));
        ProfileHistory historyWithoutProfiling = admin.getProfileHistory(historyForMarketing);
        Profile onlyActivity = admin.getProfile(Reads.get(profileId, ReadPurpose.READ_PURPOSE_MARKETING)
                .toBuilder().setReadMask(FieldMask.newBuilder().addPaths("activity.traits")).build());
        DecideReadsRequest decidedForActivity = consent.requests().get(consent.requests().size() - 1);
        consent.grant(profileId, Purpose.MARKETING_EMAIL, Purpose.PROFILING);
        Profile withProfiling = admin.getProfile(Reads.get(profileId, ReadPurpose.READ_PURPOSE_MARKETING));
        ProfileHistory historyWithProfiling = admin.getProfileHistory(historyForMarketing);

        assertThat(withoutProfiling.getPerson().getEmail()).isEqualTo(email);
        assertThat(withoutProfiling.hasActivity()).isFalse();
        assertThat(historyWithoutProfiling.getEntriesList()).isNotEmpty().extracting(ProfileHistoryEntry::getEventType)
                .doesNotContain("cdm.profile.ActivityRecorded");
        assertThat(historyWithoutProfiling.toString()).doesNotContain("purchase");
        assertThat(onlyActivity).isEqualTo(Profile.newBuilder().setProfileId(profileId).build());
        assertThat(decidedForActivity.getPersonFields().getFieldsList()).containsExactly("activity");
        assertThat(withProfiling.getActivity().getTraits().getOrderCount()).isEqualTo(1);
        assertThat(withProfiling.getActivity().getPurchasesList()).hasSize(1);
        assertThat(historyWithProfiling.getEntriesList()).extracting(ProfileHistoryEntry::getEventType)
                .contains("cdm.profile.ActivityRecorded");
    }

    @Test
    void aRestrictedProfile_isRefusedForSupport_butReadForCompliance() {
        consent.restrict(profileId);

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> admin.getProfile(Reads.get(profileId)));
        Profile forCompliance = ProfileServiceGrpc.newBlockingStub(channel.as("officer"))
                .getProfile(Reads.get(profileId, ReadPurpose.READ_PURPOSE_COMPLIANCE));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(errorInfo(refused).getReason()).isEqualTo("READ_REFUSAL_RESTRICTED");
        assertThat(forCompliance.getProfileId()).isEqualTo(profileId);
        assertThat(forCompliance.getPerson().getEmail()).isEqualTo(email);
    }

    @Test
    void theHistory_andThePast_areReadUnderTheSameDecision() {
        consent.grant(profileId, Purpose.MARKETING_EMAIL);

        ProfileHistory history = admin.getProfileHistory(GetProfileHistoryRequest.newBuilder()
                .setProfileId(profileId).setPurpose(ReadPurpose.READ_PURPOSE_MARKETING).build());
        consent.restrict(profileId);
        StatusRuntimeException pastRefused = catchThrowableOfType(StatusRuntimeException.class,
                () -> admin.getProfileAsOf(Reads.asOf().setProfileId(profileId).setAsOf(NOW).build()));
        Profile pastForCompliance = ProfileServiceGrpc.newBlockingStub(channel.as("officer"))
                .getProfileAsOf(Reads.asOf().setProfileId(profileId).setAsOf(NOW)
                        .setPurpose(ReadPurpose.READ_PURPOSE_COMPLIANCE).build());

        assertThat(history.getEntriesList()).filteredOn(ProfileHistoryEntry::hasPerson).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getPerson().getPhone()).isEmpty())
                .anySatisfy(entry -> assertThat(entry.getPerson().getEmail()).isEqualTo(email));
        assertThat(errorInfo(pastRefused).getReason()).isEqualTo("READ_REFUSAL_RESTRICTED");
        assertThat(pastForCompliance.getPerson().getPhone()).isNotEmpty();
        assertThat(violatedFields(() -> admin.getProfileHistory(GetProfileHistoryRequest.newBuilder()
                .setProfileId(profileId).build()))).containsExactly("purpose");
    }

    @Test
    void aCallerWithoutThePurposesRole_isRefusedBeforeAnythingIsLookedUp() {
        var officer = ProfileServiceGrpc.newBlockingStub(channel.as("officer"));
        int asked = consent.requests().size();

        StatusRuntimeException known = catchThrowableOfType(StatusRuntimeException.class,
                () -> officer.getProfile(Reads.get(profileId)));
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class,
                () -> officer.getProfile(Reads.get(UUID.randomUUID().toString())));

        assertThat(known.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(known.getStatus().getDescription()).contains("requires the role profile-reader")
                .doesNotContain(profileId);
        assertThat(unknown.getStatus()).usingRecursiveComparison().isEqualTo(known.getStatus());
        assertThat(errorInfo(known).getReason()).isEqualTo("READ_REFUSAL_ROLE");
        assertThat(consent.requests()).hasSize(asked);
    }

    @Test
    void findProfiles_forMarketing_leavesOutTheProfilesWithoutConsent() {
        assertThat(admin.findProfiles(FindProfilesRequest.newBuilder().setEmail(email)
                .setPurpose(ReadPurpose.READ_PURPOSE_MARKETING).build()).getProfilesList()).isEmpty();
        assertThat(admin.findProfiles(Reads.find().setEmail(email).build()).getProfilesList()).hasSize(1);

        consent.grant(profileId, Purpose.MARKETING_SMS);

        assertThat(admin.findProfiles(FindProfilesRequest.newBuilder().setEmail(email)
                .setPurpose(ReadPurpose.READ_PURPOSE_MARKETING).build()).getProfilesList())
                .singleElement().satisfies(profile -> {
                    assertThat(profile.getPerson().getEmail()).isEmpty();
                    assertThat(profile.getPerson().getPhone()).isNotEmpty();
                });
    }

    @Test
    void aDelegatedRead_goesByTheRolesBothTheServiceAndThePersonItActsForHold() {
        var forSupportWithoutPii = ProfileServiceGrpc.newBlockingStub(channel.channel()).withCallCredentials(
                GrpcTestChannel.credentialsOfService("consent-service", "clerk", "profile-reader"));
        var forSupportWithPii = ProfileServiceGrpc.newBlockingStub(channel.channel()).withCallCredentials(
                GrpcTestChannel.credentialsOfService("consent-service", "support", "profile-reader", "pii-reader"));

        Profile masked = forSupportWithoutPii.getProfile(Reads.get(profileId));
        List<String> maskedRoles = consent.requests().get(consent.requests().size() - 1).getCallerRolesList();
        Profile inClear = forSupportWithPii.getProfile(Reads.get(profileId));

        assertThat(masked.getPerson().getEmail()).isNotEqualTo(email).startsWith("m***@");
        assertThat(maskedRoles).containsExactly("profile-reader");
        assertThat(inClear.getPerson().getEmail()).isEqualTo(email);
    }

    @Test
    void exportLinks_isAuditedAsAReadOfEveryLink_andExportsNothingUnaudited() {
        int before = consent.audited().size();
        List<SourceRecordLink> links = new ArrayList<>();
        admin.exportLinks(ExportLinksRequest.newBuilder().setSource("web").build()).forEachRemaining(links::add);

        assertThat(links).isNotEmpty();
        assertThat(consent.audited()).hasSize(before + 1).last().satisfies(audited -> {
            assertThat(audited.getData()).isEqualTo(AccessedData.ACCESSED_DATA_LINKS);
            assertThat(audited.getRecordsList()).isEmpty();
            assertThat(audited.getFieldsList()).containsExactly("source", "source_record_id", "profile_id");
        });

        consent.fail(Status.UNAVAILABLE.withDescription("down for the test"));
        List<SourceRecordLink> unaudited = new ArrayList<>();
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> admin
                .exportLinks(ExportLinksRequest.newBuilder().build()).forEachRemaining(unaudited::add));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(refused.getStatus().getDescription()).contains("audit");
        assertThat(unaudited).isEmpty();
    }

    @Test
    void theDecisionIsAskedWithTheCallersOwnRoles() {
        ProfileServiceGrpc.newBlockingStub(channel.as("support")).getProfile(Reads.get(profileId));

        assertThat(consent.requests()).last().satisfies(request -> {
            assertThat(request.getSubjectIdsList()).containsExactly(profileId);
            assertThat(request.getPurpose()).isEqualTo(ReadPurpose.READ_PURPOSE_SUPPORT);
            assertThat(request.getCallerRolesList()).contains("profile-reader", "pii-reader")
                    .doesNotContain("platform-admin");
        });
    }

    @Test
    void withoutAPolicyDecision_nothingIsRead_andReadsResumeWhenConsentServiceAnswersAgain() {
        consent.fail(Status.UNAVAILABLE.withDescription("down for the test"));

        StatusRuntimeException unavailable = catchThrowableOfType(StatusRuntimeException.class,
                () -> admin.getProfile(Reads.get(profileId)));
        consent.fail(null);

        assertThat(unavailable.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(unavailable.getStatus().getDescription()).contains("consent-service gave no policy decision");
        assertThat(admin.getProfile(Reads.get(profileId)).getProfileId()).isEqualTo(profileId);
    }

    private static ErrorInfo errorInfo(StatusRuntimeException error) {
        try {
            return StatusProto.fromThrowable(error).getDetailsList().stream()
                    .filter(detail -> detail.is(ErrorInfo.class)).findFirst().orElseThrow().unpack(ErrorInfo.class);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.List<String> violatedFields(Runnable call) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        try {
            return StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class).getFieldViolationsList()
                    .stream().map(BadRequest.FieldViolation::getField).toList();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
