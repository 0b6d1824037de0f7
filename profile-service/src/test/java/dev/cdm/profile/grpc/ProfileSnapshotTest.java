package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import dev.cdm.profile.command.CustomerProfile;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/** With a snapshot every 5 events, commands and the profile's reads (history, as-of, live) are as without. */
@QuarkusTest
@TestProfile(ProfileSnapshotTest.SnapshotEvery5Events.class)
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class ProfileSnapshotTest {

    public static class SnapshotEvery5Events implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cdm.profile.snapshot-threshold", "5");
        }
    }

    @Inject
    CommandGateway commands;

    @Inject
    EventStore eventStore;

    @Inject
    DataSource dataSource;

    @TestHTTPResource
    URL url;

    @Test
    void commands_behaveAsWithoutSnapshots_afterTheProfileWasSnapshotted() throws SQLException {
        String id = UUID.randomUUID().toString();
        SourceRecordKey web = new SourceRecordKey("web", id);
        assertThat(register(id, web, living("Street 0"))).isEqualTo(RegistrationOutcome.CREATED);
        for (int i = 1; i < 30; i++) {
            assertThat(register(id, web, living("Street " + i))).isEqualTo(RegistrationOutcome.UPDATED);
        }

        assertThat(latestSnapshotSequence(id)).isGreaterThanOrEqualTo(25L);
        assertThat(eventStore.readEvents(id).next().getPayload()).isInstanceOf(CustomerProfile.class);
        assertThat(register(id, web, living("Street 29"))).isEqualTo(RegistrationOutcome.UNCHANGED);
        assertThat(register(id, web, living("Street 30"))).isEqualTo(RegistrationOutcome.UPDATED);
        assertThat(register(id, new SourceRecordKey("shop", id), living("Shop 1")))
                .isEqualTo(RegistrationOutcome.LINKED);

        try (GrpcTestChannel channel = GrpcTestChannel.to(url)) {
            ProfileServiceGrpc.ProfileServiceBlockingStub profiles = ProfileServiceGrpc.newBlockingStub(
                    channel.as("admin"));
            List<ProfileHistoryEntry> history = profiles.getProfileHistory(
                    Reads.history(id)).getEntriesList();
            assertThat(history).extracting(ProfileHistoryEntry::getSequenceNumber)
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, 32).boxed().toList());
            assertThat(history.get(31).getPerson().getAddress()).isEqualTo("Street 30");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                    .untilAsserted(() -> assertThat(profile(profiles, id).getVersion()).isEqualTo(32));
            Profile profile = profile(profiles, id);
            assertThat(profile.getSourceRecordsList()).extracting(r -> r.getPerson().getAddress())
                    .containsExactlyInAnyOrder("Street 30", "Shop 1");
            assertThat(profile.getPerson().getAddress()).isEqualTo("Shop 1");
            Profile asOf = profiles.getProfileAsOf(Reads.asOf().setProfileId(id)
                    .setAsOf(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() + 1)).build());
            assertThat(asOf.getVersion()).isEqualTo(32);
            assertThat(asOf.getPerson()).isEqualTo(profile.getPerson());
        }
    }

    private RegistrationOutcome register(String id, SourceRecordKey record, PersonData person) {
        return commands.sendAndWait(new RegisterSourceRecordCommand(id, record, person, Instant.now()));
    }

    private static PersonData living(String address) {
        return new PersonData("Ivan", "Volkov", "ivan.volkov@mail.ru", "+79161234567", null, address, "RU");
    }

    private static Profile profile(ProfileServiceGrpc.ProfileServiceBlockingStub profiles, String id) {
        return profiles.getProfile(Reads.get(id));
    }

    private long latestSnapshotSequence(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT max(sequencenumber) FROM snapshotevententry WHERE aggregateidentifier = ?")) {
            query.setString(1, id);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getLong(1) : -1;
            }
        }
    }
}
