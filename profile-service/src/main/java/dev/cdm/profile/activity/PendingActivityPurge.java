package dev.cdm.profile.activity;

import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.erasure.PersonalDataPurge;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pending activities of an erased subject go: they are held for the keyed HMACs of the subject's emails and
 * phones or of one of the subject's records (an activity that named a record before it arrived).
 */
@ApplicationScoped
class PendingActivityPurge implements PersonalDataPurge {

    @Inject
    PendingActivityRepository pending;

    @Inject
    SuppressionKeys identifierKeys;

    @ConfigProperty(name = "cdm.mongodb.database")
    String database;

    @Override
    public List<PurgedStore> purge(DataKeysDestroyedEvent erasure) {
        List<String> keys = new ArrayList<>(erasure.identifierKeys());
        keys.addAll(identifierKeys.keyed(erasure.records().stream().map(Customer::lookupKeyOf).toList()));
        return List.of(new PurgedStore(database + "." + PendingActivityRepository.COLLECTION, pending.purge(keys)));
    }
}
