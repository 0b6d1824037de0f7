package dev.cdm.analytics.query;

import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The facts analytics counts about one profile, free of personal data: per linked record only its key, country
 * and time of receipt. {@code version} is the sequence number of the last event applied. A profile merged into
 * another one is {@code retired}: it holds no records and is not counted. A profile whose processing is
 * {@code restricted} (GDPR Art. 18) is not counted either, until the restriction is lifted; an erased one has no
 * facts at all.
 */
record ProfileFacts(String profileId, List<RecordFact> records, long version, boolean retired,
                    boolean restricted) {

    /** The order in which the profile view overlays its records: later ones win, rectifications over all. */
    private static final Comparator<RecordFact> OLDEST_FIRST = Comparator
            .comparing((RecordFact r) -> r.key().correctsProfile())
            .thenComparing(RecordFact::receivedAt)
            .thenComparing(r -> r.key().source())
            .thenComparing(r -> r.key().sourceRecordId());

    ProfileFacts {
        Objects.requireNonNull(profileId, "profileId");
        records = List.copyOf(records);
    }

    static ProfileFacts created(String profileId, long version) {
        return new ProfileFacts(profileId, List.of(), version, false, false);
    }

    /** These facts without the records {@code keys}, as of event {@code version}. */
    ProfileFacts withoutRecords(Collection<SourceRecordKey> keys, long version) {
        return new ProfileFacts(profileId, records.stream().filter(r -> !keys.contains(r.key())).toList(), version,
                retired, restricted);
    }

    /** These facts of a profile merged into another one, as of event {@code version}. */
    ProfileFacts retired(long version) {
        return new ProfileFacts(profileId, List.of(), version, true, restricted);
    }

    /** These facts with processing restricted or not; the version stays, as the change is not the profile's. */
    ProfileFacts restricted(boolean restricted) {
        return new ProfileFacts(profileId, records, version, retired, restricted);
    }

    /** These facts with {@code key}'s record added or replaced, as of event {@code version}. */
    ProfileFacts withRecord(SourceRecordKey key, String country, Instant receivedAt, long version) {
        List<RecordFact> next = new ArrayList<>(records.stream().filter(r -> !r.key().equals(key)).toList());
        next.add(new RecordFact(key, country, receivedAt));
        next.sort(OLDEST_FIRST);
        return new ProfileFacts(profileId, next, version, retired, restricted);
    }

    /** The current country as the profile view decides it: the most recently received given one; "" if none. */
    String country() {
        String country = "";
        for (RecordFact record : records) {
            if (record.country() != null) {
                country = record.country();
            }
        }
        return country;
    }

    /** The distinct sources the profile holds records from, sorted. */
    List<String> sources() {
        return records.stream().map(r -> r.key().source()).distinct().sorted().toList();
    }
}
