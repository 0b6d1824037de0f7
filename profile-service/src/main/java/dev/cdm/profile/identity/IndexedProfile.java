package dev.cdm.profile.identity;

import dev.cdm.kernel.events.SourceRecordKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A profile in the match index: its records' match fields, the profiles a split keeps it apart from, and whether
 * its processing is restricted. Mutable,
 * for the two places that keep it current: the {@code identity-index} projection and a resolution batch's
 * workspace, which apply the same changes in the same way.
 */
public final class IndexedProfile {

    private final String profileId;
    private final Map<SourceRecordKey, IndexedRecord> records = new LinkedHashMap<>();
    private final Set<String> keptApartFrom = new TreeSet<>();
    private long version;
    private boolean restricted;

    public IndexedProfile(String profileId, long version) {
        this.profileId = profileId;
        this.version = version;
    }

    /** A copy to change without changing this one (records themselves are immutable). */
    public IndexedProfile copy() {
        IndexedProfile copy = new IndexedProfile(profileId, version);
        copy.records.putAll(records);
        copy.keptApartFrom.addAll(keptApartFrom);
        copy.restricted = restricted;
        return copy;
    }

    public String profileId() {
        return profileId;
    }

    public Collection<IndexedRecord> records() {
        return records.values();
    }

    public Set<String> keptApartFrom() {
        return keptApartFrom;
    }

    public long version() {
        return version;
    }

    public void version(long version) {
        this.version = version;
    }

    public void put(IndexedRecord record) {
        records.put(record.key(), record);
    }

    public void remove(SourceRecordKey key) {
        records.remove(key);
    }

    /** While processing is restricted (GDPR Art. 18) the profile merges with no other. */
    public boolean restricted() {
        return restricted;
    }

    public void restricted(boolean restricted) {
        this.restricted = restricted;
    }

    public void keepApartFrom(String otherProfileId) {
        keptApartFrom.add(otherProfileId);
    }

    /** Every blocking key any of its records holds. */
    public Set<String> blockingKeys() {
        Set<String> keys = new TreeSet<>();
        records.values().forEach(r -> keys.addAll(r.blockingKeys()));
        return keys;
    }
}
