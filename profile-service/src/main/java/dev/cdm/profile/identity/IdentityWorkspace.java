package dev.cdm.profile.identity;

import dev.cdm.kernel.events.SourceRecordKey;
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

/**
 * The part of the match index one resolution batch needs: read once from MongoDB, with the lane's pending changes
 * (committed but maybe not yet projected) laid on top, and kept current in memory as the batch decides, so a record
 * resolved early in the batch is a candidate for the records after it. It remembers what it changed, for the
 * lane's pending changes once the batch has committed.
 */
final class IdentityWorkspace {

    private final IdentityIndexRepository index;
    private final PendingChanges pending;
    private final CandidateRule candidateRule;
    private final Map<SourceRecordKey, String> routes = new HashMap<>();
    private final Map<String, Set<String>> blocks = new HashMap<>();
    private final Map<String, IndexedProfile> profiles = new HashMap<>();
    private final Changes changes = new Changes(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());

    private IdentityWorkspace(IdentityIndexRepository index, PendingChanges pending, CandidateRule candidateRule) {
        this.index = index;
        this.pending = pending;
        this.candidateRule = candidateRule;
    }

    /** Reads the routes of {@code keys} and the blocks (with their candidate profiles) of {@code records}. */
    static IdentityWorkspace load(IdentityIndexRepository index, PendingChanges pending, CandidateRule candidateRule,
                                  Collection<SourceRecordKey> keys, Collection<IndexedRecord> records) {
        IdentityWorkspace workspace = new IdentityWorkspace(index, pending, candidateRule);
        workspace.routes.putAll(index.routes(keys));
        keys.forEach(key -> pending.route(key).ifPresent(profileId -> workspace.routes.put(key, profileId)));
        Set<String> blockKeys = new HashSet<>();
        records.forEach(r -> blockKeys.addAll(r.blockingKeys()));
        index.blocks(blockKeys).forEach((key, ids) -> workspace.blocks.put(key, new LinkedHashSet<>(ids)));
        for (String key : blockKeys) {
            if (pending.hasBlock(key)) {
                pending.applyToBlock(key, workspace.blocks.computeIfAbsent(key, k -> new LinkedHashSet<>()));
            }
        }
        Set<String> candidateIds = new HashSet<>();
        records.forEach(r -> candidateIds.addAll(candidateRule.candidates(r.blockingKeys(), workspace.blocks::get)));
        Set<String> unread = new HashSet<>();
        for (String id : candidateIds) {
            Optional<Optional<IndexedProfile>> pendingProfile = pending.profile(id);
            if (pendingProfile.isPresent()) {
                pendingProfile.get().ifPresent(p -> workspace.profiles.put(id, p));
            } else {
                unread.add(id);
            }
        }
        // the lane never restricts a profile: for the profiles it holds pending, the match index says which are
        Set<String> fromPending = new HashSet<>(workspace.profiles.keySet());
        if (!fromPending.isEmpty()) {
            Set<String> restricted = index.restrictedAmong(fromPending);
            fromPending.forEach(id -> workspace.profiles.get(id).restricted(restricted.contains(id)));
        }
        workspace.profiles.putAll(index.profiles(unread));
        return workspace;
    }

    String route(SourceRecordKey key) {
        return routes.get(key);
    }

    /** The profiles worth comparing {@code record} with ({@link CandidateRule}). */
    List<IndexedProfile> candidates(IndexedRecord record) {
        Set<String> ids = candidateRule.candidates(record.blockingKeys(), blocks::get);
        List<IndexedProfile> found = new ArrayList<>();
        for (String id : ids) {
            IndexedProfile profile = profile(id);
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
        IndexedProfile profile = profile(profileId);
        if (profile != null) {
            profile.put(record);
            changes.profiles().put(profileId, profile);
        }
        record.blockingKeys().forEach(key -> addToBlock(key, profileId));
        routes.put(record.key(), profileId);
        changes.routes().put(record.key(), profileId);
    }

    /** {@code retired}'s records now belong to {@code survivor}. */
    void merge(String survivor, String retired) {
        IndexedProfile gone = profile(retired);
        profiles.remove(retired);
        changes.profiles().put(retired, null);
        if (gone != null) {
            gone.blockingKeys().forEach(key -> removeFromBlock(key, retired));
            gone.records().forEach(record -> link(survivor, record));
        }
        blocks.values().forEach(members -> members.remove(retired));
    }

    /** {@code records} left {@code profileId} and founded {@code newProfileId}; the two stay apart. */
    void split(String profileId, String newProfileId, List<IndexedRecord> records) {
        IndexedProfile source = profile(profileId);
        IndexedProfile created = new IndexedProfile(newProfileId, -1);
        profiles.put(newProfileId, created);
        created.keepApartFrom(profileId);
        if (source != null) {
            records.forEach(r -> source.remove(r.key()));
            source.keepApartFrom(newProfileId);
            changes.profiles().put(profileId, source);
            Set<String> stillHeld = source.blockingKeys();
            records.forEach(r -> r.blockingKeys().stream().filter(k -> !stillHeld.contains(k))
                    .forEach(k -> removeFromBlock(k, profileId)));
        }
        records.forEach(r -> link(newProfileId, r));
    }

    Changes changes() {
        return changes;
    }

    /** A profile as this batch knows it: changed here, pending from an earlier batch, or as MongoDB has it. */
    private IndexedProfile profile(String profileId) {
        return profiles.computeIfAbsent(profileId, id -> pending.profile(id)
                .orElseGet(() -> index.profile(id)).orElse(null));
    }

    private void addToBlock(String key, String profileId) {
        blocks.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(profileId);
        changes.blocks().computeIfAbsent(key, k -> new HashMap<>()).put(profileId, true);
    }

    private void removeFromBlock(String key, String profileId) {
        Set<String> members = blocks.get(key);
        if (members != null) {
            members.remove(profileId);
        }
        changes.blocks().computeIfAbsent(key, k -> new HashMap<>()).put(profileId, false);
    }

    /**
     * What a batch changed: the latest state of each profile (null: retired), block memberships (true: member)
     * and routes.
     */
    record Changes(Map<String, IndexedProfile> profiles, Map<String, Map<String, Boolean>> blocks,
                   Map<SourceRecordKey, String> routes) {
    }
}
