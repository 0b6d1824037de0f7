package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.serialization.Revision;

/**
 * A source record now belongs to the profile, with the person fields it carried and the decision that linked it.
 *
 * <p>Revision 2: {@code decision} is always present. Revision 1 payloads without one (stored before identity
 * resolution, or for a record that founded or joined the profile named by its key) are upcast to a founding
 * decision by {@code dev.cdm.kernel.axon.SourceRecordLinkedUpcaster}; see {@code docs/events.md}.
 */
@EventType("cdm.profile.SourceRecordLinked")
@Revision("2")
public record SourceRecordLinkedEvent(String profileId, @DataSubject SourceRecordKey record, PersonData person,
                                      Instant receivedAt, LinkDecision decision) {

    public SourceRecordLinkedEvent {
        Objects.requireNonNull(decision, "decision");
    }
}
