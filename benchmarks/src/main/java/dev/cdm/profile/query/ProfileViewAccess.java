package dev.cdm.profile.query;

import com.mongodb.client.MongoDatabase;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.golden.Survivorship;

/**
 * What {@code benchmarks/run replay} needs of the profile read model that profile-service keeps package-private: the
 * repository on a given database (as the service builds it, with the default survivorship rules), its reset, and the
 * fold. Lives in the benchmarks module, in the same package (the class path has no modules), so that the service
 * does not widen its API for a benchmark.
 */
public final class ProfileViewAccess {

    /** The collection of profile documents, one per profile. */
    public static final String PROFILES = ProfileViewRepository.PROFILES;

    private ProfileViewAccess() {
    }

    /** The repository on {@code database}, with profile-service's default rules (cdm.golden.default-rule). */
    public static ProfileViewRepository repository(MongoDatabase database) {
        return new ProfileViewRepository(database, Survivorship.mostRecent());
    }

    /** What the projection's {@code @ResetHandler} does: drops both collections and creates the indexes. */
    public static void reset(ProfileViewRepository repository) {
        repository.dropAll();
    }

    /** {@link ProfileViewFold#apply}: the view after {@code payload} at {@code sequence}. */
    public static ProfileView fold(ProfileView current, Object payload, long sequence) {
        return ProfileViewFold.apply(current, payload, sequence);
    }
}
