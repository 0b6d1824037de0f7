package dev.cdm.profile.identity;

import dev.cdm.kernel.events.SourceRecordKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the match index one resolution batch needs, read once, and kept current in memory as the batch
 * decides: a record resolved early in the batch is a candidate for the records after it, before the
 * {@code identity-index} projection has seen any of the batch's events.
 */
final class IdentityWorkspace {

    private final IdentityIndexRepository index;
    private final int maxBlockSize;
    private final Map<SourceRecordKey, String> routes;
    private final Map<String, Set<String>> blocks = new HashMap<>();
    private final Map<String, IndexedProfile> profiles = new HashMap<>();

    private IdentityWorkspace(IdentityIndexRepository index, int maxBlockSize, Map<SourceRecordKey, String> routes) {
        this.index = index;
        this.maxBlockSize = maxBlockSize;
        this.routes = routes;
    }

    /** Reads the routes of {@code keys} and the blocks (with their profiles) of {@code records}. */
    static IdentityWorkspace load(IdentityIndexRepository index, int maxBlockSize, Collection<SourceRecordKey> keys,
                                  Collection<IndexedRecord> records) {
        IdentityWorkspace workspace = new IdentityWorkspace(index, maxBlockSize, new HashMap<>(index.routes(keys)));
        Set<String> blockKeys = new HashSet<>();
        records.forEach(r -> blockKeys.addAll(r.blockingKeys()));
        index.blocks(blockKeys).forEach((key, ids) -> workspace.blocks.put(key, new LinkedHashSet<>(ids)));
        Set<String> candidateIds = new HashSet<>();
        workspace.blocks.values().stream().filter(ids -> ids.size() <= maxBlockSize).forEach(candidateIds::addAll);
        workspace.profiles.putAll(index.profiles(candidateIds));
        return workspace;
    }

    String route(SourceRecordKey key) {
        return routes.get(key);
    }

    /** The profiles sharing a usable block with {@code record}. */
    List<IndexedProfile> candidates(IndexedRecord record) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : record.blockingKeys()) {
            Set<String> members = blocks.get(key);
            if (members != null && members.size() <= maxBlockSize) {
                ids.addAll(members);
            }
        }
        List<IndexedProfile> found = new ArrayList<>();
        for (String id : ids) {
            IndexedProfile profile = profiles.computeIfAbsent(id, missing -> index.profile(missing).orElse(null));
            if (profile != null) {
                found.add(profile);
            }
        }
        return found;
    }

    void found(String profileId, IndexedRecord record) {
        IndexedProfile profile = new IndexedProfile(profileId, -1);
        profiles.put(profileId, profile);
        link(profileId, record);
    }

    void link(String profileId, IndexedRecord record) {
        IndexedProfile profile = profiles.get(profileId);
        if (profile != null) {
            profile.put(record);
        }
        record.blockingKeys().forEach(key -> blocks.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(profileId));
        routes.put(record.key(), profileId);
    }

    /** {@code retired}'s records now belong to {@code survivor}. */
    void merge(String survivor, String retired) {
        IndexedProfile gone = profiles.remove(retired);
        blocks.values().forEach(members -> members.remove(retired));
        if (gone != null) {
            gone.records().forEach(record -> link(survivor, record));
        }
    }

    /** {@code records} left {@code profileId} and founded {@code newProfileId}; the two stay apart. */
    void split(String profileId, String newProfileId, List<IndexedRecord> records) {
        IndexedProfile source = profiles.computeIfAbsent(profileId, id -> index.profile(id).orElse(null));
        IndexedProfile created = new IndexedProfile(newProfileId, -1);
        profiles.put(newProfileId, created);
        created.keepApartFrom(profileId);
        if (source != null) {
            records.forEach(r -> source.remove(r.key()));
            source.keepApartFrom(newProfileId);
            Set<String> stillHeld = source.blockingKeys();
            records.forEach(r -> r.blockingKeys().stream().filter(k -> !stillHeld.contains(k))
                    .forEach(k -> blocks.getOrDefault(k, new HashSet<>()).remove(profileId)));
        }
        records.forEach(r -> link(newProfileId, r));
    }
}
