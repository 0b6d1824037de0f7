package dev.cdm.ingestion.rejected;

import dev.cdm.kernel.erasure.PersonalDataPurge;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rejects of an erased subject go: they hold what the source sent, in clear. They are found by the subject's
 * record keys, and by the keyed HMACs of the subject's emails and phones for a reject whose record never reached
 * the profile (refused before resolution, say for an impossible birth date).
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
                rejects.purge(erasure.records(), erasure.identifierKeys())));
    }
}
