package dev.cdm.profile.identity;

import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.KeyListBatch;
import dev.cdm.kernel.projection.ProjectionBatch;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The match index changes of one processor batch: profiles read once (all of the batch's at the start, by one
 * query) and changed in memory, block and route changes queued in order, all written by {@link #flush} in bulk:
 * blocks and routes first, profile documents last, so an interrupted flush is redone in full on redelivery.
 */
final class IdentityIndexBatch implements ProjectionBatch {

    private static final Logger LOG = Logger.getLogger(IdentityIndexBatch.class);

    private final IdentityIndexRepository index;
    private final DocumentBatch<IndexedProfile> profiles;
    private final KeyListBatch blocks;
    private final Map<SourceRecordKey, String> routes = new LinkedHashMap<>();

    IdentityIndexBatch(IdentityIndexRepository index, Collection<String> prefetch, int maxBlockSize) {
        this.index = index;
        this.profiles = index.batch(prefetch);
        this.blocks = index.blockBatch(maxBlockSize);
    }

    Optional<IndexedProfile> profile(String profileId) {
        return profiles.find(profileId);
    }

    void save(IndexedProfile profile) {
        profiles.save(profile.profileId(), profile);
    }

    void delete(String profileId) {
        profiles.delete(profileId);
    }

    void addToBlocks(Collection<String> keys, String profileId) {
        blocks.add(keys, profileId);
    }

    void removeFromBlocks(Collection<String> keys, String profileId) {
        blocks.remove(keys, profileId);
    }

    void route(Collection<SourceRecordKey> keys, String profileId) {
        keys.forEach(key -> {
            routes.remove(key);
            routes.put(key, profileId);
        });
    }

    /** The records lead nowhere any more: their routes are deleted. */
    void unroute(Collection<SourceRecordKey> keys) {
        keys.forEach(key -> {
            routes.remove(key);
            routes.put(key, null);
        });
    }

    @Override
    public void flush() {
        long start = System.nanoTime();
        int blockChanges = blocks.size();
        blocks.flush();
        long blocked = System.nanoTime();
        index.routeAll(routes);
        long routed = System.nanoTime();
        profiles.flush();
        LOG.debugf("flush: %d block changes %d ms, %d routes %d ms, profiles %d ms", blockChanges,
                (blocked - start) / 1_000_000, routes.size(), (routed - blocked) / 1_000_000,
                (System.nanoTime() - routed) / 1_000_000);
        routes.clear();
    }

}
