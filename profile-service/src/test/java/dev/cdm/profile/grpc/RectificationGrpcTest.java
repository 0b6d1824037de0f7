package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.RectifyProfileRequest;
import dev.cdm.proto.v1.RectifyProfileResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GDPR Art. 16: a rectification supersedes the sources' values, shows in the history and is found by lookups. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class RectificationGrpcTest {

    @TestHTTPResource
    URL url;

    private GrpcTestChannel channel;
    private ProfileServiceGrpc.ProfileServiceBlockingStub profiles;

    @BeforeEach
    void connect() {
        channel = GrpcTestChannel.to(url);
        profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void corrections_supersedeEverySource_evenValuesReceivedLater() {
        PersonFields ivan = ProfileGrpcServiceTest.ivan();
        String recordId = UUID.randomUUID().toString();
        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm", recordId, ivan))
                .getProfileId();
        String corrected = "ivan.corrected." + UUID.randomUUID().toString().substring(0, 8) + "@mail.ru";

        RectifyProfileResponse rectified = profiles.rectifyProfile(RectifyProfileRequest.newBuilder()
                .setProfileId(profileId).setRequestId("dsr-test-" + recordId)
                .setCorrections(PersonFields.newBuilder().setEmail(corrected).setAddress("Tverskaya 9, Moskva"))
                .build());
        profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm", recordId, ivan.toBuilder()
                .setAddress("Arbat 1, Moskva").build()));
        awaitProjections();

        assertThat(rectified.getFieldsList()).containsExactly("email", "address");
        assertThat(rectified.getRecord().getSource()).isEqualTo("rectification");
        Profile profile = profiles.getProfile(Reads.get(profileId));
        assertThat(profile.getPerson().getEmail()).isEqualTo(corrected);
        assertThat(profile.getPerson().getAddress()).isEqualTo("Tverskaya 9, Moskva");
        assertThat(profile.getPerson().getLastName()).isEqualTo(ivan.getLastName());
        assertThat(profiles.findProfiles(Reads.find().setEmail(corrected).build())
                .getProfilesList()).extracting(Profile::getProfileId).containsExactly(profileId);
        assertThat(profiles.getProfileHistory(Reads.history(profileId))
                .getEntriesList()).extracting(ProfileHistoryEntry::getSummary)
                .anySatisfy(summary -> assertThat(summary).contains("rectified by request dsr-test-" + recordId));
    }

    @Test
    void rectify_refusesBadCorrections_unknownProfiles_andTheReservedSourceInIngestion() {
        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm",
                UUID.randomUUID().toString(), ProfileGrpcServiceTest.ivan())).getProfileId();

        StatusRuntimeException empty = catchThrowableOfType(StatusRuntimeException.class, () -> profiles
                .rectifyProfile(RectifyProfileRequest.newBuilder().setProfileId(profileId).setRequestId("dsr-x")
                        .build()));
        StatusRuntimeException badEmail = catchThrowableOfType(StatusRuntimeException.class, () -> profiles
                .rectifyProfile(RectifyProfileRequest.newBuilder().setProfileId(profileId).setRequestId("dsr-x")
                        .setCorrections(PersonFields.newBuilder().setEmail("not-an-email")).build()));
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () -> profiles
                .rectifyProfile(RectifyProfileRequest.newBuilder().setProfileId("no-such-profile")
                        .setRequestId("dsr-x").setCorrections(PersonFields.newBuilder().setLastName("Petrov"))
                        .build()));
        StatusRuntimeException reserved = catchThrowableOfType(StatusRuntimeException.class, () -> profiles
                .registerSourceRecord(ProfileGrpcServiceTest.request("rectification", "dsr-x",
                        ProfileGrpcServiceTest.ivan())));

        assertThat(ProfileGrpcServiceTest.violatedFields(empty)).containsExactly("corrections");
        assertThat(ProfileGrpcServiceTest.violatedFields(badEmail)).containsExactly("corrections.email");
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(ProfileGrpcServiceTest.violatedFields(reserved)).containsExactly("key.source");
    }

    private void awaitProjections() {
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
    }
}
