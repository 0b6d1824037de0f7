package dev.cdm.profile.identity;

import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.projection.ProjectionBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The match index changes of one processor batch: profiles read once (all of the batch's at the start, by one
 * query) and changed in memory, block and route changes queued in order, all written by {@link #flush} in bulk:
 * blocks and routes first, profile documents last, so an interrupted flush is redone in full on redelivery.
 */
final class IdentityIndexBatch implements ProjectionBatch {

    private static final Logger LOG = Logger.getLogger(IdentityIndexBatch.class);

    private final IdentityIndexRepository index;
    private final Map<String, IndexedProfile> profiles = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private final List<BlockChange> blockChanges = new ArrayList<>();
    private final Map<SourceRecordKey, String> routes = new LinkedHashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Set<String> deleted = new LinkedHashSet<>();

    IdentityIndexBatch(IdentityIndexRepository index, Collection<String> prefetch) {
        this.index = index;
        if (!prefetch.isEmpty()) {
            Map<String, IndexedProfile> found = index.profiles(prefetch);
            profiles.putAll(found);
            prefetch.stream().filter(id -> !found.containsKey(id)).forEach(missing::add);
        }
    }

    Optional<IndexedProfile> profile(String profileId) {
        IndexedProfile cached = profiles.get(profileId);
        if (cached != null || missing.contains(profileId)) {
            return Optional.ofNullable(cached);
        }
        Optional<IndexedProfile> loaded = index.profile(profileId);
        loaded.ifPresentOrElse(p -> profiles.put(profileId, p), () -> missing.add(profileId));
        return loaded;
    }

    void save(IndexedProfile profile) {
        profiles.put(profile.profileId(), profile);
        missing.remove(profile.profileId());
        deleted.remove(profile.profileId());
        changed.add(profile.profileId());
    }

    void delete(String profileId) {
        profiles.remove(profileId);
        missing.add(profileId);
        changed.remove(profileId);
        deleted.add(profileId);
    }

    void addToBlocks(Collection<String> keys, String profileId) {
        if (!keys.isEmpty()) {
            blockChanges.add(new BlockChange(Set.copyOf(keys), profileId, true));
        }
    }

    void removeFromBlocks(Collection<String> keys, String profileId) {
        if (!keys.isEmpty()) {
            blockChanges.add(new BlockChange(Set.copyOf(keys), profileId, false));
        }
    }

    void route(Collection<SourceRecordKey> keys, String profileId) {
        keys.forEach(key -> {
            routes.remove(key);
            routes.put(key, profileId);
        });
    }

    @Override
    public void flush() {
        long start = System.nanoTime();
        index.applyBlockChanges(blockChanges);
        long blocks = System.nanoTime();
        index.routeAll(routes);
        long routed = System.nanoTime();
        index.saveAll(changed.stream().map(profiles::get).toList());
        index.deleteAll(deleted);
        LOG.debugf("flush: %d block changes %d ms, %d routes %d ms, %d profiles %d ms", blockChanges.size(),
                (blocks - start) / 1_000_000, routes.size(), (routed - blocks) / 1_000_000, changed.size(),
                (System.nanoTime() - routed) / 1_000_000);
        blockChanges.clear();
        routes.clear();
        changed.clear();
        deleted.clear();
    }

    /** Add {@code profileId} to (or remove it from) the blocks {@code keys}. */
    record BlockChange(Set<String> keys, String profileId, boolean add) {
    }
}
