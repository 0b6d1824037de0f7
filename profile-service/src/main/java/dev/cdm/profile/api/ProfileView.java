package dev.cdm.profile.api;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.identity.Identifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read model of one profile. {@code person} is the unified view: per field, the most recently received
 * non-empty value. {@code version} is the sequence number of the last event applied.
 */
public record ProfileView(String profileId, PersonData person, List<LinkedRecordView> records, Instant createdAt,
                          Instant updatedAt, long version) {

    private static final Comparator<LinkedRecordView> OLDEST_FIRST = Comparator
            .comparing(LinkedRecordView::receivedAt)
            .thenComparing(r -> r.key().source())
            .thenComparing(r -> r.key().sourceRecordId());

    public static ProfileView created(String profileId, Instant createdAt, long version) {
        return new ProfileView(profileId, PersonData.empty(), List.of(), createdAt, createdAt, version);
    }

    /** This view with {@code record} added or replaced, as of event {@code version}. */
    public ProfileView withRecord(SourceRecordKey key, PersonData data, Instant receivedAt, long version) {
        List<LinkedRecordView> next = new ArrayList<>(records.stream()
                .filter(r -> !r.key().equals(key))
                .toList());
        next.add(new LinkedRecordView(key, data, receivedAt));
        next.sort(OLDEST_FIRST);
        PersonData unified = next.stream()
                .map(LinkedRecordView::person)
                .reduce(PersonData.empty(), PersonData::overlaidWith);
        Instant latest = receivedAt.isAfter(updatedAt) ? receivedAt : updatedAt;
        return new ProfileView(profileId, unified, List.copyOf(next), createdAt, latest, version);
    }

    /** The lookup keys ({@code email:…}, {@code phone:…}) of every identifier any linked record carries. */
    public Set<String> lookupKeys() {
        Set<String> keys = new TreeSet<>();
        for (LinkedRecordView record : records) {
            PersonData person = record.person();
            if (person.email() != null) {
                keys.add(Identifiers.emailKey(Identifiers.normalizeEmail(person.email())));
            }
            if (person.phone() != null) {
                Identifiers.normalizePhone(person.phone(), person.country())
                        .ifPresent(phone -> keys.add(Identifiers.phoneKey(phone)));
            }
        }
        return keys;
    }

    public ProfileView {
        Objects.requireNonNull(profileId, "profileId");
        records = List.copyOf(records);
    }
}
