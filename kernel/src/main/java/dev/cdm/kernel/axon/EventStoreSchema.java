package dev.cdm.kernel.axon;

import dev.cdm.kernel.postgres.SchemaLock;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/** Creates Axon's event and snapshot tables when they are missing. Every service calls this at start-up. */
public final class EventStoreSchema {

    private EventStoreSchema() {
    }

    public static void ensure(DataSource dataSource, EventSchema schema) {
        SchemaLock.run(dataSource, "the event store schema", connection -> {
            PostgresEventTableFactory tables = PostgresEventTableFactory.INSTANCE;
            execute(tables.createDomainEventTable(connection, schema));
            execute(tables.createSnapshotEventTable(connection, schema));
        });
    }

    private static void execute(PreparedStatement statement) throws SQLException {
        try (statement) {
            statement.executeUpdate();
        }
    }
}
