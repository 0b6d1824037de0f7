package dev.cdm.kernel.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.crypto.CountingKeyRepository;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.crypto.InMemoryDataKeyRepository;
import dev.cdm.kernel.crypto.LocalMasterKey;
import dev.cdm.kernel.crypto.MasterKey;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

/** Fetching a page's data keys ahead: one key query for the page, and erased data stays erased. */
class DataKeyPrefetchTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final SourceRecordKey WEB_1 = new SourceRecordKey("web", "1");
    private static final SourceRecordKey WEB_2 = new SourceRecordKey("web", "2");
    private static final SourceRecordKey SHOP_3 = new SourceRecordKey("shop", "3");

    private final InMemoryDataKeyRepository stored = new InMemoryDataKeyRepository();
    private final MasterKey master = LocalMasterKey.generate();
    private final DataKeys writerKeys = new DataKeys(stored, master, Duration.ofMinutes(10));
    private final StableTypeSerializer writer = StableTypeSerializer.create(writerKeys);
    private final CountingKeyRepository counted = new CountingKeyRepository(stored);
    /** A restarted service: the same keys, none cached. */
    private final StableTypeSerializer reader = StableTypeSerializer.create(
            new DataKeys(counted, master, Duration.ofMinutes(10)));

    private final List<Object> payloads = List.of(
            new ProfileCreatedEvent("p-1", WEB_1, AT),
            linked("p-1", WEB_1, person("Ivan")),
            linked("p-2", WEB_2, person("Anna")),
            new ProfilesMergedEvent("p-1", "p-2", List.of(new MovedRecord(WEB_2, person("Anna"), AT,
                    LinkDecision.founding()), new MovedRecord(SHOP_3, person("Olga"), AT, LinkDecision.founding())),
                    LinkDecision.founding(), AT));

    @Test
    void prefetchKeys_fetchesThePagesKeysInOneQuery_andDeserializingThenFetchesNone() {
        List<DomainEventData<?>> page = stored(payloads);

        reader.prefetchKeys(page);

        assertThat(counted.batchQueries()).isEqualTo(1);
        assertThat(deserialized(page)).isEqualTo(payloads);
        assertThat(counted.singleQueries()).isZero();
    }

    @Test
    void prefetchKeys_ofAnErasedRecord_leavesItsPersonalDataErased() {
        List<DomainEventData<?>> page = stored(payloads);
        writerKeys.destroy(List.of(DataSubjects.of(WEB_2)));

        reader.prefetchKeys(page);
        List<Object> back = deserialized(page);

        assertThat(((SourceRecordLinkedEvent) back.get(1)).person().firstName()).isEqualTo("Ivan");
        assertThat(((SourceRecordLinkedEvent) back.get(2)).person().firstName()).isNull();
        ProfilesMergedEvent merged = (ProfilesMergedEvent) back.get(3);
        assertThat(merged.records().get(0).person().firstName()).isNull();
        assertThat(merged.records().get(1).person().firstName()).isEqualTo("Olga");
        assertThat(counted.singleQueries()).isZero();
    }

    @Test
    void aSerializerThatReadsNoPersonalData_fetchesNoKeyAhead() {
        StableTypeSerializer blind = StableTypeSerializer.create(new DataKeys(counted, master,
                Duration.ofMinutes(10)), false);

        blind.prefetchKeys(stored(payloads));

        assertThat(counted.batchQueries() + counted.singleQueries()).isZero();
    }

    @Test
    void aPageWithoutPersonalData_costsNoQuery() {
        reader.prefetchKeys(stored(List.of(new ProfileCreatedEvent("p-1", WEB_1, AT))));

        assertThat(counted.batchQueries()).isZero();
    }

    private List<DomainEventData<?>> stored(List<Object> events) {
        List<DomainEventData<?>> page = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SerializedObject<byte[]> payload = writer.serialize(events.get(i), byte[].class);
            page.add(new GenericDomainEventEntry<>("CustomerProfile", "p-1", i, "e-" + i, AT,
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    "{}".getBytes()));
        }
        return page;
    }

    private List<Object> deserialized(List<DomainEventData<?>> page) {
        return page.stream().map(event -> (Object) reader.deserialize(event.getPayload())).toList();
    }

    private static SourceRecordLinkedEvent linked(String profileId, SourceRecordKey record, PersonData person) {
        return new SourceRecordLinkedEvent(profileId, record, person, AT, LinkDecision.founding());
    }

    private static PersonData person(String firstName) {
        return new PersonData(firstName, "Volkova", firstName.toLowerCase() + "@mail.ru", null, null, null, "RU");
    }
}
