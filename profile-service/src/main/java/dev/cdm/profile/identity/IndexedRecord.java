package dev.cdm.profile.identity;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.matching.BlockingKeys;
import dev.cdm.kernel.matching.MatchRecord;
import dev.cdm.kernel.matching.PreparedRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A source record as identity resolution sees it: the fields it is compared on (prepared for comparison once, when
 * the record is read) and the blocks it sits in.
 */
public record IndexedRecord(SourceRecordKey key, PreparedRecord prepared, Set<String> blockingKeys) {

    public IndexedRecord {
        blockingKeys = Set.copyOf(blockingKeys);
    }

    public IndexedRecord(SourceRecordKey key, MatchRecord match, Set<String> blockingKeys) {
        this(key, PreparedRecord.of(match), blockingKeys);
    }

    public MatchRecord match() {
        return prepared.source();
    }

    public static IndexedRecord of(SourceRecordKey key, PersonData person) {
        MatchRecord match = matchRecord(person);
        return new IndexedRecord(key, match, BlockingKeys.of(match));
    }

    /** The person's valid, normalized fields; values flagged invalid are not among them, so never compared. */
    static MatchRecord matchRecord(PersonData person) {
        List<String> lines = person.address() == null ? List.of()
                : Arrays.stream(person.address().split("[\\n;]")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new MatchRecord(person.firstName(), person.lastName(),
                person.birthDate() == null ? null : person.birthDate().toString(), lines, person.postalCode(),
                person.locality(), person.region(), person.country(), person.email(), person.phone(),
                person.externalIds());
    }
}
