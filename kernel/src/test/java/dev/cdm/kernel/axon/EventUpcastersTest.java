package dev.cdm.kernel.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdm.kernel.crypto.InMemoryDataKeyRepository;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * Stored payloads of older revisions, exactly as the serializer wrote them, read through the upcaster chain that
 * every service's event store uses. The sealed fixtures were captured from {@link StableTypeSerializer} at revision
 * 1 (their data key is gone, so their personal values read as erased); the clear one is the form before sealing and
 * before identity resolution existed, when a record only ever founded its own profile.
 */
class EventUpcastersTest {

    private static final String LINKED = "cdm.profile.SourceRecordLinked";
    private static final SourceRecordKey WEB_42 = new SourceRecordKey("web", "42");
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final String BEFORE_IDENTITY_RESOLUTION = "{\"profileId\":\"p-1\","
            + "\"record\":{\"source\":\"web\",\"sourceRecordId\":\"42\"},\"person\":{\"firstName\":\"Ivan\","
            + "\"lastName\":\"Volkov\",\"email\":\"ivan@mail.ru\",\"phone\":\"+79161234567\","
            + "\"birthDate\":\"1990-05-17\",\"address\":\"Lenina 1, Moscow\",\"country\":\"RU\"},"
            + "\"receivedAt\":\"2026-01-02T03:04:05Z\"}";

    private final StableTypeSerializer serializer = StableTypeSerializer.create(InMemoryDataKeyRepository.keys());
    private final EventUpcasterChain chain = new EventUpcasterChain(EventUpcasters.all());

    @Test
    void aLinkStoredBeforeIdentityResolution_upcastsToRevision2_andLoadsAsFounding() {
        IntermediateEventRepresentation upcast = upcast(BEFORE_IDENTITY_RESOLUTION, "1");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        SourceRecordLinkedEvent event = deserialize(upcast);
        assertThat(event).isEqualTo(new SourceRecordLinkedEvent("p-1", WEB_42, new PersonData("Ivan", "Volkov",
                "ivan@mail.ru", "+79161234567", LocalDate.of(1990, 5, 17), "Lenina 1, Moscow", "RU"), AT,
                LinkDecision.founding()));
    }

    @Test
    void aSealedLinkWithANullDecision_upcastsToAFoundingDecision_andLeavesThePersonSealed() {
        String stored = fixture("source-record-linked-r1-sealed.json");
        IntermediateEventRepresentation upcast = upcast(stored, "1");

        JsonNode payload = upcast.getData(JsonNode.class).getData();
        assertThat(payload.get("person")).isEqualTo(tree(stored).get("person"));
        assertThat(payload.get("decision")).isEqualTo(tree("{\"rule\":\"founding\",\"matchedRecord\":null,"
                + "\"score\":0.0,\"evidence\":[],\"fromProfileId\":null,\"note\":null}"));
        SourceRecordLinkedEvent event = deserialize(upcast);
        assertThat(event.decision()).isEqualTo(LinkDecision.founding());
        assertThat(event.record()).isEqualTo(WEB_42);
        assertThat(event.receivedAt()).isEqualTo(AT);
        assertThat(event.person().country()).isEqualTo("RU");
        assertThat(event.person().firstName()).isNull();
    }

    @Test
    void aRevision1LinkWithADecision_keepsItsDecision() {
        SourceRecordLinkedEvent event = deserialize(upcast(fixture("source-record-linked-r1-split.json"), "1"));

        assertThat(event.decision()).isEqualTo(new LinkDecision(LinkDecision.RULE_SPLIT, null, 0, List.of(),
                "p-1", "two people"));
        assertThat(event.profileId()).isEqualTo("p-2");
    }

    @Test
    void aRevision2Link_passesUntouched() {
        SourceRecordLinkedEvent written = new SourceRecordLinkedEvent("p-1", WEB_42, new PersonData("Ivan", null,
                null, null, null, null, "RU"), AT, LinkDecision.founding());
        SerializedObject<String> stored = serializer.serialize(written, String.class);
        assertThat(stored.getType().getRevision()).isEqualTo("2");

        IntermediateEventRepresentation upcast = upcast(stored.getData(), "2");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(String.class).getData()).isEqualTo(stored.getData());
        assertThat(deserialize(upcast)).isEqualTo(written);
    }

    private IntermediateEventRepresentation upcast(String payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("CustomerProfile", "p-1", 1,
                "event-1", AT, LINKED, revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = chain.upcast(
                Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private SourceRecordLinkedEvent deserialize(IntermediateEventRepresentation upcast) {
        SerializedObject<JsonNode> payload = upcast.getData(JsonNode.class);
        return serializer.deserialize(new SimpleSerializedObject<>(payload.getData(), JsonNode.class,
                upcast.getType()));
    }

    private JsonNode tree(String json) {
        try {
            return serializer.getObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = EventUpcastersTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
