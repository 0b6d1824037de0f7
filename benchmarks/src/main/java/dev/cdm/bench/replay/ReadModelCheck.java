package dev.cdm.bench.replay;

import com.mongodb.client.MongoDatabase;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.query.ProfileViewAccess;
import dev.cdm.profile.query.ProfileViewRepository;
import java.util.List;
import java.util.Optional;

/**
 * What a replay must have produced: one profile document per profile created, and for a sample of profiles the
 * very view that ProfileViewFold gives for the profile's events.
 */
final class ReadModelCheck {

    private final ProfileStreams streams;
    private final int sampleSize;

    ReadModelCheck(ProfileStreams streams, int sampleSize) {
        this.streams = streams;
        this.sampleSize = sampleSize;
    }

    /** Throws when the read model in {@code database} is not what the first {@code events} events make. */
    void verify(MongoDatabase database, long events) {
        long expected = streams.profiles(events);
        long found = database.getCollection(ProfileViewAccess.PROFILES).countDocuments();
        if (found != expected) {
            throw new IllegalStateException("Expected " + expected + " profile documents, found " + found);
        }
        ProfileViewRepository repository = ProfileViewAccess.repository(database);
        for (long profile : sample(expected, sampleSize)) {
            ProfileView want = expectedView(profile, events);
            Optional<ProfileView> got = repository.find(want.profileId());
            if (!got.equals(Optional.of(want))) {
                throw new IllegalStateException("Profile " + profile + " differs from its fold:\n  expected " + want
                        + "\n  found    " + got.orElse(null));
            }
        }
    }

    /** The view of {@code profile} after its events among the first {@code events}. */
    ProfileView expectedView(long profile, long events) {
        ProfileView view = null;
        List<Object> payloads = streams.payloadsOf(profile, events);
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            view = ProfileViewAccess.fold(view, payloads.get(sequence), sequence);
        }
        return view;
    }

    /** Up to {@code size} profiles spread evenly over {@code 0..profiles-1}, the first and the last among them. */
    static List<Long> sample(long profiles, int size) {
        if (profiles <= 0 || size <= 0) {
            return List.of();
        }
        if (profiles <= size) {
            return java.util.stream.LongStream.range(0, profiles).boxed().toList();
        }
        return java.util.stream.LongStream.range(0, size)
                .map(i -> size == 1 ? 0 : i * (profiles - 1) / (size - 1)).boxed().toList();
    }
}
