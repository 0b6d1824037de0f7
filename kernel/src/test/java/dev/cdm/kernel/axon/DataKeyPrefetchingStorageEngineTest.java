package dev.cdm.kernel.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.crypto.CountingKeyRepository;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.crypto.JdbcDataKeyRepository;
import dev.cdm.kernel.crypto.LocalMasterKey;
import dev.cdm.kernel.crypto.MasterKey;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event store as the services build it, on a real PostgreSQL: the data keys of each page in one query. */
class DataKeyPrefetchingStorageEngineTest {

    private static final int EVENTS = 250;
    private static final int PAGE = 100;
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static final MasterKey MASTER = LocalMasterKey.generate();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPgBinaryResolver(DataKeyPrefetchingStorageEngineTest::binaries).start();
        dataSource = postgres.getPostgresDatabase();
        EventStoreSchema.ensure(dataSource, EventSchema.builder().build());
        JdbcDataKeyRepository.ensureSchema(dataSource);
        DataKeys keys = new DataKeys(repository(), MASTER, Duration.ofMinutes(10));
        List<DomainEventMessage<?>> events = IntStream.range(0, EVENTS).<DomainEventMessage<?>>mapToObj(i ->
                new GenericDomainEventMessage<>("CustomerProfile", "p-" + i, 0, linked(i))).toList();
        engine(StableTypeSerializer.create(keys)).appendEvents(events);
        keys.destroy(List.of(DataSubjects.of(record(7))));
    }

    // In a reactor build the classpath also holds embedded-stores' jar, whose manifest Class-Path (for `cdm up`)
    // lists the same binaries again; zonky's own resolver refuses two copies, so this takes the first.
    private static InputStream binaries(String system, String architecture) throws IOException {
        String name = ("postgres-" + system + "-" + architecture + ".txz").toLowerCase(Locale.ROOT);
        URL binaries = DataKeyPrefetchingStorageEngineTest.class.getClassLoader().getResource(name);
        if (binaries == null) {
            throw new IOException("No PostgreSQL binaries " + name + " on the test classpath");
        }
        return binaries.openStream();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void readingTheStore_fetchesEachPagesKeysInOneQuery_andNoneSingly() {
        CountingKeyRepository counted = new CountingKeyRepository(repository());
        JdbcEventStorageEngine engine = engine(StableTypeSerializer.create(new DataKeys(counted, MASTER,
                Duration.ofMinutes(10))));

        List<Object> payloads = engine.readEvents(null, false).map(event -> (Object) event.getPayload()).toList();

        assertThat(payloads).hasSize(EVENTS);
        assertThat(counted.batchQueries()).isEqualTo((EVENTS + PAGE - 1) / PAGE);
        assertThat(counted.singleQueries()).isZero();
        assertThat(((SourceRecordLinkedEvent) payloads.get(8)).person()).isEqualTo(person(8));
    }

    @Test
    void aDestroyedKey_isNotFetchedAhead_andItsEventReadsAsErased() {
        CountingKeyRepository counted = new CountingKeyRepository(repository());
        JdbcEventStorageEngine engine = engine(StableTypeSerializer.create(new DataKeys(counted, MASTER,
                Duration.ofMinutes(10))));

        SourceRecordLinkedEvent erased = (SourceRecordLinkedEvent) engine.readEvents("p-7", 0).next().getPayload();

        assertThat(erased.person()).isEqualTo(new PersonData(null, null, null, null, null, null, "RU"));
        assertThat(erased.record()).isEqualTo(record(7));
        assertThat(counted.batchQueries()).isEqualTo(1);
        assertThat(counted.singleQueries()).isZero();
    }

    private static JdbcEventStorageEngine engine(StableTypeSerializer serializer) {
        return new DataKeyPrefetchingStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(EventUpcasters.all()))
                .schema(EventSchema.builder().build())
                .batchSize(PAGE));
    }

    private static JdbcDataKeyRepository repository() {
        return new JdbcDataKeyRepository(dataSource, JdbcDataKeyRepository.AUTO_COMMIT);
    }

    private static SourceRecordLinkedEvent linked(int i) {
        return new SourceRecordLinkedEvent("p-" + i, record(i), person(i), AT, LinkDecision.founding());
    }

    private static SourceRecordKey record(int i) {
        return new SourceRecordKey("web", String.valueOf(i));
    }

    private static PersonData person(int i) {
        return new PersonData("Anna" + i, "Petrova", "anna" + i + "@mail.ru", null, null, null, "RU");
    }
}
