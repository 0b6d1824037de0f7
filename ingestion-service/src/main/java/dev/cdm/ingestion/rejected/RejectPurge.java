package dev.cdm.ingestion.rejected;

import dev.cdm.kernel.erasure.PersonalDataPurge;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rejects of an erased subject's records go: they hold what the source sent, in clear. (A reject of a record
 * that never reached a profile is not found this way: nothing ties it to the subject but its personal data.)
 */
@ApplicationScoped
class RejectPurge implements PersonalDataPurge {

    @Inject
    RejectedRecordRepository rejects;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    @Override
    public List<PurgedStore> purge(DataKeysDestroyedEvent erasure) {
        return List.of(new PurgedStore(database + "." + RejectedRecordRepository.COLLECTION,
                rejects.purge(erasure.records())));
    }
}
