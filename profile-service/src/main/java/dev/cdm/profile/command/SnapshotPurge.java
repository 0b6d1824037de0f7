package dev.cdm.profile.command;

import dev.cdm.kernel.erasure.PersonalDataPurge;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * An erased subject's CustomerProfile snapshots are deleted. What they sealed is unreadable already; snapshots
 * stored before sealing existed held it in clear, and none is needed: the aggregate loads from its events.
 */
@ApplicationScoped
class SnapshotPurge implements PersonalDataPurge {

    private static final EventSchema SCHEMA = EventSchema.builder().build();

    @Inject
    DataSource eventStore;

    @Override
    public List<PurgedStore> purge(DataKeysDestroyedEvent erasure) {
        String sql = "DELETE FROM " + SCHEMA.snapshotTable() + " WHERE " + SCHEMA.aggregateIdentifierColumn()
                + " = ANY (?)";
        try (Connection connection = eventStore.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf("varchar", erasure.profileIds().toArray());
            delete.setArray(1, ids);
            return List.of(new PurgedStore("postgres." + SCHEMA.snapshotTable().toLowerCase(),
                    delete.executeUpdate()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete the snapshots of erased profiles", e);
        }
    }
}
