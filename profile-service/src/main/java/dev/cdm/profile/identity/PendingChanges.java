package dev.cdm.profile.identity;

import dev.cdm.kernel.events.SourceRecordKey;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the resolution lane committed that the {@code identity-index} projection may not have applied yet: the
 * latest state of every profile it touched (or that it retired), block memberships and routes, each tagged with
 * the event store head after the commit that made it. A workspace reads MongoDB and lays these on top, so the lane
 * need not wait for the projection between batches; an entry is forgotten once the projection has passed its head.
 * Owned by the lane's one thread.
 */
final class PendingChanges {

    private final Map<String, Tagged<IndexedProfile>> profiles = new HashMap<>();
    private final Map<String, Map<String, Tagged<Boolean>>> blocks = new HashMap<>();
    private final Map<SourceRecordKey, Tagged<String>> routes = new HashMap<>();

    /** Records what a committed batch changed; {@code head} is the event store head after its commit. */
    void record(long head, IdentityWorkspace.Changes changes) {
        changes.profiles().forEach((id, profile) -> profiles.put(id,
                new Tagged<>(profile == null ? null : profile.copy(), head)));
        changes.blocks().forEach((key, members) -> members.forEach((profileId, member) ->
                blocks.computeIfAbsent(key, k -> new HashMap<>()).put(profileId, new Tagged<>(member, head))));
        changes.routes().forEach((key, profileId) -> routes.put(key, new Tagged<>(profileId, head)));
    }

    /** Forgets what the projection has applied: every entry tagged at or below {@code position}. */
    void forget(long position) {
        profiles.values().removeIf(t -> t.head() <= position);
        routes.values().removeIf(t -> t.head() <= position);
        for (Iterator<Map<String, Tagged<Boolean>>> it = blocks.values().iterator(); it.hasNext(); ) {
            Map<String, Tagged<Boolean>> members = it.next();
            members.values().removeIf(t -> t.head() <= position);
            if (members.isEmpty()) {
                it.remove();
            }
        }
    }

    void clear() {
        forget(Long.MAX_VALUE);
    }

    boolean isEmpty() {
        return profiles.isEmpty() && blocks.isEmpty() && routes.isEmpty();
    }

    /** The pending state of a profile: empty when none is pending; an empty inner value when it was retired. */
    Optional<Optional<IndexedProfile>> profile(String profileId) {
        Tagged<IndexedProfile> pending = profiles.get(profileId);
        return pending == null ? Optional.empty() : Optional.of(Optional.ofNullable(pending.value()).map(IndexedProfile::copy));
    }

    Optional<String> route(SourceRecordKey key) {
        return Optional.ofNullable(routes.get(key)).map(Tagged::value);
    }

    /** Lays the pending memberships of {@code key} over {@code members} (as read from MongoDB). */
    void applyToBlock(String key, Set<String> members) {
        Map<String, Tagged<Boolean>> pending = blocks.get(key);
        if (pending != null) {
            pending.forEach((profileId, member) -> {
                if (member.value()) {
                    members.add(profileId);
                } else {
                    members.remove(profileId);
                }
            });
        }
    }

    boolean hasBlock(String key) {
        return blocks.containsKey(key);
    }

    private record Tagged<T>(T value, long head) {
    }
}
