package dev.cdm.profile.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.golden.Survivorship;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A processor batch of many events per profile writes what the same events write one by one. */
class ProfileViewBatchTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final SourceRecordKey WEB = new SourceRecordKey("web", "w-1");
    private static final SourceRecordKey SHOP = new SourceRecordKey("shop", "s-1");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void oneBatch_writesTheViewsAndLookupsThatEventByEventWrites() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String profile : List.of("p-1", "p-2")) {
            events.addAll(stream(profile));
        }

        MongoDatabase oneByOne = client.getDatabase("one-by-one");
        AnnotationEventHandlerAdapter single = handler(oneByOne);
        for (EventMessage<?> event : events) {
            single.handle(event);
        }
        MongoDatabase batched = client.getDatabase("batched");
        AnnotationEventHandlerAdapter inBatch = handler(batched);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.executeWithResult(() -> inBatch.handle(batch.getMessage()));

        assertThat(contents(batched, ProfileViewRepository.LOOKUP)).isEqualTo(contents(oneByOne,
                ProfileViewRepository.LOOKUP)).isNotEmpty();
        assertThat(contents(batched, ProfileViewRepository.PROFILES)).isEqualTo(contents(oneByOne,
                ProfileViewRepository.PROFILES)).hasSize(2);
        assertThat(contents(batched, ProfileViewRepository.LOOKUP)).extracting(doc -> doc.getString("_id"))
                .contains("email:ivan2@mail.ru", "phone:+79161234568").doesNotContain("email:ivan@mail.ru",
                        "phone:+79161234567");
    }

    @Test
    void lookupKeys_areTheViewsOwn_throughChangesOfItsRecords() {
        LookupKeys keys = new LookupKeys();
        ProfileView view = ProfileView.created("p-1", T0, 0)
                .withRecord(WEB, person("ivan@mail.ru", "+79161234567", Map.of("loyalty", "4711")), T0,
                        LinkDecision.founding(), 1)
                .withRecord(SHOP, person("ivan@shop.ru", null, Map.of()), T0, LinkDecision.founding(), 2);
        ProfileView changed = view.withRecord(WEB, person("new@mail.ru", "8 916 123 45 67", Map.of()), T0, null, 3);

        assertThat(keys.of(view)).isEqualTo(view.lookupKeys()).hasSize(4);
        assertThat(keys.of(changed)).isEqualTo(changed.lookupKeys());
        assertThat(keys.of(view)).isEqualTo(view.lookupKeys());
    }

    private static AnnotationEventHandlerAdapter handler(MongoDatabase database) {
        return new AnnotationEventHandlerAdapter(new ProfileViewProjection(
                new ProfileViewRepository(database, Survivorship.mostRecent())));
    }

    /** Created, two records linked, then each changed: its email, then its phone. */
    private static List<EventMessage<?>> stream(String profile) {
        List<Object> payloads = List.of(new ProfileCreatedEvent(profile, WEB, T0),
                new SourceRecordLinkedEvent(profile, WEB, person("ivan@mail.ru", "+79161234567", Map.of()), T0,
                        LinkDecision.founding()),
                new SourceRecordLinkedEvent(profile, SHOP, person("ivan@shop.ru", null, Map.of("loyalty", "7")),
                        T0.plusSeconds(1), LinkDecision.founding()),
                new SourceRecordChangedEvent(profile, WEB, person("ivan2@mail.ru", "+79161234567", Map.of()),
                        T0.plusSeconds(2)),
                new SourceRecordChangedEvent(profile, WEB, person("ivan2@mail.ru", "+79161234568", Map.of()),
                        T0.plusSeconds(3)));
        List<EventMessage<?>> events = new ArrayList<>();
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            events.add(new GenericDomainEventMessage<>("CustomerProfile", profile, sequence, payloads.get(sequence)));
        }
        return events;
    }

    private static List<Document> contents(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static PersonData person(String email, String phone, Map<String, String> externalIds) {
        return new PersonData("Ivan", "Volkov", email, phone, null, null, "RU", null, null, null, externalIds,
                Map.of(), Map.of());
    }
}
