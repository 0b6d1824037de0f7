package dev.cdm.profile.query;

import dev.cdm.kernel.projection.DocumentBatch;
import dev.cdm.kernel.projection.ProjectionBatch;
import dev.cdm.profile.api.ProfileView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The profile-view changes of one processor batch: views read once (the batch's all at the start), changed in
 * memory, lookup changes queued in order; {@link #flush} writes the lookups first and the views last, in bulk.
 */
final class ProfileViewBatch implements ProjectionBatch {

    private final ProfileViewRepository repository;
    private final DocumentBatch<ProfileView> views;
    private final List<LookupChange> lookups = new ArrayList<>();

    ProfileViewBatch(ProfileViewRepository repository, Collection<String> prefetch) {
        this.repository = repository;
        this.views = repository.batch(prefetch);
    }

    Optional<ProfileView> find(String profileId) {
        return views.find(profileId);
    }

    void save(ProfileView view) {
        views.save(view.profileId(), view);
    }

    void addToLookup(Collection<String> keys, String profileId) {
        if (!keys.isEmpty()) {
            lookups.add(new LookupChange(Set.copyOf(keys), profileId, true));
        }
    }

    void removeFromLookup(Collection<String> keys, String profileId) {
        if (!keys.isEmpty()) {
            lookups.add(new LookupChange(Set.copyOf(keys), profileId, false));
        }
    }

    @Override
    public void flush() {
        repository.applyLookupChanges(lookups);
        views.flush();
        lookups.clear();
    }

    /** Add {@code profileId} to (or remove it from) the lookups {@code keys}. */
    record LookupChange(Set<String> keys, String profileId, boolean add) {
    }
}
