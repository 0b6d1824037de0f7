package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import dev.cdm.profile.command.CustomerProfile;
import dev.cdm.proto.v1.ExplainProfileRequest;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Events stored at revision 1 of SourceRecordLinked, written into the real PostgreSQL event store as the code of
 * that time wrote them, load in the aggregate (from events, then from its snapshot), the profile view, the history
 * and the explanation exactly as the same history stored at revision 2 does.
 */
@QuarkusTest
@TestProfile(ProfileSnapshotTest.SnapshotEvery5Events.class)
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class StoredRevision1EventsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    private static final int CHANGES = 4;

    @Inject
    Configuration axon;

    @Inject
    EventStore eventStore;

    @Inject
    DataSource dataSource;

    @TestHTTPResource
    URL url;

    @Test
    void revision1Links_loadAsTheSameHistoryAtRevision2_inTheAggregateAndEveryRead() throws SQLException {
        String n = UUID.randomUUID().toString();
        String legacy = "L" + n;
        String current = "C" + n;
        store(legacy, true);
        store(current, false);

        for (String id : List.of(legacy, current)) {
            // 7 stored events, more than the threshold: this load snapshots, the next one starts from the snapshot
            assertThat(register(id, "shop", person("Shop 2"))).isEqualTo(RegistrationOutcome.UPDATED);
            assertThat(eventStore.readEvents(id).next().getPayload()).isInstanceOf(CustomerProfile.class);
            assertThat(register(id, "shop", person("Shop 2"))).isEqualTo(RegistrationOutcome.UNCHANGED);
            assertThat(register(id, "crm", person("Crm 1"))).isEqualTo(RegistrationOutcome.LINKED);
        }

        try (GrpcTestChannel channel = GrpcTestChannel.to(url)) {
            ProfileServiceBlockingStub profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
            await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                    .untilAsserted(() -> {
                        assertThat(profiles.getProfile(Reads.get(legacy)).getVersion()).isEqualTo(CHANGES + 4);
                        assertThat(profiles.getProfile(Reads.get(current)).getVersion()).isEqualTo(CHANGES + 4);
                    });
            assertThat(text(profiles.getProfile(Reads.get(legacy)), legacy, current))
                    .isEqualTo(text(profiles.getProfile(Reads.get(current)), legacy, current));
            assertThat(profiles.getProfile(Reads.get(legacy)).getSourceRecordsList())
                    .allSatisfy(r -> assertThat(r.getDecision().getRule()).isEqualTo(LinkDecision.RULE_FOUNDING));
            assertThat(text(explain(profiles, legacy), legacy, current))
                    .isEqualTo(text(explain(profiles, current), legacy, current));
            assertThat(history(profiles, legacy, current)).isEqualTo(history(profiles, current, current))
                    .hasSize(CHANGES + 5);
        }
    }

    /** Created, web linked, shop linked, {@value #CHANGES} changes of web: revision 1 links if {@code legacy}. */
    private void store(String id, boolean legacy) throws SQLException {
        SourceRecordKey web = new SourceRecordKey("web", id);
        SourceRecordKey shop = new SourceRecordKey("shop", id);
        SourceRecordLinkedEvent webLinked = new SourceRecordLinkedEvent(id, web, person("Web 0"), T0,
                LinkDecision.founding());
        SourceRecordLinkedEvent shopLinked = new SourceRecordLinkedEvent(id, shop, person("Shop 1"),
                T0.plusSeconds(1), LinkDecision.founding());
        append(id, 0, serialize(new ProfileCreatedEvent(id, web, T0)));
        // before identity resolution (and sealing): no decision member, the person as the 7 fields of then, clear
        append(id, 1, legacy ? beforeIdentityResolution(webLinked) : serialize(webLinked));
        // after it: a record joining the profile of its key had a null decision, its person sealed
        append(id, 2, legacy ? withNullDecision(serialize(shopLinked)) : serialize(shopLinked));
        for (int i = 1; i <= CHANGES; i++) {
            append(id, 2 + i, serialize(new SourceRecordChangedEvent(id, web, person("Web " + i),
                    T0.plusSeconds(1 + i))));
        }
    }

    private Stored serialize(Object event) {
        SerializedObject<byte[]> serialized = serializer().serialize(event, byte[].class);
        return new Stored(serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData());
    }

    private Stored beforeIdentityResolution(SourceRecordLinkedEvent event) {
        ObjectNode payload = mapper().valueToTree(event);
        payload.remove("decision");
        ((ObjectNode) payload.get("person")).retain("firstName", "lastName", "email", "phone", "birthDate",
                "address", "country");
        return revision1(payload);
    }

    private Stored withNullDecision(Stored revision2) {
        ObjectNode payload = (ObjectNode) serializer().getConverter()
                .convert(revision2.payload(), JsonNode.class);
        payload.putNull("decision");
        return revision1(payload);
    }

    private Stored revision1(JsonNode payload) {
        try {
            return new Stored("cdm.profile.SourceRecordLinked", "1", mapper().writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row as Axon's JdbcEventStorageEngine writes it (the global index from its sequence). */
    private void append(String id, long sequence, Stored event) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,"
                        + " payloadtype, payloadrevision, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, id);
            insert.setLong(3, sequence);
            insert.setString(4, CustomerProfile.class.getSimpleName());
            insert.setString(5, T0.plusSeconds(sequence).toString());
            insert.setString(6, event.type());
            insert.setString(7, event.revision());
            insert.setBytes(8, event.payload());
            insert.setBytes(9, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private RegistrationOutcome register(String id, String source, PersonData person) {
        return axon.commandGateway().sendAndWait(new RegisterSourceRecordCommand(id, new SourceRecordKey(source, id),
                person, T0.plusSeconds(100)));
    }

    private static Message explain(ProfileServiceBlockingStub profiles, String id) {
        return profiles.explainProfile(ExplainProfileRequest.newBuilder().setProfileId(id).build());
    }

    /** The history without what differs by nature: when the commands ran, their correlation and trace ids. */
    private static List<String> history(ProfileServiceBlockingStub profiles, String id, String current) {
        return profiles.getProfileHistory(Reads.history(id)).getEntriesList().stream()
                .map(e -> e.toBuilder().clearTimestamp().clearCorrelationId().clearTraceId().build())
                .map(e -> text(e, id, current)).toList();
    }

    private static String text(Message message, String id, String current) {
        return message.toString().replace(id, current);
    }

    private static PersonData person(String address) {
        return new PersonData("Ivan", "Volkov", "ivan.volkov@mail.ru", "+79161234567", null, address, "RU");
    }

    private Serializer serializer() {
        return axon.eventSerializer();
    }

    private ObjectMapper mapper() {
        return ((JacksonSerializer) serializer()).getObjectMapper();
    }

    private record Stored(String type, String revision, byte[] payload) {
    }
}
