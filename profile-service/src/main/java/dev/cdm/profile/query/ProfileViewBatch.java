package dev.cdm.profile.query;

import dev.cdm.kernel.projection.ProjectionBatch;
import dev.cdm.profile.api.ProfileView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profile-view changes of one processor batch: views read once (the batch's all at the start), changed in
 * memory, lookup changes queued in order; {@link #flush} writes the lookups first and the views last, in bulk.
 */
final class ProfileViewBatch implements ProjectionBatch {

    private final ProfileViewRepository repository;
    private final Map<String, ProfileView> views = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private final List<LookupChange> lookups = new ArrayList<>();
    private final Set<String> changed = new LinkedHashSet<>();

    ProfileViewBatch(ProfileViewRepository repository, Collection<String> prefetch) {
        this.repository = repository;
        if (!prefetch.isEmpty()) {
            Map<String, ProfileView> found = repository.findAll(prefetch);
            views.putAll(found);
            prefetch.stream().filter(id -> !found.containsKey(id)).forEach(missing::add);
        }
    }

    Optional<ProfileView> find(String profileId) {
        ProfileView cached = views.get(profileId);
        if (cached != null || missing.contains(profileId)) {
            return Optional.ofNullable(cached);
        }
        Optional<ProfileView> loaded = repository.find(profileId);
        loaded.ifPresentOrElse(v -> views.put(profileId, v), () -> missing.add(profileId));
        return loaded;
    }

    void save(ProfileView view) {
        views.put(view.profileId(), view);
        missing.remove(view.profileId());
        changed.add(view.profileId());
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
        repository.saveAll(changed.stream().map(views::get).toList());
        lookups.clear();
        changed.clear();
    }

    /** Add {@code profileId} to (or remove it from) the lookups {@code keys}. */
    record LookupChange(Set<String> keys, String profileId, boolean add) {
    }
}
