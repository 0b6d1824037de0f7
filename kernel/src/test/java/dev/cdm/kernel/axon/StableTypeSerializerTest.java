package dev.cdm.kernel.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.CdmEventTypes;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

class StableTypeSerializerTest {

    private final StableTypeSerializer serializer = StableTypeSerializer.create();

    @Test
    void serialize_storesTheEventTypeNameAndRevision_notTheClassName() {
        SerializedObject<byte[]> stored = serializer.serialize(linked(), byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("cdm.profile.SourceRecordLinked");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void deserialize_roundTripsARecordEvent() {
        SourceRecordLinkedEvent event = linked();

        Object back = serializer.deserialize(serializer.serialize(event, byte[].class));

        assertThat(back).isEqualTo(event);
    }

    @Test
    void everyEventType_hasAUniqueStoredName() {
        assertThat(new HashSet<>(CdmEventTypes.ALL.stream().map(CdmEventTypes::storedName).toList()))
                .hasSameSizeAs(CdmEventTypes.ALL);
    }

    private static SourceRecordLinkedEvent linked() {
        return new SourceRecordLinkedEvent("p-1", new SourceRecordKey("web", "42"),
                new PersonData("Ivan", "Volkov", "ivan@mail.ru", "+79161234567", LocalDate.of(1990, 5, 17),
                        "Lenina 1, Moscow", "RU"),
                Instant.parse("2026-01-02T03:04:05Z"));
    }
}
