package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.profile.api.EraseProfileCommand;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GDPR Art. 17: once a person is erased, a source that sends one of their records again (same source, same record
 * id) founds a brand-new person. The record's founding profile id is taken by the erased profile, so it must not
 * be refused as "erased", and a retry of the re-sent record must land in the same new profile.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class ErasedRecordResentGrpcTest {

    @TestHTTPResource
    URL url;

    @Inject
    CommandGateway commands;

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
    void aRecordResentAfterErasure_foundsANewPerson_andARetryJoinsIt() {
        String source = "resent-" + UUID.randomUUID().toString().substring(0, 8);
        IngestRecordResponse first = profiles.registerSourceRecord(
                ProfileGrpcServiceTest.request(source, "r1", ProfileGrpcServiceTest.ivan()));
        erase(first.getProfileId());

        IngestRecordResponse again = profiles.registerSourceRecord(
                ProfileGrpcServiceTest.request(source, "r1", ProfileGrpcServiceTest.ivan()));
        IngestRecordResponse retried = profiles.registerSourceRecord(
                ProfileGrpcServiceTest.request(source, "r1", ProfileGrpcServiceTest.ivan()));

        assertThat(again.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(again.getProfileId()).isNotEqualTo(first.getProfileId());
        assertThat(retried.getProfileId()).isEqualTo(again.getProfileId());
        assertThat(retried.getOutcome()).isNotEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
    }

    @Test
    void aBatchHoldingAnErasedRecord_foundsANewPersonForIt() {
        String source = "resent-" + UUID.randomUUID().toString().substring(0, 8);
        IngestRecordResponse first = profiles.registerSourceRecord(
                ProfileGrpcServiceTest.request(source, "r1", ProfileGrpcServiceTest.ivan()));
        erase(first.getProfileId());

        var response = profiles.registerSourceRecords(RegisterSourceRecordsRequest.newBuilder()
                .addRecords(ProfileGrpcServiceTest.request(source, "r1", ProfileGrpcServiceTest.ivan()))
                .addRecords(ProfileGrpcServiceTest.request(source, "r2", ProfileGrpcServiceTest.ivan()))
                .build());

        IngestRecordResponse resent = response.getResults(0).getRegistered();
        IngestRecordResponse other = response.getResults(1).getRegistered();
        assertThat(resent.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(resent.getProfileId()).isNotEqualTo(first.getProfileId());
        assertThat(other.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
    }

    private void erase(String profileId) {
        commands.sendAndWait(new EraseProfileCommand(profileId, "dsr-" + UUID.randomUUID(), Instant.now()));
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
    }
}
