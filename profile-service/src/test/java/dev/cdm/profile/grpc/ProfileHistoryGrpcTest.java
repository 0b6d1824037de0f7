package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.proto.v1.GetProfileAsOfRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import dev.cdm.testing.TestTokens;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class ProfileHistoryGrpcTest {

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
    void history_listsEveryEventInOrder_namingChangedFieldsAndOrigin() {
        String record = "h-" + UUID.randomUUID();
        String id = registerThenMove(record);

        ProfileHistory history = history(id);

        assertThat(history.getEntriesList()).extracting(ProfileHistoryEntry::getSequenceNumber)
                .containsExactly(0L, 1L, 2L);
        assertThat(history.getEntriesList()).extracting(ProfileHistoryEntry::getEventType).containsExactly(
                "cdm.profile.ProfileCreated", "cdm.profile.SourceRecordLinked", "cdm.profile.SourceRecordChanged");
        assertThat(history.getEntriesList()).extracting(ProfileHistoryEntry::getSummary).containsExactly(
                "profile created by record web/" + record, "record web/" + record + " linked",
                "record web/" + record + " changed: phone, address");
        ProfileHistoryEntry changed = history.getEntries(2);
        assertThat(changed.getPerson().getAddress()).isEqualTo("Kazan, Baumana 5");
        assertThat(changed.getRecord().getSourceRecordId()).isEqualTo(record);
        assertThat(history.getEntriesList()).allSatisfy(entry -> {
            assertThat(entry.getCorrelationId()).isNotBlank();
            assertThat(entry.getTraceId()).isNotBlank();
            assertThat(entry.getCommandName()).isEqualTo(RegisterSourceRecordCommand.class.getName());
        });
        assertThat(changed.getCorrelationId()).isNotEqualTo(history.getEntries(1).getCorrelationId());
        assertThat(history.getEntriesList()).extracting(ProfileHistoryEntry::getCaller).containsOnly("admin");
        assertThat(history.getEntriesList()).extracting(ProfileHistoryEntry::getOnBehalfOf).containsOnly("");
    }

    @Test
    void history_namesTheServiceAndThePersonItActedFor_whenAServiceCallsOnSomeonesBehalf() {
        String record = "h-" + UUID.randomUUID();
        ProfileServiceGrpc.ProfileServiceBlockingStub asIngestion = ProfileServiceGrpc.newBlockingStub(channel.channel())
                .withCallCredentials(GrpcTestChannel.credentialsOfService("ingestion-service", "ingest",
                        "ingest-writer"));

        String id = asIngestion.registerSourceRecord(ProfileGrpcServiceTest.request("web", record,
                ProfileGrpcServiceTest.ivan())).getProfileId();

        assertThat(history(id).getEntriesList()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.getCaller()).isEqualTo("service-account-ingestion-service");
            assertThat(entry.getOnBehalfOf()).isEqualTo("ingest");
        });
    }

    @Test
    void aServiceActingForSomeone_getsNoMethodThatPersonMayNotCall() {
        ProfileServiceGrpc.ProfileServiceBlockingStub forSupport = ProfileServiceGrpc.newBlockingStub(channel.channel())
                .withCallCredentials(GrpcTestChannel.credentialsOfService("ingestion-service", "support",
                        "profile-reader", "pii-reader"));
        ProfileServiceGrpc.ProfileServiceBlockingStub forNoRoleNamed = ProfileServiceGrpc.newBlockingStub(channel
                .withToken(TestTokens.ofService("ingestion-service")))
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(onBehalfOf("ingest")));

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> forSupport.registerSourceRecord(ProfileGrpcServiceTest.request("web", "h-" + UUID.randomUUID(),
                        ProfileGrpcServiceTest.ivan())));
        StatusRuntimeException unnamedRoles = catchThrowableOfType(StatusRuntimeException.class,
                () -> forNoRoleNamed.registerSourceRecord(ProfileGrpcServiceTest.request("web",
                        "h-" + UUID.randomUUID(), ProfileGrpcServiceTest.ivan())));

        // ingestion-service holds ingest-writer; the person it names does not (or names no roles at all)
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).contains("requires the role ingest-writer",
                "the caller ingestion-service acts for does not hold it").doesNotContain("Ivan");
        assertThat(unnamedRoles.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void history_ignoresAPersonsClaimToActForSomeoneElse() {
        String record = "h-" + UUID.randomUUID();
        ProfileServiceGrpc.ProfileServiceBlockingStub asIngest = ProfileServiceGrpc
                .newBlockingStub(channel.as("ingest"))
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(onBehalfOf("officer")));

        String id = asIngest.registerSourceRecord(ProfileGrpcServiceTest.request("web", record,
                ProfileGrpcServiceTest.ivan())).getProfileId();

        assertThat(history(id).getEntriesList()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.getCaller()).isEqualTo("ingest");
            assertThat(entry.getOnBehalfOf()).isEmpty();
        });
    }

    private static Metadata onBehalfOf(String user) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("cdm-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER), user);
        return headers;
    }

    @Test
    void asOf_rebuildsTheProfile_beforeBetweenAndAfterItsEvents() {
        String id = registerThenMove("h-" + UUID.randomUUID());
        ProfileHistory history = history(id);
        Instant created = instant(history.getEntries(0).getTimestamp());
        Instant linked = instant(history.getEntries(1).getTimestamp());

        assertThat(asOfError(id, created.minusNanos(1)).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(asOf(id, linked).getPerson().getAddress()).isEqualTo("Moscow, Tverskaya 1");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .untilAsserted(() -> assertThat(profile(id).getVersion()).isEqualTo(2));
        Profile now = asOf(id, Instant.now());
        Profile live = profile(id);
        // the read model keeps timestamps to the millisecond, the event store to the nanosecond
        assertThat(now.getPerson()).isEqualTo(live.getPerson());
        assertThat(now.getVersion()).isEqualTo(live.getVersion());
        assertThat(now.getSourceRecordsList()).extracting(r -> r.getPerson())
                .isEqualTo(live.getSourceRecordsList().stream().map(r -> r.getPerson()).toList());
    }

    @Test
    void history_isNotFoundForAnUnknownId_andInvalidForABlankOne() {
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () -> history("nope"));
        StatusRuntimeException blank = catchThrowableOfType(StatusRuntimeException.class, () -> history(" "));

        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(blank.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void asOf_isInvalid_withoutIdTimeOrPurpose() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.getProfileAsOf(GetProfileAsOfRequest.getDefaultInstance()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.getStatus().getDescription()).contains("profile_id").contains("as_of").contains("purpose");
    }

    private String registerThenMove(String sourceId) {
        PersonFields ivan = ProfileGrpcServiceTest.ivan().toBuilder().clearEmail().clearLastName()
                .setAddress("Moscow, Tverskaya 1").build();
        String id = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("web", sourceId, ivan))
                .getProfileId();
        PersonFields moved = ivan.toBuilder().setPhone("+7 916 000-00-00").setAddress("Kazan, Baumana 5").build();
        profiles.registerSourceRecord(ProfileGrpcServiceTest.request("web", sourceId, moved));
        return id;
    }

    private ProfileHistory history(String id) {
        return profiles.getProfileHistory(Reads.history(id));
    }

    private Profile profile(String id) {
        return profiles.getProfile(Reads.get(id));
    }

    private Profile asOf(String id, Instant at) {
        return profiles.getProfileAsOf(Reads.asOf().setProfileId(id)
                .setAsOf(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano())).build());
    }

    private StatusRuntimeException asOfError(String id, Instant at) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> asOf(id, at));
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
