package dev.cdm.kernel.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdm.kernel.crypto.DataKeyRepository;
import dev.cdm.kernel.crypto.DataKeyRepository.StoredKey;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.crypto.InMemoryDataKeyRepository;
import dev.cdm.kernel.crypto.LocalMasterKey;
import dev.cdm.kernel.events.CdmEventTypes;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasedIdentifiers;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

class StableTypeSerializerTest {

    private static final SourceRecordKey WEB_42 = new SourceRecordKey("web", "42");
    private static final SourceRecordKey SHOP_7 = new SourceRecordKey("shop", "7");
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private final DataKeys keys = InMemoryDataKeyRepository.keys();
    private final StableTypeSerializer serializer = StableTypeSerializer.create(keys);

    @Test
    void serialize_storesTheEventTypeNameAndRevision_notTheClassName() {
        SerializedObject<byte[]> stored = serializer.serialize(linked(WEB_42, ivan()), byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("cdm.profile.SourceRecordLinked");
        assertThat(stored.getType().getRevision()).isEqualTo("2");
    }

    @Test
    void deserialize_roundTripsARecordEvent() {
        SourceRecordLinkedEvent event = linked(WEB_42, ivan());

        Object back = serializer.deserialize(serializer.serialize(event, byte[].class));

        assertThat(back).isEqualTo(event);
    }

    @Test
    void serialize_keepsPersonalDataOutOfTheStoredForm_andIdsTimesAndCountryClear() {
        String stored = serializer.serialize(linked(WEB_42, ivan()), String.class).getData();

        assertThat(stored).doesNotContain("Ivan", "Volkov", "ivan@mail.ru", "+79161234567", "1990-05-17",
                "Lenina", "Moscow", "4711", "IVAN@MAIL.RU");
        assertThat(stored).contains("\"profileId\":\"p-1\"", "\"source\":\"web\"", "\"sourceRecordId\":\"42\"",
                "\"country\":\"RU\"", "2026-01-02T03:04:05Z", "\"sealed\"");
    }

    @Test
    void deserialize_afterTheSubjectsKeyIsDestroyed_readsThePersonalFieldsAsErased_andTheRestAsStored() {
        SerializedObject<byte[]> stored = serializer.serialize(linked(WEB_42, ivan()), byte[].class);

        keys.destroy(List.of(DataSubjects.of(WEB_42)));
        SourceRecordLinkedEvent back = serializer.deserialize(stored);

        assertThat(back.person()).isEqualTo(new PersonData(null, null, null, null, null, null, "RU"));
        assertThat(back.record()).isEqualTo(WEB_42);
        assertThat(back.receivedAt()).isEqualTo(AT);
    }

    @Test
    void aSerializerThatReadsNoPersonalData_seesItAsErased_andAsksForNoKey() {
        SerializedObject<byte[]> stored = serializer.serialize(linked(WEB_42, ivan()), byte[].class);
        DataKeyRepository refusing = new DataKeyRepository() {
            @Override
            public Map<String, StoredKey> liveKeysOf(Map<String, StoredKey> candidates) {
                throw new AssertionError("asked for keys");
            }

            @Override
            public Optional<StoredKey> find(String keyId) {
                throw new AssertionError("asked for key " + keyId);
            }

            @Override
            public Map<String, StoredKey> findAll(Collection<String> keyIds) {
                throw new AssertionError("asked for keys " + keyIds);
            }

            @Override
            public List<String> destroy(Collection<String> subjects) {
                throw new AssertionError("destroyed keys");
            }
        };
        StableTypeSerializer blind = StableTypeSerializer.create(
                new DataKeys(refusing, LocalMasterKey.generate(), Duration.ofMinutes(1)), false);

        SourceRecordLinkedEvent back = blind.deserialize(stored);

        assertThat(back.person()).isEqualTo(new PersonData(null, null, null, null, null, null, "RU"));
    }

    @Test
    void eachRecordInAMerge_isSealedWithItsOwnSubjectsKey() {
        PersonData anna = new PersonData("Anna", "Petrova", "anna@mail.ru", null, null, null, "RU");
        ProfilesMergedEvent merged = new ProfilesMergedEvent("p-1", "p-2", List.of(
                new MovedRecord(WEB_42, ivan(), AT, LinkDecision.founding()),
                new MovedRecord(SHOP_7, anna, AT, LinkDecision.founding())), LinkDecision.founding(), AT);
        SerializedObject<byte[]> stored = serializer.serialize(merged, byte[].class);

        keys.destroy(List.of(DataSubjects.of(WEB_42)));
        ProfilesMergedEvent back = serializer.deserialize(stored);

        assertThat(back.records().get(0).person().firstName()).isNull();
        assertThat(back.records().get(1).person()).isEqualTo(anna);
    }

    @Test
    void anErasuresIdentifierHmacs_areSealedUnderTheRequestsKey_andUnreadableOnceItIsDestroyed() {
        DataKeysDestroyedEvent event = new DataKeysDestroyedEvent("dsr-1", List.of("p-1"), List.of(WEB_42),
                List.of("k-1"), ErasedIdentifiers.of("dsr-1", List.of("hmac-of-email", "hmac-of-phone")), AT);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("hmac-of");
        assertThat(((DataKeysDestroyedEvent) serializer.deserialize(stored)).identifierKeys())
                .containsExactly("hmac-of-email", "hmac-of-phone");
        keys.destroy(List.of(ErasedIdentifiers.requestKeyOf("dsr-1")));
        DataKeysDestroyedEvent erased = serializer.deserialize(stored);
        assertThat(erased.identifierKeys()).isEmpty();
        assertThat(erased.records()).containsExactly(WEB_42);
    }

    @Test
    void anEventStoredBeforeSealing_readsAsItWasStored() {
        // in revision 2's shape (with a decision): revision 1 payloads reach the serializer through EventUpcasters
        String plain = "{\"profileId\":\"p-1\",\"record\":{\"source\":\"web\",\"sourceRecordId\":\"42\"},"
                + "\"person\":{\"firstName\":\"Ivan\",\"country\":\"RU\"},\"receivedAt\":\"2026-01-02T03:04:05Z\","
                + "\"decision\":{\"rule\":\"founding\"}}";
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(plain.getBytes(StandardCharsets.UTF_8),
                byte[].class, serializer.typeForClass(SourceRecordLinkedEvent.class));

        SourceRecordLinkedEvent back = serializer.deserialize(stored);

        assertThat(back.person().firstName()).isEqualTo("Ivan");
    }

    @Test
    void personalDataWithoutADataSubject_isRefused_notStoredInClear() {
        assertThatThrownBy(() -> serializer.serialize(ivan(), byte[].class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a data subject")
                .hasMessageNotContaining("Ivan");
    }

    @Test
    void valuesWithoutPersonalData_areSerializedAsBefore() {
        Object back = serializer.deserialize(serializer.serialize(WEB_42, byte[].class));

        assertThat(back).isEqualTo(WEB_42);
    }

    @Test
    void everyEventType_hasAUniqueStoredName() {
        assertThat(new HashSet<>(CdmEventTypes.ALL.stream().map(CdmEventTypes::storedName).toList()))
                .hasSameSizeAs(CdmEventTypes.ALL);
    }

    private static SourceRecordLinkedEvent linked(SourceRecordKey record, PersonData person) {
        return new SourceRecordLinkedEvent("p-1", record, person, AT, LinkDecision.founding());
    }

    private static PersonData ivan() {
        return new PersonData("Ivan", "Volkov", "ivan@mail.ru", "+79161234567", LocalDate.of(1990, 5, 17),
                "Lenina 1, Moscow", "RU", null, "Moscow", null, Map.of("loyalty", "4711"),
                Map.of("email", "IVAN@MAIL.RU"), Map.of());
    }
}
