package dev.cdm.profile.query;

import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.KeyListBatch;
import dev.cdm.kernel.projection.ProjectionBatch;
import dev.cdm.profile.api.ProfileView;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The profile-view changes of one processor batch: views read once (the batch's all at the start), changed in
 * memory, lookup changes queued in order; {@link #flush} writes the lookups first and the views last, in bulk.
 */
final class ProfileViewBatch implements ProjectionBatch {

    private final DocumentBatch<ProfileView> views;
    private final KeyListBatch lookups;
    private final LookupKeys lookupKeys = new LookupKeys();

    ProfileViewBatch(ProfileViewRepository repository, Collection<String> prefetch) {
        this.views = repository.batch(prefetch);
        this.lookups = repository.lookupBatch();
    }

    Optional<ProfileView> find(String profileId) {
        return views.find(profileId);
    }

    void save(ProfileView view) {
        views.save(view.profileId(), view);
    }

    void delete(String profileId) {
        views.delete(profileId);
    }

    /** {@code view.lookupKeys()}, each record's worked out once per batch. */
    Set<String> lookupKeysOf(ProfileView view) {
        return lookupKeys.of(view);
    }

    void addToLookup(Collection<String> keys, String profileId) {
        lookups.add(keys, profileId);
    }

    void removeFromLookup(Collection<String> keys, String profileId) {
        lookups.remove(keys, profileId);
    }

    @Override
    public void flush() {
        lookups.flush();
        views.flush();
    }
}
