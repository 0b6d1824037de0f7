package dev.cdm.profile.api;

import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.identity.Identifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read model of one profile: its linked records, each as the profile last received it (the unified person a
 * read answers with is their golden record, {@code golden.GoldenRecord}, computed from them on every read).
 * {@code version} is the sequence number of the last event applied. A profile merged into another one has no
 * records and names the survivor in {@code mergedInto}.
 */
public record ProfileView(String profileId, List<LinkedRecordView> records, Instant createdAt,
                          Instant updatedAt, long version, String mergedInto, List<String> mergedProfileIds,
                          List<String> keptApartFrom) {

    /** The order of the records: rectifications after all others, then as received. */
    private static final Comparator<LinkedRecordView> OLDEST_FIRST = Comparator
            .comparing((LinkedRecordView r) -> r.key().correctsProfile())
            .thenComparing(LinkedRecordView::receivedAt)
            .thenComparing(r -> r.key().source())
            .thenComparing(r -> r.key().sourceRecordId());

    public static ProfileView created(String profileId, Instant createdAt, long version) {
        return new ProfileView(profileId, List.of(), createdAt, createdAt, version, null, List.of(), List.of());
    }

    /**
     * This view with {@code record} added or replaced, as of event {@code version}; a replaced record keeps its
     * decision when {@code decision} is null.
     */
    public ProfileView withRecord(SourceRecordKey key, PersonData data, Instant receivedAt, LinkDecision decision,
                                  long version) {
        LinkDecision kept = decision != null ? decision : records.stream().filter(r -> r.key().equals(key))
                .findFirst().map(LinkedRecordView::decision).orElse(null);
        List<LinkedRecordView> next = new ArrayList<>(records.stream()
                .filter(r -> !r.key().equals(key))
                .toList());
        next.add(new LinkedRecordView(key, data, receivedAt, kept, activitiesOf(key)));
        Instant latest = receivedAt.isAfter(updatedAt) ? receivedAt : updatedAt;
        return withRecords(next, latest, version);
    }

    /** This view with a record that moved in from another profile, its activities with it. */
    public ProfileView withMovedRecord(MovedRecord moved, LinkDecision decision, long version) {
        ProfileView next = withRecord(moved.record(), moved.person(), moved.receivedAt(), decision, version);
        for (Activity activity : moved.activities()) {
            next = next.withActivity(moved.record(), activity, version);
        }
        return next;
    }

    /**
     * This view with {@code activity} added to {@code record}'s, as of event {@code version}; an activity whose key
     * the profile holds already (it came twice, once through a merge) is not added again.
     */
    public ProfileView withActivity(SourceRecordKey record, Activity activity, long version) {
        boolean known = records.stream().flatMap(r -> r.activities().stream()).anyMatch(activity::sameAs);
        List<LinkedRecordView> next = records.stream()
                .map(r -> r.key().equals(record) && !known ? r.withActivity(activity) : r)
                .toList();
        Instant at = activity.recordedAt();
        return withRecords(next, at != null && at.isAfter(updatedAt) ? at : updatedAt, version);
    }

    /** Every activity of every record, in no particular order. */
    public List<Activity> activities() {
        return records.stream().flatMap(r -> r.activities().stream()).toList();
    }

    private List<Activity> activitiesOf(SourceRecordKey key) {
        return records.stream().filter(r -> r.key().equals(key)).findFirst()
                .map(LinkedRecordView::activities).orElse(List.of());
    }

    /** This view without the records {@code keys}, kept apart from {@code otherProfileId}. */
    public ProfileView withoutRecords(Collection<SourceRecordKey> keys, String otherProfileId, Instant at,
                                      long version) {
        List<LinkedRecordView> next = records.stream().filter(r -> !keys.contains(r.key())).toList();
        return withRecords(next, at.isAfter(updatedAt) ? at : updatedAt, version).keptApartFrom(otherProfileId);
    }

    /** This view after absorbing {@code mergedProfileId}. */
    public ProfileView withMerged(String mergedProfileId, long version) {
        List<String> merged = new ArrayList<>(mergedProfileIds);
        merged.add(mergedProfileId);
        return new ProfileView(profileId, records, createdAt, updatedAt, version, mergedInto, merged, keptApartFrom);
    }

    /** This view retired into {@code survivor}: no records of its own any more. */
    public ProfileView retiredInto(String survivor, Instant at, long version) {
        return new ProfileView(profileId, List.of(), createdAt, at, version, survivor, mergedProfileIds,
                keptApartFrom);
    }

    public ProfileView keptApartFrom(String otherProfileId) {
        if (otherProfileId == null || keptApartFrom.contains(otherProfileId)) {
            return this;
        }
        List<String> apart = new ArrayList<>(keptApartFrom);
        apart.add(otherProfileId);
        return new ProfileView(profileId, records, createdAt, updatedAt, version, mergedInto, mergedProfileIds,
                apart);
    }

    private ProfileView withRecords(List<LinkedRecordView> next, Instant latest, long version) {
        List<LinkedRecordView> sorted = new ArrayList<>(next);
        sorted.sort(OLDEST_FIRST);
        return new ProfileView(profileId, List.copyOf(sorted), createdAt, latest, version, mergedInto,
                mergedProfileIds, keptApartFrom);
    }

    /** The lookup keys ({@code email:…}, {@code phone:…}, {@code ext:…}) of every identifier any linked record carries. */
    public Set<String> lookupKeys() {
        Set<String> keys = new TreeSet<>();
        for (LinkedRecordView record : records) {
            keys.addAll(lookupKeysOf(record.person()));
        }
        return keys;
    }

    /** The lookup keys of the identifiers one record's {@code person} carries. */
    public static Set<String> lookupKeysOf(PersonData person) {
        Set<String> keys = new TreeSet<>();
        if (person.email() != null) {
            keys.add(Identifiers.emailKey(Identifiers.normalizeEmail(person.email())));
        }
        if (person.phone() != null) {
            Identifiers.normalizePhone(person.phone(), person.country())
                    .ifPresent(phone -> keys.add(Identifiers.phoneKey(phone)));
        }
        person.externalIds().forEach((type, value) -> keys.add(Identifiers.externalIdKey(type, value)));
        return keys;
    }

    public ProfileView {
        Objects.requireNonNull(profileId, "profileId");
        records = List.copyOf(records);
        mergedProfileIds = mergedProfileIds == null ? List.of() : List.copyOf(mergedProfileIds);
        keptApartFrom = keptApartFrom == null ? List.of() : List.copyOf(keptApartFrom);
    }
}
