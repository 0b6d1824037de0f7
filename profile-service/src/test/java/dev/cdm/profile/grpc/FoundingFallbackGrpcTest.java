package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
import dev.cdm.proto.v1.RegisterSourceRecordsResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch founds new profiles without reading the event store first (FoundProfileCommand). Should a founding
 * profile exist after all, the batch fails on its first event, and the record retried alone joins that profile.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class FoundingFallbackGrpcTest {

    @TestHTTPResource
    URL url;

    @Inject
    CommandGateway commands;

    private GrpcTestChannel channel;

    @BeforeEach
    void connect() {
        channel = GrpcTestChannel.to(url);
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void batch_linksARecordToItsFoundingProfile_whenThatProfileExistsAlready() {
        String source = "fallback-" + UUID.randomUUID().toString().substring(0, 8);
        String occupied = new SourceRecordKey(source, "k").foundingProfileId();
        // a profile under k's founding id that holds another record: the match index has no route for k
        commands.sendAndWait(new RegisterSourceRecordCommand(occupied, new SourceRecordKey(source, "other"),
                new PersonData("Olga", "Sokolova", "olga." + source + "@example.org", null,
                        LocalDate.of(1971, 2, 3), null, "RU"), Instant.now()));
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());

        RegisterSourceRecordsResponse response = ProfileServiceGrpc.newBlockingStub(channel.as("admin"))
                .registerSourceRecords(RegisterSourceRecordsRequest.newBuilder()
                        .addRecords(ProfileGrpcServiceTest.request(source, "k", PersonFields.newBuilder()
                                .setFirstName("Karl").setLastName("Brandt").setEmail("karl@" + source + ".de").build()))
                        .addRecords(ProfileGrpcServiceTest.request(source, "l", PersonFields.newBuilder()
                                .setFirstName("Lena").setLastName("Weiss").setEmail("lena@" + source + ".de").build()))
                        .build());

        IngestRecordResponse k = response.getResults(0).getRegistered();
        IngestRecordResponse l = response.getResults(1).getRegistered();
        assertThat(k.getProfileId()).isEqualTo(occupied);
        assertThat(k.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_LINKED);
        assertThat(l.getProfileId()).isEqualTo(new SourceRecordKey(source, "l").foundingProfileId());
        assertThat(l.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
    }
}
